"""Ready-made Solr documents for N pages of the indexer's deterministic corpus.

These are what "raw ingest" means in the issue: corpus pages run through the indexer's own
parser and document builder, sent as plain documents (not atomic updates), so that Solr does
nothing but analyse and store them.

Parsing costs about 3 ms per page here, so 1M pages would take close to an hour of one core
before Solr sees a document. Above ``UNIQUE_PAGES`` the documents are therefore recombined
from that many parsed pages: title, keywords and category of one page, teaser of another,
content of a third, each with its own id and URL. Every document is distinct and every field
is real indexer output; the texts repeat more often than in the corpus proper, whose word
lists are small anyway (BENCHMARKS.md says which index was built how).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from indexer.config import IndexerConfig
from indexer.corpus import generate
from indexer.document import content_hash, page_fields
from indexer.model import ParsedPage
from indexer.parse import PageSkipped, parse_page

log = logging.getLogger(__name__)

UNIQUE_PAGES = 20_000
SEED = 1
# Co-prime strides, so that page i combines three different pages of the parsed set.
_TEASER_STRIDE, _CONTENT_STRIDE = 7_919, 15_485


def parsed_pages(pages: int, seed: int = SEED) -> Iterator[ParsedPage]:
    """The first `pages` corpus pages, parsed by the indexer (pages it skips are left out)."""
    config = IndexerConfig()
    for raw in generate(pages, seed):
        try:
            yield parse_page(raw, config.sections, config.max_content_chars)
        except PageSkipped as err:
            log.warning("corpus page %s skipped by the parser: %s", raw.url, err)


def plain_document(fields: dict[str, Any], digest: str, indexed_at: str) -> dict[str, Any]:
    """The indexer's fields as one plain Solr document (absent fields left out)."""
    doc = {k: v for k, v in fields.items() if v is not None}
    doc["contentHash"] = digest
    doc["indexedAt"] = indexed_at
    return doc


def base_fields(unique: int, cache_dir: Path | None = None) -> list[dict[str, Any]]:
    """The indexer's fields of the first `unique` corpus pages, kept as JSON in `cache_dir`
    so that the parsing is paid once, not on every large build."""
    cache = cache_dir / f"corpus-fields-{SEED}-{unique}.json" if cache_dir else None
    if cache is not None and cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    started = time.perf_counter()
    base = [page_fields(page) for page in parsed_pages(unique)]
    log.info("parsed %d corpus pages in %.0f s", len(base), time.perf_counter() - started)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    return base


def corpus_documents(pages: int, unique: int = UNIQUE_PAGES,
                     cache_dir: Path | None = None) -> Iterator[dict[str, Any]]:
    """Plain Solr documents for `pages` corpus pages (recombined above `unique`)."""
    indexed_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if pages <= unique:
        for page in parsed_pages(pages):
            yield plain_document(page_fields(page), content_hash(page), indexed_at)
        return
    base = base_fields(unique, cache_dir)
    for i in range(pages):
        fields = _recombined(base, i)
        digest = hashlib.sha256(json.dumps(fields, ensure_ascii=False, sort_keys=True)
                                .encode("utf-8")).hexdigest()
        yield plain_document(fields, digest, indexed_at)


def _recombined(base: list[dict[str, Any]], i: int) -> dict[str, Any]:
    n = len(base)
    head = base[i % n]
    if i < n:
        return head
    url = f"{str(head['url']).removesuffix('.html')}-{i}.html"
    return {**head, "id": url, "url": url,
            "teaser": base[(i + _TEASER_STRIDE * (i // n)) % n]["teaser"],
            "content": base[(i + _CONTENT_STRIDE * (i // n)) % n]["content"]}
