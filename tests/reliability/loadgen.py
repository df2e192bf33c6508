"""A small closed-loop HTTP load generator: N clients, each sending one request after another.

Reusable from tests and from the command line::

    python tests/reliability/loadgen.py http://127.0.0.1:5000/api/search --clients 50 \
        --duration 60 --param q=Bürgerservice --param q=Straßenbahn

Every request is recorded with its start time (seconds since the run began), latency and
outcome, so that a test can look at a time window, e.g. the seconds after a Solr node was lost.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import requests

# A target sends one request with the given session and returns None when the answer was
# good, or a short reason when it was not. Exceptions count as failures too.
Target = Callable[[requests.Session, int], "str | None"]


@dataclass(frozen=True)
class Sample:
    """One request: when it started (s since the run began), how long it took, what went wrong."""

    started: float
    latency: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class LoadReport:
    """All samples of one run plus summary numbers."""

    samples: tuple[Sample, ...]
    duration: float
    clients: int

    @property
    def requests(self) -> int:
        return len(self.samples)

    @property
    def errors(self) -> tuple[Sample, ...]:
        return tuple(s for s in self.samples if not s.ok)

    @property
    def throughput(self) -> float:
        """Requests per second over the whole run."""
        return self.requests / self.duration if self.duration else 0.0

    def percentile(self, p: float) -> float:
        """Latency percentile in seconds (nearest-rank), over successful requests."""
        values = sorted(s.latency for s in self.samples if s.ok)
        if not values:
            return math.nan
        rank = max(1, math.ceil(p / 100 * len(values)))
        return values[rank - 1]

    def window(self, start: float, end: float = math.inf) -> tuple[Sample, ...]:
        """Samples whose request started in [start, end)."""
        return tuple(s for s in self.samples if start <= s.started < end)

    def error_reasons(self, limit: int = 5) -> dict[str, int]:
        """The most frequent failure reasons with their counts."""
        counts: dict[str, int] = {}
        for s in self.errors:
            counts[s.error or ""] = counts.get(s.error or "", 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1])[:limit])

    def summary(self) -> str:
        """One line for logs and reports."""
        return (f"{self.requests} requests from {self.clients} clients in {self.duration:.1f} s: "
                f"{len(self.errors)} errors, {self.throughput:.1f} req/s, latency "
                f"p50 {self.percentile(50) * 1000:.0f} ms, p95 {self.percentile(95) * 1000:.0f} ms, "
                f"p99 {self.percentile(99) * 1000:.0f} ms, max {self.percentile(100) * 1000:.0f} ms")

    def as_dict(self) -> dict[str, float | int]:
        """Numbers for machine-readable output."""
        return {"requests": self.requests, "errors": len(self.errors), "clients": self.clients,
                "duration_s": round(self.duration, 2), "throughput_rps": round(self.throughput, 1),
                **{f"p{p}_ms": round(self.percentile(p) * 1000, 1) for p in (50, 90, 95, 99, 100)}}


def run_load(target: Target, *, clients: int, duration: float,
             stop: threading.Event | None = None, pause: float = 0.0) -> LoadReport:
    """Run ``clients`` threads calling ``target`` for ``duration`` seconds, each waiting
    ``pause`` seconds between its requests (a visitor's think time; not part of the latency)."""
    stop = stop or threading.Event()
    start = time.monotonic()
    deadline = start + duration
    per_client: list[list[Sample]] = [[] for _ in range(clients)]

    def client(n: int) -> None:
        counter = itertools.count()
        with requests.Session() as session:
            while not stop.is_set() and time.monotonic() < deadline:
                t0 = time.monotonic()
                try:
                    error = target(session, n * 1_000_000 + next(counter))
                except Exception as err:  # noqa: BLE001 - every failure is a data point here
                    error = f"{type(err).__name__}: {str(err)[:120]}"
                per_client[n].append(Sample(t0 - start, time.monotonic() - t0, error))
                if pause:
                    stop.wait(pause)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 120)
    elapsed = time.monotonic() - start
    samples = sorted((s for lst in per_client for s in lst), key=lambda s: s.started)
    return LoadReport(tuple(samples), elapsed, clients)


def get_target(url: str, params: Sequence[dict[str, str]], *, timeout: float = 10.0,
               expect_json: bool = False) -> Target:
    """A target that GETs ``url`` with the parameter sets in turn; any non-200 is an error."""
    if not params:
        params = [{}]

    def target(session: requests.Session, i: int) -> str | None:
        resp = session.get(url, params=params[i % len(params)], timeout=timeout)
        if resp.status_code != 200:
            return f"HTTP {resp.status_code}"
        if expect_json:
            resp.json()
        return None

    return target


def _params_from_cli(pairs: Iterable[str]) -> list[dict[str, str]]:
    return [dict([p.split("=", 1)]) for p in pairs if "=" in p]


def main(argv: list[str] | None = None) -> int:
    """Command line entry: print the summary as text and JSON; exit 1 when a request failed."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--param", action="append", default=[],
                    help="key=value; each one is a separate request variant, used in turn")
    args = ap.parse_args(argv)
    report = run_load(get_target(args.url, _params_from_cli(args.param), timeout=args.timeout),
                      clients=args.clients, duration=args.duration)
    print(report.summary())
    print(json.dumps(report.as_dict()))
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
