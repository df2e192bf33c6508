"""Links to the app's own pages, built with one ``url_for`` per endpoint and request.

A results page carries twenty and more links (results, facets, pager); building each with
``url_for`` cost about a tenth of the app's CPU per search. The path of an endpoint does not
change within a request, only the query string does, and that is encoded as werkzeug does.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from flask import g, url_for

# werkzeug's safe characters for query strings, so the links read exactly as url_for's.
_SAFE = "!$'()*,/:;?@"


def path_for(endpoint: str) -> str:
    """The endpoint's path (without arguments), computed once per request."""
    paths: dict[str, str] = g.setdefault("stadtsuche_paths", {})
    path = paths.get(endpoint)
    if path is None:
        path = paths[endpoint] = url_for(endpoint)
    return path


def link(endpoint: str, args: Mapping[str, object] | None = None, **more: object) -> str:
    """The endpoint's path with ``args`` as query string; arguments that are None are left out."""
    items = [(k, v) for k, v in {**(args or {}), **more}.items() if v is not None]
    path = path_for(endpoint)
    return f"{path}?{urlencode(items, doseq=True, safe=_SAFE)}" if items else path
