"""What visitors do with the results: click-through on position 1 and 1–3, searches without
any click, mean reciprocal rank of the first click, reformulations and quick returns, per day
and per query, each with the number of searches (or clicks) it rests on.

Computed in Python over the period's events, read from the statistics core with only the
few docValues fields needed: the measures link events to each other (a click to its search,
a search to the one it follows), which Solr's facets cannot join. The read is bounded by
``MAX_EVENTS``; a period with more events is measured on its first ``MAX_EVENTS`` and says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .event_reader import MAX_EVENTS, parse_ts, read_events
from .repository import StatsStore
from .settings import LOCAL_ZONE
from .stats import period_filter

# A new search from the same results page within this many seconds after a click: the
# clicked page did not answer the question (a "quick return").
QUICK_RETURN_S = 30


@dataclass(frozen=True)
class SearchEvent:
    """The parts of a search event the measures use."""

    search_id: str
    query: str
    ts: datetime
    page: int
    num_found: int
    follows: str | None = None


@dataclass(frozen=True)
class ClickEvent:
    """The parts of a click event the measures use."""

    search_id: str
    position: int
    ts: datetime


@dataclass(frozen=True)
class Behaviour:
    """Counts behind each measure; the measures are None where their base is 0.

    ``searches``: first result pages with hits (the base of click-through, searches without
    click and MRR); ``all_searches``: every search event (base of reformulations);
    ``clicks``: clicks linked to a search (base of quick returns).
    """

    searches: int = 0
    top1: int = 0
    top3: int = 0
    without_click: int = 0
    rr_sum: float = 0.0
    all_searches: int = 0
    reformulated: int = 0
    clicks: int = 0
    quick_returns: int = 0

    @staticmethod
    def _share(part: float, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def ctr1(self) -> float | None:
        """Share of searches with a click on position 1."""
        return self._share(self.top1, self.searches)

    @property
    def ctr3(self) -> float | None:
        """Share of searches with a click on a position from 1 to 3."""
        return self._share(self.top3, self.searches)

    @property
    def no_click_rate(self) -> float | None:
        """Share of searches without any click."""
        return self._share(self.without_click, self.searches)

    @property
    def mrr(self) -> float | None:
        """Mean of 1/position of each search's first click (0 for a search without)."""
        return self._share(self.rr_sum, self.searches)

    @property
    def reformulation_rate(self) -> float | None:
        """Share of searches from whose results page another query was searched."""
        return self._share(self.reformulated, self.all_searches)

    @property
    def quick_return_rate(self) -> float | None:
        """Share of clicks followed by a new search from the same page within seconds."""
        return self._share(self.quick_returns, self.clicks)


def _per_search(searches: list[SearchEvent],
                clicks: list[ClickEvent]) -> dict[str, dict[str, Any]]:
    """For each search: its first click's position, whether another query followed it,
    and its clicks with the quick returns among them."""
    followers: dict[str, list[SearchEvent]] = defaultdict(list)
    for s in searches:
        if s.follows:
            followers[s.follows].append(s)
    facts: dict[str, dict[str, Any]] = {
        s.search_id: {"first": None, "clicks": 0, "quick": 0,
                      "reformulated": any(f.query != s.query for f in followers[s.search_id])}
        for s in searches}
    for c in sorted(clicks, key=lambda c: c.ts):
        fact = facts.get(c.search_id)
        if fact is None:
            continue  # its search lies outside the period
        if fact["first"] is None:
            fact["first"] = c.position
        fact["clicks"] += 1
        if any(0 <= (f.ts - c.ts).total_seconds() <= QUICK_RETURN_S
               for f in followers[c.search_id]):
            fact["quick"] += 1
    return facts


def group(searches: list[SearchEvent], clicks: list[ClickEvent],
          key: Callable[[SearchEvent], Hashable]) -> dict[Hashable, Behaviour]:
    """The measures for each group of searches (a click belongs to its search's group)."""
    facts = _per_search(searches, clicks)
    sums: dict[Hashable, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for s in searches:
        f, g = facts[s.search_id], sums[key(s)]
        g["all_searches"] += 1
        g["reformulated"] += f["reformulated"]
        g["clicks"] += f["clicks"]
        g["quick_returns"] += f["quick"]
        if s.page == 1 and s.num_found > 0:
            first = f["first"]
            g["searches"] += 1
            g["top1"] += first == 1
            g["top3"] += first is not None and first <= 3
            g["without_click"] += first is None
            g["rr_sum"] += 1.0 / first if first else 0.0
    return {k: Behaviour(**{n: (v if n == "rr_sum" else int(v)) for n, v in g.items()})
            for k, g in sums.items()}


def local_day(s: SearchEvent) -> date:
    """The search's day in Jena."""
    return s.ts.astimezone(LOCAL_ZONE).date()


@dataclass(frozen=True)
class Events:
    """The period's events as the measures need them; ``complete`` is False when the
    period held more than ``MAX_EVENTS``."""

    searches: list[SearchEvent]
    clicks: list[ClickEvent]
    complete: bool


def load_events(store: StatsStore, start: date, end: date) -> Events:
    """Search and click events of the period (Jena's local days, both included)."""
    period = period_filter(start, end)
    searches = [SearchEvent(str(d["search_id"]), str(d.get("query", "")), parse_ts(d["ts"]),
                            int(d.get("page", 1)), int(d.get("num_found", 0)), d.get("follows"))
                for d in read_events(store, f"{period} AND type:search AND search_id:*",
                                     "search_id,query,ts,page,num_found,follows")]
    clicks = [ClickEvent(str(d["search_id"]), int(d["position"]), parse_ts(d["ts"]))
              for d in read_events(store,
                                   f"{period} AND type:click AND search_id:* AND position:*",
                                   "search_id,position,ts")]
    complete = len(searches) < MAX_EVENTS and len(clicks) < MAX_EVENTS
    return Events(searches, clicks, complete)
