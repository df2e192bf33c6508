"""New searches: distinct queries drawn like a real query log, none of them seen before.

A real log is Zipf-shaped: a few words are typed very often, most rarely, and most searches
are one or two words. Repeated searches are what caches answer; the searches that cost are
the first time a query is typed. This module draws such first times:

- the vocabulary is the words of sampled pages (title and text), ranked by how often they
  occur, and a word of rank r is drawn with weight 1 / r (Zipf, exponent 1);
- the number of words follows ``LENGTH_SHARES`` (many single words, fewer long queries);
- some queries misspell a word, join two words into a compound as German visitors do
  ("hundesteuerbescheid"), narrow by category or ask for page 2 or 3; most are lower case;
- a query is kept only if its *key* is new: its lower-cased words as a sorted tuple plus its
  category. Case, word order and page do not make a new key, because Solr would answer them
  from the same cache entry (the parsed query ignores case and clause order, and
  ``queryResultWindowSize`` 50 keeps five pages of hits under one entry). Keys of the
  repeated mix are excluded too, as that mix reaches Solr and the app before;
- what the app may search *instead* must be new as well: for a misspelled query its
  correction (the words before the typo) and for a compound its two words are reserved with
  the query, and a lone vocabulary word is never a new search (the app searches it when it
  corrects a misspelled word of the repeated mix, so Solr may hold it in its cache).

Because a slot that meets a used key is drawn again, later draws move towards rarer words
and longer or misspelled forms: exactly what the distinct queries of a long log look like.
The pool is shuffled afterwards, so that any two slices of it are identically distributed;
``bench/newsearch.py`` gives every measured window a slice of its own.
"""

from __future__ import annotations

import itertools
import random
import re
from bisect import bisect
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bench.querymix import MixEntry, misspell

# Words per query. Single words are the largest group, each longer query rarer.
LENGTH_SHARES: Mapping[int, float] = {1: 0.40, 2: 0.27, 3: 0.15, 4: 0.09, 5: 0.06, 6: 0.03}
TYPO_SHARE = 0.12        # one word of the query misspelled
COMPOUND_SHARE = 0.10    # two vocabulary words written as one
CATEGORY_SHARE = 0.12    # narrowed to the category of a page the word was found on
PAGE_SHARE = 0.08        # page 2 or 3
CAPITALISED_SHARE = 0.15  # typed with capitals as the page writes them; the rest lower case
ATTEMPTS_PER_SLOT = 400
SAMPLE_FIELDS = "title,content,category"

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
_STOP = frozenset({"und", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer",
                   "einen", "eines", "für", "mit", "von", "vom", "zum", "zur", "ist", "sie",
                   "bei", "auf", "aus", "ihr", "ihre", "sich", "oder", "auch", "nach", "wird",
                   "werden", "sind", "kann", "noch", "nicht", "über", "unter", "als", "wie",
                   "dass", "bis", "ab", "im", "in", "am", "an", "es", "wir", "uns", "jena",
                   "stadt", "hat", "haben", "seiner", "ihrer", "ihren", "ihrem", "diese",
                   "dieser", "sowie", "beim", "zu", "so", "wenn", "bitte"})


class VocabularyTooSmall(ValueError):
    """The sampled pages do not hold enough distinct queries for the pool asked for."""


@dataclass(frozen=True)
class Vocabulary:
    """Corpus words ranked by frequency (most frequent first), as written on the pages, and
    the categories of the pages each word (lower case) occurs on."""

    words: Sequence[str]
    categories: Mapping[str, Sequence[str]]
    cumulative: Sequence[float]

    def draw(self, rng: random.Random) -> str:
        """One word, Zipf-weighted by rank."""
        return self.words[bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def draw_distinct(self, count: int, rng: random.Random) -> list[str]:
        """`count` different words, Zipf-weighted."""
        words: list[str] = []
        while len(words) < count:
            word = self.draw(rng)
            if word not in words:
                words.append(word)
        return words

    def draw_noun(self, rng: random.Random) -> str:
        """A word the pages write with a capital (a noun, to form a compound with)."""
        while not (word := self.draw(rng))[0].isupper():
            pass
        return word


def vocabulary(docs: Iterable[Mapping[str, Any]], min_count: int = 2) -> Vocabulary:
    """Rank the words of sampled pages; words seen fewer than `min_count` times are dropped
    (cut-off text, not vocabulary)."""
    counts: Counter[str] = Counter()
    written: dict[str, str] = {}
    categories: dict[str, set[str]] = {}
    for doc in docs:
        text = f"{doc.get('title') or ''} {doc.get('content') or ''}"
        category = str(doc.get("category") or "")
        for word in _WORD.findall(text):
            key = word.lower()
            if key in _STOP:
                continue
            counts[key] += 1
            written.setdefault(key, word)
            if category:
                categories.setdefault(key, set()).add(category)
    ranked = [w for w, n in counts.most_common() if n >= min_count]
    if len(ranked) < 20:
        raise VocabularyTooSmall(f"only {len(ranked)} words in the sampled pages")
    cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, len(ranked) + 1)))
    return Vocabulary([written[w] for w in ranked],
                      {w: sorted(categories.get(w, ())) for w in ranked}, cumulative)


