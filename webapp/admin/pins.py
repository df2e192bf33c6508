"""Pinned-results lookup for the search builder: ``pinned_ids(query)`` → ids to elevate."""

from __future__ import annotations

import logging
import threading
import time

from flask import current_app

from .records import load_pins, normalize_query
from .repository import AdminSolrError, StatsStore

log = logging.getLogger(__name__)

EXTENSION_KEY = "stadtsuche.pins"


class PinLookup:
    """All pins of the statistics core, cached per worker for a few seconds.

    Pins are few and read on every search, so one small query every ``ttl`` seconds is
    cheaper than one per search; a change shows up on every worker within ``ttl``.
    """

    def __init__(self, store: StatsStore, ttl: float) -> None:
        self.store = store
        self.ttl = ttl
        self._pins: dict[str, tuple[str, ...]] = {}
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._loaded_at < self.ttl:
            return
        with self._lock:
            if now - self._loaded_at < self.ttl:
                return
            try:
                self._pins = {p.query: p.doc_ids for p in load_pins(self.store)}
            except AdminSolrError as err:
                # Searching must go on without pins; keep the last known ones.
                log.warning("Pinned results not refreshed: %s", err)
            self._loaded_at = now

    def invalidate(self) -> None:
        """Reload on the next lookup (after this worker saved a pin)."""
        self._loaded_at = float("-inf")

    def __call__(self, query: str) -> tuple[str, ...]:
        """Ids pinned for ``query`` (matched case-insensitively on the whole query)."""
        self._refresh()
        return self._pins.get(normalize_query(query), ())


def pinned_ids(query: str) -> tuple[str, ...]:
    """The hook for the web app: ids to pass as ``elevateIds`` for this visitor query."""
    lookup = current_app.extensions.get(EXTENSION_KEY)
    return lookup(query) if lookup is not None else ()


def elevation_params(ids: tuple[str, ...]) -> dict[str, str]:
    """Solr parameters that put ``ids`` first (QueryElevationComponent in /search)."""
    if not ids:
        return {}
    # Commas would split an id; save_pin refuses such ids. Without forceElevation a visitor
    # who sorts by date gets the plain date order, pins only lead the relevance order.
    return {"elevateIds": ",".join(ids)}
