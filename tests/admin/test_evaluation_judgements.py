"""Click-derived judgements, their CSV export and nDCG@10 (pure functions, no Solr needed)."""

from __future__ import annotations

import csv
import io
import math
import random
from datetime import date

import pytest

from webapp.admin.evaluation.events import Click, Impression
from webapp.admin.evaluation.judgements import (MIN_IMPRESSIONS, build_judgements, grade_of,
                                                judgements_csv, safe_cell)
from webapp.admin.evaluation.ndcg import before_after, dcg, ndcg, ndcg_by_day, summarise

# Of the form the estimator assumes (k ** -decay), so that recovering it can be checked;
# the visitor simulation (tests/quality/test_simulation.py) uses a curve of another form.
@pytest.fixture(autouse=True)
def clean_slate() -> None:
    """These functions are pure: the admin tests' Solr clean-up is not needed here."""


TRUE_EXAMINATION = tuple(k ** -0.6 for k in range(1, 11))


def _traffic(queries: int, searches: int, seed: int = 3
             ) -> tuple[list[Impression], list[Click]]:
    """Per query: page 0 very attractive, page 3 half so, the rest rarely clicked; shown in
    the list order and reversed in turns, clicked by a position-based visitor."""
    rng = random.Random(seed)
    impressions, clicks = [], []
    for q in range(queries):
        docs = [f"q{q}/p{i}" for i in range(10)]
        appeal = {docs[0]: 0.9, docs[3]: 0.5}
        for s in range(searches):
            shown = docs if s % 2 else docs[::-1]
            sid = f"{q}-{s}"
            impressions.append(Impression(sid, f"Frage {q}", "live", tuple(shown)))
            for k, doc in enumerate(shown):
                if rng.random() < TRUE_EXAMINATION[k] and rng.random() < appeal.get(doc, 0.05):
                    clicks.append(Click(sid, doc, k + 1))
    return impressions, clicks


def test_grades_follow_attractiveness_not_position() -> None:
    judged = build_judgements(*_traffic(queries=100, searches=60))
    grades = [judged.grades(f"Frage {q}") for q in range(100)]
    # Page 0 is shown at position 10 half the time and still outranks pages seen at the top.
    assert sum(g.get(f"q{q}/p0") == 3 for q, g in enumerate(grades)) >= 95
    # Page 3 (clicked half the time it is looked at) lies between; about 27 examinations
    # per query leave its grade uncertain by about one step, but never at 0.
    middle = [g[f"q{q}/p3"] for q, g in enumerate(grades)]
    assert min(middle) >= 1 and 1.6 <= sum(middle) / len(middle) <= 2.4
    others = [g[f"q{q}/p{i}"] for q, g in enumerate(grades) for i in (1, 2, 4, 5, 6, 7, 8, 9)]
    # Clicked 5 % of the time: one or two chance clicks may lift a page to grade 1, and the
    # shrinkage keeps a third from lifting it further.
    assert sum(grade == 0 for grade in others) / len(others) >= 0.85
    assert sum(grade >= 2 for grade in others) / len(others) <= 0.01


def test_the_examination_curve_is_learnt_from_pages_that_moved() -> None:
    judged = build_judgements(*_traffic(queries=100, searches=30))
    for fitted, true in zip(judged.examination, TRUE_EXAMINATION):
        assert abs(fitted - true) <= 0.05, judged.examination
    assert judged.examination[0] == 1.0


def test_few_impressions_give_no_judgement() -> None:
    impressions = [Impression(f"s{i}", "kita", "live", ("a", "b")) for i in range(MIN_IMPRESSIONS - 1)]
    clicks = [Click(f"s{i}", "a", 1) for i in range(MIN_IMPRESSIONS - 1)]
    judged = build_judgements(impressions, clicks)
    assert judged.judgements == ()
    assert judged.queries() == ()
    assert judged.searches == MIN_IMPRESSIONS - 1


