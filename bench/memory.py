"""Memory benchmark: resident size of one app server worker after warm-up and after many
requests."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import cycle, islice

from bench.appserver import AppServer, rss_kib
from bench.loadgen import send_each
from bench.querymix import MixEntry
from bench.report import Ratio
from bench.targets import API_PATH, HTML_PATH, app_requests

log = logging.getLogger(__name__)

RSS_TARGET_MB = 100
WARMUP_REQUESTS = 500
CLIENTS = 4


@dataclass(frozen=True)
class MemoryRun:
    """Worker RSS in KiB at the two moments, and how the requests went."""

    warm_kib: int
    after_kib: int
    requests: int
    errors: int


def _mixed(mix: Sequence[MixEntry], count: int) -> list:
    # The widget and the page alternate, so that both code paths hold what they hold.
    both = [r for pair in zip(app_requests(API_PATH, mix), app_requests(HTML_PATH, mix))
            for r in pair]
    return list(islice(cycle(both), count))


def run_memory(server: AppServer, mix: Sequence[MixEntry], requests: int) -> MemoryRun:
    """Warm the single worker up, read its RSS, send `requests` more, read it again."""
    workers = server.worker_pids()
    if len(workers) != 1:
        raise RuntimeError(f"expected one app server worker, found {workers}")
    worker = workers[0]
    warm = send_each(server.base_url, _mixed(mix, WARMUP_REQUESTS), CLIENTS)
    warm_kib = rss_kib(worker)
    load = send_each(server.base_url, _mixed(mix[WARMUP_REQUESTS % len(mix):] or mix, requests),
                     CLIENTS)
    if server.worker_pids() != [worker]:
        raise RuntimeError("the app server worker was replaced during the run; "
                           "RSS would not belong to one worker")
    after_kib = rss_kib(worker)
    log.info("worker %d: %d KiB warm, %d KiB after %d requests", worker, warm_kib, after_kib,
             requests)
    return MemoryRun(warm_kib, after_kib, len(load.latencies), load.errors + warm.errors)


def memory_ratios(run: MemoryRun) -> list[Ratio]:
    """RSS figures against the 100 MB target (MB = 10^6 bytes would flatter; MiB are used)."""
    warm_mb, after_mb = run.warm_kib / 1024, run.after_kib / 1024
    detail = f"{run.requests} requests, {run.errors} errors"
    return [
        Ratio("worker RSS after warm-up, MiB", warm_mb, "<=", RSS_TARGET_MB, "VmRSS"),
        Ratio(f"worker RSS after {run.requests} requests, MiB", after_mb, "<=", RSS_TARGET_MB,
              detail),
        Ratio("worker RSS growth, after / warm-up", after_mb / warm_mb, "<=", None,
              f"{after_mb - warm_mb:+.1f} MiB"),
    ]
