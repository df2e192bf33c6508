"""The evaluation's only Solr I/O: run a visitor query on /search, analyse text.

Queries go to the same ``/search`` handler the web app uses (edismax, ``uf=-*``), escaped so
that no query syntax or local parameter reaches Solr.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quality.clock import now_param
from solrclient import SolrClient, Timeouts
from webapp.spelling import Collation, named_pairs, parse_collations

# Lucene/edismax syntax characters; visitors type words, never operators.
_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


@dataclass(frozen=True)
class SearchOutcome:
    """What one query returned: hit count, URLs in rank order, spellcheck collations."""

    hits: int
    urls: tuple[str, ...]
    collations: tuple[Collation, ...]
    suggestions: Mapping[str, tuple[str, ...]]


def escape_query(text: str) -> str:
    """The visitor's text with every query-syntax character escaped."""
    return _SPECIAL.sub(r"\\\1", text.strip())


def _suggestions(spellcheck: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for word, info in named_pairs(spellcheck.get("suggestions", [])):
        words = []
        for s in info.get("suggestion", []) if isinstance(info, Mapping) else []:
            words.append(s["word"] if isinstance(s, Mapping) else str(s))
        found[str(word)] = tuple(words)
    return found


class SearchClient:
    """Runs queries against one core with explicit timeouts, through the project's Solr client."""

    def __init__(self, core_url: str, timeout: float = 30.0) -> None:
        self.client = SolrClient(core_url, timeouts=Timeouts.reading(timeout))
        self.core_url = self.client.url

    def close(self) -> None:
        """Release pooled connections."""
        self.client.close()

    def _get(self, path: str, params: Mapping[str, Any]) -> dict[str, Any]:
        return self.client.call("GET", f"/{path}", params=dict(params))

    def search(self, query: str, rows: int = 3, **extra: Any) -> SearchOutcome:
        """The visitor query ``query`` on /search: hits, URLs, collations, word suggestions,
        at the evaluation's fixed date (quality.clock)."""
        body = self._get("search", {"q": escape_query(query), "rows": rows, "fl": "url",
                                    "hl": "false", "json.nl": "arrarr", **now_param(),
                                    **extra})
        # json.nl=arrarr: with "map", the repeated "collation" keys would collapse into one.
        spellcheck = body.get("spellcheck") or {}
        return SearchOutcome(
            hits=int(body["response"]["numFound"]),
            urls=tuple(d["url"] for d in body["response"]["docs"]),
            collations=parse_collations(spellcheck),
            suggestions=_suggestions(spellcheck),
        )

    def analyze(self, field_type: str, text: str, side: str = "index") -> tuple[str, ...]:
        """Tokens the last filter of ``field_type``'s index or query analyzer produces."""
        params = {"analysis.fieldtype": field_type, "analysis.showmatch": "false"}
        if side == "index":
            params["analysis.fieldvalue"] = text
        else:
            params.update({"analysis.query": text, "analysis.fieldvalue": ""})
        body = self._get("analysis/field", params)
        stages = body["analysis"]["field_types"][field_type][side]
        # The response alternates [stage class, tokens, ...]; the last tokens are the result.
        return tuple(t["text"] for t in stages[-1])

    def commit(self) -> None:
        """Make everything indexed so far visible (the indexer's soft commits may lag)."""
        self._get("update", {"commit": "true", "softCommit": "true"})

    def all_urls(self) -> tuple[str, ...]:
        """URL of every page in the core (to check that the evaluation sets still fit)."""
        body = self._get("select", {"q": "*:*", "fl": "url", "rows": 100_000})
        return tuple(d["url"] for d in body["response"]["docs"])

    def set_paramset(self, name: str, values: Mapping[str, str]) -> None:
        """Replace the ParamSet ``name`` through Solr's ParamSets API."""
        self.client.call("POST", "/config/params", json={"set": {name: dict(values)}})
