"""Scheduled incremental reindex: ``python -m webapp.admin.schedule`` (compose: reindex-schedule).

A scheduled run goes through the admin area's ReindexRunner, so it takes the same lock as a
run started from the web (never two runs at once, whichever process starts them), writes the
same run records (the admin start page and the reindex page list it, started by "Zeitplan"),
and a failed run is logged with its reason as well as recorded. One process runs the
schedule; a web worker never does, so more workers do not mean more runs.

Exit codes: 0 after ``--once`` with a completed run, 1 after ``--once`` with a failed run,
2 when the settings do not allow a schedule (no source in production, interval 0).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading

from indexer.config import configured_source
from solrclient import SolrClient, SolrError, Timeouts
from stadtsuche.settings import Settings, SettingsError, load_settings

from .reindex import Job, ReindexBusy, ReindexRunner, run_indexer
from .repository import StatsStore
from .settings import admin_settings

log = logging.getLogger(__name__)

SCHEDULE_USER = "Zeitplan"


def build_runner(settings: Settings) -> ReindexRunner:
    """A runner on the configured source and statistics core; SettingsError without a source."""
    source = configured_source(settings)
    stats = StatsStore(SolrClient(admin_settings(settings).stats_solr_url,
                                  timeouts=Timeouts.reading(settings.solr_timeout)))
    return ReindexRunner(stats, run_indexer(settings.solr_url, source.base_url), source.spec,
                         settings.lock_stale_seconds)


def run_once(runner: ReindexRunner) -> Job | None:
    """One incremental run, waited for; None when another run holds the lock or Solr is away."""
    try:
        job = runner.start("incremental", "", SCHEDULE_USER)
    except ReindexBusy as busy:
        log.info("scheduled reindex skipped: run %s is still going", busy)
        return None
    except SolrError as err:
        log.error("scheduled reindex not started, the index is unchanged: %s", err)
        return None
    final = runner.wait(job.id) or job
    if final.status == "done":
        log.info("scheduled reindex %s done: %s", job.id, final.message)
    else:
        log.error("scheduled reindex %s failed: %s", job.id, final.message)
    return final


def run_every(runner: ReindexRunner, seconds: float, stop: threading.Event,
              max_runs: int | None = None) -> int:
    """Run, then wait ``seconds``, until ``stop`` is set (or ``max_runs`` runs); runs made."""
    runs = 0
    while not stop.is_set() and (max_runs is None or runs < max_runs):
        run_once(runner)
        runs += 1
        stop.wait(seconds)
    return runs


def main(argv: list[str] | None = None) -> int:
    """Run the schedule (or one run with ``--once``) and return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m webapp.admin.schedule",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--once", action="store_true", help="one run now, then exit")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                        "%(message)s", stream=sys.stderr)
    try:
        settings = load_settings()
        runner = build_runner(settings)
    except SettingsError as err:
        log.error("Zeitplan nicht gestartet: %s", err)
        return 2
    if args.once:
        final = run_once(runner)
        return 0 if final is not None and final.status == "done" else 1
    if settings.reindex_every_minutes == 0:
        log.error("Zeitplan nicht gestartet: STADTSUCHE_REINDEX_EVERY_MINUTES ist 0 (aus)")
        return 2
    stop = threading.Event()
    # docker stop sends SIGTERM: a run in progress is cancelled cleanly (nothing deleted).
    signal.signal(signal.SIGTERM, lambda *_: (stop.set(), runner.shutdown(wait_seconds=0)))
    log.info("scheduled reindex of %s every %d min", runner.source,
             settings.reindex_every_minutes)
    run_every(runner, settings.reindex_every_minutes * 60.0, stop)
    runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
