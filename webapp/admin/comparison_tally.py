"""The outcome of a ranking comparison from the stored events: each search that took part
(its shown positions and their sides) with the clicks made from it, credited by position."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from .evaluation.interleave import Outcome, Side, credit_positions, winner
from .evaluation.significance import Comparison, tally
from .repository import StatsStore

PAGE = 2000
# Search ids per click query: a list of ids sent as one parameter, never as syntax.
IDS_PER_QUERY = 500


def _read(stats: StatsStore, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every document of a query, page by page (cursor, so any number stays bounded per page)."""
    cursor = "*"
    while True:
        data = stats.select({**params, "q": "*:*", "sort": "id asc", "rows": PAGE,
                             "cursorMark": cursor})
        yield from data["response"]["docs"]
        if data.get("nextCursorMark") in (None, cursor):
            return
        cursor = data["nextCursorMark"]


def searches_in(stats: StatsStore, comparison_id: str) -> dict[str, tuple[Side, ...]]:
    """The searches that took part, by search id, with the side of each shown position."""
    docs = _read(stats, {"fq": ["type:search", "{!term f=comparison v=$vergleich}"],
                         "vergleich": comparison_id, "fl": "search_id,sides"})
    return {str(d["search_id"]): tuple(Side(s) for s in d.get("sides", ()))
            for d in docs if d.get("search_id")}


def count_searches(stats: StatsStore, comparison_id: str) -> int:
    """How many searches took part so far (as far as the statistics core shows them)."""
    data = stats.select({"q": "*:*", "fq": ["type:search", "{!term f=comparison v=$vergleich}"],
                         "vergleich": comparison_id, "rows": 0})
    return int(data["response"]["numFound"])


def clicked_positions(stats: StatsStore, search_ids: list[str]) -> dict[str, list[int]]:
    """Clicked positions per search id."""
    found: dict[str, list[int]] = defaultdict(list)
    for at in range(0, len(search_ids), IDS_PER_QUERY):
        batch = ",".join(search_ids[at:at + IDS_PER_QUERY])
        for doc in _read(stats, {"fq": ["type:click", "{!terms f=search_id v=$suchen}"],
                                 "suchen": batch, "fl": "search_id,position"}):
            if doc.get("position"):
                found[str(doc["search_id"])].append(int(doc["position"]))
    return found


def outcomes(stats: StatsStore, comparison_id: str) -> dict[str, Outcome]:
    """The outcome of every search that took part."""
    searches = searches_in(stats, comparison_id)
    clicks = clicked_positions(stats, sorted(searches))
    return {sid: winner(credit_positions(sides, clicks.get(sid, ())))
            for sid, sides in searches.items()}


def read_comparison(stats: StatsStore, comparison_id: str) -> Comparison:
    """Wins, losses and ties of the candidate so far."""
    return tally(outcomes(stats, comparison_id).values())
