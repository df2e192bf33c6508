"""Read the admin forms into typed values; errors carry German messages (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from .ranking import FIELDS, RankingError, RankingSettings, RecencyRule, SORTS, validate

RECENCY_ROWS = 4


def _number(form: Mapping[str, str], key: str, label: str, default: float = 0.0) -> float:
    raw = (form.get(key) or "").strip().replace(",", ".")
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as err:
        raise RankingError(f"„{label}“: „{raw[:20]}“ ist keine Zahl.") from err
    if value != value or value in (float("inf"), float("-inf")):
        raise RankingError(f"„{label}“ muss eine endliche Zahl sein.")
    return value


def _merge(base: tuple[tuple[str, float], ...], new: dict[str, float]) -> tuple[tuple[str, float], ...]:
    """Keep the order and any fields the form does not show; update the shown ones."""
    merged = [(name, new.pop(name, weight)) for name, weight in base]
    return tuple(merged + list(new.items()))


def ranking_from_form(form: Mapping[str, str], base: RankingSettings) -> RankingSettings:
    """The ranking the form proposes, starting from ``base`` for anything not on the form."""
    qf = {f: _number(form, f"qf_{f}", f"Gewicht {f}") for f in FIELDS}
    pf = {f: _number(form, f"pf_{f}", f"Phrasen-Gewicht {f}") for f in FIELDS}
    rules = []
    for i in range(RECENCY_ROWS + len(base.recency)):
        category = (form.get(f"rec_cat_{i}") or "").strip()
        if category:
            rules.append(RecencyRule(category[:100],
                                     _number(form, f"rec_half_{i}", "Halbwertszeit", 30),
                                     _number(form, f"rec_weight_{i}", "Gewicht", 1)))
    sort = form.get("sort") or base.default_sort
    if sort not in SORTS and sort != base.default_sort:
        raise RankingError("Unbekannte Sortierung.")
    slop = _number(form, "ps", "Phrasenabstand", base.phrase_slop)
    if slop != int(slop):
        raise RankingError("Der Phrasenabstand muss eine ganze Zahl sein.")
    return validate(base.with_changes(
        field_weights=_merge(base.field_weights, qf), phrase_weights=_merge(base.phrase_weights, pf),
        phrase_slop=int(slop), popularity=_number(form, "popularity", "Beliebtheit"),
        recency=tuple(rules), default_sort=sort))


def period_from_args(args: Mapping[str, str], today: date) -> tuple[date, date, str | None]:
    """The statistics period (default: the last 30 days) and a German error, if any."""
    try:
        end = date.fromisoformat(args["bis"]) if args.get("bis") else today
        start = date.fromisoformat(args["von"]) if args.get("von") else end - timedelta(days=29)
    except ValueError:
        return today - timedelta(days=29), today, "Bitte Daten im Format JJJJ-MM-TT angeben."
    if start > end:
        return end, start, "Der Beginn lag nach dem Ende; die Daten wurden getauscht."
    return start, end, None
