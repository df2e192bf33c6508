"""Everything the search template shows, prepared as plain values and ready-made links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .links import LinkPattern, link, slot
from .presenters import (file_label, foreign_language_label, more_addresses_text,
                         online_date_text, page_window, pages_label, summary_sentence)
from .request import (DOC_TYPE_LABELS, DOC_TYPES, LANGUAGES, ROWS_CHOICES, SORT_LABELS,
                      SearchRequest)
from .result import PARTIAL_MATCHES_NOTICE, Hit, SearchResult


@dataclass(frozen=True)
class Link:
    """A labelled link (facet value, help step, pager entry)."""

    label: str
    href: str
    count: int | None = None
    current: bool = False


@dataclass(frozen=True)
class Row:
    """One result as the list shows it, worked out once (the template only places it)."""

    hit: Hit
    position: int
    href: str
    # German name of the page's language when it is not German ('' otherwise).
    language: str
    file_label: str
    pages: str
    date: str
    # The other addresses, each with whether it is a web address (shown as a link).
    others: tuple[tuple[str, bool], ...]
    more: str


@dataclass(frozen=True)
class PageModel:
    """View model of the search page."""

    result: SearchResult
    request: SearchRequest
    summary: str
    facets: tuple[Link, ...]
    all_categories: Link | None
    doc_types: tuple[Link, ...]
    all_types: Link | None
    # The form's choices: (value, label, chosen).
    sort_options: tuple[tuple[str, str, bool], ...]
    rows_options: tuple[tuple[int, bool], ...]
    pager: tuple[Link, ...]
    first: Link | None
    previous: Link | None
    next: Link | None
    last: Link | None
    suggestion: Link | None
    original: Link | None
    help_links: tuple[Link, ...]
    # Heading above the first hit without all the visitor's words (None: every hit has all).
    partial_notice: str | None = None
    # "Sprache" and "Bereich": shown when there is a choice (or one is chosen).
    languages: tuple[Link, ...] = ()
    all_languages: Link | None = None
    sites: tuple[Link, ...] = ()
    all_sites: Link | None = None
    language_options: tuple[tuple[str, str, bool], ...] = ()

    def rows(self, search_id: str | None) -> tuple[Row, ...]:
        """The hits as rows; each click link names the search (`search_id`, which the view
        gives the template: a mark replaced per request)."""
        req, start = self.request, self.result.start
        click = LinkPattern("click.follow", {"id": slot(0), "q": req.query,
                                             "sid": search_id or None, "pos": slot(1)}, slots=2)
        return tuple(_row(hit, start + n, click(hit.id, str(start + n)))
                     for n, hit in enumerate(self.result.hits, 1))


def _row(hit: Hit, position: int, href: str) -> Row:
    file = hit.file
    return Row(hit, position, href, foreign_language_label(hit.language),
               file_label(file.kind, file.size) if file else "",
               pages_label(file.pages) if file and file.pages else "",
               online_date_text(hit),
               tuple((a, a.startswith(("https://", "http://"))) for a in hit.other_urls),
               more_addresses_text(hit) if hit.other_urls else "")


def _url(req: SearchRequest, **changes: object) -> str:
    return link("search.page", req.to_args(**changes))


def _family(req: SearchRequest, name: str) -> Callable[[str], str]:
    """Links to the first page with one argument changed (a facet's values): the rest of the
    query string is encoded once."""
    pattern = LinkPattern("search.page", req.to_args(**{name: slot(), "page": 1}))

    def href(value: str) -> str:
        # An empty value leaves the argument out: that link is the slow one.
        return pattern(value) if value else _url(req, **{name: value, "page": 1})
    return href


def _facets(result: SearchResult) -> tuple[Link, ...]:
    req = result.request
    if not result.facets:
        return ()
    href = _family(req, "category")
    return tuple(Link(f.value, href(f.value), f.count, f.value == req.category)
                 for f in result.facets)


def _doc_types(result: SearchResult) -> tuple[Link, ...]:
    """"Alle Dokumente (n)" and one link per file type found, with real counts."""
    req = result.request
    counts = {f.value: f.count for f in result.file_types}
    if not counts:
        return ()
    href = _family(req, "doc_type")
    links = [Link(DOC_TYPE_LABELS["dokumente"], href("dokumente"),
                  sum(counts.values()), req.doc_type == "dokumente")]
    for key, kind in DOC_TYPES.items():
        if kind in counts:
            links.append(Link(DOC_TYPE_LABELS[key], href(key),
                              counts[kind], req.doc_type == key))
    return tuple(links)


def _languages(result: SearchResult) -> tuple[Link, ...]:
    """One link per language of the fixed list found, with its German name; none while
    every page found is in one language and the visitor chose none."""
    req = result.request
    found = [f for f in result.languages if f.value in LANGUAGES]
    if len(found) < 2 and not req.language:
        return ()
    href = _family(req, "language")
    return tuple(Link(LANGUAGES[f.value], href(f.value), f.count,
                      f.value == req.language) for f in found)


def _sites(result: SearchResult) -> tuple[Link, ...]:
    """One link per site found (the names the web team gives them), as for languages."""
    req = result.request
    if len(result.sites) < 2 and not req.site:
        return ()
    href = _family(req, "site")
    return tuple(Link(f.value, href(f.value), f.count, f.value == req.site)
                 for f in result.sites)


def _page_links(req: SearchRequest) -> Callable[[int], str]:
    """Links to other pages of the same search: the rest is encoded once."""
    patterns: list[LinkPattern] = []

    def href(number: int) -> str:
        if number == 1:  # page 1 leaves the argument out
            return _url(req, page=1)
        if not patterns:
            patterns.append(LinkPattern("search.page", req.to_args(page=slot())))
        return patterns[0](str(number))
    return href


def _pager(result: SearchResult, href: Callable[[int], str]) -> tuple[Link, ...]:
    return tuple(Link(str(item.number), href(item.number), current=item.current)
                 for item in page_window(result.page, result.num_pages))


def _edge(result: SearchResult, page: int, label: str,
          href: Callable[[int], str]) -> Link | None:
    if result.num_pages < 2 or page == result.page or not 1 <= page <= result.num_pages:
        return None
    return Link(label, href(page))


def _help_links(result: SearchResult) -> tuple[Link, ...]:
    req = result.request
    links = []
    if result.suggestion:
        links.append(Link(f"Schreibweise korrigiert suchen: {result.suggestion.text}",
                          _url(req, q=result.suggestion.text, page=1)))
    words = req.query.split()
    if len(words) > 1:
        shorter = " ".join(words[:-1])
        links.append(Link(f"Mit weniger Suchbegriffen suchen: {shorter}",
                          _url(req, q=shorter, page=1)))
    if req.category:
        links.append(Link("Einschränkung auf die Kategorie aufheben und in allen "
                          "Kategorien suchen", _url(req, category=None, page=1)))
    if req.language:
        links.append(Link("Einschränkung auf die Sprache aufheben und in allen Sprachen "
                          "suchen", _url(req, language=None, page=1)))
    if req.site:
        links.append(Link("Einschränkung auf den Bereich aufheben und in allen Bereichen "
                          "suchen", _url(req, site=None, page=1)))
    if req.exact:
        links.append(Link("Ohne „wortwörtlich“ suchen", _url(req, exact=False, page=1)))
    return tuple(links)


def build_page_model(result: SearchResult) -> PageModel:
    """Prepare the search page for `result`."""
    req = result.request
    page_href = _page_links(req)
    suggestion = None
    if result.suggestion:
        suggestion = Link(result.suggestion.text,
                          _url(req, q=result.suggestion.text, page=1, autocorrect=True))
    original = None
    if result.replaced_query:
        original = Link(result.replaced_query,
                        _url(req, q=result.replaced_query, page=1, autocorrect=False))
    return PageModel(
        result=result, request=req,
        summary=summary_sentence(result) if result.num_found else "",
        facets=_facets(result),
        all_categories=(Link("Alle Kategorien", _url(req, category=None, page=1))
                        if req.category else None),
        doc_types=_doc_types(result),
        all_types=(Link("Webseiten und Dokumente", _url(req, doc_type=None, page=1))
                   if req.doc_type else None),
        sort_options=tuple((s.value, label, s.value == req.sort.value)
                          for s, label in SORT_LABELS.items()),
        rows_options=tuple((n, n == req.rows) for n in ROWS_CHOICES),
        language_options=tuple((value, label, value == req.language)
                               for value, label in LANGUAGES.items()),
        pager=_pager(result, page_href),
        first=_edge(result, 1, "Erste Seite", page_href),
        previous=_edge(result, result.page - 1, "Vorherige Seite", page_href),
        next=_edge(result, result.page + 1, "Nächste Seite", page_href),
        last=_edge(result, result.num_pages, "Letzte Seite", page_href),
        suggestion=suggestion, original=original,
        help_links=_help_links(result) if result.searched and not result.num_found else (),
        partial_notice=PARTIAL_MATCHES_NOTICE if result.partial_matches else None,
        languages=_languages(result),
        all_languages=(Link("Alle Sprachen", _url(req, language=None, page=1))
                       if req.language else None),
        sites=_sites(result),
        all_sites=(Link("Alle Bereiche", _url(req, site=None, page=1)) if req.site else None),
    )
