"""The admin area's side of the visitor search's comparison interface (webapp.comparison):
which comparison runs, read at most every few seconds per worker, and the merged page of a
search in its share."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app

from webapp.repository import SolrRepository
from webapp.result import Hit, SearchResult
from webapp.comparison import untuned
from webapp.request import SearchRequest
from webapp.service import run_search
from webapp.tuning import SearchTuning

from .cached import CachedValue
from .comparison_tally import count_searches
from .comparisons import ComparisonRecord, running, stop
from .evaluation.interleave import takes_part
from .evaluation.mixed_page import interleaved_page
from .preview import TunedRepository
from .ranking import RankingSettings, to_params
from .ranking_store import list_versions
from .repository import CoreAdmin, StatsStore

log = logging.getLogger(__name__)

LOOKUP_KEY = "stadtsuche.admin.comparisons"


def comparison_lookup() -> ComparisonLookup:
    """The current app's lookup of the running comparison."""
    return current_app.extensions[LOOKUP_KEY]


def candidate_hits(repo: SolrRepository, request: SearchRequest, ranking: RankingSettings,
                   tuning: SearchTuning) -> tuple[Hit, ...]:
    """The first result page of ``request`` under ``ranking``, searched as visitors search
    (pins, demotions, exclusions of ``tuning``), with snippets; facets are the current
    ranking's and not asked again."""
    overrides = {"facet": "false", **to_params(ranking)}
    return run_search(TunedRepository(repo, overrides),  # type: ignore[arg-type]
                      request, tuning).hits


@dataclass(frozen=True)
class RunningComparison:
    """A running comparison as the visitor search uses it (webapp.comparison.LiveComparison)."""

    id: str
    share: float
    candidate: RankingSettings
    search: SolrRepository
    tuning: SearchTuning

    def takes_part(self, search_id: str) -> bool:
        """Whether this search is one of the share."""
        return takes_part(search_id, self.share, self.id)

    def page(self, result: SearchResult, search_id: str) -> tuple[SearchResult, tuple[str, ...]]:
        """The merged first page and the side of each position."""
        hits = candidate_hits(self.search, untuned(result.request), self.candidate, self.tuning)
        page, merged = interleaved_page(result, hits, search_id, self.id)
        return page, tuple(side.value for side in merged.sides)


class ComparisonLookup:
    """The running comparison, read from the statistics core at most every ``ttl`` seconds;
    it ends itself (audited, by "system") once the planned number of searches took part."""

    def __init__(self, stats: StatsStore, core: CoreAdmin, search: SolrRepository,
                 tuning: SearchTuning, ttl: float) -> None:
        self.stats, self.core, self.search, self.tuning = stats, core, search, tuning
        self._cached: CachedValue[RunningComparison | None] = CachedValue(
            self._load, None, ttl, "Running comparison")

    def running(self) -> RunningComparison | None:
        """The running comparison, or None (also when it cannot be read)."""
        try:
            return self._cached.get()
        except Exception:  # noqa: BLE001 - the search goes on without a comparison
            log.exception("Running comparison unknown")
            return None

    def invalidate(self) -> None:
        """Read again on the next search (after a start or stop on this worker)."""
        self._cached.invalidate()

    def _load(self) -> RunningComparison | None:
        record = running(self.stats)
        if record is None:
            return None
        if count_searches(self.stats, record.id) >= record.planned:
            stop(self.stats, record, "system", "plan")
            return None
        settings = self._candidate(record)
        if settings is None:
            log.error("Comparison %s: saved version %d is gone; not comparing", record.id,
                      record.candidate_version)
            return None
        return RunningComparison(record.id, record.share, settings, self.search, self.tuning)

    def _candidate(self, record: ComparisonRecord) -> RankingSettings | None:
        for version in list_versions(self.core):
            if version.number == record.candidate_version:
                return version.settings
        return None
