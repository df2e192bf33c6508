"""Side-by-side preview: a query under the live ranking and under a proposed one, and which
golden queries the proposal would break. Uses the web app's own builder and repository, so
the preview searches exactly as visitors do."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from webapp.builder import SORT_CLAUSES, STRICT_FIRST
from webapp.repository import SolrRepository
from webapp.request import SearchRequest, parse_query
from webapp.result import Hit, SearchResult
from webapp.service import run_search
from webapp.tuning import NoTuning, SearchTuning

from .ranking import RankingSettings, to_params
from .records import GoldenQuery

GOLDEN_TOP = 3
# Enough to hide Solr's latency, few enough not to crowd out visitors' searches.
GOLDEN_WORKERS = 4


@dataclass(frozen=True)
class RankedHit:
    """One row of a preview column; ``moved`` > 0 means it climbed under the proposal."""

    rank: int
    hit: Hit
    moved: int | None = None


@dataclass(frozen=True)
class GoldenCheck:
    """A golden query's outcome under both rankings."""

    golden: GoldenQuery
    passes_now: bool
    passes_proposed: bool
    proposed_top: tuple[str, ...]

    @property
    def broken(self) -> bool:
        """True when the proposal would break a query that passes today."""
        return self.passes_now and not self.passes_proposed


@dataclass(frozen=True)
class Preview:
    """Everything the preview page shows."""

    query: str
    # Set when visitors get the results of the spelling correction instead.
    corrected_to: str | None
    current: tuple[RankedHit, ...]
    proposed: tuple[RankedHit, ...]
    golden: tuple[GoldenCheck, ...]

    @property
    def broken(self) -> tuple[GoldenCheck, ...]:
        """Golden queries that would break."""
        return tuple(g for g in self.golden if g.broken)


class TunedRepository:
    """The web app's repository with the preview's parameters laid over every search, so
    that run_search (with its spelling fallback and pins) ranks as a proposal would."""

    def __init__(self, repo: SolrRepository, overrides: dict[str, Any]) -> None:
        self.repo = repo
        self.overrides = overrides

    def search(self, params: dict[str, str]) -> dict[str, Any]:
        """One /search request with the overrides applied. An order other than relevance
        puts the strict matching first, as the builder does for a visitor's order: the
        request carries both matchings, and the result reads the strict hits first."""
        merged = {**params, **self.overrides}
        order = str(merged.get("sort") or "")
        if "strictq" in params and order and not order.startswith(("score desc", STRICT_FIRST)):
            merged["sort"] = STRICT_FIRST + order
        return self.repo.search(merged)


def search_as_visitor(repo: SolrRepository, query: str, ranking: RankingSettings | None,
                      rows: int = 10, pins: SearchTuning = NoTuning()) -> SearchResult:
    """``query`` as a visitor would get it; ``ranking`` None means the live ParamSet. The
    preview lists titles only: no highlighting or facets to wait for."""
    overrides: dict[str, Any] = {"facet": "false", "hl": "false", "rows": str(rows),
                                 "sort": SORT_CLAUSES[pins.default_sort()]}
    if ranking is not None:
        overrides.update(to_params(ranking))
    return run_search(TunedRepository(repo, overrides),  # type: ignore[arg-type]
                      SearchRequest(query=query), pins)


def ranked(repo: SolrRepository, query: str, ranking: RankingSettings | None, rows: int = 10,
           pins: SearchTuning = NoTuning()) -> tuple[Hit, ...]:
    """Top hits for ``query`` as a visitor would get them."""
    return search_as_visitor(repo, query, ranking, rows, pins).hits[:rows]


def _matches(expected: str, hit: Hit) -> bool:
    return expected in (hit.id, hit.url) or (expected.startswith("/") and
                                             hit.url.split("#")[0].endswith(expected))


def golden_passes(golden: GoldenQuery, hits: tuple[Hit, ...]) -> bool:
    """True when every expected page is among the first GOLDEN_TOP hits."""
    top = hits[:GOLDEN_TOP]
    return all(any(_matches(e, h) for h in top) for e in golden.expected)


def _check_one(repo: SolrRepository, item: GoldenQuery, proposed: RankingSettings,
               pins: SearchTuning) -> GoldenCheck:
    query, _ = parse_query(item.query)
    now = ranked(repo, query, None, GOLDEN_TOP, pins)
    new = ranked(repo, query, proposed, GOLDEN_TOP, pins)
    return GoldenCheck(item, golden_passes(item, now), golden_passes(item, new),
                       tuple(h.title or h.id for h in new))


def check_golden(repo: SolrRepository, golden: list[GoldenQuery], proposed: RankingSettings,
                 pins: SearchTuning = NoTuning()) -> tuple[GoldenCheck, ...]:
    """Each golden query under the live and the proposed ranking (a few at a time)."""
    with ThreadPoolExecutor(max_workers=GOLDEN_WORKERS) as pool:
        return tuple(pool.map(lambda item: _check_one(repo, item, proposed, pins), golden))


def build_preview(repo: SolrRepository, query: str, proposed: RankingSettings,
                  golden: list[GoldenQuery], pins: SearchTuning = NoTuning()) -> Preview:
    """Both columns for ``query`` plus the golden-query check."""
    query, _ = parse_query(query)
    now = search_as_visitor(repo, query, None, pins=pins) if query else None
    later = search_as_visitor(repo, query, proposed, pins=pins) if query else None
    current, new = (now.hits if now else ()), (later.hits if later else ())
    before = {hit.id: rank for rank, hit in enumerate(current, 1)}
    return Preview(
        query=query,
        corrected_to=now.request.query if now and now.replaced_query else None,
        current=tuple(RankedHit(rank, hit) for rank, hit in enumerate(current, 1)),
        proposed=tuple(RankedHit(rank, hit, before[hit.id] - rank if hit.id in before else None)
                       for rank, hit in enumerate(new, 1)),
        golden=check_golden(repo, golden, proposed, pins))