def query_key(args: Mapping[str, str]) -> tuple[tuple[str, ...], str]:
    """What makes two searches the same to Solr's caches: words regardless of case and
    order, and the category (not the page)."""
    return tuple(sorted(args.get("q", "").lower().split())), args.get("category", "")


Key = tuple[tuple[str, ...], str]


def _key(words: Sequence[str], category: str) -> Key:
    return tuple(sorted(w.lower() for w in " ".join(words).split())), category


def _draw_query(length: int, vocab: Vocabulary, rng: random.Random) -> tuple[MixEntry, set[Key]]:
    """One query, and the keys of what the app may search instead (its spelling correction:
    the words before the typo; the compound as two words), which must be new as well."""
    words = vocab.draw_distinct(length, rng)
    first, kind = words[0], f"{length}w"
    variants = [list(words)]
    if rng.random() < COMPOUND_SHARE:
        at = rng.randrange(length)
        variants.append(words[:at] + [f"{words[at]} {vocab.draw_noun(rng)}"] + words[at + 1:])
        words[at] = variants[-1][at].replace(" ", "").lower()
        kind += "+compound"
    if rng.random() < TYPO_SHARE:
        candidates = [i for i, w in enumerate(words) if len(w) >= 6]
        if candidates:
            variants.append(list(words))
            at = rng.choice(candidates)
            words[at] = misspell(words[at], rng)
            kind += "+typo"
    if rng.random() >= CAPITALISED_SHARE:
        words = [w.lower() for w in words]
    args = {"q": " ".join(words)}
    if rng.random() < CATEGORY_SHARE and (found_in := vocab.categories.get(first.lower())):
        args["category"] = rng.choice(found_in)
        kind += "+category"
    if rng.random() < PAGE_SHARE:
        args["page"] = str(rng.choice((2, 2, 3)))
        kind += "+page"
    category = args.get("category", "")
    others = {_key(v, category) for v in variants} - {_key(words, category)}
    return MixEntry(kind, args), others


def _lengths(size: int, rng: random.Random) -> list[int]:
    """Query lengths in the shares of LENGTH_SHARES (rounded, largest remainders first)."""
    exact = {n: share * size for n, share in LENGTH_SHARES.items()}
    counts = {n: int(v) for n, v in exact.items()}
    for n in sorted(exact, key=lambda n: exact[n] - counts[n], reverse=True):
        if sum(counts.values()) >= size:
            break
        counts[n] += 1
    lengths = [n for n, c in counts.items() for _ in range(c)]
    rng.shuffle(lengths)
    return lengths


def build_new_mix(docs: Iterable[Mapping[str, Any]], size: int, seed: int = 22,
                  exclude: Collection[Mapping[str, str]] = ()) -> list[MixEntry]:
    """`size` searches with pairwise different keys, none with the key of an `exclude` entry
    (the repeated mix), in random order."""
    vocab = vocabulary(docs)
    rng = random.Random(seed)
    # Keys Solr may hold in its cache before a pool query is measured: the repeated mix, a
    # lone vocabulary word (what the app searches when it corrects a misspelled word of the
    # repeated mix), and what the app may search instead of a pool query.
    cached = {query_key(args) for args in exclude} | {_key([w], "") for w in vocab.words}
    own: set[Key] = set()
    pool: list[MixEntry] = []
    for length in _lengths(size, rng):
        for _ in range(ATTEMPTS_PER_SLOT):
            entry, others = _draw_query(length, vocab, rng)
            key = query_key(entry.args)
            if key not in cached and key not in own and not others & own:
                own.add(key)
                cached |= others
                pool.append(entry)
                break
        else:
            raise VocabularyTooSmall(f"no new {length}-word query after {ATTEMPTS_PER_SLOT} "
                                     f"draws ({len(pool)} of {size} found)")
    rng.shuffle(pool)
    return pool


def slices(pool: Sequence[MixEntry], sizes: Sequence[int]) -> list[Sequence[MixEntry]]:
    """Consecutive disjoint slices of the pool, one per size."""
    if sum(sizes) > len(pool):
        raise ValueError(f"{sum(sizes)} searches wanted, the pool holds {len(pool)}")
    starts = list(itertools.accumulate(sizes, initial=0))
    return [pool[a:b] for a, b in zip(starts, starts[1:])]
