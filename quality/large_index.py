"""Relaxed matching on a large index: do pages with all words stay in the top 3?

The bench corpus (``bench.corpus``) gives thousands of pages written from one small
vocabulary: its 182 words of five letters or more each stand on about a third of the pages,
so any two of them share a thousand pages, and a query made of its words never needs the
relaxed second pass. Real sites have a long tail of words that stand on a handful of
pages. ``with_long_tail`` adds that tail: each page gets a few nouns of the German
dictionary the configset ships (``lang/compound_parts_de.txt``), drawn with Zipf weights,
so a few nouns stand on thousands of pages and most on one to four.

Two kinds of multi-word queries are drawn from the pages, in turn:

* ``rare``: a noun of the page that stands on fewer than ``RELAX_BELOW`` pages, and a word
  of the page's title (on thousands of pages). Pages with both words exist (this one),
  but fewer than the relaxed-pass threshold: the search relaxes, and the pages with only
  the title word (thousands) compete with the few that have both.
* ``common``: a title word and the page's rarest word of those on ``RELAX_BELOW`` pages or
  more, half of the time with a word of another page, so that long queries may miss a
  word in the first pass (the sampling of the earlier check, which never relaxed).

A query is kept when at least one page contains every word (listed independently by a
strict mm=100% query). Each query then runs through the web app's search service, and the
check is whether a page with all words is among the first three shown.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quality.page import PageSearch
from solrclient import SolrClient, Timeouts
from webapp.escape import edismax_terms
from webapp.service import RELAX_BELOW

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")
BATCH = 1000
DICTIONARY = (Path(__file__).resolve().parent.parent / "solr-config" / "conf" / "lang"
              / "compound_parts_de.txt")
# Nouns added to each page, and how many dictionary nouns they are drawn from.
TAIL_PER_PAGE = 3
TAIL_WORDS = 20_000


@dataclass(frozen=True)
class SampledQuery:
    """A multi-word query, how it was drawn, and the pages that contain all its words."""

    text: str
    kind: str  # "rare" or "common"
    all_word_urls: frozenset[str]


@dataclass(frozen=True)
class LargeIndexReport:
    """Sampled queries, those that went through the relaxed pass, and those without a page
    with all words in the top 3."""

    queries: tuple[SampledQuery, ...]
    relaxed: tuple[str, ...]
    buried: tuple[str, ...]

    @property
    def buried_share(self) -> float:
        return len(self.buried) / len(self.queries) if self.queries else 1.0

    @property
    def relaxed_buried(self) -> tuple[str, ...]:
        return tuple(q for q in self.buried if q in set(self.relaxed))

    def summary(self) -> str:
        """One line with the figures QUALITY.md quotes."""
        kinds = Counter(q.kind for q in self.queries)
        return (f"{len(self.queries)} multi-word queries with pages that contain all words "
                f"({kinds['rare']} with a rare word, {kinds['common']} of corpus words); "
                f"{len(self.relaxed)} went through the relaxed pass; {len(self.buried)} "
                f"without a page with all words in the top 3 ({self.buried_share:.1%}), "
                f"{len(self.relaxed_buried)} of them relaxed")


def load(core: SolrClient, docs: Iterable[Mapping[str, Any]]) -> int:
    """Send plain documents in batches and commit; returns how many were sent."""
    sent = 0
    it = iter(docs)
    while batch := list(itertools.islice(it, BATCH)):
        core.call("POST", "/update", json=batch)
        sent += len(batch)
    core.call("POST", "/update", json={"commit": {}})
    return sent


def dictionary_nouns(path: Path = DICTIONARY, limit: int = TAIL_WORDS,
                     seed: int = 12) -> list[str]:
    """``limit`` nouns of the shipped dictionary (letters only, five or more), shuffled."""
    nouns = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#") and _WORD.fullmatch(line.strip())]
    random.Random(seed).shuffle(nouns)
    return [noun.capitalize() for noun in nouns[:limit]]


def with_long_tail(docs: Iterable[Mapping[str, Any]], nouns: Sequence[str],
                   seed: int = 12, per_page: int = TAIL_PER_PAGE) -> Iterator[dict[str, Any]]:
    """The pages with ``per_page`` nouns appended to their text, drawn with Zipf weights
    (the noun of rank r with weight 1/r): a few on thousands of pages, most on few."""
    rng = random.Random(seed)
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(nouns) + 1)))
    for doc in docs:
        tail = rng.choices(nouns, cum_weights=weights, k=per_page)
        yield {**doc, "content": f"{doc.get('content') or ''} {' '.join(tail)}"}


def _words(doc: Mapping[str, Any], field: str) -> list[str]:
    value = doc.get(field) or ""
    text = " ".join(value) if isinstance(value, list) else str(value)
    return [w.lower() for w in _WORD.findall(text)]


def _page_words(doc: Mapping[str, Any]) -> set[str]:
    # The teaser is left out: it is the text's start, cut in the middle of a word.
    return set(_words(doc, "title") + _words(doc, "content") + _words(doc, "keywords"))


def document_frequencies(docs: Iterable[Mapping[str, Any]]) -> Counter[str]:
    """How many pages contain each word (title, text, keywords), to find the rarer words."""
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(_page_words(doc))
    return df


def _rare(doc: Mapping[str, Any], df: Counter[str], rng: random.Random) -> str | None:
    """A word of the page that stands on fewer than RELAX_BELOW pages, and a title word."""
    title = _words(doc, "title")
    rare = sorted(w for w in _page_words(doc) if df[w] < RELAX_BELOW)
    if not title or not rare:
        return None
    words = list(dict.fromkeys([rng.choice(title), rng.choice(rare)]))
    return " ".join(words) if len(words) > 1 else None


def _common(doc: Mapping[str, Any], other: Mapping[str, Any], df: Counter[str],
            rng: random.Random) -> str | None:
    """A title word and the page's rarest text word of those on RELAX_BELOW pages or more;
    half of the time a word of another page as well, so that pages with only some of the
    words compete."""
    title = _words(doc, "title")
    text = [w for w in _words(doc, "content") if df[w] >= RELAX_BELOW]
    if not title or not text:
        return None
    words = [rng.choice(title), min(text, key=lambda w: (df[w], w))]
    if rng.random() < 0.5 and _words(other, "content"):
        words.append(rng.choice(_words(other, "content")))
    unique = list(dict.fromkeys(words))
    return " ".join(unique) if len(unique) > 1 else None


def all_word_urls(core: SolrClient, query: str) -> frozenset[str]:
    """URLs of every page that contains all words of ``query`` (strict, no relaxing)."""
    body = core.call("POST", "/search", form={"q": edismax_terms(query), "mm": "100%",
                                              "rows": "1000", "fl": "url", "hl": "false",
                                              "spellcheck": "false", "facet": "false"})
    return frozenset(d["url"] for d in body["response"]["docs"])


def sample_queries(core: SolrClient, docs: Sequence[Mapping[str, Any]], wanted: int,
                   seed: int = 12, max_tries: int = 2000) -> list[SampledQuery]:
    """``wanted`` multi-word queries, as many of each kind, for which at least one page
    contains all words."""
    rng = random.Random(seed)
    df = document_frequencies(docs)
    found: list[SampledQuery] = []
    seen: set[str] = set()
    kinds: Counter[str] = Counter()
    for _ in range(max_tries):
        kind = "rare" if kinds["rare"] <= kinds["common"] else "common"
        doc = rng.choice(docs)
        query = _rare(doc, df, rng) if kind == "rare" else \
            _common(doc, rng.choice(docs), df, rng)
        if query is None or query in seen:
            continue
        seen.add(query)
        strict = all_word_urls(core, query)
        if strict:
            found.append(SampledQuery(query, kind, strict))
            kinds[kind] += 1
            if len(found) == wanted:
                break
    return found


def check(core_url: str, queries: Sequence[SampledQuery]) -> LargeIndexReport:
    """Run each query through the search service; note the relaxed ones and list those with
    no page with all words on top."""
    page = PageSearch(core_url)
    relaxed, buried = [], []
    for query in queries:
        shown = page(query.text)
        if shown.relaxed:
            relaxed.append(query.text)
        if not set(shown.urls[:3]) & query.all_word_urls:
            buried.append(query.text)
    return LargeIndexReport(queries=tuple(queries), relaxed=tuple(relaxed),
                            buried=tuple(buried))


def client(core_url: str) -> SolrClient:
    """A Solr client with timeouts fit for loading thousands of pages."""
    return SolrClient(core_url, timeouts=Timeouts(connect=5, read=300))
