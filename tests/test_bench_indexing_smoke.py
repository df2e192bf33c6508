"""The indexing benchmark works end to end at a tiny size (no timing is judged here)."""

from __future__ import annotations

from pathlib import Path


from bench.indexing import measure, table
from bench.indexing_suite import indexing_ratios
from solrlauncher import StandaloneSolr
from tests.support import Core

PAGES = 40


def test_indexing_benchmark_measures_both_ratios(solr: StandaloneSolr, empty_core: Core,
                                                 tmp_path: Path) -> None:
    """40 corpus pages: raw ingest, a first and an unchanged indexer run, with CPU seconds."""
    try:
        numbers = measure(solr.core_url, tmp_path, PAGES, batch_size=16, solr_pid=solr.pid)
        # The bench leaves the indexer's documents in the core: every corpus page, once.
        assert empty_core.search("*:*", rows=0).hits == numbers.pages
    finally:
        empty_core.delete(q="*:*", commit=True)

    assert numbers.pages == PAGES  # no corpus page is skipped by the parser
    assert len(list((tmp_path / "corpus").rglob("*.html"))) == PAGES
    assert numbers.raw_seconds > 0 and numbers.index_seconds > 0
    assert numbers.unchanged_seconds > 0
    assert numbers.index_cpu[0] > 0 and numbers.index_cpu[1] > 0  # this process and Solr
    ratios = {r.name: r for r in indexing_ratios(numbers)}
    assert set(ratios) == {f"indexer throughput / raw JSON ingest, {PAGES} pages",
                           f"unchanged re-index / first index, {PAGES} pages"}
    assert all(r.value > 0 and r.target is not None for r in ratios.values())
    assert "(b) unchanged re-index / first index" in table(numbers)
