"""A fixed set of words in a fraction of a frozenset's memory, for the app's word lists.

A frozenset of str spends about 100 bytes per word (the str object and its share of the hash
table); the word lists of the spelling check and the compound splitter hold 90 000 words, some
9 MiB per worker. Here the words sit in one string, ordered by their hash, with the hashes and
the offsets in two arrays: about 23 bytes per word. A lookup finds the hash by bisection (in
C) and compares the word itself, so the answer is exact, as with the set.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class WordSet:
    """An immutable set of str with ``in`` and ``len``; str hashes are per process, like the
    set."""

    __slots__ = ("_hashes", "_offsets", "_text")

    def __init__(self, words: Iterable[str]) -> None:
        unique = list(dict.fromkeys(words))
        hashes = [hash(w) for w in unique]
        order = sorted(range(len(unique)), key=hashes.__getitem__)
        self._hashes = array("q", [hashes[i] for i in order])
        ordered = [unique[i] for i in order]
        self._text = "".join(ordered)
        self._offsets = array("I", [0])
        self._offsets.extend(accumulate(map(len, ordered)))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        h = hash(word)
        hashes, offsets, text = self._hashes, self._offsets, self._text
        i = bisect_left(hashes, h)
        # Equal hashes of different words are next to each other; each is compared.
        while i < len(hashes) and hashes[i] == h:
            if text[offsets[i]:offsets[i + 1]] == word:
                return True
            i += 1
        return False

    def __len__(self) -> int:
        return len(self._hashes)
