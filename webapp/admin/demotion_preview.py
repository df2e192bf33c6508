"""What a demotion would change before it is saved: a query's results as visitors get them
today and with the demotion added, through the web app's own search (webapp.admin.preview)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from webapp.repository import SolrRepository
from webapp.request import Sort, parse_query
from webapp.tuning import Exclusions, SearchTuning

from .demotions import Demotion
from .preview import (GOLDEN_TOP, GOLDEN_WORKERS, GoldenCheck, RankedHit, golden_passes,
                      ranked, search_as_visitor)
from .records import GoldenQuery, normalize_query


class WithDemotion:
    """The live tuning with one more demotion, as if it were saved (a SearchTuning)."""

    def __init__(self, live: SearchTuning, demotion: Demotion) -> None:
        self.live = live
        self.demotion = demotion

    def pinned_ids(self, query: str) -> tuple[str, ...]:
        """As live."""
        return self.live.pinned_ids(query)

    def demoted_ids(self, query: str) -> tuple[str, ...]:
        """The live demotions plus the proposed one where it applies."""
        ids = set(self.live.demoted_ids(query))
        if self.demotion.applies_to(normalize_query(query)):
            ids.add(self.demotion.doc_id)
        return tuple(sorted(ids))

    def default_sort(self) -> Sort:
        """As live."""
        return self.live.default_sort()

    def exclusions(self) -> Exclusions:
        """As live."""
        return self.live.exclusions()


@dataclass(frozen=True)
class DemotionPreview:
    """Both columns for one query; ``rank_now``/``rank_after`` locate the demoted page."""

    query: str
    demotion: Demotion
    current: tuple[RankedHit, ...]
    proposed: tuple[RankedHit, ...]
    # The golden queries the demotion applies to, under today's settings and with it.
    golden: tuple[GoldenCheck, ...] = ()

    @property
    def broken(self) -> tuple[GoldenCheck, ...]:
        """Golden queries that pass today and would fail with the demotion."""
        return tuple(g for g in self.golden if g.broken)

    def _rank(self, rows: tuple[RankedHit, ...]) -> int | None:
        return next((r.rank for r in rows if r.hit.id == self.demotion.doc_id), None)

    @property
    def rank_now(self) -> int | None:
        """The page's place today among the rows shown (None: not among them)."""
        return self._rank(self.current)

    @property
    def rank_after(self) -> int | None:
        """The page's place with the demotion (None: no longer among the rows shown)."""
        return self._rank(self.proposed)


def _check(repo: SolrRepository, live: SearchTuning, proposed: SearchTuning,
           item: GoldenQuery) -> GoldenCheck:
    query, _ = parse_query(item.query)
    now = ranked(repo, query, None, GOLDEN_TOP, live)
    later = ranked(repo, query, None, GOLDEN_TOP, proposed)
    return GoldenCheck(item, golden_passes(item, now), golden_passes(item, later),
                       tuple(h.title or h.id for h in later))


def check_golden(repo: SolrRepository, live: SearchTuning, demotion: Demotion,
                 golden: list[GoldenQuery]) -> tuple[GoldenCheck, ...]:
    """Each golden query the demotion applies to, today and with it (a few at a time)."""
    proposed = WithDemotion(live, demotion)
    concerned = [g for g in golden if demotion.applies_to(normalize_query(g.query))]
    with ThreadPoolExecutor(max_workers=GOLDEN_WORKERS) as pool:
        return tuple(pool.map(lambda item: _check(repo, live, proposed, item), concerned))


def preview_demotion(repo: SolrRepository, live: SearchTuning, demotion: Demotion,
                     query: str, golden: list[GoldenQuery] = (), rows: int = 10
                     ) -> DemotionPreview:
    """``query`` under the live settings and with ``demotion`` added, and the golden
    queries the demotion would break."""
    query, _ = parse_query(query)
    now = search_as_visitor(repo, query, None, rows, pins=live).hits if query else ()
    later = search_as_visitor(repo, query, None, rows,
                              pins=WithDemotion(live, demotion)).hits if query else ()
    before = {hit.id: rank for rank, hit in enumerate(now, 1)}
    return DemotionPreview(
        query, demotion, tuple(RankedHit(rank, hit) for rank, hit in enumerate(now, 1)),
        tuple(RankedHit(rank, hit, before[hit.id] - rank if hit.id in before else None)
              for rank, hit in enumerate(later, 1)),
        check_golden(repo, live, demotion, list(golden)))
