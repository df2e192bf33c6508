"""The inputs of the evaluation: what a visitor was shown and what they clicked.

Kept independent of how the statistics core stores events, so that the measures can be
tested on their own and fed from any source (the statistics core, a simulation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Impression:
    """One result page shown: ``shown`` are document ids in the order shown, starting at
    position ``offset + 1`` (0 on the first result page). ``narrowed`` marks a page that is
    not the ranking's own list (another order than relevance, a filter, "wortwörtlich"):
    its clicks still tell how attractive a page is, but it says nothing of the ranking."""

    search_id: str
    query: str
    ranking: str
    shown: tuple[str, ...]
    day: date | None = None
    offset: int = 0
    narrowed: bool = False


@dataclass(frozen=True)
class Click:
    """One click on a result; ``position`` counts from 1 over all result pages."""

    search_id: str
    doc_id: str
    position: int


def normalise_query(query: str) -> str:
    """The form under which queries are grouped: case and spacing do not matter."""
    return " ".join(query.casefold().split())
