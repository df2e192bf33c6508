"""``python -m indexer``: index sources, re-run the default source, delete pages.

Exit codes: 0 the run completed (failures within --max-failures), 1 the run stopped early or
had too many failures (nothing was deleted), 2 wrong usage or settings (e.g. production
settings without a named source).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from typing import IO

from tqdm import tqdm

from indexer import pipeline
from indexer.config import config_from, configured_source
from indexer.model import ProgressEvent, Report
from indexer.report import format_report
from stadtsuche.settings import SettingsError, load_settings


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with the subcommands index, reindex and delete."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--solr-url", help="Solr core URL (env STADTSUCHE_SOLR_URL)")
    common.add_argument("--base-url", help="base URL of folder pages (env STADTSUCHE_BASE_URL)")
    common.add_argument("--quiet", action="store_true", help="no progress bar, no log output")
    common.add_argument("--verbose", "-v", action="store_true", help="log every request")
    runs = argparse.ArgumentParser(add_help=False)
    runs.add_argument("--full", action="store_true",
                      help="the sources are the complete site: delete pages missing from them")
    runs.add_argument("--crawl", action="store_true",
                      help="follow same-host links from page URLs instead of fetching them singly")
    runs.add_argument("--force", action="store_true",
                      help="read and rewrite every page, also unchanged ones (click counts are "
                           "kept), and let a full run delete more than STADTSUCHE_DELETE_MAX_SHARE")
    runs.add_argument("--dry-run", action="store_true", help="parse only, do not touch Solr")
    runs.add_argument("--jsonl", metavar="FILE", help="with --dry-run: write documents as JSON "
                      "lines to FILE ('-' for stdout)")
    runs.add_argument("--max-failures", type=int, default=10, metavar="N",
                      help="stop and exit 1 when more than N pages fail (default 10)")

    parser = argparse.ArgumentParser(prog="python -m indexer", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    index = sub.add_parser("index", parents=[common, runs], help="index folders or URLs")
    index.add_argument("sources", nargs="+", metavar="SOURCE",
                       help="folder, page URL or sitemap.xml URL")
    sub.add_parser("reindex", parents=[common, runs],
                   help="index the configured default source (env STADTSUCHE_INDEX_SOURCE)")
    delete = sub.add_parser("delete", parents=[common], help="remove pages from the index")
    delete.add_argument("urls", nargs="+", metavar="URL")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command and return the exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else
                        logging.ERROR if args.quiet else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        settings = load_settings()
        config = config_from(settings).with_overrides(solr_url=args.solr_url,
                                                      base_url=args.base_url)
        if args.command == "reindex":
            source = configured_source(settings)
            config = config.with_overrides(base_url=args.base_url or source.base_url)
    except SettingsError as err:
        print(f"Indexer nicht gestartet: {err}", file=sys.stderr)
        return 2
    if args.command == "delete":
        report = pipeline.delete_urls(args.urls, config=config)
    else:
        if args.jsonl and not args.dry_run:
            print("--jsonl geht nur zusammen mit --dry-run", file=sys.stderr)
            return 2
        sources = args.sources if args.command == "index" else [source.spec]
        try:
            with _jsonl_target(args.jsonl) as jsonl, _progress_bar(args.quiet) as progress:
                report = pipeline.run(sources, full=args.full, progress=progress,
                                      crawl=args.crawl, dry_run=args.dry_run, jsonl=jsonl,
                                      max_failures=args.max_failures, force=args.force,
                                      config=config)
        except BrokenPipeError:
            # `… --jsonl - | head`: the reader has gone; stop quietly instead of a traceback.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    to_stderr = getattr(args, "jsonl", None) == "-"  # stdout then carries the documents
    print(format_report(report), file=sys.stderr if to_stderr else sys.stdout)
    return exit_code(report)


def exit_code(report: Report) -> int:
    """0 for a completed run, 1 for a stopped or cancelled one."""
    return 0 if report.ok else 1


@contextlib.contextmanager
def _jsonl_target(name: str | None) -> Iterator[IO[str] | None]:
    if name is None:
        yield None
    elif name == "-":
        yield sys.stdout
    else:
        with open(name, "w", encoding="utf-8") as handle:
            yield handle


@contextlib.contextmanager
def _progress_bar(quiet: bool) -> Iterator[pipeline.Progress]:
    # tqdm only on a terminal: cron mails and CI logs stay readable.
    bar = tqdm(disable=quiet or not sys.stderr.isatty(), file=sys.stderr, unit=" Seiten",
               mininterval=0.5)

    def update(event: ProgressEvent) -> None:
        if event.total is not None and bar.total != event.total:
            bar.total = event.total
        bar.update(event.done - bar.n)
        if event.done % 50 == 0:
            bar.set_postfix(neu=event.indexed, gleich=event.unchanged,
                            fehler=event.failed, refresh=False)

    try:
        yield update
    finally:
        bar.close()
