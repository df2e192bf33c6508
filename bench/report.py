"""Ratios with their targets, printed as a table for people and as Markdown for BENCHMARKS.md."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass

_OPS = {">=": operator.ge, "<=": operator.le}


@dataclass(frozen=True)
class Ratio:
    """One measured ratio; `target` is None for figures reported without a goal."""

    name: str
    value: float
    op: str = ">="
    target: float | None = None
    detail: str = ""

    @property
    def met(self) -> bool | None:
        """True/False against the target, None when there is none."""
        if self.target is None:
            return None
        return bool(_OPS[self.op](self.value, self.target))

    @property
    def verdict(self) -> str:
        """"met", "MISSED" or "-"."""
        return {True: "met", False: "MISSED", None: "-"}[self.met]

    @property
    def goal(self) -> str:
        """The target as text, e.g. ">= 0.80"."""
        return "" if self.target is None else f"{self.op} {self.target:g}"


def _value(ratio: Ratio) -> str:
    return f"{ratio.value:.3f}" if ratio.value < 10 else f"{ratio.value:.1f}"


def text_table(ratios: Iterable[Ratio]) -> str:
    """Aligned plain-text table."""
    rows = [(r.name, _value(r), r.goal, r.verdict, r.detail) for r in ratios]
    head = ("ratio", "value", "target", "", "measured")
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(4)]
    lines = []
    for row in [head, *rows]:
        cells = [row[i].ljust(widths[i]) for i in range(4)] + [row[4]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def markdown_table(ratios: Iterable[Ratio]) -> str:
    """The same table in Markdown."""
    lines = ["| ratio | value | target | result | measured |", "| --- | ---: | --- | --- | --- |"]
    for r in ratios:
        lines.append(f"| {r.name} | {_value(r)} | {r.goal} | {r.verdict} | {r.detail} |")
    return "\n".join(lines)
