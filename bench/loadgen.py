"""A cheap closed-loop HTTP load client: one thread and one keep-alive connection per client.

http.client is used directly because it costs the client far less CPU per request than a
full-featured HTTP library; on a two-core machine every cycle the client burns is taken from
the server under test. Raw Solr and the app go through exactly this client.
"""

from __future__ import annotations

import http.client
import logging
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.cpu import CpuProbe, read_all
from bench.stats import LoadStats

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HttpRequest:
    """One request, fully encoded ahead of time so that the loop does no preparation."""

    method: str
    path: str
    body: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Load:
    """How hard and how long to push one target."""

    concurrency: int
    seconds: float
    warmup: float = 1.0
    timeout: float = 30.0


@dataclass
class _Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""


def _send(conn: http.client.HTTPConnection, req: HttpRequest) -> int:
    conn.request(req.method, req.path, body=req.body, headers=dict(req.headers))
    resp = conn.getresponse()
    resp.read()
    if resp.will_close:
        conn.close()
    return resp.status


def _client(host: str, port: int, requests: Sequence[HttpRequest], offset: int, load: Load,
            window: tuple[float, float], start: threading.Barrier, tally: _Tally) -> None:
    conn = http.client.HTTPConnection(host, port, timeout=load.timeout)
    measure_from, end = window
    i = offset
    start.wait()
    while True:
        began = time.perf_counter()
        if began >= end:
            break
        req = requests[i % len(requests)]
        i += 1
        try:
            status = _send(conn, req)
        except (OSError, http.client.HTTPException) as err:
            conn.close()
            status, reason = 0, f"{type(err).__name__}: {err}"
        else:
            reason = f"HTTP {status} for {req.method} {req.path[:120]}"
        done = time.perf_counter()
        if done < measure_from or done > end:
            continue
        if status == 200:
            tally.latencies.append(done - began)
        else:
            tally.errors += 1
            tally.first_error = tally.first_error or reason
    conn.close()


@dataclass(frozen=True)
class Sample:
    """Raw outcome of one window: latencies (seconds) of successful requests, failures."""

    latencies: tuple[float, ...]
    errors: int
    seconds: float
    cpu_seconds: Mapping[str, float] = field(default_factory=dict)


def _sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.perf_counter()))


