"""nDCG@10 of rankings against the click-derived judgement list.

Gain 2^grade - 1, discount log2(position + 1). The ideal order is that of the query's judged
pages by grade. A page without a judgement counts as grade 0; a query without any page of
grade 1 or more has no nDCG and is left out (its number is reported, not hidden).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .events import Impression, normalise_query
from .judgements import JudgementList

CUTOFF = 10


def dcg(grades: Sequence[int], cutoff: int = CUTOFF) -> float:
    """Discounted cumulative gain of grades in ranked order."""
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:cutoff]))


def ndcg(ranked: Sequence[str], grades: Mapping[str, int], cutoff: int = CUTOFF) -> float | None:
    """nDCG@cutoff of ``ranked`` ids; None when no judged page has a grade above 0."""
    ideal = dcg(sorted(grades.values(), reverse=True), cutoff)
    if ideal <= 0:
        return None
    seen = list(dict.fromkeys(ranked))  # a page listed twice gains once
    return dcg([grades.get(doc, 0) for doc in seen], cutoff) / ideal


@dataclass(frozen=True)
class NdcgSummary:
    """Mean nDCG over the queries it could be computed for, with their number."""

    mean: float | None
    queries: int
    unjudged: int  # queries asked for that have no judged page of grade 1 or more
    per_query: tuple[tuple[str, float], ...]


def summarise(rankings: Mapping[str, Sequence[str]], judgements: JudgementList,
              cutoff: int = CUTOFF) -> NdcgSummary:
    """nDCG of one ranked list per query, and their mean."""
    scores = []
    for query, ranked in rankings.items():
        value = ndcg(ranked, judgements.grades(query), cutoff)
        if value is not None:
            scores.append((normalise_query(query), value))
    mean = sum(v for _, v in scores) / len(scores) if scores else None
    return NdcgSummary(mean, len(scores), len(rankings) - len(scores), tuple(scores))


@dataclass(frozen=True)
class BeforeAfter:
    """The judged queries under the current ranking and under a candidate."""

    before: NdcgSummary
    after: NdcgSummary


def before_after(judgements: JudgementList, current: Callable[[str], Sequence[str]],
                 candidate: Callable[[str], Sequence[str]]) -> BeforeAfter:
    """nDCG of every judged query searched with ``current`` and with ``candidate``
    (each a function query -> ranked page ids, e.g. the ranking preview's search)."""
    queries = judgements.queries()
    return BeforeAfter(summarise({q: current(q) for q in queries}, judgements),
                       summarise({q: candidate(q) for q in queries}, judgements))


@dataclass(frozen=True)
class DayNdcg:
    """Mean nDCG of the result pages shown on one day, with the searches it rests on and
    the number of distinct queries among them."""

    day: date
    mean: float
    searches: int
    queries: int = 0


def ndcg_by_day(impressions: Iterable[Impression], judgements: JudgementList,
                ranking: str | None = None, cutoff: int = CUTOFF) -> tuple[DayNdcg, ...]:
    """Per day, the mean nDCG of first result pages shown (of ``ranking`` if given); a
    narrowed page (other order, filter) is not the ranking's list and is left out."""
    per_day: dict[date, list[tuple[str, float]]] = defaultdict(list)
    grades_of: dict[str, dict[str, int]] = {}
    for imp in impressions:
        if (imp.day is None or imp.offset or imp.narrowed
                or (ranking is not None and imp.ranking != ranking)):
            continue
        key = normalise_query(imp.query)
        if key not in grades_of:
            grades_of[key] = judgements.grades(key)
        value = ndcg(imp.shown, grades_of[key], cutoff)
        if value is not None:
            per_day[imp.day].append((key, value))
    return tuple(DayNdcg(day, sum(v for _, v in rows) / len(rows), len(rows),
                         len({q for q, _ in rows}))
                 for day, rows in sorted(per_day.items()))
