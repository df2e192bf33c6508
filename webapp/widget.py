"""The city widget's data model (inData / outData) built from a SearchResult."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .presenters import PagerItem, file_label, page_window, summary_sentence
from .request import LANGUAGES
from .result import PARTIAL_MATCHES_NOTICE, FacetValue, FileInfo, Hit, SearchResult


def _file(info: FileInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {"type": info.kind, "size": info.size, "label": file_label(info.kind, info.size),
            "pages": info.pages, "linkedFrom": info.linked_from,
            "linkedFromTitle": info.linked_from_title}


def _doc(hit: Hit, click_url: str) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "url": hit.url,
        "clickUrl": click_url,
        "category": hit.category,
        # Always a valid date-time; a bare day is that day at 00:00 UTC, with HasTime false.
        "onlineDate": hit.online_date_raw,
        "onlineDateHasTime": hit.online_time_known if hit.online_date_raw else None,
        "clickCounter": hit.click_counter,
        # HTML-encoded text in which only <mark> tags are markup (checked before).
        "snippet": str(hit.snippet_html),
        "allWords": hit.all_words,
        # Documents (PDF, DOCX, ODT) only; null for pages.
        "file": _file(hit.file),
        # The same page under other addresses (best first) and how many there are in all.
        "otherUrls": list(hit.other_urls),
        "otherUrlsTotal": hit.other_count,
        "language": hit.language,
    }


def _languages(values: tuple[FacetValue, ...]) -> list[dict[str, Any]]:
    """Languages of the fixed list with their German names (others cannot be chosen)."""
    return [{"value": f.value, "label": LANGUAGES[f.value], "count": f.count}
            for f in values if f.value in LANGUAGES]


def in_data(result: SearchResult) -> dict[str, Any]:
    """The request as understood, after normalisation."""
    req = result.request
    data = {"KEYWORD": req.query, "CATEGORY": req.category or "", "PAGE": result.page,
            "ROWS": req.rows, "SORT": req.sort.value, "EXACT": req.exact,
            "TYPE": req.doc_type or ""}
    # Only with a filter chosen, so that the widget's inData stays as it was without one.
    if req.language:
        data["LANGUAGE"] = req.language
    if req.site:
        data["SITE"] = req.site
    return data


def out_data(result: SearchResult, click_url: Callable[[Hit, int], str],
             search_id: str = "") -> dict[str, Any]:
    """Hits, pager, facets and spelling help; ``click_url(hit, position)`` (1-based over
    all pages) and ``search_id`` let a click and the next search name this search."""
    # Without hits there are no result pages, but the visitor is still on page 1: the city's
    # template reads pages[0].currentPage for its "Sie befinden sich auf Seite …" sentence.
    window = page_window(result.page, result.num_pages) or (PagerItem(result.page, True),)
    pages = [{"page": item.number, "currentPage": result.page, "isCurrent": item.current}
             for item in window]
    suggestion = result.suggestion
    return {
        "response": {"numFound": result.num_found, "start": result.start,
                     "docs": [_doc(hit, click_url(hit, result.start + i + 1))
                              for i, hit in enumerate(result.hits)]},
        "currentKeyword": result.request.query,
        "summary": summary_sentence(result) if result.num_found else "",
        "replacedKeyword": result.replaced_query,
        "pager": {"numPages": result.num_pages, "currentPage": result.page, "pages": pages},
        "facets": {"category": [{"value": f.value, "count": f.count} for f in result.facets],
                   "fileType": [{"value": f.value, "count": f.count}
                                for f in result.file_types],
                   "language": _languages(result.languages),
                   "site": [{"value": f.value, "count": f.count} for f in result.sites]},
        "spellcheck": {
            "collation": suggestion.text if suggestion else None,
            "collationHits": suggestion.hits if suggestion else 0,
            "suggestions": [{"word": w, "alternatives": list(alts)}
                            for w, alts in result.word_suggestions],
        },
        "notices": list(result.request.notices),
        "partialMatches": result.partial_matches,
        "partialMatchesNotice": PARTIAL_MATCHES_NOTICE if result.partial_matches else None,
        "searchId": search_id,
    }


def widget_json(result: SearchResult, click_url: Callable[[Hit, int], str],
                search_id: str = "") -> dict[str, Any]:
    """The full JSON body of /api/search."""
    return {"inData": in_data(result), "outData": out_data(result, click_url, search_id)}
