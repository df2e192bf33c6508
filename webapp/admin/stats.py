"""Search statistics: record searches and clicks from the web app's signals, report on a period.

Privacy: an event holds only what ``webapp/admin/README.md`` lists (query cut to 200
characters, filters, order, page, hits, ranking version, the ids of the results shown, the
clicked page and its position, two random ids that link one trail of result pages, the
time). No IP address, user agent, cookie, session or other visitor identifier is stored.
Events older than STADTSUCHE_STATS_RETENTION_DAYS (default 365) are deleted.
"""

from __future__ import annotations

import atexit
import json
import logging
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from time import monotonic
from multiprocessing import util as multiprocessing_util
from typing import Any

from flask import Flask

from solrclient import SolrError
from webapp.outbox import EXTENSION_KEY as OUTBOX_KEY
from webapp.outbox import Item, Outbox
from webapp.signals import result_clicked, search_performed

from .cached import CachedValue
from .ranking_store import list_versions
from .records import normalize_query
from .repository import CoreAdmin, StatsStore
from .settings import LOCAL_ZONE as BERLIN

log = logging.getLogger(__name__)

KIND = "stats"
# How often the kept events are written to Solr. Nobody reads statistics within seconds;
# fewer, larger updates cost Solr and the app less per search.
WRITE_EVERY_S = 5.0
PURGE_EVERY_SECONDS = 3600
MAX_SHOWN = 100


def purge_old_events(store: StatsStore, retention_days: int) -> None:
    """Delete search and click events older than ``retention_days``."""
    store.delete_query(f"type:(search OR click) AND ts:[* TO NOW/DAY-{int(retention_days)}DAYS]")


def ranking_version(core: CoreAdmin, ttl: float) -> Callable[[], int | None]:
    """The number of the live ranking version (1 before the first save: the configset's
    starting values), read at most every ``ttl`` seconds; None while unknown."""
    def load() -> int | None:
        versions = list_versions(core)
        return versions[0].number if versions else 1
    cached: CachedValue[int | None] = CachedValue(load, None, ttl, "Ranking version")
    return cached.get


_RECORDERS: weakref.WeakSet[StatsRecorder] = weakref.WeakSet()


@atexit.register
def flush_all() -> None:
    """Write what every recorder of this process keeps, now: a worker that stops gracefully
    leaves nothing waiting (what Solr cannot take stays in the outbox for the next start),
    and tests start from a known state."""
    for recorder in list(_RECORDERS):
        try:
            recorder.flush()
        except Exception:  # noqa: BLE001 - kept in the outbox; exiting must go on
            log.exception("Statistics not written at exit (kept for the next start)")


# The app server's workers are processes of multiprocessing, which end without atexit
# handlers but run its finalizers: registered here, in the worker that imports this module.
multiprocessing_util.Finalize(None, flush_all, exitpriority=10)


class StatsRecorder:
    """Turns the web app's signals into events kept in the app's outbox; the outbox's
    background step writes them to the statistics core (so a slow statistics core never
    slows a visitor's search, and an event Solr cannot take now is written later, once:
    the event id is the document id)."""

    def __init__(self, store: StatsStore, retention_days: int = 365,
                 ranking: Callable[[], int | None] | None = None) -> None:
        self.store = store
        self.retention_days = retention_days
        self.ranking = ranking
        self._purged_at = float("-inf")
        self.outbox: Outbox | None = None
        _RECORDERS.add(self)

    def connect(self, app: Flask) -> None:
        """Subscribe to the signals this app sends; deliver through its outbox."""
        self.outbox = app.extensions[OUTBOX_KEY]
        self.outbox.handle(KIND, self._write, WRITE_EVERY_S)
        search_performed.connect(self.on_search, sender=app, weak=False)
        result_clicked.connect(self.on_click, sender=app, weak=False)

    def on_search(self, sender: Any, *, query: str | None, category: str | None,
                  num_found: int, page: int, corrected: str | None = None,
                  search_id: str | None = None, follows: str | None = None,
                  shown: tuple[str, ...] = (), **more: Any) -> None:
        """Record one search with the results it showed."""
        text = normalize_query(query)
        if not text:
            return
        self._put(search_id, {
            "type": "search", "query": text, "category": category or None,
            "num_found": int(num_found), "page": int(page), "corrected": bool(corrected),
            "search_id": search_id, "follows": follows, "source": more.get("source"),
            "sort": more.get("sort"), "rows": more.get("rows"), "exact": more.get("exact"),
            "doc_type": more.get("doc_type"), "start": more.get("start"),
            "shown": [str(i)[:500] for i in shown[:MAX_SHOWN]] or None,
            "ranking": self._ranking(), "comparison": more.get("comparison"),
            "sides": list(more.get("sides") or ())[:MAX_SHOWN] or None})

    def on_click(self, sender: Any, *, doc_id: str, query: str | None = None,
                 click_id: str | None = None, search_id: str | None = None,
                 position: int | None = None, **_: Any) -> None:
        """Record one click on a result."""
        self._put(click_id, {"type": "click", "doc_id": str(doc_id)[:500],
                             "query": normalize_query(query) or None,
                             "search_id": search_id, "position": position})

    def _ranking(self) -> int | None:
        try:
            return self.ranking() if self.ranking else None
        except Exception:  # noqa: BLE001 - an event without version beats no event
            log.exception("Ranking version unknown")
            return None

    def _put(self, event_id: str | None, event: dict[str, Any]) -> None:
        event = {k: v for k, v in event.items() if v is not None}
        event.update(id=event_id or uuid.uuid4().hex, ts=datetime.now(timezone.utc).strftime(
            "%Y-%m-%dT%H:%M:%SZ"))
        if self.outbox is None:
            raise RuntimeError("StatsRecorder.connect(app) was not called")
        self.outbox.put(KIND, event["id"], event)

    def flush(self) -> None:
        """Write every kept event now (also those waiting after a failure); they show with
        the core's next soft commit (``StatsStore.commit`` for at once)."""
        if self.outbox is not None:
            self.outbox.deliver(KIND, everything=True)

    def _write(self, items: list[Item]) -> set[str]:
        try:
            # No commitWithin: the statistics core's own soft commit (every 30 s) shows them,
            # instead of a new searcher every second while visitors search. Writing an
            # event again replaces the same document (its id), so it is stored once.
            self.store.add([item.payload for item in items], -1)
        except SolrError as err:
            log.warning("%d statistics events kept for later: %s", len(items), err)
            return set()
        if monotonic() - self._purged_at > PURGE_EVERY_SECONDS:
            self._purged_at = monotonic()
            try:
                purge_old_events(self.store, self.retention_days)
            except SolrError as err:
                log.warning("Old statistics events not deleted yet: %s", err)
        return {item.key for item in items}


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
