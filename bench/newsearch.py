"""New searches: raw Solr, the JSON API and the HTML page, each query sent once in the run.

How the queries are kept unseen: one pool of distinct queries (``bench/newmix.py``, shuffled,
so every slice of it is distributed alike) is cut into disjoint slices before anything is
sent. The first slice checks that the app and raw Solr agree and is then spent; every
measured window (target × concurrency × round) gets a slice of its own. A window sends the
first ``2 × clients`` queries of its slice unmeasured (connections, threads), then measures
until the slice runs out or the window's seconds are up; what is left of a slice is thrown
away. So no query reaches the app or Solr twice, nor the one after the other: raw Solr's
queries are not the app's queries, yet both are drawn alike. The raw-Solr request of a query
is the app's own first Solr request for it (``bench/targets.py``); the app sends more for
some (relaxed pass, correction, a page past the end), which is part of its cost.

The app measured is the server as shipped, result cache on: a new search misses it, and the
cost of filling it is part of what a new search costs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bench.cpu import CpuProbe
from bench.loadgen import HttpRequest, Load, Sample, measure_once
from bench.newmix import slices
from bench.querymix import MixEntry
from bench.search import check_equivalence, origin, pooled
from bench.stats import LoadStats
from bench.targets import API_PATH, HTML_PATH, app_requests, raw_solr_requests

log = logging.getLogger(__name__)

# Target name -> the target of the repeated mix it mirrors.
NEW_TARGETS: Mapping[str, str] = {"solr-new": "solr", "api-new": "api", "html-new": "html"}
LEAD_PER_CLIENT = 2
# Lookups and hits of Solr's query result cache so far: read around every window, they show
# how much of the new searches Solr answered from its cache. One search is one lookup; a
# misspelled one adds spellcheck's collation tests (up to 10, maxCollationTries), which two
# typos of the same word may share — Solr's own work, and the hits that remain.
CacheReader = Callable[[], tuple[int, int]]


@dataclass(frozen=True)
class NewSearchPlan:
    """How many fresh queries each window may spend, and how many check equivalence."""

    per_window: int = 600
    checked: int = 40

    def pool_size(self, concurrencies: Sequence[int], rounds: int) -> int:
        """Queries one run needs: the check plus a slice per window."""
        return self.checked + self.per_window * len(NEW_TARGETS) * len(concurrencies) * rounds


@dataclass(frozen=True)
class NewSearchRun:
    """The pooled measurements of the new-search block, and which queries each window had."""

    stats: tuple[LoadStats, ...]
    follow_up_share: float
    windows: tuple[tuple[str, int, tuple[MixEntry, ...]], ...]  # target, clients, its slice
    cache: tuple[tuple[str, int, int], ...] = ()  # target, Solr cache lookups, hits


def _requests(target: str, core_url: str, entries: Sequence[MixEntry]) -> list[HttpRequest]:
    like = NEW_TARGETS[target]
    if like == "solr":
        return raw_solr_requests(core_url, entries)
    return app_requests(API_PATH if like == "api" else HTML_PATH, entries)


def run_new_searches(pages: int, core_url: str, app_url: str, pool: Sequence[MixEntry],
                     concurrencies: Sequence[int], rounds: int, seconds: float,
                     plan: NewSearchPlan, probes: Mapping[str, CpuProbe] | None = None,
                     cache_reader: CacheReader | None = None) -> NewSearchRun:
    """Measure the three targets with queries none of them has seen, in alternating rounds."""
    targets = list(NEW_TARGETS)
    count = len(concurrencies) * rounds * len(targets)
    check, *window_slices = slices(pool, [plan.checked] + [plan.per_window] * count)
    follow_up_share = check_equivalence(core_url, app_url, check)
    origins = {"solr-new": origin(core_url), "api-new": app_url, "html-new": app_url}
    next_slice = iter(window_slices)
    stats: list[LoadStats] = []
    windows: list[tuple[str, int, tuple[MixEntry, ...]]] = []
    cache = {t: [0, 0] for t in targets}
    for concurrency in concurrencies:
        load = Load(concurrency=concurrency, seconds=seconds)
        samples: dict[str, list[Sample]] = {t: [] for t in targets}
        for round_no in range(rounds):
            shift = round_no % len(targets)
            for target in targets[shift:] + targets[:shift]:
                entries = tuple(next(next_slice))
                windows.append((target, concurrency, entries))
                before = cache_reader() if cache_reader else (0, 0)
                sample = measure_once(target, origins[target],
                                      _requests(target, core_url, entries), load,
                                      LEAD_PER_CLIENT * concurrency, probes)
                after = cache_reader() if cache_reader else (0, 0)
                cache[target][0] += after[0] - before[0]
                cache[target][1] += after[1] - before[1]
                samples[target].append(sample)
                log.info("%d pages, %d clients, round %d: %s %.1f new searches/s "
                         "(%d in %.1f s)", pages, concurrency, round_no + 1, target,
                         len(sample.latencies) / sample.seconds, len(sample.latencies),
                         sample.seconds)
        stats += [pooled(target, concurrency, samples[target]) for target in targets]
    return NewSearchRun(tuple(stats), follow_up_share, tuple(windows),
                        tuple((t, lookups, hits) for t, (lookups, hits) in cache.items()))
