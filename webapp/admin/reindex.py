"""Reindex runs started from the web: one at a time across all workers, progress in Solr.

The lock is a record in the statistics core created with optimistic concurrency
(``_version_ = -1`` means "only if absent"), so exactly one worker of any number of server
processes (on any number of hosts) wins. The running thread refreshes its heartbeat with
every progress report; a lock whose heartbeat is older than ``lock_stale_seconds`` (a worker
that died mid-run) is taken over. Progress is written to a job record that any worker can
read, so the polling request need not reach the worker that runs the job.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta, timezone
from multiprocessing import util as multiprocessing_util
from typing import Any

from solrclient import SolrConflict, SolrError

from .repository import StatsStore

log = logging.getLogger(__name__)

LOCK_ID = "lock:reindex"
MODES = {"full": "Vollständig", "incremental": "Inkrementell", "url": "Einzelne URL"}
PROGRESS_EVERY_SECONDS = 0.5


class ReindexBusy(Exception):
    """Another run holds the lock."""


@dataclass(frozen=True)
class Job:
    """A run's state as any worker can show it."""

    id: str
    mode: str
    target: str
    user: str
    status: str = "running"  # running | done | failed
    done: int = 0
    total: int = 0
    message: str = ""
    report: str = ""
    started: str = ""

    @property
    def percent(self) -> int:
        """0–100 for the progress bar (100 once finished)."""
        if self.status != "running":
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    def to_doc(self) -> dict[str, Any]:
        """The job record for the statistics core."""
        now = _now()
        return {"id": f"job:{self.id}", "type": "job", "job_id": self.id, "mode": self.mode,
                "target": self.target, "user": self.user, "status": self.status,
                "done": self.done, "total": self.total, "message": self.message,
                "payload": self.report, "ts": self.started or now, "heartbeat": now}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Job:
        """Inverse of to_doc."""
        return cls(id=doc["job_id"], mode=doc.get("mode", ""), target=doc.get("target", ""),
                   user=doc.get("user", ""), status=doc.get("status", ""),
                   done=int(doc.get("done", 0)), total=int(doc.get("total", 0)),
                   message=doc.get("message", ""), report=doc.get("payload", ""),
                   started=doc.get("ts", ""))


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _age(stamp: object) -> timedelta:
    """Time since an ISO timestamp as Solr returns it (very old when missing or unreadable)."""
    try:
        moment = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return timedelta(days=36500)
    return datetime.now(timezone.utc) - moment


# (sources, full, progress(done, total, url), cancel) -> (ok, message, report text)
IndexFunction = Callable[[list[str], bool, Callable[[int, int, str], None], threading.Event],
                         tuple[bool, str, str]]


def run_indexer(solr_url: str, base_url: str) -> IndexFunction:
    """The indexer's pipeline as an IndexFunction for this Solr core."""

    def index(sources: list[str], full: bool, progress: Callable[[int, int, str], None],
              cancel: threading.Event) -> tuple[bool, str, str]:
        # Imported by the first run, not at start: the parsers, the crawler's HTTP client and
        # the document readers would take about 10 MiB in every search worker.
        from indexer import pipeline
        from indexer.report import format_report

        report = pipeline.run(sources, solr_url, full=full, base_url=base_url, cancel=cancel,
                              progress=lambda e: progress(e.done, e.total or 0, e.url))
        message = (f"indexiert: {report.indexed}, unverändert: {report.unchanged}, "
                   f"gelöscht: {report.deleted}, übersprungen: {report.skipped}, "
                   f"fehlgeschlagen: {report.failed}")
        if report.error:
            # A run refused by the deletion limit has written its changed pages already.
            kept = (f"{report.indexed} Seiten aktualisiert, nichts gelöscht" if report.indexed
                    else "der bestehende Index ist unverändert geblieben")
            message = f"Abgebrochen, {kept}: {report.error}"
        elif report.cancelled:
            message = "Abgebrochen; es wurde nichts gelöscht."
        return report.ok, message, format_report(report)
    return index


