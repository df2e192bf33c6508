"""Relaxed matching on a large index: do pages with all words stay in the top 3?

The bench corpus (``bench.corpus``) gives thousands of pages written from one vocabulary.
Multi-word queries are drawn from the pages themselves (a word of a page's title with words
of its text), so at least that page contains every word; queries that Solr finds on only a
few pages with all words are kept, because only they get the relaxed second pass. Each query
then runs through the web app's search service, and the check is whether a page with all
words (listed independently by a strict mm=100% query) is among the first three shown.
"""

from __future__ import annotations

import random
import re
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


def _candidates(doc: Mapping[str, Any], rng: random.Random) -> str | None:
    title = _WORD.findall(str(doc.get("title") or ""))
    text = _WORD.findall(str(doc.get("content") or ""))
    if not title or len(text) < 2:
        return None
    words = [rng.choice(title), *rng.sample(text, rng.choice((1, 2)))]
    return " ".join(dict.fromkeys(w.lower() for w in words)) if len(set(words)) > 1 else None


def all_word_urls(core: SolrClient, query: str) -> set[str]:
    """URLs of every page that contains all words of ``query`` (strict, no relaxing)."""
    body = core.call("POST", "/search", form={"q": edismax_terms(query), "mm": "100%",
                                              "rows": "1000", "fl": "url", "hl": "false",
                                              "spellcheck": "false", "facet": "false"})
    return {d["url"] for d in body["response"]["docs"]}


def sample_queries(core: SolrClient, docs: Sequence[Mapping[str, Any]], wanted: int,
                   seed: int = 12, max_tries: int = 20_000) -> list[tuple[str, set[str]]]:
    """``wanted`` multi-word queries with 1 to RELAX_BELOW-1 pages containing all words."""
    rng = random.Random(seed)
    found: list[tuple[str, set[str]]] = []
    seen: set[str] = set()
    for _ in range(max_tries):
        query = _candidates(rng.choice(docs), rng)
        if query is None or query in seen:
            continue
        seen.add(query)
        strict = all_word_urls(core, query)
        if 0 < len(strict) < RELAX_BELOW:
            found.append((query, strict))
            if len(found) == wanted:
                break
    return found


def check(core_url: str, queries: Sequence[tuple[str, set[str]]]) -> LargeIndexReport:
    """Run each query through the search service; list those with no all-word page on top."""
    page = PageSearch(core_url)
    buried = [q for q, strict in queries if not set(page(q).urls[:3]) & strict]
    return LargeIndexReport(queries=tuple(q for q, _ in queries), buried=tuple(buried))


def client(core_url: str) -> SolrClient:
    """A Solr client with timeouts fit for loading thousands of pages."""
    return SolrClient(core_url, timeouts=Timeouts(connect=5, read=300))
