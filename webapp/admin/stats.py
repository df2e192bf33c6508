"""Search statistics: record searches and clicks from the web app's signals, report on a period.

Privacy: an event holds only the query (cut to 200 characters), the chosen category, the
number of hits, the result page, whether the spelling was corrected, the clicked page's id
and the time. No IP address, user agent, cookie, session or other visitor identifier is
stored, so events cannot be linked to each other or to a person. Events older than
STADTSUCHE_STATS_RETENTION_DAYS (default 365) are deleted.
"""

from __future__ import annotations

import atexit
import json
import logging
import queue
import threading
import uuid
import weakref
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
import time as time_module
from multiprocessing import util as multiprocessing_util
from time import monotonic
from typing import Any

from flask import Flask

from solrclient import SolrError
from webapp.signals import result_clicked, search_performed

from .records import normalize_query
from .repository import StatsStore
from .settings import LOCAL_ZONE as BERLIN

log = logging.getLogger(__name__)

BATCH = 500
# How often the writer thread sends the queued events to Solr. Nobody reads statistics within
# seconds; fewer, larger updates cost Solr and the app less per search.
DRAIN_INTERVAL_SECONDS = 5.0
QUEUE_LIMIT = 10_000


PURGE_EVERY_SECONDS = 3600


def purge_old_events(store: StatsStore, retention_days: int) -> None:
    """Delete search and click events older than ``retention_days``."""
    store.delete_query(f"type:(search OR click) AND ts:[* TO NOW/DAY-{int(retention_days)}DAYS]")


_RECORDERS: weakref.WeakSet[StatsRecorder] = weakref.WeakSet()


@atexit.register
def flush_all() -> None:
    """Write what every recorder of this process still holds (a worker that exits cleanly
    loses nothing; tests start from a known state)."""
    for recorder in list(_RECORDERS):
        recorder.flush()


# The app server's workers are processes of multiprocessing, which end without atexit
# handlers but run its finalizers: registered here, in the worker that imports this module.
multiprocessing_util.Finalize(None, flush_all, exitpriority=10)


class StatsRecorder:
    """Queues events and writes them to the statistics core from one background thread, so
    a slow statistics core never slows a visitor's search."""

    def __init__(self, store: StatsStore, retention_days: int = 365) -> None:
        self.store = store
        self.retention_days = retention_days
        self._purged_at = float("-inf")
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue(QUEUE_LIMIT)
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        # Held while a batch is taken from the queue and written, so flush() sees it done.
        self._writing = threading.Lock()
        _RECORDERS.add(self)

    def connect(self, app: Flask) -> None:
        """Subscribe to the signals this app sends."""
        search_performed.connect(self.on_search, sender=app, weak=False)
        result_clicked.connect(self.on_click, sender=app, weak=False)

    def on_search(self, sender: Any, *, query: str | None, category: str | None,
                  num_found: int, page: int, corrected: str | None = None, **_: Any) -> None:
        """Record one search."""
        text = normalize_query(query)
        if text:
            self._put({"type": "search", "query": text, "category": category or None,
                       "num_found": int(num_found), "page": int(page),
                       "corrected": bool(corrected)})

    def on_click(self, sender: Any, *, doc_id: str, query: str | None = None, **_: Any) -> None:
        """Record one click on a result."""
        self._put({"type": "click", "doc_id": str(doc_id)[:500],
                   "query": normalize_query(query) or None})

    def _put(self, event: dict[str, Any]) -> None:
        event = {k: v for k, v in event.items() if v is not None}
        event.update(id=uuid.uuid4().hex, ts=datetime.now(timezone.utc).strftime(
            "%Y-%m-%dT%H:%M:%SZ"))
        try:
            self._queue.put_nowait(event)
        except queue.Full:
            log.warning("Statistics queue full, event dropped")
            return
        with self._lock:
            # Started on first use, so that it runs in the server's worker, not its main process.
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._drain, name="stats-writer",
                                                daemon=True)
                self._thread.start()

    def flush(self) -> None:
        """Write every queued event now; returns once they (and a batch the writer thread
        had already taken) reached Solr. They show with the core's next soft commit
        (``StatsStore.commit`` for at once)."""
        self._write_queued()

    def _write_queued(self) -> None:
        with self._writing:
            batch: list[dict[str, Any]] = []
            while True:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            for start in range(0, len(batch), BATCH):
                self._write(batch[start:start + BATCH])

    def _drain(self) -> None:
        # Collect for a while, then write what has queued: a writer that waited on the
        # queue would be woken (and handed the GIL) by every single search.
        while True:
            time_module.sleep(DRAIN_INTERVAL_SECONDS)
            self._write_queued()

    def _write(self, batch: list[dict[str, Any]]) -> None:
        try:
            # No commitWithin: the statistics core's own soft commit (every 30 s) shows them,
            # instead of a new searcher every second while visitors search.
            self.store.add(batch, -1)
            if monotonic() - self._purged_at > PURGE_EVERY_SECONDS:
                self._purged_at = monotonic()
                purge_old_events(self.store, self.retention_days)
        except SolrError as err:
            log.warning("%d statistics events lost: %s", len(batch), err)


@dataclass(frozen=True)
class QueryCount:
    """One row of a statistics table."""

    query: str
    searches: int
    zero_hits: int = 0
    clicks: int = 0

    @property
    def ctr(self) -> float:
        """Clicks per search (0–1, may exceed 1 if visitors open several results)."""
        return self.clicks / self.searches if self.searches else 0.0


@dataclass(frozen=True)
class StatsReport:
    """Statistics for one period."""

    start: date
    end: date
    searches: int
    clicks: int
    top: tuple[QueryCount, ...]
    zero_hit: tuple[QueryCount, ...]


def period_filter(start: date, end: date) -> str:
    """Solr filter for whole days (Jena's local time) from ``start`` to ``end``, built from
    dates only; events are stored in UTC."""
    def utc(day: date) -> str:
        local = datetime.combine(day, time.min, tzinfo=BERLIN)
        return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"ts:[{utc(start)} TO {utc(end + timedelta(days=1))}}}"


def _buckets(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return data.get("facets", {}).get(name, {}).get("buckets", [])


def build_report(store: StatsStore, start: date, end: date, limit: int = 25) -> StatsReport:
    """Top queries with zero-hit counts and click-through, and the zero-hit queries."""
    facets = {
        "top": {"type": "terms", "field": "query", "limit": limit,
                "domain": {"filter": "type:search"},
                "facet": {"zero": "sum(if(num_found,0,1))"}},
        "zero": {"type": "terms", "field": "query", "limit": limit,
                 "domain": {"filter": "type:search AND num_found:0"}},
        "searches": {"type": "query", "q": "type:search"},
        "clicks": {"type": "query", "q": "type:click",
                   "facet": {"by_query": {"type": "terms", "field": "query", "limit": -1}}},
    }
    data = store.select({"q": "*:*", "fq": period_filter(start, end), "rows": 0,
                         "json.facet": json.dumps(facets)})
    f = data.get("facets", {})
    clicks = {b["val"]: b["count"] for b in f.get("clicks", {}).get("by_query", {}).get(
        "buckets", [])}
    top = tuple(QueryCount(b["val"], b["count"], int(b.get("zero", 0)), clicks.get(b["val"], 0))
                for b in _buckets(data, "top"))
    zero = tuple(QueryCount(b["val"], b["count"], b["count"]) for b in _buckets(data, "zero"))
    return StatsReport(start, end, int(f.get("searches", {}).get("count", 0)),
                       int(f.get("clicks", {}).get("count", 0)), top, zero)