def test_small_counts_are_shrunk_towards_the_mean() -> None:
    # "a" clicked in all 10 searches; "b" at the top in 10 others, clicked twice. With so
    # few searches "a" stays below a perfect 1 and "b" above its raw rate of 0.2.
    impressions = [Impression(f"s{i}", "kita", "live", ("a", "b", "c")) for i in range(10)]
    impressions += [Impression(f"t{i}", "kita", "live", ("b", "a", "c")) for i in range(10)]
    clicks = [Click(f"s{i}", "a", 1) for i in range(10)] + [Click("t0", "b", 1),
                                                             Click("t1", "b", 1)]
    judged = {j.doc_id: j for j in build_judgements(impressions, clicks).judgements}
    assert 0.6 <= judged["a"].attractiveness < 1.0
    assert judged["a"].grade == 3
    assert judged["b"].attractiveness > 0.0
    assert judged["a"].impressions == 20 and judged["a"].clicks == 10


def test_a_repeated_click_and_a_click_without_search_count_once_or_not_at_all() -> None:
    impressions = [Impression(f"s{i}", "kita", "live", ("a", "b")) for i in range(12)]
    clicks = [Click("s0", "a", 1), Click("s0", "a", 1), Click("unknown", "a", 1),
              Click("s1", "zzz", 1)]
    judged = build_judgements(impressions, clicks)
    row = {j.doc_id: j for j in judged.judgements}["a"]
    assert row.clicks == 1
    assert judged.unmatched_clicks == 2


@pytest.mark.parametrize("value, grade", [(0.95, 3), (0.6, 3), (0.4, 2), (0.2, 1), (0.05, 0)])
def test_grade_bounds(value: float, grade: int) -> None:
    assert grade_of(value) == grade


@pytest.mark.parametrize("text", ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_cannot_start_a_formula(text: str) -> None:
    assert safe_cell(text) == "'" + text


def test_csv_export_is_neutralised_and_complete() -> None:
    impressions = [Impression(f"s{i}", "=cmd|' /C calc'!A0", "live", ("@a", "-b"))
                   for i in range(12)]
    clicks = [Click(f"s{i}", "@a", 1) for i in range(12)]
    clicks += [Click(f"s{i}", "-b", 2) for i in range(6)]
    rows = list(csv.reader(io.StringIO(judgements_csv(build_judgements(impressions, clicks)))))
    assert rows[0] == ["query", "doc_id", "grade", "attractiveness", "impressions", "clicks",
                       "examined"]
    assert {r[1] for r in rows[1:]} == {"'@a", "'-b"}
    assert all(r[0] == "'=cmd|' /c calc'!a0" for r in rows[1:])
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_dcg_and_ndcg_by_hand() -> None:
    assert dcg([3, 0, 1]) == pytest.approx(7 + 0 + 1 / 2)
    grades = {"a": 3, "b": 1}
    assert ndcg(["a", "b", "x"], grades) == pytest.approx(1.0)
    assert ndcg(["x", "b", "a"], grades) == pytest.approx((1 / math.log2(3) + 7 / 2) /
                                                          (7 + 1 / math.log2(3)))
    assert ndcg(["a", "a", "b"], grades) == pytest.approx(1.0)  # a repeat gains nothing
    assert ndcg(["a"], {"a": 0}) is None
    # Only the first ten count.
    assert ndcg([f"x{i}" for i in range(10)] + ["a"], grades) == 0.0


def test_summary_before_after_and_per_day() -> None:
    impressions, clicks = _traffic(queries=20, searches=30)
    judged = build_judgements(impressions, clicks)
    good = {f"frage {q}": [f"q{q}/p{i}" for i in (0, 3, 1, 2)] for q in range(20)}
    bad = {q: ids[::-1] for q, ids in good.items()}
    result = before_after(judged, good.__getitem__, bad.__getitem__)
    assert result.before.queries == result.after.queries == 20
    assert result.before.mean is not None and result.after.mean is not None
    assert result.before.mean > 0.95 > 0.6 > result.after.mean
    assert summarise({"niemand fragt das": ["x"]}, judged).unjudged == 1
    days = [Impression("d1", "Frage 1", "live", tuple(good["frage 1"]), date(2026, 12, 1)),
            Impression("d2", "Frage 1", "live", tuple(bad["frage 1"]), date(2026, 12, 2)),
            Impression("d3", "Frage 1", "other", tuple(bad["frage 1"]), date(2026, 12, 1))]
    per_day = ndcg_by_day(days, judged, ranking="live")
    assert [(d.day.day, d.searches) for d in per_day] == [(1, 1), (2, 1)]
    assert per_day[0].mean > per_day[1].mean
