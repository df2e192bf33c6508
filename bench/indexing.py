"""Indexer throughput against raw Solr ingest, and the cost of an unchanged re-index.

    python -m bench.indexing --pages 5000

One run starts its own Solr (temporary home) and measures, on ``--pages`` corpus pages:

(a) the indexer end to end (generate -> parse -> hash lookup -> atomic writes -> commit ->
    suggester build) against raw ingest of the very same documents, pre-built and posted to
    ``/update/json/docs`` in batches of the same size by one client, plus a commit; the ratio
    indexer/raw of their throughputs shows what parsing and the indexer's bookkeeping cost;
(b) a second, unchanged indexer run as a fraction of the first.

This is a benchmark, not a test: it prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.solr import SolrCore
from indexer.config import IndexerConfig
from indexer.corpus import generate
from indexer.document import content_hash, page_fields, solr_date
from indexer.parse import PageSkipped, parse_page
from indexer.pipeline import index_pages
from indexer.writer import SolrWriter
from solrlauncher import StandaloneSolr


@dataclass(frozen=True)
class IndexingNumbers:
    """Seconds measured in one run; the derived ratios are properties."""

    pages: int
    batch_size: int
    parse_seconds: float
    raw_seconds: float
    index_seconds: float
    suggester_seconds: float
    unchanged_seconds: float

    @property
    def ratio_indexer_to_raw(self) -> float:
        """Indexer throughput / raw ingest throughput (1.0 = as fast as raw ingest)."""
        return self.raw_seconds / self.index_seconds

    @property
    def unchanged_fraction(self) -> float:
        """Unchanged re-index time / first index time."""
        return self.unchanged_seconds / self.index_seconds


def prebuilt_documents(pages: int, seed: int, config: IndexerConfig) -> list[dict[str, object]]:
    """The indexer's documents for the corpus, as plain (non-atomic) Solr documents."""
    now = solr_date(datetime.now(UTC))
    docs = []
    for raw in generate(pages, seed):
        try:
            page = parse_page(raw, config.sections, config.max_content_chars)
        except PageSkipped:
            continue
        fields = {k: v for k, v in page_fields(page).items() if v is not None}
        docs.append({**fields, "contentHash": content_hash(page), "indexedAt": now})
    return docs


def raw_ingest(core_url: str, docs: list[dict[str, object]], batch_size: int) -> None:
    """POST the documents in batches to /update/json/docs, then commit."""
    solr = SolrCore(core_url)
    try:
        for start in range(0, len(docs), batch_size):
            body = json.dumps(docs[start:start + batch_size], ensure_ascii=False).encode()
            solr.client.call_bytes("POST", "/update/json/docs", data=body,
                                   content_type="application/json")
        solr.client.call("POST", "/update", params={"commit": "true"}, json={})
    finally:
        solr.close()


def clear(core_url: str) -> None:
    """Delete every document and commit (between the measured runs)."""
    SolrCore(core_url).delete_all()


def measure(core_url: str, state_path: Path, pages: int, seed: int = 1,
            batch_size: int = 500) -> IndexingNumbers:
    """Run (a) and (b) against an empty core and return the timings."""
    config = IndexerConfig(solr_url=core_url, batch_size=batch_size, solr_timeout=300,
                           state_path=state_path)
    started = time.perf_counter()
    docs = prebuilt_documents(pages, seed, config)
    parse_seconds = time.perf_counter() - started

    clear(core_url)
    started = time.perf_counter()
    raw_ingest(core_url, docs, batch_size)
    raw_seconds = time.perf_counter() - started
    clear(core_url)

    first = index_pages(generate(pages, seed), pages, config, full=True)
    if not first.ok or first.indexed != len(docs):
        raise RuntimeError(f"indexer run failed: {first.error or first.problems[:3]}")
    started = time.perf_counter()
    SolrWriter(core_url, timeout=300).build_suggester()
    suggester_seconds = time.perf_counter() - started

    second = index_pages(generate(pages, seed), pages, config, full=True)
    if second.unchanged != len(docs):
        raise RuntimeError(f"re-index was not unchanged: {second.indexed} pages rewritten")
    return IndexingNumbers(pages=len(docs), batch_size=batch_size, parse_seconds=parse_seconds,
                           raw_seconds=raw_seconds, index_seconds=first.seconds,
                           suggester_seconds=suggester_seconds,
                           unchanged_seconds=second.seconds)


def table(n: IndexingNumbers) -> str:
    """The numbers as a small text table."""
    rows = [
        ("pages / batch size", f"{n.pages} / {n.batch_size}"),
        ("parse only (pre-building the documents)",
         f"{n.parse_seconds:8.1f} s  {n.pages / n.parse_seconds:8.0f} pages/s"),
        ("raw ingest /update/json/docs + commit",
         f"{n.raw_seconds:8.1f} s  {n.pages / n.raw_seconds:8.0f} pages/s"),
        ("indexer end to end (incl. commit, suggester)",
         f"{n.index_seconds:8.1f} s  {n.pages / n.index_seconds:8.0f} pages/s"),
        ("  of which suggester build (measured again)", f"{n.suggester_seconds:8.1f} s"),
        ("(a) throughput indexer / raw ingest", f"{n.ratio_indexer_to_raw:8.3f}"),
        ("unchanged re-index", f"{n.unchanged_seconds:8.1f} s"),
        ("(b) unchanged re-index / first index", f"{n.unchanged_fraction:8.3f}"),
    ]
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def main(argv: list[str] | None = None) -> int:
    """Start a private Solr, measure, print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.indexing", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="bench-indexing-") as home:
        with StandaloneSolr(Path(home), heap=args.heap) as solr:
            numbers = measure(solr.core_url, Path(home) / "indexer-state.json", args.pages,
                              args.seed, args.batch_size)
    print(table(numbers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
