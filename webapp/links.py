"""Links to the app's own pages, built with one ``url_for`` per endpoint and request.

A results page carries twenty and more links (results, facets, pager); building each with
``url_for`` cost about a tenth of the app's CPU per search. The path of an endpoint does not
change within a request, only the query string does, and that is encoded as werkzeug does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from urllib.parse import quote_plus, urlencode

from flask import request, url_for

# werkzeug's safe characters for query strings, so the links read exactly as url_for's.
_SAFE = "!$'()*,/:;?@"
# Distinct names and values quoted and remembered (a page repeats the query, the category and
# the sort in each of its links; visitors repeat queries).
QUOTED_KEPT = 4096


@lru_cache(maxsize=QUOTED_KEPT)
def _quoted(text: str) -> str:
    return quote_plus(text, safe=_SAFE)


@lru_cache(maxsize=QUOTED_KEPT)
def _pair(key: str, value: str) -> str:
    return f"{_quoted(key)}={_quoted(value)}"


def query_string(items: Sequence[tuple[str, object]]) -> str:
    """``urlencode(items, doseq=True, safe=_SAFE)``, with each pair of texts quoted once per
    worker rather than once per link; anything but text and numbers goes to ``urlencode``."""
    parts = []
    for key, value in items:
        if type(value) is not str:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            if not isinstance(value, str):
                return urlencode(items, doseq=True, safe=_SAFE)
        if type(key) is not str:
            return urlencode(items, doseq=True, safe=_SAFE)
        parts.append(_pair(key, value))
    return "&".join(parts)


# (mount point, endpoint, static file) -> path: the same for every request under one mount
# point, which the server sets (a page's paths start with it).
_PATHS: dict[tuple[str, str, str], str] = {}


def path_for(endpoint: str, filename: str = "") -> str:
    """The endpoint's path without arguments (or that of a ``static`` file), built once per
    worker and mount point."""
    key = (request.script_root, endpoint, filename)
    path = _PATHS.get(key)
    if path is None:
        path = url_for(endpoint, filename=filename) if filename else url_for(endpoint)
        _PATHS[key] = path
    return path


def link(endpoint: str, args: Mapping[str, object] | None = None, **more: object) -> str:
    """The endpoint's path with ``args`` as query string; arguments that are None are left out."""
    items = [(k, v) for k, v in {**(args or {}), **more}.items() if v is not None]
    path = path_for(endpoint)
    return f"{path}?{query_string(items)}" if items else path


def slot(n: int = 0) -> str:
    """A stand-in value for `LinkPattern`: control characters, which no request text keeps."""
    return f"\x00slot{n}\x00"


class LinkPattern:
    """A family of links that differ in one or two values only (the facet values, the page
    numbers, the result rows of one page): the common part is encoded once per page, each
    link then quotes only its own values. The links read exactly as ``link`` writes them."""

    __slots__ = ("_endpoint", "_args", "_parts")

    def __init__(self, endpoint: str, args: Mapping[str, object], slots: int = 1) -> None:
        self._endpoint, self._args = endpoint, dict(args)
        rest = link(endpoint, args)
        parts: list[str] | None = []
        for n in range(slots):
            marker = _quoted(slot(n))
            if rest.count(marker) != 1:
                # Slots out of order, or a request text holding a slot: link by link.
                parts = None
                break
            head, rest = rest.split(marker)
            parts.append(head)
        self._parts = None if parts is None else (*parts, rest)

    def __call__(self, *values: str) -> str:
        """The link with `values` in the slots (texts, as the arguments would carry them)."""
        parts = self._parts
        if parts is None:
            fill = {slot(n): value for n, value in enumerate(values)}
            return link(self._endpoint, {k: fill.get(v, v) if isinstance(v, str) else v
                                         for k, v in self._args.items()})
        if len(values) == 1:
            return f"{parts[0]}{_quoted(values[0])}{parts[1]}"
        if len(values) == 2:  # the click link of each result row
            return f"{parts[0]}{_quoted(values[0])}{parts[1]}{_quoted(values[1])}{parts[2]}"
        out = [parts[0]]
        for value, part in zip(values, parts[1:], strict=True):
            out.append(_quoted(value))
            out.append(part)
        return "".join(out)
