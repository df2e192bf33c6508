"""run_search: one visitor search from SearchRequest to SearchResult, in one Solr request.

The request carries both matchings (webapp.builder): the ranking's own ("strict": the words
as typed) and the relaxed one (a third of the words and their compound parts). From the one
answer the service shows the strict results when they are enough, and otherwise the relaxed
ones. Only three rare cases send a second request: a page number past the last page (the
last page is fetched), no strict hit at all for a misspelled query (the correction is
searched), and a query so large that Solr refuses it (searched again without phrase
boosts, then without the relaxed form).
A second request that fails never discards what the first one found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from solrclient import SolrError, SolrRejected

from . import thesaurus
from .builder import SearchParams, build_solr_params, relaxing, without_phrase_boosts
from .compound_split import compound_tokens
from .compounds import CompoundSplit, split_result
from .escape import plain_words
from .repository import SolrRepository
from .request import SearchRequest, parse_query
from .result import Matchings, SearchResult, parse_matchings, parse_search_response
from .spelling import FEW_HITS, changes_a_word_of, is_typo_fix
from .tuning import Exclusions, NoTuning, SearchTuning

log = logging.getLogger(__name__)

_NO_TUNING = NoTuning()
T = TypeVar("T")
# Fewer pages than this with the visitor's words: the relaxed results are shown when they
# find more, so the best pages with the important words show too.
RELAX_BELOW = FEW_HITS
# Compound parts added to a relaxed query at most, so that its size stays bounded whatever
# the visitor types (each part is one more clause per searched field).
MAX_PARTS = 12


def _pinned(tuning: SearchTuning, query: str) -> tuple[str, ...]:
    try:
        return tuple(tuning.pinned_ids(query))
    except Exception:  # noqa: BLE001 - pins are an extra; the search itself must go on
        log.exception("Pinned results lookup failed for %r", query)
        return ()


def _demoted(tuning: SearchTuning, query: str, pinned: tuple[str, ...]) -> tuple[str, ...]:
    """Ids ranked lower for ``query``; a page pinned for it is not (the pin wins)."""
    try:
        return tuple(i for i in tuning.demoted_ids(query) if i not in pinned)
    except Exception:  # noqa: BLE001 - demotions are an extra; the search itself must go on
        log.exception("Demoted pages lookup failed for %r", query)
        return ()


def _excluded(tuning: SearchTuning) -> Exclusions:
    try:
        return tuning.exclusions()
    except Exception:  # noqa: BLE001 - the implementer should not raise; the search goes on
        log.exception("Exclusions lookup failed")
        return Exclusions()


def _tuned(request: SearchRequest, tuning: SearchTuning) -> SearchRequest:
    """The request with the web team's pins and demotions for its query and the excluded
    pages."""
    pinned, excluded = _pinned(tuning, request.query), _excluded(tuning)
    demoted = _demoted(tuning, request.query, pinned or request.pinned_ids)
    return replace(request, pinned_ids=pinned or request.pinned_ids,
                   demoted_ids=demoted or request.demoted_ids,
                   exclusions=excluded or request.exclusions)


def compound_split(request: SearchRequest) -> CompoundSplit:
    """The compound parts of the visitor's words, as the index splits them."""
    words = plain_words(request.query)
    return split_result(request.query, compound_tokens(words))


def prepared(request: SearchRequest, split: CompoundSplit) -> SearchRequest:
    """The request with relaxed matching where it can be shown: several words, or one word
    that has compound parts. One plain word is searched as typed ("Hund" finds Hund pages,
    and a typo is a case for "Meinten Sie"). Words of the same meaning (webapp.thesaurus)
    go with the relaxed matching, when the thesaurus is switched on."""
    if request.exact or (len(plain_words(request.query).split()) < 2 and not split.parts):
        return replace(request, relaxed_terms=None)
    return replace(request, relaxed_terms=split.parts[:MAX_PARTS],
                   expansions=thesaurus.expansions_for(plain_words(request.query)))


def solr_params_for(request: SearchRequest) -> SearchParams:
    """The parameters of the first Solr request a search sends for ``request`` (pins and
    exclusions already in the request): what the benchmark sends raw to Solr beside the app."""
    if request.is_empty or not plain_words(request.query):
        return {}
    return build_solr_params(prepared(request, compound_split(request)))


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
    split = compound_split(request)
    request = prepared(_tuned(request, tuning), split)
    answer = _search(repo, request, split)
    result = answer.result
    if result.num_found and request.page > result.num_pages:
        # The last page in the form Solr took for the first page (without what it refused).
        first, last = answer, replace(answer.sent, page=result.num_pages)
        answer = _follow_up("last page", first,
                            lambda: _search(repo, last, split, first.phrases))
        result = answer.result
    if answer.strict_found == 0 and _may_correct(request, result, split):
        first = result
        result = _follow_up("correction", result,
                            lambda: _corrected(repo, request, first, tuning))
    return result


def _follow_up(what: str, found: T, run: Callable[[], T]) -> T:
    """The follow-up's result, or what was found already when Solr fails it."""
    try:
        return run()
    except SolrError as err:
        log.warning("Follow-up request (%s) failed, showing the first answer: %s", what, err)
        return found


@dataclass(frozen=True)
class _Answer:
    """What one search request found, and the form in which Solr took it."""

    result: SearchResult  # the view to show (of the two matchings, with relaxed matching)
    strict_found: int  # pages found by the strict matching
    sent: SearchRequest  # without the relaxed form when Solr refused it
    phrases: bool  # False when Solr took it only without phrase boosts


