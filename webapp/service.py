"""run_search: one visitor search from SearchRequest to SearchResult, with its follow-ups."""

from __future__ import annotations

import logging
from dataclasses import replace

from .builder import build_solr_params
from .escape import plain_words
from .repository import SolrRepository
from .request import SearchRequest, parse_query
from .result import SearchResult, parse_search_response
from .tuning import Exclusions, NoTuning, SearchTuning

log = logging.getLogger(__name__)

_NO_TUNING = NoTuning()


def _query_solr(repo: SolrRepository, request: SearchRequest,
                tuning: SearchTuning) -> SearchResult:
    pinned = _pinned(tuning, request.query)
    if pinned:
        request = replace(request, pinned_ids=pinned)
    excluded = _excluded(tuning)
    if excluded:
        request = replace(request, exclusions=excluded)
    return parse_search_response(repo.search(build_solr_params(request)), request)


def _pinned(tuning: SearchTuning, query: str) -> tuple[str, ...]:
    try:
        return tuple(tuning.pinned_ids(query))
    except Exception:  # noqa: BLE001 - pins are an extra; the search itself must go on
        log.exception("Pinned results lookup failed for %r", query)
        return ()


def _excluded(tuning: SearchTuning) -> Exclusions:
    try:
        return tuning.exclusions()
    except Exception:  # noqa: BLE001 - the implementer should not raise; the search goes on
        log.exception("Exclusions lookup failed")
        return Exclusions()


def run_search(repo: SolrRepository, request: SearchRequest,
               tuning: SearchTuning = _NO_TUNING) -> SearchResult:
    """Search; clamp the page to the last one; fall back to the correction when nothing is found.

    ``tuning`` supplies the ids the web team pinned for a query and the pages it excluded
    (see webapp.tuning).
    """
    if request.is_empty:
        return SearchResult.empty(request)
    if not plain_words(request.query):
        # Only operators or punctuation ("*:*"): nothing to look for, no need to ask Solr.
        return SearchResult(request=request)
    result = _query_solr(repo, request, tuning)
    if result.num_found and request.page > result.num_pages:
        result = _query_solr(repo, replace(request, page=result.num_pages), tuning)
    suggestion = result.suggestion
    if (result.num_found == 0 and request.autocorrect and suggestion is not None
            and suggestion.hits > 0):
        corrected_query, _ = parse_query(suggestion.text)
        corrected = _query_solr(repo, replace(request, query=corrected_query, page=1), tuning)
        if corrected.num_found:
            log.info("No hits for %r, showing %r instead", request.query, corrected_query)
            result = replace(corrected, replaced_query=request.query, suggestion=suggestion)
    return result
