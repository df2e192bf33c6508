"""The result page a visitor in an interleaving comparison sees.

Layout, counts, facets, corrections and paging are those of the current ranking; only the
hits of the first result page are replaced by the team-draft merge of both rankings' first
pages (later pages show the current ranking: a merge is only defined from the top). Both
lists come from the visitor search path with the same pins and exclusions, so both sides
carry them alike. A page found by both keeps the current ranking's hit (with its snippet).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from webapp.result import Hit, SearchResult

from .interleave import Interleaving, Side, coin_for, team_draft


def interleaved_page(current: SearchResult, candidate: Sequence[Hit], search_id: str,
                     salt: str) -> tuple[SearchResult, Interleaving]:
    """``current`` with its first page merged with ``candidate``; and which side each
    position belongs to (to credit the clicks)."""
    own = tuple(hit.id for hit in current.hits)
    if current.start != 0 or not current.hits:
        return current, Interleaving(own, (Side.CURRENT,) * len(own))
    merged = team_draft(own, [hit.id for hit in candidate], coin_for(search_id, salt),
                        length=len(current.hits))
    hits = {hit.id: hit for hit in candidate} | {hit.id: hit for hit in current.hits}
    return replace(current, hits=tuple(hits[doc] for doc in merged.ids)), merged