def _search(repo: SolrRepository, request: SearchRequest, split: CompoundSplit,
            phrases: bool = True) -> _Answer:
    """One Solr request and what it found. When Solr refuses the request, a smaller one
    follows: without phrase boosts when it exceeded the clause limit, then the words only
    without the relaxed matching."""
    params = build_solr_params(request)
    try:
        raw = repo.search(params if phrases else without_phrase_boosts(params))
    except SolrError as err:
        if not _refused(err):
            raise
        if phrases and not request.exact and _too_many_clauses(err):
            # The phrases through the synonyms of many words grow past the limit; the words
            # themselves still find the pages, ranked without the phrase boost.
            log.warning("Search for %r exceeded Solr's clause limit, searching again without "
                        "phrase boosts: %s", request.query, err)
            return _search(repo, request, split, phrases=False)
        if not relaxing(request):
            raise
        # Solr refused the relaxed form: the words as typed are still a search the visitor
        # should get.
        log.warning("Relaxed search for %r refused, searching the words only: %s",
                    request.query, err)
        return _search(repo, replace(request, relaxed_terms=None), split, phrases)
    result, strict_found = _view(request, raw, split)
    return _Answer(result, strict_found, request, phrases)


def _view(request: SearchRequest, raw: dict[str, Any],
          split: CompoundSplit) -> tuple[SearchResult, int]:
    """The view to show of Solr's answer, and the number of pages of the strict matching."""
    if not relaxing(request):
        result = parse_search_response(raw, request)
        return result, result.num_found
    views = parse_matchings(raw, request)
    return _chosen(request, views, split), views.strict_found


def shown_for_answer(request: SearchRequest, raw: dict[str, Any]) -> tuple[SearchResult, bool]:
    """What the search shows for Solr's answer ``raw`` to the first request of ``request``
    (``solr_params_for``), and whether a follow-up request would replace it (a page past the
    last, a correction): the benchmark's check that the app shows what raw Solr found."""
    split = compound_split(request)
    request = prepared(request, split)
    result, strict_found = _view(request, raw, split)
    follows = bool(result.num_found and request.page > result.num_pages) or (
        strict_found == 0 and _may_correct(request, result, split))
    return result, follows


def _refused(err: SolrError) -> bool:
    """True when Solr answered, but with an error about this query (400, or 500 as for too
    many clauses); not when it could not be reached, which a smaller query would not help."""
    return isinstance(err, SolrRejected) or err.status == 500


def _too_many_clauses(err: SolrError) -> bool:
    """Solr's answer to a query larger than its clause limit (maxClauseCount)."""
    text = str(err)
    return "maxClauseCount" in text or ("too many" in text.lower() and "clause" in text.lower())


def _chosen(request: SearchRequest, views: Matchings, split: CompoundSplit) -> SearchResult:
    """The strict results when they are enough, else the relaxed ones when they find more.

    Several words: relaxed when together they find few pages. One word: only when it
    found nothing and is made entirely of known parts ("Müllkalender") or there is no
    "Meinten Sie" to offer ("Saaleradweg" -> rad, weg); a word found on a page is not
    widened to its parts, and a misspelled one is a case for "Meinten Sie". The strict
    results' "Meinten Sie" stays, as a link next to the relaxed results, unless it would
    change a word made of known parts ("Nachtbus" is a compound, not a typo). Decided on
    the counts, so that only the view shown is parsed.
    """
    if views.strict_found >= RELAX_BELOW:
        return views.strict
    offered = views.suggestion
    if offered is not None and changes_a_word_of(offered, split.composed_words):
        offered = None
    one_word = len(plain_words(request.query).split()) < 2
    if (one_word and not (views.strict_found == 0
                          and (split.composed_words or offered is None))) \
            or views.relaxed_found <= views.strict_found:
        shown = views.strict
    else:
        shown = views.relaxed
    return shown if offered is views.suggestion else replace(shown, suggestion=offered)


def _is_typo(result: SearchResult, split: CompoundSplit) -> bool:
    return result.suggestion is not None and is_typo_fix(result.suggestion,
                                                         split.composed_words)


def _may_correct(request: SearchRequest, result: SearchResult, split: CompoundSplit) -> bool:
    """Nothing found, and "Meinten Sie" offers a spelling fix worth searching instead."""
    if request.exact:
        return result.suggestion is not None
    return _is_typo(result, split)


def _corrected(repo: SolrRepository, request: SearchRequest, result: SearchResult,
               tuning: SearchTuning) -> SearchResult:
    """The results of the "Meinten Sie" text instead of nothing, when the visitor allows it."""
    suggestion = result.suggestion
    if not request.autocorrect or suggestion is None or suggestion.hits <= 0:
        return result
    corrected_query, _ = parse_query(suggestion.text)
    corrected_request = _tuned(replace(request, query=corrected_query, page=1,
                                       relaxed_terms=None, pinned_ids=(),
                                       demoted_ids=()), tuning)
    corrected = parse_search_response(repo.search(build_solr_params(corrected_request)),
                                      corrected_request)
    if not corrected.num_found:
        return result
    log.info("No hits for %r, showing %r instead", request.query, corrected_query)
    return replace(corrected, replaced_query=request.query, suggestion=suggestion)
