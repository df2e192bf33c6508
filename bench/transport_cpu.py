"""``python -m bench.transport_cpu``: client CPU per Solr call, solrclient's transport (on
libcurl) against the standard library's http.client, on the same searches.

Both send exactly what the app's first Solr request of a search is (``bench/targets.py``:
POST ``/search?wt=json``, parameters as a form body) over kept-alive connections, read the
whole answer and check its status; optionally they also decode the JSON as the app does
(orjson, the same for both). ``solrclient`` is the app's own ``Transport`` (its pool, the
look at an idle connection before use, the guard against a second write); ``http.client`` is
one kept-alive ``HTTPConnection`` per thread, the core of what the transport did before it
moved to libcurl (without its pool and its look, a few µs). CPU is user + system time of this
process (``getrusage``), so that a thread libcurl might start would count too; Solr runs in
its own process and does not count. The two alternate in rounds, each round the same queries
in the same order, so that Solr's caches and other load on the machine fall on both alike.

    python -m bench.transport_cpu --core-url http://127.0.0.1:8983/solr/stadtsuche
    python -m bench.transport_cpu --pages 10000            # own Solr, index in var/bench
"""

from __future__ import annotations

import argparse
import http.client
import json
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import orjson

from bench.querymix import MixEntry
from bench.targets import FORM, raw_solr_request, solr_params
from solrclient.transport import Transport

Send = Callable[[bytes], bytes]
PROBE = MixEntry("single", {"q": "termin"})
NAMES = ("http.client", "solrclient")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def solrclient_sender(core_url: str) -> Callable[[], Send]:
    """A factory of per-thread senders on solrclient's own transport (shared pool)."""
    transport = Transport()
    headers = {"Content-Type": FORM}

    def make() -> Send:
        def send(body: bytes) -> bytes:
            answer = transport.request("POST", core_url, "/search?wt=json", body, headers,
                                       5.0, 30.0)
            if answer.status != 200:
                raise RuntimeError(f"HTTP {answer.status}")
            return answer.body
        return send
    return make


def http_client_sender(core_url: str) -> Callable[[], Send]:
    """A factory of per-thread senders, each with its own kept-alive http.client connection."""
    parts = urlsplit(core_url)
    # The same path the bench's raw load client sends to (bench/targets.py builds it).
    path = raw_solr_request(core_url, PROBE).path
    headers = {"Content-Type": FORM}

    def make() -> Send:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30.0)

        def send(body: bytes) -> bytes:
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}")
            return data
        return send
    return make


@dataclass(frozen=True)
class Round:
    """One pass of all bodies through one transport."""

    transport: str
    threads: int
    decode: bool
    calls: int
    cpu_seconds: float
    wall_seconds: float

    @property
    def cpu_us_per_call(self) -> float:
        """Client CPU microseconds per call."""
        return self.cpu_seconds * 1e6 / self.calls


def run_round(name: str, make: Callable[[], Send], bodies: Sequence[bytes], threads: int,
              decode: bool) -> Round:
    """Send every body once, spread over `threads` threads; CPU and wall time of the pass."""
    senders = [make() for _ in range(threads)]
    for send in senders:  # open each thread's connection outside the measurement
        send(bodies[0])
    barrier = threading.Barrier(threads + 1)

    def work(n: int) -> None:
        send = senders[n]
        barrier.wait()
        for body in bodies[n::threads]:
            data = send(body)
            if decode:
                orjson.loads(data)
        barrier.wait()

    pool = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(threads)]
    for thread in pool:
        thread.start()
    barrier.wait()
    cpu, wall = _cpu(), time.perf_counter()
    barrier.wait()
    cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    for thread in pool:
        thread.join()
    return Round(name, threads, decode, len(bodies), cpu, wall)


def bodies_for(mix: Sequence[MixEntry]) -> list[bytes]:
    """The form bodies of the app's first Solr request for each search."""
    return [urlencode(solr_params(entry), doseq=True).encode("utf-8") for entry in mix]


def compare(core_url: str, bodies: Sequence[bytes], rounds: int, threads: Sequence[int],
            decode: bool) -> list[Round]:
    """Alternating rounds of both transports at each thread count."""
    makers = {"http.client": http_client_sender(core_url),
              "solrclient": solrclient_sender(core_url)}
    names = list(makers)
    results: list[Round] = []
    for count in threads:
        for n in range(rounds):
            order = names if n % 2 == 0 else names[::-1]
            for name in order:
                results.append(run_round(name, makers[name], bodies, count, decode))
    return results


def summary(results: Sequence[Round]) -> list[str]:
    """Median CPU µs per call per transport and thread count, and the difference."""
    lines = []
    for count in sorted({r.threads for r in results}):
        med = {}
        for name in NAMES:
            mine = [r for r in results if r.transport == name and r.threads == count]
            med[name] = statistics.median(r.cpu_us_per_call for r in mine)
            spread = ", ".join(f"{r.cpu_us_per_call:.0f}" for r in mine)
            wall = statistics.median(r.wall_seconds * 1e6 / r.calls for r in mine)
            lines.append(f"{count} thread(s) {name:<11} CPU {med[name]:6.0f} µs/call "
                         f"(rounds: {spread}); wall {wall:.0f} µs/call")
        lines.append(f"{count} thread(s) http.client - solrclient: "
                     f"{med['http.client'] - med['solrclient']:+.0f} µs CPU per call")
    return lines


@contextmanager
def _core_url(args: argparse.Namespace) -> Iterator[str]:
    if args.core_url:
        yield args.core_url
        return
    from bench.suite import prepared_index
    with prepared_index(args.work_dir, args.pages, "1g") as index:
        yield index.core_url


def main(argv: list[str] | None = None) -> int:
    """Measure and print; optionally write every round as JSON."""
    from bench.suite import BenchOptions, new_query_pool, query_mix

    p = argparse.ArgumentParser(prog="python -m bench.transport_cpu", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--core-url", help="a running Solr core with the bench corpus")
    p.add_argument("--pages", type=int, default=10_000)
    p.add_argument("--work-dir", type=Path, default=BenchOptions().work_dir)
    p.add_argument("--searches", type=int, default=2000)
    p.add_argument("--rounds", type=int, default=6)
    p.add_argument("--threads", default="1,4", help="thread counts, comma-separated")
    p.add_argument("--decode", action="store_true", help="also decode each answer (orjson)")
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    with _core_url(args) as core_url:
        repeated = query_mix(core_url, 1000, 8)
        mix = new_query_pool(core_url, BenchOptions(), repeated)[:args.searches]
        bodies = bodies_for(mix)
        results = compare(core_url, bodies, args.rounds,
                          [int(t) for t in args.threads.split(",")], args.decode)
    for line in summary(results):
        print(line)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