def measure(name: str, base_url: str, requests: Sequence[HttpRequest], load: Load,
            probes: Mapping[str, CpuProbe] | None = None) -> Sample:
    """Drive `requests` (cycled) against `base_url` with `load.concurrency` clients; the CPU
    probes are read at the start and the end of the measured window."""
    if not requests:
        raise ValueError("no requests to send")
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    tallies = [_Tally() for _ in range(load.concurrency)]
    start = threading.Barrier(load.concurrency + 1)
    # Every client starts elsewhere in the mix so that they do not send the same query at once.
    stride = max(1, len(requests) // load.concurrency)
    # The window is fixed before the threads start; the barrier releases them together.
    t0 = time.perf_counter() + 0.05
    window = (t0 + load.warmup, t0 + load.warmup + load.seconds)
    threads = [threading.Thread(target=_client, name=f"load-{name}-{n}", daemon=True,
                                args=(host, port, requests, n * stride, load, window, start,
                                      tallies[n]))
               for n in range(load.concurrency)]
    for thread in threads:
        thread.start()
    start.wait()
    _sleep_until(window[0])
    cpu_before = read_all(probes or {})
    _sleep_until(window[1])
    cpu_used = {k: v - cpu_before[k] for k, v in read_all(probes or {}).items()}
    for thread in threads:
        thread.join(window[1] - time.perf_counter() + load.timeout + 5)
    latencies = [lat for tally in tallies for lat in tally.latencies]
    errors = sum(tally.errors for tally in tallies)
    if errors:
        first = next(t.first_error for t in tallies if t.first_error)
        log.warning("%s: %d failed requests, first: %s", name, errors, first)
    return Sample(tuple(latencies), errors, load.seconds, cpu_used)


def run_load(name: str, base_url: str, requests: Sequence[HttpRequest], load: Load) -> LoadStats:
    """Measure one window and summarise it."""
    sample = measure(name, base_url, requests, load)
    return LoadStats.from_latencies(name, load.concurrency, sample.latencies, sample.errors,
                                    sample.seconds)


def send_each(base_url: str, requests: Sequence[HttpRequest], concurrency: int,
              timeout: float = 30.0) -> Sample:
    """Send every request exactly once, spread over `concurrency` keep-alive clients."""
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    tallies = [_Tally() for _ in range(concurrency)]

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
        for req in requests[n::concurrency]:
            began = time.perf_counter()
            try:
                status = _send(conn, req)
            except (OSError, http.client.HTTPException):
                conn.close()
                status = 0
            if status == 200:
                tallies[n].latencies.append(time.perf_counter() - began)
            else:
                tallies[n].errors += 1
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Sample(tuple(lat for t in tallies for lat in t.latencies),
                  sum(t.errors for t in tallies), time.perf_counter() - started)


class _Dealer:
    """Hands out every request of a slice once, to whichever client asks next; notes when the
    lead-in is over (measuring starts) and when the slice runs out (measuring ends)."""

    def __init__(self, requests: Sequence[HttpRequest], lead: int) -> None:
        self._requests = requests
        self._lead = lead
        self._next = 0
        self._lock = threading.Lock()
        self.started = threading.Event()
        self.exhausted = threading.Event()

    def take(self) -> HttpRequest | None:
        """The next unsent request, or None when all have been handed out."""
        with self._lock:
            index = self._next
            if index >= len(self._requests):
                self.exhausted.set()
                return None
            self._next += 1
        if index == self._lead:
            self.started.set()
        return self._requests[index]


def _once_client(host: str, port: int, dealer: _Dealer, timeout: float,
                 start: threading.Barrier, stop: threading.Event,
                 done_log: list[tuple[float, float, int, str]]) -> None:
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    start.wait()
    while not stop.is_set() and (req := dealer.take()) is not None:
        began = time.perf_counter()
        try:
            status = _send(conn, req)
        except (OSError, http.client.HTTPException) as err:
            conn.close()
            status, reason = 0, f"{type(err).__name__}: {err}"
        else:
            reason = f"HTTP {status} for {req.method} {req.path[:120]} {(req.body or b'')[:200]!r}"
        done_log.append((began, time.perf_counter(), status, reason))
    conn.close()


def measure_once(name: str, base_url: str, requests: Sequence[HttpRequest], load: Load,
                 lead: int, probes: Mapping[str, CpuProbe] | None = None) -> Sample:
    """Send each of `requests` at most once with `load.concurrency` clients: the first `lead`
    unmeasured, then measure until the requests run out or `load.seconds` have passed
    (whichever is first). Requests left over are never sent. Measuring stops at the moment
    the first client finds nothing left, so every client was busy the whole window."""
    if len(requests) <= lead:
        raise ValueError(f"{len(requests)} requests leave nothing to measure after {lead}")
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    dealer = _Dealer(requests, lead)
    stop = threading.Event()
    start = threading.Barrier(load.concurrency + 1)
    logs: list[list[tuple[float, float, int, str]]] = [[] for _ in range(load.concurrency)]
    threads = [threading.Thread(target=_once_client, name=f"once-{name}-{n}", daemon=True,
                                args=(host, port, dealer, load.timeout, start, stop, logs[n]))
               for n in range(load.concurrency)]
    for thread in threads:
        thread.start()
    start.wait()
    if not dealer.started.wait(load.timeout):
        stop.set()
        raise RuntimeError(f"{name}: the lead-in of {lead} requests took over {load.timeout} s")
    window_start = time.perf_counter()
    cpu_before = read_all(probes or {})
    dealer.exhausted.wait(load.seconds)
    window_end = time.perf_counter()
    cpu_used = {k: v - cpu_before[k] for k, v in read_all(probes or {}).items()}
    stop.set()
    for thread in threads:
        thread.join(load.timeout + 5)
    # Only requests sent and answered within the window: a lead-in request still in flight
    # when measuring starts is not one of the window's.
    done = [entry for log_ in logs for entry in log_
            if window_start <= entry[0] and entry[1] <= window_end]
    failed = [entry for entry in done if entry[2] != 200]
    if failed:
        log.warning("%s: %d failed requests, first: %s", name, len(failed), failed[0][3])
    return Sample(tuple(end - began for began, end, status, _ in done if status == 200),
                  len(failed), window_end - window_start, cpu_used)
