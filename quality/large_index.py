"""Relaxed matching on a large index: do pages with all words stay in the top 3?

The bench corpus (``bench.corpus``) gives thousands of pages written from one vocabulary.
Multi-word queries are drawn from the pages themselves (a word of a page's title, its rarest
text word, half of the time a word of another page), and kept when at least one page
contains every word. Each query then runs through the web app's search service, and the
check is whether a page with all words (listed independently by a strict mm=100% query) is
among the first three shown.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quality.page import PageSearch
from solrclient import SolrClient, Timeouts
from webapp.escape import edismax_terms
from webapp.service import RELAX_BELOW

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")
BATCH = 1000


@dataclass(frozen=True)
class LargeIndexReport:
    """Sampled queries and those without a page with all words in the top 3."""

    queries: tuple[str, ...]
    buried: tuple[str, ...]
    few: int  # queries with fewer than RELAX_BELOW pages with all words (relaxed pass)

    @property
    def buried_share(self) -> float:
        return len(self.buried) / len(self.queries) if self.queries else 1.0


def load(core: SolrClient, docs: Iterable[Mapping[str, Any]]) -> int:
    """Send plain documents in batches and commit; returns how many were sent."""
    batch: list[Mapping[str, Any]] = []
    sent = 0
    for doc in docs:
        batch.append(doc)
        if len(batch) == BATCH:
            core.call("POST", "/update", json=batch)
            sent, batch = sent + len(batch), []
    if batch:
        core.call("POST", "/update", json=batch)
        sent += len(batch)
    core.call("POST", "/update", json={"commit": {}})
    return sent


def _words(doc: Mapping[str, Any], field: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(str(doc.get(field) or ""))]


def document_frequencies(docs: Iterable[Mapping[str, Any]]) -> Counter[str]:
    """How many pages contain each word (title and text), to find the rarer words."""
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(_words(doc, "title") + _words(doc, "content")))
    return df


def _candidate(doc: Mapping[str, Any], other: Mapping[str, Any], df: Counter[str],
               rng: random.Random) -> str | None:
    """A title word and the page's rarest text word; half of the time a word of another
    page as well, so that pages with only some of the words compete."""
    title, text = _words(doc, "title"), _words(doc, "content")
    if not title or not text:
        return None
    words = [rng.choice(title), min(text, key=lambda w: (df[w], w))]
    if rng.random() < 0.5 and _words(other, "content"):
        words.append(rng.choice(_words(other, "content")))
    unique = list(dict.fromkeys(words))
    return " ".join(unique) if len(unique) > 1 else None


def all_word_urls(core: SolrClient, query: str) -> set[str]:
    """URLs of every page that contains all words of ``query`` (strict, no relaxing)."""
    body = core.call("POST", "/search", form={"q": edismax_terms(query), "mm": "100%",
                                              "rows": "1000", "fl": "url", "hl": "false",
                                              "spellcheck": "false", "facet": "false"})
    return {d["url"] for d in body["response"]["docs"]}


def sample_queries(core: SolrClient, docs: Sequence[Mapping[str, Any]], wanted: int,
                   seed: int = 12, max_tries: int = 1000) -> list[tuple[str, set[str]]]:
    """``wanted`` multi-word queries for which at least one page contains all words."""
    rng = random.Random(seed)
    df = document_frequencies(docs)
    found: list[tuple[str, set[str]]] = []
    seen: set[str] = set()
    for _ in range(max_tries):
        query = _candidate(rng.choice(docs), rng.choice(docs), df, rng)
        if query is None or query in seen:
            continue
        seen.add(query)
        strict = all_word_urls(core, query)
        if strict:
            found.append((query, strict))
            if len(found) == wanted:
                break
    return found


def check(core_url: str, queries: Sequence[tuple[str, set[str]]]) -> LargeIndexReport:
    """Run each query through the search service; list those with no all-word page on top."""
    page = PageSearch(core_url)
    buried = [q for q, strict in queries if not set(page(q).urls[:3]) & strict]
    return LargeIndexReport(queries=tuple(q for q, _ in queries), buried=tuple(buried),
                            few=sum(len(strict) < RELAX_BELOW for _, strict in queries))


def client(core_url: str) -> SolrClient:
    """A Solr client with timeouts fit for loading thousands of pages."""
    return SolrClient(core_url, timeouts=Timeouts(connect=5, read=300))
