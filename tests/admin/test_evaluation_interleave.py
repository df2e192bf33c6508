"""Team-draft interleaving, click credit, the sign test, the Wilson interval and the plan
(pure functions, no Solr needed)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from webapp.admin.evaluation.interleave import (Outcome, Side, coin_for, credit, outcome,
                                                takes_part, team_draft)
from webapp.admin.evaluation.significance import Comparison, Plan, sign_test, tally, wilson


@pytest.fixture(autouse=True)
def clean_slate() -> None:
    """These functions are pure: the admin tests' Solr clean-up is not needed here."""


ids = st.lists(st.sampled_from("abcdefghijkl"), max_size=12)


@given(ids, ids, st.integers(0, 2 ** 32))
def test_team_draft_keeps_each_sides_order_and_balance(a: list[str], b: list[str],
                                                       seed: int) -> None:
    merged = team_draft(a, b, random.Random(seed))
    assert len(merged.ids) == len(set(merged.ids)) == len(set(a) | set(b))
    assert set(merged.ids) == set(a) | set(b)
    for side, ranked in ((Side.CURRENT, a), (Side.CANDIDATE, b)):
        mine = [d for d, s in zip(merged.ids, merged.sides) if s is side]
        # Each side's picks appear in the order of its own ranking.
        order = [ranked.index(d) for d in mine]
        assert order == sorted(order)
    # While both have pages left, neither side is ahead by more than one pick.
    counts = {Side.CURRENT: 0, Side.CANDIDATE: 0}
    for side in merged.sides[:min(len(set(a)), len(set(b)))]:
        counts[side] += 1
        assert abs(counts[Side.CURRENT] - counts[Side.CANDIDATE]) <= 1


def test_team_draft_by_hand_and_length() -> None:
    class Heads(random.Random):
        def random(self) -> float:
            return 0.0  # the current ranking picks first in every round

    merged = team_draft(["a", "b", "c"], ["b", "d", "a"], Heads(), length=4)
    assert merged.ids == ("a", "b", "c", "d")
    assert merged.sides == (Side.CURRENT, Side.CANDIDATE, Side.CURRENT, Side.CANDIDATE)
    assert team_draft(["a", "a", "b"], [], Heads()).ids == ("a", "b")


def test_the_same_search_gets_the_same_merge() -> None:
    a, b = list("abcdefghij"), list("jihgfedcba")
    assert team_draft(a, b, coin_for("s1", "x")) == team_draft(a, b, coin_for("s1", "x"))
    merges = {team_draft(a, b, coin_for(f"s{i}", "x")).sides for i in range(50)}
    assert len(merges) > 1


def test_credit_and_outcome() -> None:
    merged = team_draft(["a", "b"], ["c", "d"], coin_for("s", "x"))
    assert set(zip(merged.ids, merged.sides)) == {("a", Side.CURRENT), ("b", Side.CURRENT),
                                                  ("c", Side.CANDIDATE), ("d", Side.CANDIDATE)}
    assert credit(merged, ["a", "a", "zzz"]) == {Side.CURRENT: 1, Side.CANDIDATE: 0}
    assert outcome(merged, ["a", "c", "d"]) is Outcome.CANDIDATE
    assert outcome(merged, ["a", "b", "c"]) is Outcome.CURRENT
    assert outcome(merged, []) is Outcome.TIE
    assert outcome(merged, ["a", "c"]) is Outcome.TIE


def test_share_of_searches_taking_part() -> None:
    chosen = sum(takes_part(f"search-{i}", 0.2, "cmp-1") for i in range(10_000))
    assert 1800 <= chosen <= 2200
    assert takes_part("search-1", 0.2, "cmp-1") == takes_part("search-1", 0.2, "cmp-1")
    assert not any(takes_part(f"s{i}", 0.0, "c") for i in range(100))


@pytest.mark.parametrize("wins, losses, p", [
    (0, 0, 1.0), (5, 5, 1.0), (6, 0, 2 / 64), (0, 6, 2 / 64), (5, 0, 2 / 32),
    (9, 1, 2 * 11 / 1024), (60, 40, 0.056887933640891655),
])
def test_sign_test_exact_values(wins: int, losses: int, p: float) -> None:
    # (60, 40): 2 * P(X <= 40), X ~ Bin(100, 1/2), worked out with exact integers.
    assert sign_test(wins, losses) == pytest.approx(p, rel=1e-12)


def test_wilson_interval() -> None:
    low, high = wilson(8, 10)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)
    assert wilson(0, 0) == (0.0, 1.0)
    low, high = wilson(0, 5)
    assert low == 0.0 and 0.4 < high < 0.5


def test_comparison_summary_and_verdict() -> None:
    result = tally([Outcome.CANDIDATE] * 30 + [Outcome.CURRENT] * 10 + [Outcome.TIE] * 60)
    assert (result.candidate_wins, result.current_wins, result.ties) == (30, 10, 60)
    assert result.searches == 100 and result.decided == 40
    assert result.preference == 0.75
    low, high = result.interval
    assert low < 0.75 < high and low > 0.5
    assert result.p_value < 0.01
    assert result.verdict is Outcome.CANDIDATE
    assert Comparison(0, 0, 12).verdict is Outcome.TIE
    assert Comparison(6, 4, 0).verdict is Outcome.TIE  # no difference shown
    assert Comparison(1, 9, 0).verdict is Outcome.CURRENT


def test_plan_stops_at_the_planned_number() -> None:
    plan = Plan(planned_searches=100)
    assert plan.share == 0.2
    assert not plan.finished(Comparison(40, 0, 59))
    assert plan.remaining(Comparison(40, 0, 59)) == 1
    assert plan.finished(Comparison(40, 10, 50))
    with pytest.raises(ValueError, match="mindestens 1"):
        Plan(planned_searches=0)
    with pytest.raises(ValueError, match="Anteil"):
        Plan(planned_searches=10, share=1.5)
