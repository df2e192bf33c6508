"""The outcome of a ranking comparison from the stored events: each search that took part
(its shown positions and their sides) with the clicks made from it, credited by position.
Read through the admin area's one event reader (``event_reader``)."""

from __future__ import annotations

import re
from collections import defaultdict

from .evaluation.interleave import Outcome, Side, credit_positions, winner
from .evaluation.significance import Comparison, tally
from .event_reader import read_events
from .repository import StatsStore

# Search ids per click query (a Boolean query stays far below Solr's clause limit).
IDS_PER_QUERY = 500
# Comparison ids and search ids are made by the app (hex); anything else is never queried.
_OWN_ID = re.compile(r"^[0-9a-z:]{1,80}$")


def _in_comparison(comparison_id: str) -> str:
    if not _OWN_ID.match(comparison_id):
        raise ValueError(f"not a comparison id: {comparison_id!r}")
    return f'type:search AND comparison:"{comparison_id}"'


def searches_in(stats: StatsStore, comparison_id: str) -> dict[str, tuple[Side, ...]]:
    """The searches that took part, by search id, with the side of each shown position."""
    docs = read_events(stats, _in_comparison(comparison_id), "search_id,sides")
    return {str(d["search_id"]): tuple(Side(s) for s in d.get("sides", ()))
            for d in docs if d.get("search_id")}


def count_searches(stats: StatsStore, comparison_id: str) -> int:
    """How many searches took part so far (as far as the statistics core shows them)."""
    data = stats.select({"q": "*:*", "fq": _in_comparison(comparison_id), "rows": 0})
    return int(data["response"]["numFound"])


def clicked_positions(stats: StatsStore, search_ids: list[str]) -> dict[str, list[int]]:
    """Clicked positions per search id."""
    found: dict[str, list[int]] = defaultdict(list)
    own = [sid for sid in search_ids if _OWN_ID.match(sid)]
    for at in range(0, len(own), IDS_PER_QUERY):
        batch = " OR ".join(own[at:at + IDS_PER_QUERY])
        for doc in read_events(stats, f"type:click AND position:* AND search_id:({batch})",
                               "search_id,position"):
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
