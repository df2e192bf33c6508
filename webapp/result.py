"""SearchResult: Solr's answer turned into typed values for templates and JSON."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from markupsafe import Markup

from .escape import plain_words
from .highlight import safe_highlight
from .request import SearchRequest


@dataclass(frozen=True)
class Hit:
    """One found page."""

    id: str
    url: str
    title: str
    title_html: Markup
    snippet_html: Markup
    category: str | None
    online_date: datetime | None
    online_date_raw: str | None
    click_counter: int


@dataclass(frozen=True)
class FacetValue:
    """One category with its number of hits."""

    value: str
    count: int


@dataclass(frozen=True)
class Suggestion:
    """Solr's best whole-query correction ("Meinten Sie")."""

    text: str
    hits: int
    corrections: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """Everything a result page or the widget API shows about one search."""

    request: SearchRequest
    num_found: int = 0
    start: int = 0
    hits: tuple[Hit, ...] = ()
    facets: tuple[FacetValue, ...] = ()
    suggestion: Suggestion | None = None
    word_suggestions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Set when the hits shown are those of `suggestion` because the visitor's query had none.
    replaced_query: str | None = None
    searched: bool = field(default=True)

    @property
    def num_pages(self) -> int:
        """Number of result pages (0 without hits)."""
        return math.ceil(self.num_found / self.request.rows) if self.num_found else 0

    @property
    def page(self) -> int:
        """The page shown."""
        return self.request.page

    @classmethod
    def empty(cls, request: SearchRequest) -> "SearchResult":
        """The result of not searching at all (empty search box)."""
        return cls(request=request, searched=False)


def _pairs(flat: Any) -> list[tuple[Any, Any]]:
    """Solr's default JSON for named lists: [name1, value1, name2, value2, ...]."""
    if isinstance(flat, dict):
        return list(flat.items())
    if isinstance(flat, list):
        return list(zip(flat[::2], flat[1::2]))
    return []


def parse_date(value: Any) -> datetime | None:
    """Solr's ISO date (UTC, 'Z') as an aware datetime."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _hit(doc: dict[str, Any], highlights: dict[str, Any]) -> Hit:
    title = str(doc.get("title") or doc.get("url") or doc["id"])
    marked = highlights.get(str(doc["id"]), {})
    return Hit(
        id=str(doc["id"]),
        url=str(doc.get("url") or ""),
        title=title,
        title_html=safe_highlight(marked.get("title"), title),
        snippet_html=safe_highlight(marked.get("content"), doc.get("teaser")),
        category=doc.get("category"),
        online_date=parse_date(doc.get("onlineDate")),
        online_date_raw=doc.get("onlineDate"),
        click_counter=int(doc.get("clickCounter") or 0),
    )


def _keep_user_case(query: str, corrections: list[tuple[str, str]]) -> str | None:
    """Apply word corrections to the visitor's own words, keeping their capitalisation."""
    fixes = {wrong.lower(): right for wrong, right in corrections}
    words = plain_words(query).split()
    if not set(fixes) <= {w.lower() for w in words}:
        return None
    out = []
    for word in words:
        right = fixes.get(word.lower())
        if right is None:
            out.append(word)
        elif word[:1].isupper():
            out.append(right[:1].upper() + right[1:])
        else:
            out.append(right)
    return " ".join(out)


def parse_suggestion(spellcheck: dict[str, Any], query: str) -> Suggestion | None:
    """The collation with the most hits, worded with the visitor's capitalisation."""
    best: Suggestion | None = None
    for name, value in _pairs(spellcheck.get("collations")):
        if name != "collation" or not isinstance(value, dict):
            continue
        hits = int(value.get("hits") or 0)
        corrections = [(str(a), str(b)) for a, b in _pairs(value.get("misspellingsAndCorrections"))]
        text = _keep_user_case(query, corrections) or str(value.get("collationQuery", ""))
        if text and text.lower() != plain_words(query).lower() and (best is None or hits > best.hits):
            best = Suggestion(text=text, hits=hits, corrections=tuple(corrections))
    return best


def parse_word_suggestions(spellcheck: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per-word alternatives Solr offers."""
    out = []
    for word, info in _pairs(spellcheck.get("suggestions")):
        if isinstance(info, dict):
            alts = tuple(str(s["word"]) if isinstance(s, dict) else str(s)
                         for s in info.get("suggestion", []))
            out.append((str(word), alts))
    return tuple(out)


def parse_search_response(raw: dict[str, Any], request: SearchRequest) -> SearchResult:
    """Turn the JSON of /search into a SearchResult."""
    response = raw.get("response", {})
    highlights = raw.get("highlighting", {})
    facet_fields = raw.get("facet_counts", {}).get("facet_fields", {})
    spellcheck = raw.get("spellcheck", {})
    return SearchResult(
        request=request,
        num_found=int(response.get("numFound", 0)),
        start=int(response.get("start", 0)),
        hits=tuple(_hit(doc, highlights) for doc in response.get("docs", [])),
        facets=tuple(FacetValue(str(v), int(c)) for v, c in _pairs(facet_fields.get("category"))),
        suggestion=parse_suggestion(spellcheck, request.query),
        word_suggestions=parse_word_suggestions(spellcheck),
    )
