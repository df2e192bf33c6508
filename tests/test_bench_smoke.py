"""The benchmark harness works end to end at a tiny size (no timing is judged here)."""

from __future__ import annotations

import math
from pathlib import Path


from bench.search import SearchPlan, search_ratios
from bench.suite import BenchOptions, PreparedIndex, load_corpus, search_bench
from solrlauncher import StandaloneSolr
from tests.support import Core

PAGES = 300


def test_search_benchmark_computes_every_ratio(solr: StandaloneSolr, empty_core: Core,
                                               tmp_path: Path) -> None:
    """300 corpus pages, 2 s per measurement: all three targets answer, every ratio is positive."""
    try:
        seconds = load_corpus(solr.core_url, PAGES)
        assert empty_core.search("*:*", rows=0).hits == PAGES
        plan = SearchPlan(concurrencies=(1, 16), seconds=2.0, warmup=0.3, rounds=1,
                          warmup_passes=1)
        options = BenchOptions(pages=PAGES, plan=plan, work_dir=tmp_path, mix_size=200)
        run = search_bench(PreparedIndex(solr, PAGES, seconds), options)
    finally:
        empty_core.delete(q="*:*", commit=True)

    measured = {(s.target, s.concurrency) for s in run.stats}
    targets = ("solr", "api", "html", "api-uncached", "html-uncached")
    assert measured == {(t, c) for t in targets for c in (1, 16)}
    for stats in run.stats:
        assert stats.requests > 0 and stats.errors == 0, stats.line()
    ratios = search_ratios(run)
    names = {r.name for r in ratios}
    for concurrency in (1, 16):
        for name in ("JSON API", "HTML page", "JSON API without result cache",
                     "HTML page without result cache"):
            for figure in ("throughput", "p50", "p99"):
                assert f"300 {name} {figure} / Solr, c={concurrency}" in names
    # Only the app as shipped is judged; the app without its cache is shown beside it.
    assert all(r.target is None for r in ratios if "without result cache" in r.name)
    for ratio in ratios:
        assert math.isfinite(ratio.value) and ratio.value > 0, ratio
    assert 0 <= run.follow_up_share <= 1
    for target in targets[1:]:
        stats = run.get(target, 16)
        # CPU of Solr and of the app was read from /proc around every window.
        assert stats.cpu("solr") is not None and stats.cpu("app") is not None
