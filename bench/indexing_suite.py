"""The indexing benchmark (``bench.indexing``, kept by the indexer's maintainers) as ratios."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from bench.indexing import IndexingNumbers, measure
from bench.report import Ratio
from solrlauncher import StandaloneSolr

log = logging.getLogger(__name__)

INDEXER_VS_RAW_TARGET = 0.5
UNCHANGED_TARGET = 0.05


def run_indexing(work_dir: Path, pages: int, heap: str = "1g") -> IndexingNumbers:
    """Indexer vs raw ingest and the unchanged re-index, on a fresh Solr of its own."""
    home = work_dir / "solr-indexing"
    # Always empty: the first indexer run must find nothing to skip.
    shutil.rmtree(home, ignore_errors=True)
    with StandaloneSolr(home, heap=heap) as solr:
        return measure(solr.core_url, home, pages, solr_pid=solr.pid)


def indexing_ratios(numbers: IndexingNumbers) -> list[Ratio]:
    """The two indexing targets, with the seconds behind them."""
    n = numbers
    return [
        Ratio(f"indexer throughput / raw JSON ingest, {n.pages} pages", n.ratio_indexer_to_raw,
              ">=", INDEXER_VS_RAW_TARGET,
              f"{n.pages / n.index_seconds:.0f} vs {n.pages / n.raw_seconds:.0f} pages/s "
              f"({n.index_seconds:.1f} vs {n.raw_seconds:.1f} s)"),
        Ratio(f"unchanged re-index / first index, {n.pages} pages", n.unchanged_fraction, "<=",
              UNCHANGED_TARGET, f"{n.unchanged_seconds:.2f} vs {n.index_seconds:.1f} s"),
    ]