class ReindexRunner:
    """Starts runs in a thread of this worker and reports on runs of any worker."""

    def __init__(self, store: StatsStore, index: IndexFunction, source: str,
                 stale_seconds: int) -> None:
        self.store = store
        self.index = index
        self.source = source
        self.stale = timedelta(seconds=stale_seconds)
        self._local_jobs: dict[str, Job] = {}
        self._cancel: dict[str, threading.Event] = {}
        self._threads: dict[str, threading.Thread] = {}
        # the server replaces workers (memory limit) and stops them on deploys; a run in such a
        # worker is cancelled cleanly (nothing deleted) instead of leaving a lock behind. The
        # server's workers are processes of multiprocessing: they run its finalizers, not atexit.
        atexit.register(self.shutdown)
        multiprocessing_util.Finalize(None, self.shutdown, exitpriority=10)

    def _acquire(self, job_id: str) -> None:
        lock = {"id": LOCK_ID, "type": "lock", "owner": job_id, "heartbeat": _now()}
        try:
            self.store.add_if_absent(lock)
            return
        except SolrConflict:
            held = self.store.get(LOCK_ID)
        if held is None:
            return self._acquire(job_id)
        finished_here = self._local_jobs.get(held.get("owner", ""))
        if _age(held.get("heartbeat")) < self.stale and (
                finished_here is None or finished_here.status == "running"):
            raise ReindexBusy(held.get("owner", ""))
        log.warning("Taking over reindex lock of %s (last heartbeat %s)", held.get("owner"),
                    held.get("heartbeat"))
        try:
            self.store.replace_if_version(lock, int(held["_version_"]))
        except SolrConflict as err:
            raise ReindexBusy(held.get("owner", "")) from err

    def _release(self, job_id: str) -> None:
        held = self.store.get(LOCK_ID)
        if held is not None and held.get("owner") == job_id:
            self.store.delete(LOCK_ID)

    def start(self, mode: str, target: str, user: str) -> Job:
        """Take the lock and start the run in a thread; ReindexBusy or SolrError if not."""
        if mode not in MODES:
            raise ValueError(f"Unbekannte Art der Reindizierung: {mode}")
        job = Job(id=uuid.uuid4().hex, mode=mode, target=target if mode == "url" else self.source,
                  user=user, started=_now())
        self._acquire(job.id)
        try:
            self.store.add([job.to_doc()], 0)
        except SolrError:
            self._release(job.id)
            raise
        self._local_jobs[job.id] = job
        self._cancel[job.id] = threading.Event()
        thread = threading.Thread(target=self._run, args=(job,), name=f"reindex-{job.id[:8]}",
                                  daemon=True)
        self._threads[job.id] = thread
        thread.start()
        return job

    def shutdown(self, wait_seconds: float = 15.0) -> None:
        """Cancel this worker's runs and wait briefly for them to record their end."""
        running = [jid for jid, t in self._threads.items() if t.is_alive()]
        for job_id in running:
            self._cancel[job_id].set()
        deadline = time.monotonic() + wait_seconds
        for job_id in running:
            self._threads[job_id].join(max(0.0, deadline - time.monotonic()))

    def _save(self, job: Job) -> None:
        self._local_jobs[job.id] = job
        try:
            self.store.add([job.to_doc()], 500)
            # The lock's heartbeat shows the run is alive.
            self.store.add([{"id": LOCK_ID, "type": "lock", "owner": job.id,
                             "heartbeat": _now()}], 500)
        except SolrError as err:
            log.warning("Reindex progress of %s not saved: %s", job.id, err)

    def _run(self, job: Job) -> None:
        last = [0.0]

        def progress(done: int, total: int, url: str) -> None:
            if time.monotonic() - last[0] >= PROGRESS_EVERY_SECONDS:
                last[0] = time.monotonic()
                self._save(replace(self._local_jobs[job.id], done=done,
                                   total=max(total, done), message=url))
        try:
            ok, message, report = self.index([job.target], job.mode == "full", progress,
                                             self._cancel[job.id])
            last_seen = self._local_jobs[job.id]
            final = replace(last_seen, status="done" if ok else "failed", message=message,
                            report=report,
                            # Progress is reported at most twice a second; the end is complete.
                            done=last_seen.total if ok and last_seen.total else last_seen.done)
        except Exception as err:  # noqa: BLE001 - any failure must end as a visible job state
            log.exception("Reindex %s failed", job.id)
            final = replace(self._local_jobs[job.id], status="failed",
                            message=f"Abgebrochen ({type(err).__name__}): {err}")
        self._local_jobs[job.id] = final
        try:
            # Free the lock first: whoever sees the end may start the next run right away.
            self._release(job.id)
            # Visible at once: the list of runs (a search, not a real-time get) shows the end.
            self.store.add([final.to_doc()], 0)
        except SolrError as err:
            log.error("Reindex %s finished but its state was not saved: %s", job.id, err)

    def wait(self, job_id: str, timeout: float | None = None) -> Job | None:
        """Wait for a run of this worker to end; its final state (None if not run here)."""
        thread = self._threads.get(job_id)
        if thread is None:
            return None
        thread.join(timeout)
        return self._local_jobs.get(job_id)

    def cancel(self, job_id: str) -> bool:
        """Ask a run of this worker to stop (True if it runs here)."""
        event = self._cancel.get(job_id)
        if event is None:
            return False
        event.set()
        return True

    def job(self, job_id: str) -> Job | None:
        """A run's state from Solr, or this worker's own copy when Solr cannot tell."""
        try:
            doc = self.store.get(f"job:{job_id}")
        except SolrError:
            doc = None
        if not doc:
            return self._local_jobs.get(job_id)
        job = Job.from_doc(doc)
        if job.status == "running" and _age(doc.get("heartbeat")) > self.stale:
            return replace(job, status="failed", message=(
                "Keine Rückmeldung mehr seit " f"{int(_age(doc.get('heartbeat')).total_seconds())}"
                " s: der ausführende Prozess wurde vermutlich beendet. Gelöscht wurde nichts; "
                "bitte neu starten."))
        return job

    def recent(self, rows: int = 10) -> list[Job]:
        """The latest runs, newest first."""
        data = self.store.select({"q": "*:*", "fq": "type:job", "sort": "ts desc",
                                  "rows": rows})
        return [Job.from_doc(d) for d in data["response"]["docs"]]

    def running_job(self) -> str | None:
        """Id of the run holding the lock, if any."""
        held = self.store.get(LOCK_ID)
        return held.get("owner") if held else None


def job_json(job: Job) -> dict[str, Any]:
    """The polling endpoint's answer."""
    return {**asdict(job), "percent": job.percent, "report": job.report}
