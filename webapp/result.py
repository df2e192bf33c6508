"""SearchResult: Solr's answer turned into typed values for templates and JSON."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime
from typing import Any, TypeVar

from markupsafe import Markup

from .escape import plain_words
from .highlight import safe_highlight
from .request import SearchRequest, Sort
from .spelling import best_collation, parse_collations, restore_case


T = TypeVar("T")

# Shown above the first hit that lacks one of the visitor's words (page and API alike).
PARTIAL_MATCHES_NOTICE = "Ergebnisse, die nicht alle Suchbegriffe enthalten"


@dataclass(frozen=True)
class FileInfo:
    """What a found document is: type, size in bytes, pages, the page that links it."""

    kind: str
    size: int | None
    pages: int | None
    linked_from: str | None
    linked_from_title: str | None


@dataclass(frozen=True)
class Hit:
    """One found page or document."""

    id: str
    url: str
    title: str
    title_html: Markup
    snippet_html: Markup
    category: str | None
    online_date: datetime | None
    online_date_raw: str | None
    click_counter: int
    file: FileInfo | None = None
    # Only where the page states a time of day; otherwise online_date is that day at 00:00 UTC.
    online_time_known: bool = False
    # False when the page lacks one of the visitor's words (relaxed matching found it).
    all_words: bool = True
    # The same page under other addresses (best first, at most builder.OTHER_ADDRESSES_SHOWN),
    # and how many other addresses there are in all.
    other_urls: tuple[str, ...] = ()
    other_count: int = 0
    # The language the page is published in (`language`), None when the index has none.
    language: str | None = None


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
    # Documents per file type (PDF, DOCX, ODT), counted without the type filter.
    file_types: tuple[FacetValue, ...] = ()
    suggestion: Suggestion | None = None
    word_suggestions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Set when the hits shown are those of `suggestion` because the visitor's query had none.
    replaced_query: str | None = None
    searched: bool = field(default=True)
    # True when these are the results of the relaxed second pass (few pages had all words).
    relaxed: bool = False
    # Pages per published language and per site, each counted without its own filter.
    languages: tuple[FacetValue, ...] = ()
    sites: tuple[FacetValue, ...] = ()

    @property
    def partial_matches(self) -> bool:
        """True when some hit shown lacks one of the visitor's words."""
        return any(not hit.all_words for hit in self.hits)

    @property
    def first_partial(self) -> int | None:
        """Position (0-based) of the first hit shown without all words, or None."""
        return next((i for i, hit in enumerate(self.hits) if not hit.all_words), None)

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


def _frozen(cls: type[T], values: dict[str, Any]) -> T:
    """``cls(**values)`` for a frozen dataclass whose every field is in ``values``.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; for
    the fifteen fields of a Hit that was half the cost of a row (about 10 of 20 µs, one Hit
    per row of every answer). The instance is the same (equality, hash, repr, immutability);
    tests compare rows made both ways.
    """
    made = object.__new__(cls)
    made.__dict__.update(values)
    return made


def _hit(doc: dict[str, Any], highlights: dict[str, Any],
         expanded: dict[str, Any] | None = None) -> Hit:
    doc_id = str(doc["id"])
    get = doc.get
    url, date, language = get("url"), get("onlineDate"), get("language")
    title = str(get("title") or url or doc["id"])
    marked = highlights.get(doc_id, {})
    others, other_count = _other_addresses(doc, expanded) if expanded else ((), 0)
    return _frozen(Hit, {
        "id": doc_id,
        "url": str(url or ""),
        "title": title,
        "title_html": safe_highlight(marked.get("title"), title),
        "snippet_html": safe_highlight(marked.get("content"), get("teaser")),
        "category": get("category"),
        "online_date": parse_date(date),
        "online_date_raw": date,
        "click_counter": int(get("clickCounter") or 0),
        "file": _file_info(doc),
        "online_time_known": get("onlineDateHasTime") is True,
        "all_words": get("allwords") is not False,
        "other_urls": others,
        "other_count": other_count,
        "language": str(language) if language else None,
    })


def _other_addresses(doc: dict[str, Any],
                     expanded: dict[str, Any]) -> tuple[tuple[str, ...], int]:
    """The other addresses of the hit's signature group (Solr's expand section) and their
    total number; none for a page without signature."""
    group = expanded.get(str(doc.get("signature") or ""))
    if not isinstance(group, dict):
        return (), 0
    urls = [str(d["url"]) for d in group.get("docs", []) if isinstance(d, dict) and d.get("url")]
    urls = [u for u in dict.fromkeys(urls) if u != doc.get("url")]
    return tuple(urls), max(int(group.get("numFound", 0)), len(urls))


