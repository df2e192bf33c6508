"""Search benchmark: the JSON API and the HTML page against raw Solr /search, side by side.

For each concurrency the three targets are measured in alternating order over several rounds,
so that a burst of load from elsewhere on the machine does not hit one target only; the
rounds' latencies are pooled per target.
"""

from __future__ import annotations

import http.client
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bench.cpu import CpuProbe
from bench.loadgen import HttpRequest, Load, Sample, measure, send_each
from bench.querymix import MixEntry
from bench.report import Ratio
from bench.stats import LoadStats
from bench.targets import (API_PATH, HTML_PATH, app_requests,
                           raw_solr_requests, solr_params)
from solrclient import SolrClient, Timeouts
from webapp.request import parse_search_request
from webapp.service import shown_for_answer

log = logging.getLogger(__name__)

TARGETS = ("solr", "api", "html")
# The same app with its result cache off, measured in the same rounds: what a search costs
# that the cache cannot answer (the mix repeats, so with the cache on nearly every measured
# search is a repeat).
UNCACHED = {"api-uncached": "api", "html-uncached": "html"}
CHECKED_ENTRIES = 40
WARMUP_CLIENTS = 4


class NotEquivalent(RuntimeError):
    """The app and raw Solr do not answer the same search the same way."""


@dataclass(frozen=True)
class SearchPlan:
    """How long and how hard to measure."""

    concurrencies: tuple[int, ...] = (1, 16)
    # Short windows in many alternating rounds: other load on a shared machine then falls
    # on all three targets alike instead of on whichever happened to run at that moment.
    seconds: float = 4.0
    warmup: float = 1.0
    rounds: int = 5
    # Passes over the whole mix before measuring: a fresh JVM spends several times more CPU
    # per query until the JIT has compiled Solr's hot paths, and the app wants warm caches too.
    warmup_passes: int = 2


@dataclass(frozen=True)
class SearchRun:
    """All measurements of one index size."""

    pages: int
    stats: tuple[LoadStats, ...]
    follow_up_share: float
    # The new-search block (bench/newsearch.py), when measured: its equivalence check's
    # share of searches the app asks Solr twice for, and each window's target, clients and
    # queries.
    new_follow_up_share: float | None = None
    new_windows: tuple[tuple[str, int, tuple[MixEntry, ...]], ...] = ()
    new_cache: tuple[tuple[str, int, int], ...] = ()  # target, Solr cache lookups, hits

    def get(self, target: str, concurrency: int) -> LoadStats:
        """The pooled measurement of `target` at `concurrency`."""
        for item in self.stats:
            if item.target == target and item.concurrency == concurrency:
                return item
        raise KeyError(f"{target} at {concurrency} clients was not measured")


def origin(url: str) -> str:
    """Scheme, host and port of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def fetch_json(base_url: str, req: HttpRequest) -> dict[str, Any]:
    """Send one prepared request and decode its JSON answer (non-200 is an error)."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80,
                                      timeout=60)
    try:
        conn.request(req.method, req.path, body=req.body, headers=dict(req.headers))
        resp = conn.getresponse()
        body = resp.read()
    finally:
        conn.close()
    if resp.status != 200:
        raise NotEquivalent(f"{req.method} {req.path[:100]} -> HTTP {resp.status}: {body[:300]!r}")
    return json.loads(body)


def _ids(response: dict[str, Any]) -> list[str]:
    return [str(doc["id"]) for doc in response["docs"]]


def _shown(entry: MixEntry, answer: dict[str, Any]) -> dict[str, Any]:
    """Count and ids the search shows for raw Solr's answer (one request carries the strict
    and the relaxed matching; the service shows one of them, see webapp.service), and
    whether the app asks Solr again for this search (a page past the end, a correction)."""
    result, follows = shown_for_answer(parse_search_request(entry.args), answer)
    return {"numFound": result.num_found, "docs": [{"id": h.id} for h in result.hits],
            "followUp": follows}


