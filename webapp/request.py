"""SearchRequest: the visitor's search parameters, validated and normalised."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from .tuning import Exclusions

MAX_QUERY_LENGTH = 200
MAX_CATEGORY_LENGTH = 100
ROWS_CHOICES = (10, 20, 50)
DEFAULT_ROWS = 10
# Deep paging is expensive for Solr and useless to visitors.
MAX_PAGE = 1000


class Sort(str, Enum):
    """Orders offered under "Sortierung"."""

    RELEVANCE = "relevanz"
    NEWEST = "datum_neu"
    OLDEST = "datum_alt"
    POPULAR = "beliebtheit"

    @property
    def label(self) -> str:
        """German label shown to visitors."""
        return SORT_LABELS[self]


SORT_LABELS = {
    Sort.RELEVANCE: "Relevanz",
    Sort.NEWEST: "Datum (neueste zuerst)",
    Sort.OLDEST: "Datum (älteste zuerst)",
    Sort.POPULAR: "Beliebtheit",
}

TRUE_WORDS = frozenset({"1", "true", "on", "ja", "yes"})

# "typ": only documents, or only one file type (the fileType values in the index).
DOC_TYPES = {"dokumente": None, "pdf": "PDF", "docx": "DOCX", "odt": "ODT"}
DOC_TYPE_LABELS = {"dokumente": "Alle Dokumente", "pdf": "PDF", "docx": "Word (DOCX)",
                   "odt": "OpenDocument (ODT)"}

# "sprache": the languages pages of the city are published in (the `language` field, the
# primary subtag of <html lang>), with their German names; other values filter nothing.
LANGUAGES = {"de": "Deutsch", "en": "Englisch", "fr": "Französisch", "it": "Italienisch",
             "es": "Spanisch", "pl": "Polnisch", "cs": "Tschechisch", "ru": "Russisch",
             "uk": "Ukrainisch", "ar": "Arabisch", "tr": "Türkisch", "fa": "Persisch",
             "zh": "Chinesisch"}
UNKNOWN_LANGUAGE_NOTICE = ("Diese Sprache kennt die Suche nicht; es wird in allen Sprachen "
                           "gesucht.")
# "bereich": a site of the city (the `site` field, named by the web team).
MAX_SITE_LENGTH = 100


@dataclass(frozen=True)
class SearchRequest:
    """One search as understood by the app, after all normalisation."""

    query: str = ""
    category: str | None = None
    page: int = 1
    rows: int = DEFAULT_ROWS
    sort: Sort = Sort.RELEVANCE
    # The web team's default order when this request was parsed; links leave out only it.
    default_sort: Sort = Sort.RELEVANCE
    exact: bool = False
    # A key of DOC_TYPES: only documents (of that type); None: pages and documents.
    doc_type: str | None = None
    # False when the visitor asked to see the results of exactly what they typed.
    autocorrect: bool = True
    notices: tuple[str, ...] = field(default=(), compare=False)
    # Pages the web team pinned for this query (never from the visitor's parameters).
    pinned_ids: tuple[str, ...] = field(default=(), compare=False)
    # Pages the web team ranked lower for this query or everywhere (never from the visitor).
    demoted_ids: tuple[str, ...] = field(default=(), compare=False)
    # True when the visitor chose no order: the builder then sends none and Solr applies the
    # ranking ParamSet's own sort, which may be a custom clause shown as "Relevanz". Not part
    # of equality: it decides who names the order, not which order the visitor sees.
    sort_from_ranking: bool = field(default=False, compare=False)
    # Pages the web team excluded (never from the visitor's parameters).
    exclusions: Exclusions = field(default=Exclusions(), compare=False)
    # Set by the search service for its relaxed second pass: the compound parts of the
    # visitor's words, searched together with them while fewer words need to match.
    relaxed_terms: tuple[str, ...] | None = field(default=None, compare=False)
    # Set by the search service: words of the same meaning as the visitor's (webapp.thesaurus),
    # searched on the relaxed side only, with a low weight.
    expansions: tuple[str, ...] = field(default=(), compare=False)
    # A key of LANGUAGES: only pages published in that language; None: all languages.
    language: str | None = None
    # Only pages of this site ("bereich"); None: all sites.
    site: str | None = None

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to search for."""
        return not self.query

    def to_args(self, **changes: object) -> dict[str, str]:
        """URL parameters that reproduce this request (with `changes`), defaults left out."""
        values = {"q": self.query, "category": self.category, "page": self.page,
                  "rows": self.rows, "sort": self.sort, "exact": self.exact,
                  "autocorrect": self.autocorrect, "doc_type": self.doc_type,
                  "language": self.language, "site": self.site}
        values.update(changes)
        args: dict[str, str] = {"q": str(values["q"] or "")}
        if values["category"]:
            args["category"] = str(values["category"])
        if values["page"] not in (None, 1):
            args["page"] = str(values["page"])
        if values["rows"] != DEFAULT_ROWS:
            args["rows"] = str(values["rows"])
        sort = values["sort"]
        # An explicit "Relevanz" must survive paging when the web team's default is another.
        if sort is not None and Sort(sort) is not self.default_sort:
            args["sort"] = Sort(sort).value
        if values["doc_type"]:
            args["typ"] = str(values["doc_type"])
        if values["language"]:
            args["sprache"] = str(values["language"])
        if values["site"]:
            args["bereich"] = str(values["site"])
        if values["exact"]:
            args["exact"] = "1"
        if not values["autocorrect"]:
            args["autocorrect"] = "0"
        return args