def _file_info(doc: dict[str, Any]) -> FileInfo | None:
    kind = doc.get("fileType")
    if not kind:
        return None
    size, pages = doc.get("fileSize"), doc.get("pageCount")
    return FileInfo(kind=str(kind), size=int(size) if size is not None else None,
                    pages=int(pages) if pages is not None else None,
                    linked_from=doc.get("linkedFrom"),
                    linked_from_title=doc.get("linkedFromTitle"))


def _buckets(raw: dict[str, Any], name: str) -> tuple[FacetValue, ...]:
    facet = raw.get("facets", {}).get(name, {})
    buckets = facet.get("buckets", []) if isinstance(facet, dict) else []
    return tuple(FacetValue(str(b["val"]), int(b["count"])) for b in buckets
                 if isinstance(b, dict) and "val" in b)


def _group_buckets(raw: dict[str, Any], name: str) -> tuple[FacetValue, ...]:
    """Buckets of a builder._group_facet: each value's signatures plus its pages without
    one, most first."""
    facet = raw.get("facets", {}).get(name, {})
    buckets = facet.get("buckets", []) if isinstance(facet, dict) else []
    values = [FacetValue(str(b["val"]), int(b.get("groups") or 0)
                         + int((b.get("single") or {}).get("count", 0)))
              for b in buckets if isinstance(b, dict) and "val" in b]
    return tuple(sorted(values, key=lambda v: (-v.count, v.value)))


def _counted_on_groups(raw: dict[str, Any], name: str,
                      plain: tuple[FacetValue, ...]) -> tuple[FacetValue, ...]:
    """The facet `name` that counts each duplicate group once (builder's
    add_grouped_filter_facets_to_solr), where the request asked for it; else `plain`."""
    facets = raw.get("facets", {})
    return _group_buckets(raw, name) if isinstance(facets, dict) and name in facets else plain


def parse_suggestion(spellcheck: dict[str, Any], query: str, num_found: int,
                     word_forms: bool = False) -> Suggestion | None:
    """The "Meinten Sie" suggestion: only one that finds more than the query itself.

    The choice (fewest changed words, fewest edits, most hits) and the visitor's
    capitalisation come from ``webapp.spelling``, which the quality evaluation measures.
    """
    typed = plain_words(query)
    collations = parse_collations(spellcheck)
    chosen = best_collation(collations, num_found, word_forms)
    if chosen is None:
        return None
    text = restore_case(typed, chosen)
    if text.lower() == typed.lower():
        return None
    return Suggestion(text=text, hits=chosen.hits, corrections=chosen.corrections)


