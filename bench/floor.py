"""``python -m bench.floor``: what a request costs the server and the framework alone, at the
pace new searches come.

The target "app CPU per new search ≤ 1.0 ms" (issue 22) is measured in ``bench search`` as the
CPU of the app server (main process and workers, /proc) per new search, with the clients in a
closed loop: each waits for its answer, and a new search waits 20–40 ms for Solr. Here the
same server (webapp/serve.py, same workers, threads and access log) serves apps that do no
search work at all (bench/floor_apps.py): each request only waits ``--wait-ms`` without CPU,
as the app waits for Solr, and answers a few bytes. The CPU per request they cost, measured
the same way and with the same load client, is the floor under the app's own figure: a part
of it no code inside a view can remove.

    python -m bench.floor                       # waits 0 and 30 ms, 1 and 16 clients
    python -m bench.floor --wait-ms 0,10,30 --concurrency 1 --seconds 8
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from bench.appserver import AppServer
from bench.floor_apps import APPS
from bench.loadgen import HttpRequest, Load, measure

log = logging.getLogger("bench.floor")

# Distinct query strings (the apps keep nothing, but the requests look like searches).
_REQUESTS = tuple(HttpRequest("GET", f"/api/search?q={quote(f'wort{n} antrag')}")
                  for n in range(1000))


@dataclass(frozen=True)
class FloorRow:
    """One app at one wait and client count: requests per second, server CPU per request."""

    app: str
    wait_ms: float
    clients: int
    per_second: float
    cpu_ms: float
    errors: int


def measure_floor(apps: Sequence[str], waits_ms: Sequence[float], concurrencies: Sequence[int],
                  seconds: float, rounds: int, work_dir: Path) -> list[FloorRow]:
    """Each app and wait in its own server; the client counts measured in ``rounds``
    windows each, pooled."""
    rows = []
    for wait in waits_ms:
        for app in apps:
            env = {"FLOOR_APP": app, "FLOOR_WAIT_MS": f"{wait:g}",
                   "STADTSUCHE_LOG_LEVEL": "warning"}
            with AppServer(env, work_dir / f"floor-{app}.log",
                           module="bench.floor_apps") as server:
                probes = {"app": server.cpu_seconds}
                for clients in concurrencies:
                    load = Load(concurrency=clients, seconds=seconds)
                    done = errors = 0
                    cpu = elapsed = 0.0
                    for _ in range(rounds):
                        sample = measure(f"floor-{app}", server.base_url, _REQUESTS, load,
                                         probes)
                        done += len(sample.latencies)
                        errors += sample.errors
                        cpu += sample.cpu_seconds["app"]
                        elapsed += sample.seconds
                    row = FloorRow(app, wait, clients, done / elapsed,
                                   1000 * cpu / max(done, 1), errors)
                    log.info("%s", row)
                    rows.append(row)
    return rows


def table(rows: Sequence[FloorRow]) -> str:
    """Markdown: one line per app, wait and client count."""
    lines = ["| app (bench/floor_apps.py) | wait per request | clients | requests/s "
             "| server CPU per request |", "| --- | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r.app} | {r.wait_ms:g} ms | {r.clients} | {r.per_second:.1f} "
                     f"| {r.cpu_ms:.2f} ms{'' if not r.errors else f' ({r.errors} errors)'} |")
    return "\n".join(lines)


def _numbers(text: str, kind: type) -> list:
    try:
        return [kind(x) for x in text.split(",")]
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas: {text!r}") \
            from err


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__.split(
        "\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wait-ms", type=lambda t: _numbers(t, float), default=[0.0, 30.0])
    parser.add_argument("--concurrency", type=lambda t: _numbers(t, int), default=[1, 16])
    parser.add_argument("--apps", type=lambda t: t.split(","), default=list(APPS))
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    unknown = set(args.apps) - set(APPS)
    if unknown:
        parser.error(f"unknown app(s) {', '.join(sorted(unknown))}; choose from {APPS}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    with tempfile.TemporaryDirectory(prefix="floor-") as work:
        rows = measure_floor(args.apps, args.wait_ms, args.concurrency, args.seconds,
                             args.rounds, Path(work))
    print(table(rows))


if __name__ == "__main__":
    main()
