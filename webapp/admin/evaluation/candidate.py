"""The click-judgement nDCG of a candidate ranking beside the live one, for the ranking
preview: every judged query searched as a visitor would search it (the preview's own
search path, pins and exclusions included), once under each ranking."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta

from webapp.repository import SolrRepository
from webapp.tuning import NoTuning, SearchTuning

from ..preview import GOLDEN_WORKERS, ranked
from ..ranking import RankingSettings
from ..repository import StatsStore
from .judgements import JudgementList, build_judgements
from .ndcg import CUTOFF, BeforeAfter, before_after
from .store import load_click_data

# The preview judges on the last PERIOD_DAYS days, and searches at most MAX_QUERIES judged
# queries (the most shown ones) twice each, so that it stays quick for the web team.
PERIOD_DAYS = 30
MAX_QUERIES = 200


def _searcher(repo: SolrRepository, ranking: RankingSettings | None, pins: SearchTuning,
              queries: tuple[str, ...]) -> Callable[[str], tuple[str, ...]]:
    """Each query's top ids under ``ranking``, searched a few at a time up front."""
    def top(query: str) -> tuple[str, ...]:
        return tuple(hit.id for hit in ranked(repo, query, ranking, CUTOFF, pins))
    with ThreadPoolExecutor(max_workers=GOLDEN_WORKERS) as pool:
        found = dict(zip(queries, pool.map(top, queries)))
    return lambda query: found[query] if query in found else top(query)


def candidate_ndcg(repo: SolrRepository, judgements: JudgementList, candidate: RankingSettings,
                   pins: SearchTuning = NoTuning()) -> BeforeAfter:
    """nDCG@10 on the click judgements now (live ParamSet) and under ``candidate``."""
    queries = judgements.queries()
    return before_after(judgements, _searcher(repo, None, pins, queries),
                        _searcher(repo, candidate, pins, queries))


def most_shown(judgements: JudgementList, limit: int = MAX_QUERIES) -> JudgementList:
    """Only the judgements of the ``limit`` judged queries shown most often."""
    shown: dict[str, int] = {}
    for j in judgements.judgements:
        shown[j.query] = max(shown.get(j.query, 0), j.impressions)
    keep = set(sorted(judgements.queries(), key=lambda q: (-shown[q], q))[:limit])
    return JudgementList(tuple(j for j in judgements.judgements if j.query in keep),
                         judgements.examination, judgements.searches,
                         judgements.unmatched_clicks)


@dataclass(frozen=True)
class ClickCheck:
    """What the preview shows beside the golden check: the period judged, how many judged
    queries exist and how many were searched, and nDCG@10 before and after (None when no
    query is judged)."""

    start: date
    end: date
    searches: int
    judged_queries: int
    result: BeforeAfter | None


def click_check(stats: StatsStore, repo: SolrRepository, candidate: RankingSettings,
                today: date, pins: SearchTuning = NoTuning()) -> ClickCheck:
    """Judgements of the last PERIOD_DAYS days, and the candidate measured against them."""
    start = today - timedelta(days=PERIOD_DAYS - 1)
    data = load_click_data(stats, start, today)
    judged = build_judgements(data.impressions, data.clicks)
    queries = len(judged.queries())
    result = candidate_ndcg(repo, most_shown(judged), candidate, pins) if queries else None
    return ClickCheck(start, today, judged.searches, queries, result)