def parse_word_suggestions(spellcheck: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per-word alternatives Solr offers."""
    out = []
    for word, info in _pairs(spellcheck.get("suggestions")):
        if isinstance(info, dict):
            alts = tuple(str(s["word"]) if isinstance(s, dict) else str(s)
                         for s in info.get("suggestion", []))
            out.append((str(word), alts))
    return tuple(out)


def found_words_only(words: tuple[tuple[str, tuple[str, ...]], ...],
                     spellcheck: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Keep only alternatives that a collation with hits uses. Solr's word list comes from
    the whole index, but collations are tried with the request's filters: with pages
    excluded, a word found only on them must not be offered."""
    found = {right.lower() for c in parse_collations(spellcheck) if c.hits > 0
             for _, right in c.corrections}
    kept = ((word, tuple(a for a in alts if a.lower() in found)) for word, alts in words)
    return tuple((word, alts) for word, alts in kept if alts)


def _offered_words(raw: dict[str, Any],
                   request: SearchRequest) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Solr's per-word alternatives; with pages excluded, only those a collation found."""
    spellcheck = raw.get("spellcheck", {})
    words = parse_word_suggestions(spellcheck)
    return found_words_only(words, spellcheck) if request.exclusions else words


def parse_search_response(raw: dict[str, Any], request: SearchRequest) -> SearchResult:
    """Turn the JSON of /search into a SearchResult (a request without relaxed matching; for
    one with it, :func:`parse_matchings` gives both views)."""
    response = raw.get("response", {})
    highlights = raw.get("highlighting", {})
    facet_fields = raw.get("facet_counts", {}).get("facet_fields", {})
    spellcheck = raw.get("spellcheck", {})
    num_found = int(response.get("numFound", 0))
    return SearchResult(
        request=request,
        num_found=num_found,
        start=int(response.get("start", 0)),
        hits=tuple(_hit(doc, highlights, raw.get("expanded"))
                   for doc in response.get("docs", [])),
        facets=_counted_on_groups(raw, "kategorien", tuple(
            FacetValue(str(v), int(c)) for v, c in _pairs(facet_fields.get("category")))),
        file_types=_counted_on_groups(raw, "dateitypen_gruppen", _buckets(raw, "dateitypen")),
        languages=_group_buckets(raw, "sprachen"),
        sites=_group_buckets(raw, "bereiche"),
        suggestion=parse_suggestion(spellcheck, request.query, num_found, request.exact),
        word_suggestions=_offered_words(raw, request),
    )


def _query_facet(raw: dict[str, Any], name: str) -> dict[str, Any]:
    facet = raw.get("facets", {}).get(name, {})
    return facet if isinstance(facet, dict) else {}


def _nested_buckets(raw: dict[str, Any], name: str) -> tuple[FacetValue, ...]:
    return _buckets({"facets": _query_facet(raw, name)}, "werte")


def _relevance_order(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's hits by the relaxed query's score, newer first among equals (as the plain
    relevance order), pinned pages first."""
    by_date = sorted(docs, key=lambda d: str(d.get("onlineDate") or ""), reverse=True)
    return sorted(by_date, key=lambda d: (not d.get("[elevated]"),
                                          -float(d.get("relaxscore") or 0.0)))


@dataclass(frozen=True)
class Matchings:
    """The two views of one request that carried both matchings (see webapp.builder).

    The counts and the spelling help are read at once; each view's hits and facets only
    when it is first asked for, so that a search parses only the view it shows.
    """

    raw: dict[str, Any] = field(repr=False, compare=False)
    request: SearchRequest
    strict_found: int
    relaxed_found: int
    suggestion: Suggestion | None
    word_suggestions: tuple[tuple[str, tuple[str, ...]], ...]

    @cached_property
    def strict(self) -> SearchResult:
        """The pages of the ranking's own matching (and pinned ones), counted by the
        request's query facets, which come first in its order, so a page of them is a
        prefix of the returned list."""
        raw, response = self.raw, self.raw.get("response", {})
        highlights, expanded = raw.get("highlighting", {}), raw.get("expanded")
        return SearchResult(
            request=self.request, num_found=self.strict_found,
            start=int(response.get("start", 0)),
            hits=tuple(_hit(d, highlights, expanded) for d in response.get("docs", [])
                       if d.get("strict") or d.get("[elevated]")),
            facets=_counted_on_groups(raw, "strict_kategorien_gruppen",
                                      _nested_buckets(raw, "strict_kategorien")),
            file_types=_counted_on_groups(raw, "strict_dateitypen_gruppen",
                                          _nested_buckets(raw, "strict_dateitypen")),
            languages=_group_buckets(raw, "strict_sprachen"),
            sites=_group_buckets(raw, "strict_bereiche"),
            suggestion=self.suggestion, word_suggestions=self.word_suggestions)

    @cached_property
    def relaxed(self) -> SearchResult:
        """Everything the main query found; in relevance order the page's hits are sorted by
        the relaxed query's score, so a page of the strict matching does not go before a
        better one only because it has two of three words."""
        raw, response = self.raw, self.raw.get("response", {})
        docs = list(response.get("docs", []))
        if self.request.sort is Sort.RELEVANCE:
            docs = _relevance_order(docs)
        highlights, expanded = raw.get("highlighting", {}), raw.get("expanded")
        facet_fields = raw.get("facet_counts", {}).get("facet_fields", {})
        return SearchResult(
            request=self.request, num_found=self.relaxed_found,
            start=int(response.get("start", 0)),
            hits=tuple(_hit(d, highlights, expanded) for d in docs),
            facets=_counted_on_groups(raw, "kategorien", tuple(
                FacetValue(str(v), int(c)) for v, c in _pairs(facet_fields.get("category")))),
            file_types=_counted_on_groups(raw, "dateitypen_gruppen",
                                          _buckets(raw, "dateitypen")),
            languages=_group_buckets(raw, "sprachen"), sites=_group_buckets(raw, "bereiche"),
            suggestion=self.suggestion, word_suggestions=self.word_suggestions, relaxed=True)


def parse_matchings(raw: dict[str, Any], request: SearchRequest) -> Matchings:
    """Both views of a request with relaxed matching: the strict count is the request's
    query facets (strict pages plus pinned ones outside them), the relaxed one Solr's
    numFound; "Meinten Sie" is judged against the strict count."""
    strict_found = (int(_query_facet(raw, "strict").get("count", 0))
                    + int(_query_facet(raw, "strict_gepinnt").get("count", 0)))
    return Matchings(
        raw=raw, request=request, strict_found=strict_found,
        relaxed_found=int(raw.get("response", {}).get("numFound", 0)),
        suggestion=parse_suggestion(raw.get("spellcheck", {}), request.query, strict_found,
                                    request.exact),
        word_suggestions=_offered_words(raw, request))
