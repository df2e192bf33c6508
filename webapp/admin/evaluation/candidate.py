"""The click-judgement nDCG of a candidate ranking beside the live one, for the ranking
preview: every judged query searched as a visitor would search it (the preview's own
search path, pins and exclusions included), once under each ranking."""

from __future__ import annotations

from collections.abc import Callable

from webapp.repository import SolrRepository
from webapp.tuning import NoTuning, SearchTuning

from ..preview import ranked
from ..ranking import RankingSettings
from .judgements import JudgementList
from .ndcg import CUTOFF, BeforeAfter, before_after


def _searcher(repo: SolrRepository, ranking: RankingSettings | None,
              pins: SearchTuning) -> Callable[[str], tuple[str, ...]]:
    return lambda query: tuple(hit.id for hit in ranked(repo, query, ranking, CUTOFF, pins))


def candidate_ndcg(repo: SolrRepository, judgements: JudgementList, candidate: RankingSettings,
                   pins: SearchTuning = NoTuning()) -> BeforeAfter:
    """nDCG@10 on the click judgements now (live ParamSet) and under ``candidate``."""
    return before_after(judgements, _searcher(repo, None, pins),
                        _searcher(repo, candidate, pins))
