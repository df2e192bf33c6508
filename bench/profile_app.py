"""``python -m bench.profile_app``: where the app's CPU goes per new search, result cache off.

The app runs in this process (Flask test client, production settings, admin area on, result
cache off) against the bench's Solr; every request is a new search from the same pool as the
bench's new-search rows, half to the JSON API, half to the HTML page. First the plain CPU per
request (``time.process_time``, no profiler), then cProfile with the same CPU clock, so that
waiting for Solr counts nothing and Solr's own process is not in the figures. cProfile slows
pure-Python code more than C code: read the groups as shares, the plain figure as the total.

    python -m bench.profile_app --pages 10000 --searches 1000
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import secrets
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

from bench.querymix import MixEntry

_TICK = os.sysconf("SC_CLK_TCK")

# Groups of the profile, by cumulative CPU of one function each (file part, function name).
GROUPS: Sequence[tuple[str, str, str]] = (
    ("Solr exchange (transport: send, headers, body)", "solrclient/transport.py", "request"),
    ("  of it: libcurl's exchange (perform)", "~",
     "<method 'perform' of 'pycurl.Curl' objects>"),
    ("Solr answer decoding (orjson)", "~", "<orjson.loads>"),
    ("SolrClient.call (exchange + decoding + failover)", "solrclient/client.py", "call"),
    ("answer -> typed result (parse_search_response)", "webapp/result.py",
     "parse_search_response"),
    ("  of it: one Hit per row (_hit)", "webapp/result.py", "_hit"),
    ("run_search (all Solr requests of a search)", "webapp/service.py", "run_search"),
    ("HTML: page model", "webapp/page_model.py", "build_page_model"),
    ("links of rows, pager and facets (links.link)", "webapp/links.py", "link"),
    ("HTML: template rendering (render_template)", "flask/templating.py", "render_template"),
    ("JSON: widget structure", "webapp/widget.py", "widget_json"),
    ("statistics event", "webapp/statistics.py", "report_search"),
    ("whole request (Flask wsgi_app)", "flask/app.py", "wsgi_app"),
)


def _paths(mix: Sequence[MixEntry]) -> list[str]:
    paths = []
    for n, entry in enumerate(mix):
        base = "/api/search" if n % 2 == 0 else "/suche"
        paths.append(f"{base}?{urlencode(dict(entry.args))}")
    return paths


def _thread_cpu() -> dict[str, float]:
    """CPU seconds (user + system, /proc) of this process's threads, by thread name: the
    main thread serves the requests; the outbox thread delivers the statistics events,
    which cProfile (main thread only) does not see."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    spent: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        name = names.get(int(task.name), "other")
        spent[name] = spent.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / _TICK
    return spent


def _failures(statuses: Sequence[int]) -> str:
    """'no errors' or 'HTTP 503: 2' (a failed search costs less CPU than one answered)."""
    bad = sorted(status for status in statuses if status != 200)
    if not bad:
        return "no errors"
    return ", ".join(f"HTTP {s}: {bad.count(s)}" for s in dict.fromkeys(bad))


def _cumulative(stats: pstats.Stats, file_part: str, name: str) -> tuple[float, int]:
    total, calls = 0.0, 0
    for (filename, _, func), (_, ncalls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if func == name and file_part in filename:
            total += cumulative
            calls += ncalls
    return total, calls


def profile(core_url: str, searches: int, top: int, out: Path | None) -> None:
    """Run the searches plain, then under cProfile; print CPU per request and the groups."""
    from werkzeug.security import generate_password_hash

    from bench.suite import BenchOptions, new_query_pool, query_mix
    from webapp import create_app

    app = create_app({"solr_url": core_url, "env": "production",
                      "secret_key": secrets.token_hex(32), "admin_user": "bench",
                      "admin_password_hash": generate_password_hash(secrets.token_hex(8)),
                      "result_cache_seconds": 0})
    client = app.test_client()
    repeated = query_mix(core_url, 1000, 8)
    pool = new_query_pool(core_url, BenchOptions(), repeated)
    warm, plain, profiled = (_paths(pool[:200]), _paths(pool[200:200 + searches]),
                             _paths(pool[200 + searches:200 + 2 * searches]))
    failed = [path for path in warm if client.get(path).status_code != 200]
    if len(failed) > len(warm) // 10:
        raise SystemExit(f"{len(failed)} of {len(warm)} warm-up searches failed, e.g. {failed[0]}")
    threads_before = _thread_cpu()
    started = time.process_time()
    statuses = [client.get(path).status_code for path in plain]
    per_request = (time.process_time() - started) * 1000 / len(plain)
    print(f"plain: {per_request:.2f} ms CPU per new search (API and HTML alternating, "
          f"{len(plain)} searches, {_failures(statuses)}, result cache off, app and test "
          "client in one process)")
    threads_after = _thread_cpu()
    for name in sorted(threads_after):
        spent = threads_after[name] - threads_before.get(name, 0.0)
        print(f"  of it, thread {name!r}: {spent * 1000 / len(plain):.2f} ms per search")
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    statuses = [client.get(path).status_code for path in profiled]
    profiler.disable()
    print(f"profiled: {len(profiled)} searches, {_failures(statuses)}")
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"profiled: {total * 1000 / len(profiled):.2f} ms CPU per search under cProfile")
    for label, file_part, name in GROUPS:
        seconds, calls = _cumulative(stats, file_part, name)
        print(f"  {label:<55} {seconds * 1000 / len(profiled):6.2f} ms/search "
              f"{seconds / total:6.1%}  ({calls} calls)")
    stats.sort_stats("tottime").print_stats(top)
    if out:
        stats.dump_stats(str(out))


def main(argv: list[str] | None = None) -> int:
    """Start (or reuse) the bench's index and profile the app on it."""
    from bench.suite import BenchOptions, prepared_index

    p = argparse.ArgumentParser(prog="python -m bench.profile_app", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--core-url", help="a running Solr core with the bench corpus")
    p.add_argument("--pages", type=int, default=10_000)
    p.add_argument("--work-dir", type=Path, default=BenchOptions().work_dir)
    p.add_argument("--searches", type=int, default=1000)
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--out", type=Path, help="write the raw profile here (pstats)")
    args = p.parse_args(argv)
    if args.core_url:
        profile(args.core_url, args.searches, args.top, args.out)
        return 0
    with prepared_index(args.work_dir, args.pages, "1g") as index:
        profile(index.core_url, args.searches, args.top, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
