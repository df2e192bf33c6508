"""Live comparison of two rankings, as the visitor search sees it: an interface of the search.

While the web team compares the current ranking with a saved candidate (the admin area,
optional, implements :class:`ComparisonSource` and registers it with
:func:`register_comparison`), a stable share of the searches shows on its first result page
the team-draft merge of both rankings (``webapp.admin.evaluation.mixed_page``): the layout,
counts and facets of the current ranking, the hits taken in turns from both. The side of each
position goes with the search event, so that a click on position k is credited to the
ranking that placed it there.

Cost: searches outside the share, and every search while no comparison runs, send exactly
the requests they send anyway. A search in the share sends one more Solr request (the
candidate's first page). When that request fails, the visitor gets the current result
unchanged and the search does not count for the comparison.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Protocol

from flask import Flask, current_app

from .request import SearchRequest, Sort
from .result import SearchResult
from .tuning import Exclusions

log = logging.getLogger(__name__)

_SOURCE = "stadtsuche.comparison"


class LiveComparison(Protocol):
    """A running comparison (implemented by the admin area)."""

    @property
    def id(self) -> str:
        """The comparison's id, recorded with each search that takes part."""

    def takes_part(self, search_id: str) -> bool:
        """Whether this search is one of the comparison's share (stable per search id)."""

    def page(self, result: SearchResult, search_id: str) -> tuple[SearchResult, tuple[str, ...]]:
        """``result`` with its first page merged with the candidate's (searched for
        ``untuned(result.request)`` with the same pins, demotions and exclusions), and the
        side ("current" or "candidate") of each shown position."""


@dataclass(frozen=True)
class ComparedPage:
    """What a visitor in the comparison is shown, and the side of each shown position."""

    comparison_id: str
    result: SearchResult
    sides: tuple[str, ...]


class ComparisonSource(Protocol):
    """Where the search learns whether a comparison runs; must be cheap and must not raise."""

    def running(self) -> LiveComparison | None:
        """The running comparison, or None."""


class NoComparison:
    """The search without the admin area: nothing is compared."""

    def running(self) -> LiveComparison | None:
        """Nothing runs."""
        return None


def register_comparison(app: Flask, source: ComparisonSource) -> None:
    """Let an optional part (the admin area) run comparisons."""
    app.extensions[_SOURCE] = source


def _source() -> ComparisonSource:
    return current_app.extensions.get(_SOURCE) or NoComparison()


def may_take_part(result: SearchResult) -> bool:
    """Only a first result page with hits, in the order of the ranking (the visitor chose
    none) and of the query as typed, can show a merge of two rankings."""
    req = result.request
    return (result.searched and result.start == 0 and bool(result.hits)
            and req.sort_from_ranking and req.sort is Sort.RELEVANCE
            and result.replaced_query is None)


def untuned(request: SearchRequest) -> SearchRequest:
    """The visitor's request as parsed, without what the search added to it (pins,
    demotions, exclusions, relaxed matching); run_search adds them again for the candidate."""
    return replace(request, page=1, pinned_ids=(), demoted_ids=(), exclusions=Exclusions(),
                   relaxed_terms=None, expansions=())


def compared(result: SearchResult, search_id: str) -> ComparedPage | None:
    """The merged first page when a comparison runs and this search takes part; None
    otherwise, and when anything about the candidate fails (the visitor then gets
    ``result`` as it is, and the search does not count for the comparison)."""
    try:
        live = _source().running()
        if live is None or not may_take_part(result) or not live.takes_part(search_id):
            return None
        page, sides = live.page(result, search_id)
        return ComparedPage(live.id, page, sides)
    except Exception:  # noqa: BLE001 - the comparison is an extra; the found result stands
        log.exception("Comparison page failed, showing the current ranking")
        return None
