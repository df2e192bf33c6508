"""Form and query-string encoding of Solr parameters, each name=value pair quoted once.

A visitor search sends about forty parameters, nearly all of them the same local-param
definitions and facet descriptions every time; only the words, the page and a filter
change. ``urlencode`` quotes every one of them byte by byte in Python on every call: in
the profile of uncached new searches that was a fifth of the app's CPU. Here a pair is
quoted once and remembered, so a search pays only for its own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus, urlencode

# Distinct pairs remembered per process: the constant ones of every ranking and handler,
# plus the recent searches' words (which are evicted first).
PAIRS_KEPT = 2048


@lru_cache(maxsize=PAIRS_KEPT)
def _pair(key: str, value: str) -> str:
    return f"{quote_plus(key, safe='')}={quote_plus(value, safe='')}"


def encode(params: Mapping[str, Any]) -> str:
    """``urlencode(params, doseq=True)``, byte for byte: a list or tuple value repeats its
    name; names and values that are not text go to ``urlencode`` itself."""
    parts: list[str] = []
    for key, value in params.items():
        if not isinstance(key, str):
            return urlencode(params, doseq=True)
        if isinstance(value, str):
            parts.append(_pair(key, value))
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            parts.extend(_pair(key, v) for v in value)
        else:
            return urlencode(params, doseq=True)
    return "&".join(parts)
