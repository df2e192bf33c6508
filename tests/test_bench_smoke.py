"""The benchmark harness works end to end at a tiny size (no timing is judged here)."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pytest

from bench.corpus import corpus_documents
from bench.newmix import LENGTH_SHARES, build_new_mix, query_key, slices, vocabulary
from bench.newsearch import NEW_TARGETS, NewSearchPlan
from bench.querymix import build_mix
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
        options = BenchOptions(pages=PAGES, plan=plan, work_dir=tmp_path, mix_size=200,
                               new_plan=NewSearchPlan(per_window=200))
        run = search_bench(PreparedIndex(solr, PAGES, seconds), options)
    finally:
        empty_core.delete(q="*:*", commit=True)

    measured = {(s.target, s.concurrency) for s in run.stats}
    targets = ("solr", "api", "html", "api-uncached", "html-uncached", *NEW_TARGETS)
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
    # Only new searches are judged; the repeated mix and the app without cache are shown.
    judged = {r.name for r in ratios if r.target is not None}
    assert judged == {
        *(f"300 {n}, new searches, {f} / Solr, c={c}" for n, f in
          (("JSON API", "throughput"), ("HTML page", "throughput")) for c in (1, 16)),
        "300 JSON API, new searches, p50 / Solr, c=16",
        *(f"300 {n}, new searches, app CPU per request, ms, c={c}"
          for n in ("JSON API", "HTML page") for c in (1, 16))}
    # Every measured window had queries of its own: none repeats across windows.
    keys = [query_key(e.args) for _, _, entries in run.new_windows for e in entries]
    assert len(run.new_windows) == 3 * 2 and len(keys) == 6 * 200
    assert len(set(keys)) == len(keys)
    assert {(t, c) for t, c, _ in run.new_windows} == {(t, c) for t in NEW_TARGETS
                                                        for c in (1, 16)}
    for target in NEW_TARGETS:
        for concurrency in (1, 16):
            # Each window spends at most its slice, less the unmeasured lead-in.
            assert run.get(target, concurrency).requests <= 200 - 2 * concurrency
    assert run.new_follow_up_share is not None
    # Solr's query result cache, read around every window: each raw search was looked up,
    # and few lookups were answered (the repeated mix: about four in five; new searches on
    # the 10k index: one in ten). A search makes one lookup, a misspelled one more for
    # spellcheck's collation tests, which two typos of one word may share: those are the
    # hits that remain.
    cache = {t: (lookups, hits) for t, lookups, hits in run.new_cache}
    lookups, hits = cache["solr-new"]
    assert lookups >= sum(run.get("solr-new", c).requests for c in (1, 16))
    assert hits <= 0.2 * lookups, cache
    for ratio in ratios:
        assert math.isfinite(ratio.value) and ratio.value > 0, ratio
    assert 0 <= run.follow_up_share <= 1
    for target in targets[1:]:
        stats = run.get(target, 16)
        # CPU of Solr and of the app was read from /proc around every window.
        assert stats.cpu("solr") is not None and stats.cpu("app") is not None


@pytest.fixture(scope="module")
def corpus_docs() -> list[dict[str, object]]:
    return list(corpus_documents(400))


def test_new_search_mix_is_distinct_and_shaped_like_a_query_log(
        corpus_docs: list[dict[str, object]]) -> None:
    """Distinct keys (also against the repeated mix); 1-6 words, single words the largest
    group and each longer length rarer; Zipf-weighted words; typos, compounds, categories,
    pages; mostly lower case."""
    repeated = build_mix(corpus_docs, size=300, seed=8)
    pool = build_new_mix(corpus_docs, 3000, seed=5, exclude=[e.args for e in repeated])
    assert len(pool) == 3000
    keys = [query_key(e.args) for e in pool]
    assert len(set(keys)) == len(keys)
    assert not set(keys) & {query_key(e.args) for e in repeated}
    # Case and order make no new search (Solr's cache would answer them).
    assert query_key({"q": "Termin Gebühr"}) == query_key({"q": "gebühr termin", "page": "2"})

    lengths = Counter(len(e.args["q"].split()) for e in pool)
    assert set(lengths) == set(range(1, 7))
    shares = [lengths[n] / len(pool) for n in range(1, 7)]
    assert shares == sorted(shares, reverse=True) and shares[0] >= 0.35
    for n, share in LENGTH_SHARES.items():
        assert abs(lengths[n] / len(pool) - share) < 0.01

    vocab = vocabulary(corpus_docs)
    rank = {w.lower(): i for i, w in enumerate(vocab.words)}
    # A lone vocabulary word may be cached in Solr already (the app's correction of a
    # misspelled repeated-mix word): never counted as new.
    assert not [e for e in pool if e.args["q"].lower() in rank and "category" not in e.args]
    used = Counter(w for e in pool for w in e.args["q"].lower().split() if w in rank)
    # Zipf: the tenth of the vocabulary with the most frequent words carries far more than a
    # tenth of the words typed, and the most frequent word beats a word of middle rank.
    top = {w for w, i in rank.items() if i < len(rank) // 10}
    assert sum(n for w, n in used.items() if w in top) / sum(used.values()) > 0.25
    assert used[vocab.words[0].lower()] > 3 * used[vocab.words[len(rank) // 2].lower()]

    kinds = Counter(part for e in pool for part in e.kind.split("+")[1:])
    assert kinds["typo"] > 0.05 * len(pool) and kinds["compound"] > 0.05 * len(pool)
    assert kinds["category"] > 0.05 * len(pool) and kinds["page"] > 0.03 * len(pool)
    unknown = [w for e in pool for w in e.args["q"].lower().split() if w not in rank]
    assert len(unknown) >= kinds["typo"] + kinds["compound"] // 2  # misspelled or compound
    lower = sum(e.args["q"] == e.args["q"].lower() for e in pool)
    assert lower / len(pool) > 0.75
    assert all(re.fullmatch(r"[a-zäöüß ]+", e.args["q"].lower()) for e in pool)
    categories = {str(d["category"]) for d in corpus_docs if d.get("category")}
    assert {e.args["category"] for e in pool if "category" in e.args} <= categories


def test_new_search_slices_are_disjoint_and_alike(corpus_docs: list[dict[str, object]]) -> None:
    """Slices of the shuffled pool share no query and have about the same shape."""
    pool = build_new_mix(corpus_docs, 4000, seed=9)
    first, second = slices(pool, [2000, 2000])
    assert not {query_key(e.args) for e in first} & {query_key(e.args) for e in second}
    for part in (first, second):
        single = sum(len(e.args["q"].split()) == 1 for e in part) / len(part)
        assert abs(single - LENGTH_SHARES[1]) < 0.04
    with pytest.raises(ValueError):
        slices(pool, [3000, 1001])


def test_floor_benchmark_serves_both_apps_and_measures_their_cpu(tmp_path: Path) -> None:
    """The floor apps run under the production server and answer every request; the waiting
    app answers no faster than its wait (no timing is judged here, only that it waited)."""
    from bench.floor import measure_floor, table

    rows = measure_floor(("wsgi", "flask"), (0.0, 20.0), (1, 4), seconds=0.6, rounds=1,
                         work_dir=tmp_path)
    assert [(r.app, r.wait_ms, r.clients) for r in rows] == [
        (app, wait, clients) for wait in (0.0, 20.0) for app in ("wsgi", "flask")
        for clients in (1, 4)]
    assert all(r.errors == 0 and r.per_second > 0 and r.cpu_ms >= 0 for r in rows)
    # One client waiting 20 ms per request: at most 50 requests a second.
    assert all(r.per_second <= 50 for r in rows if r.wait_ms == 20.0 and r.clients == 1)
    assert table(rows).count("\n") == len(rows) + 1
