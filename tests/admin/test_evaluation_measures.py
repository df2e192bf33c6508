"""The parts the click evaluation's pages add to the pure measures, against values computed
by hand: which result pages nDCG per day counts, and the preview's choice of queries."""

from __future__ import annotations

import math
from datetime import date

import pytest

from webapp.admin.evaluation.candidate import most_shown
from webapp.admin.evaluation.events import Impression
from webapp.admin.evaluation.judgements import Judgement, JudgementList
from webapp.admin.evaluation.ndcg import ndcg_by_day


@pytest.fixture(autouse=True)
def clean_slate() -> None:
    """Pure functions: the admin tests' Solr clean-up is not needed here."""


def _judged(*rows: tuple[str, str, int, int]) -> JudgementList:
    return JudgementList(tuple(Judgement(q, d, g, 0.5, n, 0, float(n)) for q, d, g, n in rows),
                         (1.0,), 0, 0)


JUDGED = _judged(("amt", "x", 3, 40), ("amt", "y", 1, 40), ("bad", "z", 2, 12),
                 ("kita", "k", 0, 30))
DAY1, DAY2 = date(2026, 12, 1), date(2026, 12, 2)


def test_ndcg_per_day_counts_first_unnarrowed_pages_with_their_queries_and_versions() -> None:
    impressions = [
        Impression("s1", "Amt", "1", ("x", "y"), DAY1),             # ideal order: 1.0
        Impression("s2", "amt", "2", ("y", "x"), DAY1),             # swapped
        Impression("s3", "Bad", "2", ("q", "z"), DAY1),             # z second
        Impression("s4", "amt", "2", ("y", "x"), DAY1, narrowed=True),   # another order
        Impression("s5", "amt", "2", ("x",), DAY1, offset=10),           # page 2
        Impression("s6", "kita", "2", ("k",), DAY1),                # no grade above 0
        Impression("s7", "unbekannt", "2", ("x",), DAY1),           # not judged at all
        Impression("s8", "amt", "2", ("q", "x"), DAY2),
    ]
    ideal_amt = 7 + 1 / math.log2(3)
    swapped = (1 + 7 / math.log2(3)) / ideal_amt
    bad = (3 / math.log2(3)) / 3
    day1, day2 = ndcg_by_day(impressions, JUDGED)
    assert (day1.day, day1.searches, day1.queries, day1.rankings) == (DAY1, 3, 2, ("1", "2"))
    assert day1.mean == pytest.approx((1.0 + swapped + bad) / 3)
    assert (day2.searches, day2.queries, day2.rankings) == (1, 1, ("2",))
    assert day2.mean == pytest.approx((7 / math.log2(3)) / ideal_amt)
    only_v1 = ndcg_by_day(impressions, JUDGED, ranking="1")
    assert [(d.day, d.searches, d.mean) for d in only_v1] == [(DAY1, 1, 1.0)]


def test_the_preview_searches_the_most_shown_judged_queries() -> None:
    kept = most_shown(JUDGED, limit=1)
    assert kept.queries() == ("amt",)
    assert {j.doc_id for j in kept.judgements} == {"x", "y"}
    # "kita" has no grade above 0: never searched, whatever the limit.
    assert most_shown(JUDGED).queries() == ("amt", "bad")


def test_stored_searches_of_other_lists_are_narrowed() -> None:
    from webapp.admin.evaluation.store import impression_from
    base = {"search_id": "s", "query": "amt", "ts": "2026-12-01T10:00:00Z", "start": 0,
            "ranking": "2", "shown": ["x", "y"], "sort": "relevanz"}
    assert not impression_from(base).narrowed
    for extra in ({"sort": "datum_neu"}, {"category": ["Bürgerservice"]}, {"exact": True},
                  {"comparison": "c1"}):
        assert impression_from({**base, **extra}).narrowed, extra
