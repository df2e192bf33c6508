"""A small bar chart of searches per day with the zero-hit rate as a line, as plain numbers
for an inline SVG: rendered on the server, readable without JavaScript; the page shows the
same numbers in a table for screen readers."""

from __future__ import annotations

from dataclasses import dataclass

from .trends import Bucket

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 48, 12, 28


@dataclass(frozen=True)
class Bar:
    """One day: its bar and the point of the zero-hit line."""

    x: float
    y: float
    width: float
    height: float
    rate_y: float
    label: str
    show_label: bool


@dataclass(frozen=True)
class Chart:
    """Everything the SVG template draws."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    max_searches: int
    line: str  # points of the zero-hit polyline
    baseline: float
    top: float
    left: float
    right: float


def _nice_max(value: int) -> int:
    """An axis maximum that reads well (1, 2, 5 × 10ⁿ)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if value <= step * factor:
                return step * factor
        step *= 10


def daily_chart(days: list[Bucket]) -> Chart:
    """Bars for searches per day (left axis) and a line for the zero-hit share (right axis,
    0–100 %)."""
    top = _nice_max(max((d.searches for d in days), default=0) or 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(days), 1)
    bars = []
    for i, day in enumerate(days):
        height = plot_h * day.searches / top
        bars.append(Bar(x=round(LEFT + i * slot + slot * 0.15, 1),
                        y=round(TOP + plot_h - height, 1), width=round(slot * 0.7, 1),
                        height=round(height, 1),
                        rate_y=round(TOP + plot_h * (1 - day.zero_rate), 1),
                        label=day.start.strftime("%d.%m."), show_label=i % 7 == 0))
    line = " ".join(f"{b.x + b.width / 2:.1f},{b.rate_y}" for b in bars)
    return Chart(WIDTH, HEIGHT, tuple(bars), top, line, TOP + plot_h, TOP, LEFT, WIDTH - RIGHT)
