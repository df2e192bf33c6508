"""Make the winner of a finished comparison the default ranking, audited, in one step."""

from __future__ import annotations

from ..audit import record_change
from ..ranking import to_params
from ..ranking_store import current_ranking, restore_version
from ..repository import CoreAdmin, StatsStore
from .interleave import Outcome
from .significance import Comparison, Plan


class AdoptionRefused(ValueError):
    """The candidate may not become the default yet; the message says why, in German."""


def _summary(number: int, new: int, comparison: Comparison) -> str:
    low, high = comparison.interval
    p_value = f"{comparison.p_value:.3f}".replace(".", ",")  # German decimal comma
    return (f"Vergleich gewonnen: Version {number} ist Standard (als Version {new}); "
            f"Präferenz {comparison.preference:.0%} (95-%-Intervall {low:.0%} bis "
            f"{high:.0%}), p = {p_value}, {comparison.searches} Suchen")


def adopt_winner(core: CoreAdmin, stats: StatsStore, plan: Plan, comparison: Comparison,
                 candidate_version: int, user: str) -> int:
    """Make saved version ``candidate_version`` live and record it in the audit trail;
    refused while the plan is unfinished or when the candidate did not win. Returns the
    new version number; the caller voids its cached default order, as after any save."""
    if not plan.finished(comparison):
        raise AdoptionRefused(f"Der Vergleich läuft noch: {plan.remaining(comparison)} "
                              "Suchen fehlen bis zur geplanten Zahl.")
    if comparison.verdict is not Outcome.CANDIDATE:
        raise AdoptionRefused("Die neue Reihenfolge hat den Vergleich nicht gewonnen "
                              "(kein Unterschied mit p < 0,05 zu ihren Gunsten).")
    before = to_params(current_ranking(core))
    new = restore_version(core, candidate_version, user)
    record_change(stats, "ranking", user, _summary(candidate_version, new, comparison),
                  before, to_params(current_ranking(core)))
    return new
