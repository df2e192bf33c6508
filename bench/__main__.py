"""``python -m bench [all|search|indexing|memory] [options]``: run benchmarks, print ratios.

Examples::

    python -m bench                          # everything: 10k and 1M pages, indexing, memory
    python -m bench search --pages 10000 --large 0
    python -m bench all --large 1000000 --markdown var/bench/latest.md

Indexes are kept in ``--work-dir`` (``var/bench/solr-<pages>``) and reused by later runs when
the schema and corpus are unchanged; the time a load took is printed when it happens.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path

from bench.indexing import table as indexing_table
from bench.indexing_suite import indexing_ratios, run_indexing
from bench.machine import describe
from bench.memory import memory_ratios
from bench.newsearch import NewSearchPlan
from bench.report import Ratio, markdown_table, text_table
from bench.search import SearchPlan, SearchRun, scale_ratios, search_ratios
from bench.suite import BenchOptions, memory_bench, prepared_index, search_bench

log = logging.getLogger("bench")

COMMANDS = ("all", "search", "indexing", "memory")


def _concurrencies(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(x) for x in text.split(","))
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"expected e.g. 1,16, got {text!r}") from err
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("concurrency must be 1 or more")
    return values


def parse_args(argv: list[str] | None) -> tuple[str, BenchOptions, argparse.Namespace]:
    """The command and its options."""
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", nargs="?", default="all", choices=COMMANDS)
    p.add_argument("--pages", type=int, default=10_000, help="pages of the main index")
    p.add_argument("--large", type=int, default=1_000_000,
                   help="pages of the large index for the scaling ratio (0: skip)")
    default = SearchPlan()
    p.add_argument("--seconds", type=float, default=default.seconds,
                   help="length of each measured window")
    p.add_argument("--warmup", type=float, default=default.warmup,
                   help="unmeasured seconds before each window")
    p.add_argument("--rounds", type=int, default=default.rounds,
                   help="alternating rounds per target and concurrency")
    p.add_argument("--concurrency", type=_concurrencies, default=(1, 16),
                   help="client counts, comma-separated")
    p.add_argument("--new-per-window", type=int, default=NewSearchPlan().per_window,
                   help="distinct new searches each measured window may spend (0: no "
                        "new-search rows)")
    p.add_argument("--memory-requests", type=int, default=10_000)
    p.add_argument("--indexing-pages", type=int, default=10_000)
    p.add_argument("--heap", default="1g", help="Solr heap for the main index")
    p.add_argument("--large-heap", default="3g", help="Solr heap for the large index")
    p.add_argument("--work-dir", type=Path, default=BenchOptions().work_dir)
    p.add_argument("--markdown", type=Path, help="also write the results as Markdown here")
    p.add_argument("--json", type=Path, help="also write all measurements as JSON here")
    args = p.parse_args(argv)
    plan = SearchPlan(concurrencies=args.concurrency, seconds=args.seconds, warmup=args.warmup,
                      rounds=args.rounds)
    options = BenchOptions(pages=args.pages, large=args.large, plan=plan,
                           memory_requests=args.memory_requests, work_dir=args.work_dir,
                           new_plan=NewSearchPlan(per_window=args.new_per_window))
    return args.command, options, args


def _print_run(run: SearchRun) -> None:
    print(f"\n== search, {run.pages} pages "
          f"({run.follow_up_share:.0%} of checked searches make the app ask Solr twice)")
    if run.new_follow_up_share is not None:
        sent = sum(len(entries) for _, _, entries in run.new_windows)
        print(f"   new searches: {len(run.new_windows)} windows with {sent} distinct queries "
              f"held ready ({run.new_follow_up_share:.0%} of checked ones make the app ask "
              "Solr twice)")
        for target, lookups, hits in run.new_cache:
            print(f"   Solr's query result cache during {target}: {hits} hits in {lookups} "
                  "lookups")
    for item in run.stats:
        print("  " + item.line())


def _search_and_memory(command: str, options: BenchOptions, args: argparse.Namespace,
                       record: dict[str, object]) -> tuple[list[Ratio], SearchRun | None]:
    ratios: list[Ratio] = []
    small: SearchRun | None = None
    with prepared_index(options.work_dir, options.pages, args.heap) as index:
        if index.build_seconds is not None:
            print(f"loaded {options.pages} pages in {index.build_seconds:.1f} s")
        if command in ("all", "search"):
            small = search_bench(index, options)
            _print_run(small)
            ratios += search_ratios(small)
            record["search"] = [asdict(s) for s in small.stats]
            record["new_search_cache"] = small.new_cache
        if command in ("all", "memory"):
            memory = memory_bench(index, options)
            print(f"\n== memory: one worker, {memory.requests} requests "
                  f"({memory.errors} errors): {memory.warm_kib / 1024:.1f} MiB after warm-up, "
                  f"{memory.after_kib / 1024:.1f} MiB after")
            ratios += memory_ratios(memory)
            record["memory"] = asdict(memory)
    return ratios, small


def _large(options: BenchOptions, args: argparse.Namespace, small: SearchRun,
           record: dict[str, object]) -> list[Ratio]:
    with prepared_index(options.work_dir, options.large, args.large_heap) as index:
        if index.build_seconds is not None:
            print(f"loaded {options.large} pages in {index.build_seconds:.1f} s "
                  f"({options.large / index.build_seconds:.0f} pages/s)")
            record["large_build_seconds"] = index.build_seconds
        large = search_bench(index, options)
    _print_run(large)
    record["search_large"] = [asdict(s) for s in large.stats]
    return search_ratios(large) + scale_ratios(small, large)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks and print every ratio with its target."""
    command, options, args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    machine = describe()
    print(f"machine: {machine}")
    record: dict[str, object] = {"machine": machine, "options": repr(options)}
    ratios: list[Ratio] = []
    small: SearchRun | None = None
    if command in ("all", "search", "memory"):
        ratios, small = _search_and_memory(command, options, args, record)
    if command in ("all", "indexing"):
        numbers = run_indexing(options.work_dir, args.indexing_pages)
        print("\n== indexing\n" + indexing_table(numbers))
        ratios += indexing_ratios(numbers)
        record["indexing"] = asdict(numbers)
    if small is not None and options.large:
        ratios += _large(options, args, small, record)
    print("\n" + text_table(ratios))
    missed = [r.name for r in ratios if r.met is False]
    print(f"\n{len(ratios)} figures, {len(missed)} targets missed")
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(f"Machine: {machine}\n\n{markdown_table(ratios)}\n")
    if args.json:
        record["ratios"] = [asdict(r) | {"met": r.met} for r in ratios]
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(record, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
