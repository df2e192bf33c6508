"""run_search: one visitor search from SearchRequest to SearchResult, with its follow-ups."""

from __future__ import annotations

import logging
from dataclasses import replace

from .builder import SearchParams, build_solr_params
from .compounds import CompoundSplit, split_result
from .escape import plain_words
from .repository import SolrRepository
from .request import SearchRequest, parse_query
from .result import SearchResult, parse_search_response
from .spelling import FEW_HITS, changes_a_word_of, is_typo_fix
from .tuning import Exclusions, NoTuning, SearchTuning

log = logging.getLogger(__name__)

_NO_TUNING = NoTuning()
# Fewer pages than this with all the visitor's words: search again, relaxed (see
# builder.add_relaxed_matching_to_solr), so the best pages with the important words show too.
RELAX_BELOW = FEW_HITS


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


def solr_params_for(request: SearchRequest) -> SearchParams:
    """The parameters of the first Solr request a search sends for ``request`` (pins and
    exclusions already in the request): what the benchmark sends raw to Solr beside the app."""
    return build_solr_params(request)


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
    if request.exact:
        return _corrected(repo, request, result, tuning) if result.num_found == 0 else result
    if result.num_found >= RELAX_BELOW:
        return result
    words = plain_words(request.query)
    if len(words.split()) < 2 and result.num_found and result.suggestion is None:
        # One word found on a page, nothing offered instead: neither a relaxed pass nor a
        # correction can follow (see _relaxed), so the compound look-up would be wasted.
        return result
    split = split_result(request.query, repo.compound_parts(words))
    if (result.num_found == 0 and result.suggestion is not None
            and is_typo_fix(result.suggestion, split.composed_words)):
        corrected = _corrected(repo, request, result, tuning)
        if corrected.replaced_query is not None:
            return corrected
    if result.suggestion is not None and changes_a_word_of(result.suggestion,
                                                            split.composed_words):
        result = replace(result, suggestion=None)  # "Nachtbus" is a compound, not a typo
    return _relaxed(repo, request, result, split, tuning)


def _corrected(repo: SolrRepository, request: SearchRequest, result: SearchResult,
               tuning: SearchTuning) -> SearchResult:
    """The results of the "Meinten Sie" text instead of nothing, when the visitor allows it."""
    suggestion = result.suggestion
    if not request.autocorrect or suggestion is None or suggestion.hits <= 0:
        return result
    corrected_query, _ = parse_query(suggestion.text)
    corrected = _query_solr(repo, replace(request, query=corrected_query, page=1), tuning)
    if not corrected.num_found:
        return result
    log.info("No hits for %r, showing %r instead", request.query, corrected_query)
    return replace(corrected, replaced_query=request.query, suggestion=suggestion)


def _relaxed(repo: SolrRepository, request: SearchRequest, strict: SearchResult,
             split: CompoundSplit, tuning: SearchTuning) -> SearchResult:
    """The relaxed second pass, when it finds more than the first; the first pass's
    "Meinten Sie" stays, now as a link next to the relaxed results.

    Several words: relaxed when together they find few pages. One word: only when it
    found nothing and is made entirely of known parts ("Müllkalender") or there is no
    "Meinten Sie" to offer ("Saaleradweg" -> rad, weg); a word found on a page is not
    widened to its parts, and a misspelled one is a case for "Meinten Sie".
    """
    if len(plain_words(request.query).split()) < 2 and not (
            strict.num_found == 0 and (split.composed_words or strict.suggestion is None)):
        return strict
    relaxed = _query_solr(repo, replace(request, relaxed_terms=split.parts), tuning)
    if relaxed.num_found and request.page > relaxed.num_pages:
        relaxed = _query_solr(repo, replace(request, relaxed_terms=split.parts,
                                            page=relaxed.num_pages), tuning)
    if relaxed.num_found <= strict.num_found:
        return strict
    return replace(relaxed, relaxed=True, suggestion=strict.suggestion)
