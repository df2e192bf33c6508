"""run_search: one visitor search from SearchRequest to SearchResult, with its follow-ups."""

from __future__ import annotations

import logging
from dataclasses import replace

from .builder import build_solr_params
from .repository import SolrRepository
from .request import SearchRequest, parse_query
from .result import SearchResult, parse_search_response

log = logging.getLogger(__name__)


def _query_solr(repo: SolrRepository, request: SearchRequest) -> SearchResult:
    return parse_search_response(repo.search(build_solr_params(request)), request)


def run_search(repo: SolrRepository, request: SearchRequest) -> SearchResult:
    """Search; clamp the page to the last one; fall back to the correction when nothing is found."""
    if request.is_empty:
        return SearchResult.empty(request)
    result = _query_solr(repo, request)
    if result.num_found and request.page > result.num_pages:
        result = _query_solr(repo, replace(request, page=result.num_pages))
    suggestion = result.suggestion
    if (result.num_found == 0 and request.autocorrect and suggestion is not None
            and suggestion.hits > 0):
        corrected_query, _ = parse_query(suggestion.text)
        corrected = _query_solr(repo, replace(request, query=corrected_query, page=1))
        if corrected.num_found:
            log.info("No hits for %r, showing %r instead", request.query, corrected_query)
            result = replace(corrected, replaced_query=request.query, suggestion=suggestion)
    return result
