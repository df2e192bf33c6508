"""Graded relevance (0-3) per query and page from clicks, corrected for position bias.

The click model is the position-based model (PBM): a visitor clicks the result at position
k for query q when they look at that position (probability theta_k, the same for every
query) and find the page attractive (alpha_qd, the same at every position):

    P(click | q, d, k) = theta_k * alpha_qd

The examination probability falls with the position as theta_k = k ** -decay (theta_1 = 1
sets the scale). One number is far easier to learn from a city's few clicks than one per
position, and it is learnt from the data: for each candidate decay, every page's
attractiveness is its clicks over its expected examinations (impressions weighted by
theta_k, the position-corrected "clicks over expected clicks"), and the decay whose fit has
the highest likelihood is kept. It can only be learnt where the same page was shown at
different positions for the same query (ranking changes, pins, interleaving); without such
moves the likelihood barely changes with it, and the grades then rest on the assumed decay.

Small numbers are handled in two ways: the attractiveness is shrunk towards the mean of all
pages by PRIOR_STRENGTH pseudo-examinations (a Beta prior), so two clicks in three searches
do not make a page perfect; and a grade is given only where a page was shown at least
MIN_IMPRESSIONS times and, by the fitted theta, looked at at least MIN_EXAMINED times.
Everything else stays unjudged.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from webapp.admin.stats_csv import neutralise
from .events import Click, Impression, normalise_query

MIN_IMPRESSIONS = 10
MIN_EXAMINED = 5.0
PRIOR_STRENGTH = 3.0
# Examination theta_k = k ** -decay, decay searched between 0 (none) and MAX_DECAY (steep).
MAX_DECAY = 2.0
DECAY_STEPS = 18  # golden-section steps: the decay to within 0.001
EM_STEPS = 10
# Lower bounds of attractiveness for grades 3, 2 and 1; below the last one, grade 0.
GRADE_BOUNDS = (0.6, 0.35, 0.15)
_FLOOR = 1e-4


@dataclass(frozen=True)
class Judgement:
    """The grade of one page for one query, with the numbers it rests on."""

    query: str
    doc_id: str
    grade: int
    attractiveness: float
    impressions: int
    clicks: int
    examined: float  # expected number of impressions in which the visitor looked at it


@dataclass(frozen=True)
class JudgementList:
    """All grades, and the examination probability per position they were corrected with."""

    judgements: tuple[Judgement, ...]
    examination: tuple[float, ...]  # theta_1, theta_2, ...
    searches: int
    unmatched_clicks: int

    def grades(self, query: str) -> dict[str, int]:
        """Page id -> grade for one query (any spelling that normalises alike)."""
        return dict(self._by_query.get(normalise_query(query), {}))

    @cached_property
    def _by_query(self) -> dict[str, dict[str, int]]:
        index: dict[str, dict[str, int]] = defaultdict(dict)
        for j in self.judgements:
            index[j.query][j.doc_id] = j.grade
        return dict(index)

    def queries(self) -> tuple[str, ...]:
        """The judged queries that have at least one page with a grade above 0."""
        return tuple(sorted({j.query for j in self.judgements if j.grade > 0}))


@dataclass
class _Cell:
    impressions: int = 0
    clicks: int = 0


Cells = dict[tuple[str, str, int], _Cell]  # (query, page, position) -> counts


def _cells(impressions: Iterable[Impression], clicks: Iterable[Click]
           ) -> tuple[Cells, int, int]:
    """Counts per (query, page, position); a page clicked twice in one search counts once."""
    clicked: dict[str, set[str]] = defaultdict(set)
    for click in clicks:
        clicked[click.search_id].add(click.doc_id)
    cells: Cells = defaultdict(_Cell)
    searches, matched = 0, 0
    for imp in impressions:
        searches += 1
        query, hits = normalise_query(imp.query), clicked.get(imp.search_id, set())
        for index, doc_id in enumerate(dict.fromkeys(imp.shown)):
            cell = cells[(query, doc_id, imp.offset + index + 1)]
            cell.impressions += 1
            if doc_id in hits:
                cell.clicks += 1
                matched += 1
    total_clicks = sum(len(ids) for ids in clicked.values())
    return cells, searches, total_clicks - matched


def _examination(depth: int, decay: float) -> dict[int, float]:
    return {k: k ** -decay for k in range(1, depth + 1)}


Rows = dict[tuple[str, str], list[tuple[int, int, int]]]  # (query, page) -> (k, shown, clicked)


def _rows(cells: Cells) -> Rows:
    rows: Rows = defaultdict(list)
    for (q, d, k), cell in cells.items():
        rows[(q, d)].append((k, cell.impressions, cell.clicks))
    return rows


def _likeliest(rows: list[tuple[int, int, int]], theta: dict[int, float]) -> float:
    """Maximum-likelihood attractiveness of one page under ``theta`` (a few EM steps from
    clicks over expected examinations, which is where they start)."""
    looked = sum(n * theta[k] for k, n, _ in rows)
    clicks = sum(c for _, _, c in rows)
    alpha = min(max(clicks / looked if looked else 0.0, _FLOOR), 1 - _FLOOR)
    if len(rows) == 1:
        return alpha  # one position: clicks over examinations is the EM's fixed point
    shown = sum(n for _, n, _ in rows)
    for _ in range(EM_STEPS):
        attractive = sum(c + (n - c) * alpha * (1 - theta[k]) / (1 - alpha * theta[k])
                         for k, n, c in rows)
        alpha = min(max(attractive / shown, _FLOOR), 1 - _FLOOR)
    return alpha


def _log_likelihood(rows: Rows, theta: dict[int, float]) -> float:
    total = 0.0
    for pair_rows in rows.values():
        alpha = _likeliest(pair_rows, theta)
        for k, n, c in pair_rows:
            chance = min(theta[k] * alpha, 1 - _FLOOR)
            total += c * math.log(chance) + (n - c) * math.log(1 - chance)
    return total


def _shrunk(rows: Rows, theta: dict[int, float]) -> dict[tuple[str, str], float]:
    """Clicks over expected examinations per (query, page), shrunk towards the mean by
    PRIOR_STRENGTH pseudo-examinations."""
    clicks = {p: sum(c for _, _, c in r) for p, r in rows.items()}
    looked = {p: sum(n * theta[k] for k, n, _ in r) for p, r in rows.items()}
    total = sum(looked.values())
    mean = min(max(sum(clicks.values()) / total if total else 0.5, _FLOOR), 1 - _FLOOR)
    return {p: min(max((clicks[p] + PRIOR_STRENGTH * mean) / (looked[p] + PRIOR_STRENGTH),
                       _FLOOR), 1 - _FLOOR) for p in rows}


def _fit(cells: Cells) -> tuple[dict[tuple[str, str], float], dict[int, float]]:
    """The decay with the highest likelihood (golden-section search; each page at its
    likeliest attractiveness, unshrunk, so that the prior does not bend the decay), and
    the shrunk attractiveness under it."""
    depth = max((k for _, _, k in cells), default=1)
    rows = _rows(cells)
    def fitness(decay: float) -> float:
        return _log_likelihood(rows, _examination(depth, decay))

    low, high = 0.0, MAX_DECAY
    ratio = (math.sqrt(5) - 1) / 2
    left, right = high - ratio * (high - low), low + ratio * (high - low)
    at_left, at_right = fitness(left), fitness(right)
    for _ in range(DECAY_STEPS):
        # The inner point kept is the next interval's other inner point (the golden
        # ratio's property), so each step needs one new likelihood, not two.
        if at_left >= at_right:
            high, right, at_right = right, left, at_left
            left = high - ratio * (high - low)
            at_left = fitness(left)
        else:
            low, left, at_left = left, right, at_right
            right = low + ratio * (high - low)
            at_right = fitness(right)
    theta = _examination(depth, (low + high) / 2)
    return _shrunk(rows, theta), theta


def grade_of(attractiveness: float) -> int:
    """0-3 from the fitted attractiveness (bounds in GRADE_BOUNDS)."""
    for grade, bound in zip((3, 2, 1), GRADE_BOUNDS):
        if attractiveness >= bound:
            return grade
    return 0


def build_judgements(impressions: Iterable[Impression], clicks: Iterable[Click]) -> JudgementList:
    """Grades for every (query, page) shown often enough; the rest stays unjudged."""
    cells, searches, unmatched = _cells(impressions, clicks)
    alpha, theta = _fit(cells)
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for (q, d, k), cell in cells.items():
        row = totals[(q, d)]
        row[0] += cell.impressions
        row[1] += cell.clicks
        row[2] += cell.impressions * theta[k]
    judgements = tuple(
        Judgement(query=q, doc_id=d, grade=grade_of(alpha[(q, d)]),
                  attractiveness=round(alpha[(q, d)], 4), impressions=int(n),
                  clicks=int(c), examined=round(seen, 2))
        for (q, d), (n, c, seen) in sorted(totals.items())
        if n >= MIN_IMPRESSIONS and seen >= MIN_EXAMINED)
    examination = tuple(round(theta[k], 4) for k in sorted(theta))
    return JudgementList(judgements, examination, searches, unmatched)


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula (the admin area's one rule)."""
    return neutralise(str(value))


def judgements_csv(judgements: JudgementList) -> str:
    """The judgement list as CSV (one row per query and page), safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["query", "doc_id", "grade", "attractiveness", "impressions", "clicks",
                     "examined"])
    for j in judgements.judgements:
        writer.writerow([safe_cell(v) for v in (j.query, j.doc_id, j.grade, j.attractiveness,
                                                j.impressions, j.clicks, j.examined)])
    return out.getvalue()