def clean_text(value: str) -> str:
    """Drop control characters and collapse whitespace (NFC-normalised)."""
    value = unicodedata.normalize("NFC", value)
    # str.isprintable is False for every character of the categories C and Z except the
    # ASCII space, which split() drops anyway: such text needs no look at each character.
    if value.isprintable():
        return " ".join(value.split())
    kept = "".join(" " if unicodedata.category(ch).startswith(("C", "Z")) else ch for ch in value)
    return " ".join(kept.split())


def int_or(value: str | None, default: int) -> int:
    """The value as a whole number, or ``default`` when it is not one."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def parse_query(raw: str | None) -> tuple[str, tuple[str, ...]]:
    """The visitor's text, cleaned and cut to MAX_QUERY_LENGTH, with a German notice if cut."""
    query = clean_text(raw or "")
    if len(query) > MAX_QUERY_LENGTH:
        cut = query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or query[:MAX_QUERY_LENGTH]
        notice = (f"Ihre Suchanfrage war länger als {MAX_QUERY_LENGTH} Zeichen "
                  "und wurde gekürzt.")
        return cut.strip(), (notice,)
    return query, ()


def parse_sort(raw: str | None) -> Sort | None:
    """The visitor's order, or None when missing or unknown."""
    try:
        return Sort((raw or "").strip().lower())
    except ValueError:
        return None


def parse_language(raw: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The visitor's language (a key of LANGUAGES), or None with a German notice when the
    value is not one of them; a missing value is no language and no notice."""
    value = (raw or "").strip().lower()
    if not value:
        return None, ()
    if value in LANGUAGES:
        return value, ()
    return None, (UNKNOWN_LANGUAGE_NOTICE,)


def parse_search_request(args: Mapping[str, str],
                         default_sort: Sort = Sort.RELEVANCE) -> SearchRequest:
    """Turn URL parameters into a SearchRequest; bad values fall back to safe defaults.

    `default_sort` is the web team's order for visitors who chose none (or an unknown one).
    """
    query, notices = parse_query(args.get("q"))
    category = clean_text(args.get("category") or "")[:MAX_CATEGORY_LENGTH] or None
    requested_page = int_or(args.get("page"), 1)
    page = min(max(requested_page, 1), MAX_PAGE)
    if requested_page > MAX_PAGE:
        notices += (f"Es können höchstens {MAX_PAGE} Ergebnisseiten angezeigt werden. "
                    "Bitte grenzen Sie Ihre Suche ein.",)
    rows = int_or(args.get("rows"), DEFAULT_ROWS)
    if rows not in ROWS_CHOICES:
        rows = DEFAULT_ROWS
    chosen = parse_sort(args.get("sort"))
    exact = (args.get("exact") or "").strip().lower() in TRUE_WORDS
    autocorrect = (args.get("autocorrect") or "1").strip().lower() in TRUE_WORDS
    doc_type = (args.get("typ") or "").strip().lower()
    language, language_notices = parse_language(args.get("sprache"))
    site = clean_text(args.get("bereich") or "")[:MAX_SITE_LENGTH] or None
    return SearchRequest(query=query, category=category, page=page, rows=rows,
                         sort=default_sort if chosen is None else chosen, default_sort=default_sort,
                         exact=exact, autocorrect=autocorrect,
                         notices=notices + language_notices,
                         language=language, site=site,
                         doc_type=doc_type if doc_type in DOC_TYPES else None,
                         sort_from_ranking=chosen is None)
