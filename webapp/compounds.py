"""What the compound splitter made of the visitor's words: extra terms and known words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
# Letters German puts between the parts of a compound ("Geburt-s-urkunde", "Straße-n-bahn").
_LINKING = frozenset({"", "s", "n", "e", "en", "es", "er"})

Token = tuple[str, int, int]  # term, start offset, end offset


@dataclass(frozen=True)
class CompoundSplit:
    """The parts found in a query, and the words made up entirely of such parts."""

    parts: tuple[str, ...] = ()
    composed_words: frozenset[str] = frozenset()


def _composed(word: str, parts: Iterable[str]) -> bool:
    """True when ``word`` is a row of ``parts`` (linking letters between them allowed).

    The splitter gives parts the offsets of their whole word, so the parts are found in
    the word by their text."""
    parts = [p for p in parts if p and p != word]
    reach = [False] * (len(word) + 1)
    reach[0] = True
    for i in range(len(word)):
        if not reach[i]:
            continue
        for part in parts:
            if word.startswith(part, i):
                reach[i + len(part)] = True
                for link in _LINKING:
                    if link and word.startswith(link, i + len(part)):
                        reach[i + len(part) + len(link)] = True
    return reach[len(word)]


def split_result(text: str, tokens: Iterable[Token]) -> CompoundSplit:
    """Parts (tokens that are not whole words of ``text``) and the fully composed words."""
    whole = {m.group(0).lower() for m in _WORD.finditer(text)}
    parts = tuple(dict.fromkeys(t for t, _, _ in tokens if t not in whole))
    composed = frozenset(w for w in whole if _composed(w, parts))
    return CompoundSplit(parts=parts, composed_words=composed)
