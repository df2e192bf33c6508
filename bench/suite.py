"""Wiring: a Solr with a corpus of the requested size, the app under its production server,
each benchmark."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from bench.appserver import REPO, AppServer
from bench.corpus import SEED, UNIQUE_PAGES, corpus_documents
from bench.cpu import CpuProbe, probe
from bench.memory import MemoryRun, run_memory
from bench.newmix import SAMPLE_FIELDS as NEW_SAMPLE_FIELDS
from bench.newmix import build_new_mix
from bench.newsearch import NewSearchPlan, run_new_searches
from bench.querymix import MixEntry, build_mix
from bench.search import SearchPlan, SearchRun, run_search
from bench.solr import SolrCore
from solrlauncher import StandaloneSolr
from solrlauncher.build import CONFIGSET

log = logging.getLogger(__name__)

STATS_CONFIGSET = REPO / "solr-config" / "stats"
SAMPLE_FIELDS = "title,teaser,category"


@dataclass(frozen=True)
class BenchOptions:
    """Sizes and durations of a run (the command line fills these in)."""

    pages: int = 10_000
    large: int = 1_000_000
    plan: SearchPlan = field(default_factory=SearchPlan)
    memory_requests: int = 10_000
    work_dir: Path = REPO / "var" / "bench"
    mix_size: int = 1000
    seed: int = 8
    new_plan: NewSearchPlan = field(default_factory=NewSearchPlan)  # per_window 0: skip
    new_seed: int = 22
    new_sample: int = 2000


@dataclass(frozen=True)
class PreparedIndex:
    """A running Solr whose core holds `pages` corpus pages."""

    solr: StandaloneSolr
    pages: int
    build_seconds: float | None  # None when an earlier run's index was reused

    @property
    def core_url(self) -> str:
        return self.solr.core_url


def _extra_cores() -> dict[str, Path]:
    if (STATS_CONFIGSET / "conf" / "solrconfig.xml").is_file():
        return {"stadtsuche_stats": STATS_CONFIGSET}
    return {}


def load_corpus(core_url: str, pages: int, cache_dir: Path | None = None) -> float:
    """Replace the core's documents with `pages` corpus pages; return the seconds it took."""
    core = SolrCore(core_url)
    try:
        core.delete_all()
        started = time.perf_counter()
        sent = core.ingest(corpus_documents(pages, cache_dir=cache_dir))
        core.commit()
        seconds = time.perf_counter() - started
        core.build_suggester()
        core.wait_until_searchable(sent)
    finally:
        core.close()
    log.info("%d pages loaded in %.1f s (%.0f docs/s)", sent, seconds, sent / seconds)
    return seconds


def index_fingerprint(pages: int) -> str:
    """What the stored index was built from: the analysis files, corpus recipe and size."""
    digest = hashlib.sha256(f"{pages}:{UNIQUE_PAGES}:{SEED}".encode())
    conf = CONFIGSET / "conf"
    for path in sorted([conf / "managed-schema.xml", *(conf / "lang").glob("*")]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@contextmanager
def prepared_index(work_dir: Path, pages: int, heap: str) -> Iterator[PreparedIndex]:
    """A Solr in ``work_dir/solr-<pages>``; the corpus is (re)loaded unless the stored index
    was built from the same schema and corpus."""
    home = work_dir / f"solr-{pages}"
    marker = home / "bench-index.txt"
    solr = StandaloneSolr(home, heap=heap, extra_cores=_extra_cores())
    solr.start(timeout=600)
    try:
        core = SolrCore(solr.core_url)
        try:
            present = core.num_docs()
        finally:
            core.close()
        fingerprint = index_fingerprint(pages)
        fresh = marker.is_file() and marker.read_text() == fingerprint and present == pages
        build = None
        if not fresh:
            marker.unlink(missing_ok=True)
            build = load_corpus(solr.core_url, pages, cache_dir=work_dir)
            marker.write_text(fingerprint)
        yield PreparedIndex(solr, pages, build)
    finally:
        solr.stop()


def query_mix(core_url: str, size: int, seed: int) -> list[MixEntry]:
    """The query mix for the index behind `core_url`."""
    core = SolrCore(core_url)
    try:
        return build_mix(core.sample(SAMPLE_FIELDS, 2000), size=size, seed=seed)
    finally:
        core.close()


def new_query_pool(core_url: str, options: BenchOptions,
                   repeated: list[MixEntry]) -> list[MixEntry]:
    """Distinct new searches for one run, none with the key of a repeated-mix search."""
    plan = options.plan
    core = SolrCore(core_url)
    try:
        docs = core.sample(NEW_SAMPLE_FIELDS, options.new_sample)
    finally:
        core.close()
    size = options.new_plan.pool_size(plan.concurrencies, plan.rounds)
    return build_new_mix(docs, size, options.new_seed, exclude=[e.args for e in repeated])


def app_env(core_url: str) -> dict[str, str]:
    """Environment for the app as production runs it, pointed at the benchmark's Solr."""
    from werkzeug.security import generate_password_hash

    return {
        "STADTSUCHE_SOLR_URL": core_url,
        "STADTSUCHE_ENV": "production",
        "STADTSUCHE_SECRET_KEY": secrets.token_hex(32),
        "STADTSUCHE_ADMIN_USER": "bench",
        "STADTSUCHE_ADMIN_PASSWORD_HASH": generate_password_hash(secrets.token_hex(16)),
    }


def search_bench(index: PreparedIndex, options: BenchOptions) -> SearchRun:
    """The search benchmark against the app server as production runs it, and beside it the
    same server with its result cache off; then new searches against the first."""
    mix = query_mix(index.core_url, options.mix_size, options.seed)
    env = app_env(index.core_url)
    work = options.work_dir
    plan = options.plan
    with AppServer(env, work / f"app-search-{index.pages}.log") as server, \
            AppServer({**env, "STADTSUCHE_RESULT_CACHE_SECONDS": "0"},
                      work / f"app-search-uncached-{index.pages}.log") as uncached:
        run = run_search(index.pages, index.core_url, server.base_url, mix, plan,
                         cpu_probes(index.solr, server),
                         (uncached.base_url, cpu_probes(index.solr, uncached)))
        if not options.new_plan.per_window:
            return run
        pool = new_query_pool(index.core_url, options, mix)
        core = SolrCore(index.core_url)
        try:
            new = run_new_searches(index.pages, index.core_url, server.base_url, pool,
                                   plan.concurrencies, plan.rounds, plan.seconds,
                                   options.new_plan, cpu_probes(index.solr, server),
                                   core.query_cache)
        finally:
            core.close()
    return replace(run, stats=run.stats + new.stats, new_follow_up_share=new.follow_up_share,
                   new_windows=new.windows, new_cache=new.cache)


def cpu_probes(solr: StandaloneSolr, server: AppServer) -> dict[str, CpuProbe]:
    """CPU probes for Solr, the app (server and its current workers), this client."""
    solr_pid, client_pid = solr.pid, os.getpid()
    if solr_pid is None:
        raise RuntimeError("Solr is not running")
    return {"solr": probe(lambda: [solr_pid]),
            "app": server.cpu_seconds,
            "client": probe(lambda: [client_pid])}


def memory_bench(index: PreparedIndex, options: BenchOptions) -> MemoryRun:
    """RSS of a single worker (one worker, so that one process serves everything; the server
    replaces a worker only above 200 MiB)."""
    mix = query_mix(index.core_url, options.mix_size, options.seed)
    log_path = options.work_dir / "app-memory.log"
    with AppServer(app_env(index.core_url), log_path, workers=1) as server:
        return run_memory(server, mix, options.memory_requests)
