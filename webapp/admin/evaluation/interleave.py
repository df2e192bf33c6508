"""Team-draft interleaving of two rankings and the credit of clicks to each side.

Team draft (Radlinski, Kurup and Joachims, 2008): in each round a coin decides which of the
two rankings picks first; each picks its highest-ranked page not yet in the merged list, and
that position is credited to it. A side that has picked fewer pages than the other always
goes next. A page both rankings place in the same spot goes to whichever side picks it.
Pins and exclusions are applied to both lists before they are merged (they come from the
same search path), so both sides carry them alike.
"""

from __future__ import annotations

import enum
import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class Side(enum.Enum):
    """Which ranking a position of the merged list belongs to."""

    CURRENT = "current"
    CANDIDATE = "candidate"


class Outcome(enum.Enum):
    """Which ranking a search preferred, by the clicks on its positions."""

    CURRENT = "current"
    CANDIDATE = "candidate"
    TIE = "tie"


@dataclass(frozen=True)
class Interleaving:
    """The merged list shown to the visitor and the side of each position."""

    ids: tuple[str, ...]
    sides: tuple[Side, ...]

    def side_of(self, doc_id: str) -> Side | None:
        """The side credited with ``doc_id``, None when it was not shown."""
        for shown, side in zip(self.ids, self.sides):
            if shown == doc_id:
                return side
        return None


def coin_for(search_id: str, salt: str = "") -> random.Random:
    """The seeded coin of one search: the same search always gets the same merge."""
    digest = hashlib.sha256(f"{salt}:{search_id}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def team_draft(current: Sequence[str], candidate: Sequence[str], coin: random.Random,
               length: int | None = None) -> Interleaving:
    """Merge two ranked id lists by team draft, at most ``length`` long (default: as many
    distinct pages as both lists hold)."""
    pool = {Side.CURRENT: list(dict.fromkeys(current)),
            Side.CANDIDATE: list(dict.fromkeys(candidate))}
    limit = len(set(pool[Side.CURRENT]) | set(pool[Side.CANDIDATE]))
    limit = limit if length is None else min(length, limit)
    ids: list[str] = []
    sides: list[Side] = []
    taken: set[str] = set()
    picked = {Side.CURRENT: 0, Side.CANDIDATE: 0}
    cursor = {Side.CURRENT: 0, Side.CANDIDATE: 0}
    while len(ids) < limit:
        order = _round_order(picked, coin)
        for side in order:
            if len(ids) >= limit:
                break
            ranked = pool[side]
            while cursor[side] < len(ranked) and ranked[cursor[side]] in taken:
                cursor[side] += 1
            if cursor[side] == len(ranked):
                continue  # this side has nothing new left; the other goes on alone
            doc = ranked[cursor[side]]
            ids.append(doc)
            sides.append(side)
            taken.add(doc)
            picked[side] += 1
    return Interleaving(tuple(ids), tuple(sides))


def _round_order(picked: dict[Side, int], coin: random.Random) -> tuple[Side, Side]:
    """Who picks first: the side behind, or the coin when both have picked as many."""
    if picked[Side.CURRENT] != picked[Side.CANDIDATE]:
        first = min(picked, key=picked.__getitem__)
    else:
        first = Side.CURRENT if coin.random() < 0.5 else Side.CANDIDATE
    second = Side.CANDIDATE if first is Side.CURRENT else Side.CURRENT
    return first, second


def credit(interleaving: Interleaving, clicked: Iterable[str]) -> dict[Side, int]:
    """Clicks per side; a page clicked twice counts once, a page not shown not at all."""
    counts = {Side.CURRENT: 0, Side.CANDIDATE: 0}
    for doc in set(clicked):
        side = interleaving.side_of(doc)
        if side is not None:
            counts[side] += 1
    return counts


def credit_positions(sides: Sequence[Side], positions: Iterable[int]) -> dict[Side, int]:
    """Clicks per side by the clicked positions (1-based, as the click events carry them):
    a position clicked twice counts once, a position that was not shown not at all."""
    counts = {Side.CURRENT: 0, Side.CANDIDATE: 0}
    for position in set(positions):
        if 1 <= position <= len(sides):
            counts[sides[position - 1]] += 1
    return counts


def outcome(interleaving: Interleaving, clicked: Iterable[str]) -> Outcome:
    """The side with more credited clicks wins the search; equal (or none) is a tie."""
    return winner(credit(interleaving, clicked))


def winner(counts: dict[Side, int]) -> Outcome:
    """The outcome of one search from its credited clicks per side."""
    if counts[Side.CURRENT] == counts[Side.CANDIDATE]:
        return Outcome.TIE
    return Outcome.CURRENT if counts[Side.CURRENT] > counts[Side.CANDIDATE] else Outcome.CANDIDATE


def takes_part(search_id: str, share: float, salt: str) -> bool:
    """Whether a search is one of the comparison's ``share`` (stable per search id)."""
    digest = hashlib.sha256(f"share:{salt}:{search_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64 < share
