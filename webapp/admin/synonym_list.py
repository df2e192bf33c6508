"""One page of the managed synonyms for the admin list: filtered by a word, a page at a time.

The shipped configset holds well over a thousand mappings; one table of all of them made the
page tens of thousands of pixels long. Pure: the mappings come in, a `SynonymPage` goes out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PAGE_SIZE = 50
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True)
class SynonymPage:
    """The rows of one page and what the page needs to say about the whole list."""

    rows: list[tuple[str, list[str]]]
    query: str
    matching: int
    total: int
    page: int
    pages: int


def _fold(text: str) -> str:
    """Lower case with umlauts spelled out, so "fundbuero" finds "fundbüro" and back."""
    return text.casefold().translate(_FOLD)


def _matches(needle: str, term: str, targets: Sequence[str]) -> bool:
    return any(needle in _fold(word) for word in (term, *targets))


def synonym_page(synonyms: Mapping[str, Sequence[str]], query: str = "", page: int = 1,
                 size: int = PAGE_SIZE) -> SynonymPage:
    """Mappings sorted by term whose term or targets contain `query` (case and umlaut
    spelling ignored); a page past the last shows the last, one before the first the first."""
    needle = _fold(query.strip())
    rows = [(term, sorted(targets)) for term, targets in sorted(synonyms.items())
            if not needle or _matches(needle, term, targets)]
    pages = max(1, -(-len(rows) // size))
    page = min(max(1, page), pages)
    start = (page - 1) * size
    return SynonymPage(rows=rows[start:start + size], query=query.strip(), matching=len(rows),
                       total=len(synonyms), page=page, pages=pages)
