"""A realistic, deterministic query mix drawn from the words of the indexed pages.

Visitors type single words, two words, misspell them, narrow by category and page on. The
mix is drawn from a sample of the index itself, so it fits whatever corpus was loaded, and a
fixed seed makes two runs send the same queries.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Share of each kind of query; the rest of the mix is single words.
SHARES: Mapping[str, float] = {
    "two_words": 0.25,
    "misspelled": 0.15,
    "category": 0.15,
    "page_2plus": 0.10,
}
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
# Words that would match nearly every page tell little about search speed.
_COMMON = frozenset({"jena", "stadt", "für", "eine", "einer", "eines", "sich", "oder", "sind",
                     "wird", "werden", "nach", "auch", "über", "unter", "mehr", "ihre", "ihrer",
                     "dies", "diese", "dieser", "sowie", "beim", "vom", "zum", "zur", "dass"})


@dataclass(frozen=True)
class MixEntry:
    """One visitor search: its kind and the URL parameters the visitor's browser sends."""

    kind: str
    args: Mapping[str, str]


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in _COMMON]


def misspell(word: str, rng: random.Random) -> str:
    """One typo: two neighbouring letters swapped, a letter dropped or doubled."""
    inner = rng.randrange(1, len(word) - 2)
    how = rng.choice(("swap", "drop", "double"))
    if how == "swap":
        return word[:inner] + word[inner + 1] + word[inner] + word[inner + 2:]
    if how == "drop":
        return word[:inner] + word[inner + 1:]
    return word[:inner] + word[inner] + word[inner:]


@dataclass(frozen=True)
class _Vocabulary:
    words: Sequence[str]
    frequent: Sequence[str]
    pairs: Sequence[tuple[str, str]]
    by_category: Sequence[tuple[str, str]]


def _vocabulary(docs: Iterable[Mapping[str, Any]]) -> _Vocabulary:
    counts: Counter[str] = Counter()
    pairs: list[tuple[str, str]] = []
    by_category: list[tuple[str, str]] = []
    for doc in docs:
        title = str(doc.get("title") or "")
        words = _words(title) or _words(str(doc.get("teaser") or ""))
        counts.update(w.lower() for w in set(words))
        pairs.extend(zip(words, words[1:]))
        category = doc.get("category")
        if category and words:
            by_category.extend((w, str(category)) for w in words)
    if not counts:
        raise ValueError("the sampled pages have no usable words; is the index empty?")
    words = sorted(counts)
    frequent = [w for w, _ in counts.most_common(max(5, len(counts) // 20))]
    return _Vocabulary(words, frequent, pairs or [(w, w) for w in frequent], by_category)


def build_mix(docs: Iterable[Mapping[str, Any]], size: int = 1000, seed: int = 8) -> list[MixEntry]:
    """`size` searches drawn from sampled documents (fields title, teaser, category)."""
    vocab = _vocabulary(docs)
    rng = random.Random(seed)
    long_words = [w for w in vocab.words if len(w) >= 6] or list(vocab.words)
    mix: list[MixEntry] = []
    for _ in range(size):
        roll = rng.random()
        edge = 0.0
        kind = "single"
        for name, share in SHARES.items():
            edge += share
            if roll < edge:
                kind = name
                break
        mix.append(_entry(kind, vocab, long_words, rng))
    return mix


def _entry(kind: str, vocab: _Vocabulary, long_words: Sequence[str],
           rng: random.Random) -> MixEntry:
    if kind == "two_words":
        first, second = rng.choice(vocab.pairs)
        return MixEntry(kind, {"q": f"{first} {second}"})
    if kind == "misspelled":
        return MixEntry(kind, {"q": misspell(rng.choice(long_words), rng)})
    if kind == "category" and vocab.by_category:
        word, category = rng.choice(vocab.by_category)
        return MixEntry(kind, {"q": word, "category": category})
    if kind == "page_2plus":
        return MixEntry(kind, {"q": rng.choice(vocab.frequent), "page": str(rng.choice((2, 2, 3)))})
    return MixEntry("single", {"q": rng.choice(vocab.words)})