def check_equivalence(core_url: str, app_url: str, mix: Sequence[MixEntry]) -> float:
    """Fail unless the app finds what raw Solr finds; return the share of app searches that
    may need a second Solr query (no hits: autocorrect; page past the end: clamped)."""
    follow_ups = 0
    entries = list(mix[:CHECKED_ENTRIES])
    solr = SolrClient(core_url, timeouts=Timeouts.reading(60))
    for entry in entries:
        params = solr_params(entry)
        answer = solr.call("POST", "/search", form=params)
        raw = _shown(entry, answer)
        app = fetch_json(app_url, app_requests(API_PATH, [entry])[0])["outData"]
        # A correction or a page past the end (clamped): the app asks Solr a second time,
        # which is part of its cost, so such entries stay in the mix.
        if raw["followUp"] or raw["numFound"] <= int(params["start"]):
            follow_ups += 1
            continue
        got = app["response"]
        if got["numFound"] == raw["numFound"] and _ids(got) == _ids(raw):
            continue
        # Equal scores are ordered by Lucene's internal document number, which background
        # merges may change between two requests: an order that raw Solr does not repeat
        # itself is not held against the app.
        again = _shown(entry, solr.call("POST", "/search", form=params))
        if got["numFound"] != raw["numFound"]:
            raise NotEquivalent(f"{dict(entry.args)}: Solr found {raw['numFound']}, "
                                f"the app {got['numFound']}")
        if _ids(again) == _ids(raw):
            # Same hits, other order on the page: logged, not fatal, so that a large run is
            # not lost; the log says which search, for a closer look.
            log.warning("%s: same %d hits, but the page differs: Solr %s, app %s",
                        dict(entry.args), raw["numFound"], _ids(raw), _ids(got))
    return follow_ups / len(entries)


def run_search(pages: int, core_url: str, app_url: str, mix: Sequence[MixEntry],
               plan: SearchPlan, probes: Mapping[str, CpuProbe] | None = None,
               uncached: tuple[str, Mapping[str, CpuProbe] | None] | None = None) -> SearchRun:
    """Measure raw Solr, the JSON API and the HTML page with the same mix and concurrency;
    ``uncached`` (URL and CPU probes of the app with its result cache off) adds its API and
    page, measured against raw Solr in rounds of their own."""
    follow_up_share = check_equivalence(core_url, app_url, mix)
    requests: dict[str, list[HttpRequest]] = {
        "solr": raw_solr_requests(core_url, mix),
        "api": app_requests(API_PATH, mix),
        "html": app_requests(HTML_PATH, mix),
    }
    origins = {"solr": origin(core_url), "api": app_url, "html": app_url}
    target_probes = {t: probes for t in TARGETS}
    # Measured in blocks of alternating rounds: the app as shipped with raw Solr, then the
    # uncached app with raw Solr. Interleaving all five would space a target's rounds further
    # apart than the cache time, so its cache would be measured as partly expired.
    blocks = [list(TARGETS)]
    if uncached is not None:
        for name, like in UNCACHED.items():
            requests[name], origins[name] = requests[like], uncached[0]
            target_probes[name] = uncached[1]
        blocks.append(["solr", *UNCACHED])
    targets = list(origins)  # every target of every block, raw Solr once
    for _ in range(plan.warmup_passes):
        for target in targets:
            sample = send_each(origins[target], requests[target], WARMUP_CLIENTS)
            log.info("warm-up %s: %d requests in %.1f s", target, len(sample.latencies),
                     sample.seconds)
    stats: list[LoadStats] = []
    for concurrency in plan.concurrencies:
        load = Load(concurrency=concurrency, seconds=plan.seconds, warmup=plan.warmup)
        samples: dict[str, list[Sample]] = {t: [] for t in targets}
        for block in blocks:
            # One unmeasured pass of the mix first, so that the cache is as full as after
            # the warm-up and not expired during the other block's minute.
            for target in block[1:]:
                send_each(origins[target], requests[target], WARMUP_CLIENTS)
            for round_no in range(plan.rounds):
                shift = round_no % len(block)
                for target in block[shift:] + block[:shift]:
                    sample = measure(target, origins[target], requests[target], load,
                                     target_probes[target])
                    samples[target].append(sample)
                    log.info("%d pages, %d clients, round %d: %s %.1f req/s", pages,
                             concurrency, round_no + 1, target,
                             len(sample.latencies) / sample.seconds)
        stats += [pooled(target, concurrency, samples[target]) for target in targets]
    return SearchRun(pages, tuple(stats), follow_up_share)


def pooled(target: str, concurrency: int, samples: Sequence[Sample]) -> LoadStats:
    """One target's rounds at one concurrency as one measurement."""
    cpu: dict[str, float] = {}
    for sample in samples:
        for group, seconds in sample.cpu_seconds.items():
            cpu[group] = cpu.get(group, 0.0) + seconds
    return LoadStats.from_latencies(
        target, concurrency, [lat for s in samples for lat in s.latencies],
        sum(s.errors for s in samples), sum(s.seconds for s in samples), cpu)


