"""RankingSettings: the ParamSet "ranking" as typed values, and back to plain Solr params (pure)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

FIELDS = ("title", "teaser", "content", "keywords")
FIELD_LABELS = {"title": "Titel", "teaser": "Teaser", "content": "Inhalt",
                "keywords": "Schlagwörter"}
SORTS = {"score desc, onlineDate desc": "Relevanz",
         "onlineDate desc, score desc": "Datum (neueste zuerst)",
         "clickCounter desc, score desc": "Beliebtheit"}
DEFAULT_SORT = "score desc, onlineDate desc"
DAY_MS = 86_400_000
MAX_WEIGHT = 1000.0
# Written by this module and recognised when read back; anything else is kept verbatim.
_NUM = r"([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)"
_POPULARITY = re.compile(rf"^sum\(1,product\({_NUM},log\(sum\(clickCounter,1\)\)\)\)$")
_RECENCY = re.compile(rf"^if\(termfreq\(category,'((?:[^'\\]|\\.)*)'\),sum\(1,product\({_NUM},"
                      rf"recip\((?:max\(ms\(NOW/DAY,onlineDate\),0\)|ms\(NOW/DAY,onlineDate\)),"
                      rf"{_NUM},1,1\)\)\),1\)$")
_FIELD_WEIGHT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\^([0-9]*\.?[0-9]+))?$")


class RankingError(ValueError):
    """A value the web team entered cannot become a ranking; the message is German."""


@dataclass(frozen=True)
class RecencyRule:
    """Pages of ``category`` get up to ``weight`` extra, halved after ``half_life_days``."""

    category: str
    half_life_days: float
    weight: float


@dataclass(frozen=True)
class RankingSettings:
    """What the web team tunes; ``extra`` holds every other ParamSet value unchanged."""

    field_weights: tuple[tuple[str, float], ...] = ()
    phrase_weights: tuple[tuple[str, float], ...] = ()
    phrase_slop: int = 0
    popularity: float = 0.0
    recency: tuple[RecencyRule, ...] = ()
    default_sort: str = DEFAULT_SORT
    other_boosts: tuple[str, ...] = ()
    extra: tuple[tuple[str, Any], ...] = field(default=())

    def weight(self, name: str, phrase: bool = False) -> float:
        """Weight of one field in qf (or pf with ``phrase``); 0 when absent."""
        return dict(self.phrase_weights if phrase else self.field_weights).get(name, 0.0)

    def with_changes(self, **changes: Any) -> RankingSettings:
        """A copy with some values replaced."""
        return replace(self, **changes)


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_weights(text: str) -> tuple[tuple[str, float], ...]:
    """``"title^6 content"`` → ``(("title", 6.0), ("content", 1.0))``."""
    weights = []
    for token in str(text or "").split():
        match = _FIELD_WEIGHT.match(token)
        if not match:
            raise RankingError(f"Feldgewichtung „{token}“ ist nicht lesbar.")
        weights.append((match.group(1), float(match.group(2) or 1)))
    return tuple(weights)


def format_number(value: float) -> str:
    """Short decimal without a trailing ``.0``."""
    text = f"{value:.6g}"
    return text[:-2] if text.endswith(".0") else text


def format_weights(weights: tuple[tuple[str, float], ...]) -> str:
    """Inverse of parse_weights; fields with weight 0 are left out."""
    parts = []
    for name, weight in weights:
        if weight > 0:
            parts.append(name if weight == 1 else f"{name}^{format_number(weight)}")
    return " ".join(parts)


def _split_product(expr: str) -> list[str]:
    """Top-level arguments of ``product(a,b,…)``; any other expression is one factor."""
    if not (expr.startswith("product(") and expr.endswith(")")):
        return [expr]
    args, depth, start, quoted = [], 0, len("product("), False
    inner_end = len(expr) - 1
    for i in range(start, inner_end):
        ch = expr[i]
        if ch == "'" and expr[i - 1] != "\\":
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
        elif not quoted and ch == "," and depth == 0:
            args.append(expr[start:i])
            start = i + 1
    args.append(expr[start:inner_end])
    return args if depth == 0 and not quoted else [expr]


def parse_ranking(params: Mapping[str, Any]) -> RankingSettings:
    """Typed settings from a ParamSet as Solr returns it (unknown keys kept in ``extra``)."""
    values = {k: v for k, v in params.items() if k and not k.startswith("meta.")}
    boosts = values.pop("boost", [])
    popularity, recency, others = 0.0, [], []
    for expr in [boosts] if isinstance(boosts, str) else list(boosts):
        for factor in _split_product(str(expr).strip()):
            if match := _POPULARITY.match(factor):
                popularity += _number(match.group(1))
            elif match := _RECENCY.match(factor):
                category = re.sub(r"\\(.)", r"\1", match.group(1))
                half_life = 1 / (_number(match.group(3)) * DAY_MS)
                recency.append(RecencyRule(category, round(half_life, 2), _number(match.group(2))))
            elif factor:
                others.append(factor)
    try:
        slop = int(values.pop("ps", 0) or 0)
    except ValueError:
        slop = 0
    return RankingSettings(
        field_weights=parse_weights(values.pop("qf", "")),
        phrase_weights=parse_weights(values.pop("pf", "")),
        phrase_slop=slop, popularity=popularity, recency=tuple(recency),
        default_sort=str(values.pop("sort", DEFAULT_SORT) or DEFAULT_SORT),
        other_boosts=tuple(others), extra=tuple(sorted(values.items())))


def _recency_factor(rule: RecencyRule) -> str:
    category = rule.category.replace("\\", "\\\\").replace("'", "\\'")
    rate = 1 / (rule.half_life_days * DAY_MS)
    # max(…,0): a page dated in the future counts as brand new, not as newer than new.
    return (f"if(termfreq(category,'{category}'),sum(1,product({format_number(rule.weight)},"
            f"recip(max(ms(NOW/DAY,onlineDate),0),{rate:.6e},1,1))),1)")


def boost_factors(settings: RankingSettings) -> list[str]:
    """The multiplicative boost functions, in a form parse_ranking recognises."""
    factors = []
    if settings.popularity > 0:
        factors.append(f"sum(1,product({format_number(settings.popularity)},"
                       "log(sum(clickCounter,1))))")
    factors += [_recency_factor(rule) for rule in settings.recency if rule.weight > 0]
    factors += list(settings.other_boosts)
    return factors


def to_params(settings: RankingSettings) -> dict[str, Any]:
    """Plain Solr parameters for the ParamSet (every key always present, so that a preview
    passing them explicitly overrides the saved set completely)."""
    params: dict[str, Any] = dict(settings.extra)
    factors = boost_factors(settings)
    boost = "1" if not factors else factors[0] if len(factors) == 1 else \
        f"product({','.join(factors)})"
    params.update(qf=format_weights(settings.field_weights),
                  pf=format_weights(settings.phrase_weights), ps=str(settings.phrase_slop),
                  boost=boost, sort=settings.default_sort)
    return params


def validate(settings: RankingSettings) -> RankingSettings:
    """Check ranges; raises RankingError with a German message."""
    if not any(w > 0 for _, w in settings.field_weights):
        raise RankingError("Mindestens ein Feld braucht ein Gewicht größer als 0.")
    for name, weight in settings.field_weights + settings.phrase_weights:
        if not 0 <= weight <= MAX_WEIGHT:
            raise RankingError(f"Gewicht für „{FIELD_LABELS.get(name, name)}“ muss zwischen 0 "
                               f"und {MAX_WEIGHT:g} liegen.")
    if not 0 <= settings.phrase_slop <= 20:
        raise RankingError("Der Phrasenabstand muss zwischen 0 und 20 liegen.")
    if not 0 <= settings.popularity <= 10:
        raise RankingError("Der Beliebtheits-Boost muss zwischen 0 und 10 liegen.")
    for rule in settings.recency:
        if not rule.category or any(ch in rule.category for ch in "'\\\n"):
            raise RankingError("Kategorie für den Aktualitäts-Boost fehlt oder enthält ' oder \\.")
        if not 0 < rule.half_life_days <= 36500 or not 0 <= rule.weight <= 100:
            raise RankingError(f"Aktualitäts-Boost für „{rule.category}“: Halbwertszeit 1–36500 "
                               "Tage, Gewicht 0–100.")
    return settings
