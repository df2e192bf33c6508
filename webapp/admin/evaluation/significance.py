"""How sure an interleaving comparison is: preference, Wilson interval, exact sign test,
and the plan that says when it ends.

The sign test is the exact two-sided binomial test of wins against losses (ties left out),
computed with math.comb: it is a sum of binomial coefficients, exact at any count, and not
worth a scientific library of tens of megabytes in the web app (the tests check it against
values worked out by hand).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .interleave import Outcome

ALPHA = 0.05
Z_95 = 1.959963984540054


def sign_test(wins: int, losses: int) -> float:
    """Exact two-sided p-value of ``wins`` against ``losses`` when both are equally likely."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(wins, losses) + 1))
    return float(min(Fraction(1), Fraction(2 * tail, 2 ** n)))


def wilson(successes: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of a share (95 % by default); (0, 1) without observations."""
    if n == 0:
        return 0.0, 1.0
    share = successes / n
    centre = share + z * z / (2 * n)
    spread = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    return max(0.0, (centre - spread) / scale), min(1.0, (centre + spread) / scale)


@dataclass(frozen=True)
class Comparison:
    """Wins of the candidate, of the current ranking, and ties, with what they mean."""

    candidate_wins: int
    current_wins: int
    ties: int

    @property
    def searches(self) -> int:
        return self.candidate_wins + self.current_wins + self.ties

    @property
    def decided(self) -> int:
        """Searches whose clicks favoured one side."""
        return self.candidate_wins + self.current_wins

    @property
    def preference(self) -> float | None:
        """Share of the decided searches the candidate won; None before any was decided."""
        return self.candidate_wins / self.decided if self.decided else None

    @property
    def interval(self) -> tuple[float, float]:
        """95 % Wilson interval of that share."""
        return wilson(self.candidate_wins, self.decided)

    @property
    def p_value(self) -> float:
        """Exact two-sided sign test of candidate wins against current wins."""
        return sign_test(self.candidate_wins, self.current_wins)

    @property
    def verdict(self) -> Outcome:
        """The better side when p < ALPHA, otherwise TIE (no difference shown)."""
        if self.p_value >= ALPHA or self.preference is None:
            return Outcome.TIE
        return Outcome.CANDIDATE if self.preference > 0.5 else Outcome.CURRENT


def tally(outcomes: Iterable[Outcome]) -> Comparison:
    """Count per-search outcomes."""
    counts = {o: 0 for o in Outcome}
    for item in outcomes:
        counts[item] += 1
    return Comparison(counts[Outcome.CANDIDATE], counts[Outcome.CURRENT], counts[Outcome.TIE])


@dataclass(frozen=True)
class Plan:
    """A comparison's plan: the share of searches it takes and how many it needs."""

    planned_searches: int
    share: float = 0.2

    def __post_init__(self) -> None:
        if self.planned_searches < 1:
            raise ValueError("Die geplante Zahl der Suchen muss mindestens 1 sein.")
        if not 0 < self.share <= 1:
            raise ValueError("Der Anteil der Suchen muss über 0 % und höchstens 100 % liegen.")

    def finished(self, comparison: Comparison) -> bool:
        """The comparison stops when the planned number of searches took part, and only
        then is its verdict read: looking early and stopping at a lucky moment would make
        p < 0.05 far more likely than 5 % between equal rankings."""
        return comparison.searches >= self.planned_searches

    def remaining(self, comparison: Comparison) -> int:
        """Searches still to come."""
        return max(0, self.planned_searches - comparison.searches)