def _label(pages: int) -> str:
    return f"{pages // 1_000_000}M" if pages % 1_000_000 == 0 else (
        f"{pages // 1000}k" if pages % 1000 == 0 else str(pages))


# Figures compared with raw Solr: target, its raw-Solr reference, name, judged against the
# targets. New searches carry the targets (they are what visitors mostly type); the repeated
# mix, mostly answered from the app's cache, and the app without its cache are shown beside.
ROWS: tuple[tuple[str, str, str, bool], ...] = (
    ("api-new", "solr-new", "JSON API, new searches,", True),
    ("html-new", "solr-new", "HTML page, new searches,", True),
    ("api", "solr", "JSON API", False),
    ("html", "solr", "HTML page", False),
    ("api-uncached", "solr", "JSON API without result cache", False),
    ("html-uncached", "solr", "HTML page without result cache", False),
)
FLOORS = {"api": 0.8, "html": 0.7}  # throughput over raw Solr's, by kind of answer
P50_CEILING = 1.5  # JSON API p50 over raw Solr's at 16 clients and more


def search_ratios(run: SearchRun) -> list[Ratio]:
    """App vs raw Solr: throughput, latency and CPU ratios at every concurrency; only the
    new-search rows are judged against the targets."""
    size = _label(run.pages)
    measured = {s.target for s in run.stats}
    ratios: list[Ratio] = []
    for concurrency in sorted({s.concurrency for s in run.stats}):
        for target, reference, name, judged in ROWS:
            if target not in measured or reference not in measured:
                continue
            app, solr = run.get(target, concurrency), run.get(reference, concurrency)
            kind = "api" if target.startswith("api") else "html"
            ratios.append(Ratio(
                f"{size} {name} throughput / Solr, c={concurrency}",
                app.throughput / solr.throughput, ">=", FLOORS[kind] if judged else None,
                f"{app.throughput:.1f} vs {solr.throughput:.1f} req/s"))
            ceiling = P50_CEILING if judged and kind == "api" and concurrency >= 16 else None
            ratios.append(Ratio(
                f"{size} {name} p50 / Solr, c={concurrency}", app.p50_ms / solr.p50_ms, "<=",
                ceiling, f"{app.p50_ms:.1f} vs {solr.p50_ms:.1f} ms"))
            ratios.append(Ratio(
                f"{size} {name} p99 / Solr, c={concurrency}", app.p99_ms / solr.p99_ms, "<=",
                None, f"{app.p99_ms:.1f} vs {solr.p99_ms:.1f} ms"))
            ratios += _cpu_ratio(f"{size} {name}", concurrency, app, solr, judged)
    return ratios


def _cpu_ratio(name: str, concurrency: int, app: LoadStats, solr: LoadStats,
               judged: bool = True) -> list[Ratio]:
    """Server CPU per request through the app over that of raw Solr: what throughput would be
    once the cores are the limit (its inverse), independent of other load on the machine."""
    app_solr, app_own, raw = app.cpu("solr"), app.cpu("app"), solr.cpu("solr")
    if app_solr is None or app_own is None or not raw:
        return []
    return [Ratio(f"{name} server CPU per request / Solr's, c={concurrency}",
                  (app_solr + app_own) / raw, "<=", None,
                  f"Solr {app_solr:.2f} + app {app_own:.2f} vs Solr {raw:.2f} ms"),
            # The app's own CPU per search: the figure least moved by other load.
            Ratio(f"{name} app CPU per request, ms, c={concurrency}", app_own, "<=",
                  1.0 if judged else None,
                  f"app server and workers, {app_own:.2f} ms")]


def scale_ratios(small: SearchRun, large: SearchRun) -> list[Ratio]:
    """Large-index p50 over small-index p50, for raw Solr (reference) and the JSON API."""
    ratios: list[Ratio] = []
    for concurrency in sorted({s.concurrency for s in large.stats}):
        for target in ("solr", "api"):
            big, little = large.get(target, concurrency), small.get(target, concurrency)
            ratios.append(Ratio(
                f"p50 {_label(large.pages)} / {_label(small.pages)} pages, {target}, "
                f"c={concurrency}", big.p50_ms / little.p50_ms, "<=",
                3.0 if target == "api" else None,
                f"{big.p50_ms:.1f} vs {little.p50_ms:.1f} ms"))
    return ratios
