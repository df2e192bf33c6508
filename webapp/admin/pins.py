"""Pinned-results lookup for the search builder: ``pinned_ids(query)`` → ids to elevate."""

from __future__ import annotations

from datetime import datetime, timezone

from webapp.extensions import tuning

from .cached import CachedValue
from .records import Pin, load_pins, normalize_query
from .repository import StatsStore


class PinLookup:
    """All pins of the statistics core, cached per worker for ``ttl`` seconds."""

    def __init__(self, store: StatsStore, ttl: float) -> None:
        self.store = store
        self._cached: CachedValue[dict[str, Pin]] = CachedValue(
            self._load, {}, ttl, "Pinned results")

    def _load(self) -> dict[str, Pin]:
        return {p.query: p for p in load_pins(self.store)}

    def invalidate(self) -> None:
        """Reload on the next lookup (after this worker saved a pin)."""
        self._cached.invalidate()

    def __call__(self, query: str) -> tuple[str, ...]:
        """Ids pinned for ``query`` (matched case-insensitively on the whole query); a pin
        outside its dates is checked at each call, so it ends on time even when cached."""
        pin = self._cached.get().get(normalize_query(query))
        if pin is None or not pin.active(datetime.now(timezone.utc)):
            return ()
        return pin.doc_ids


def pinned_ids(query: str) -> tuple[str, ...]:
    """Ids the current app's search tuning pins for this visitor query."""
    return tuning().pinned_ids(query)


def elevation_params(ids: tuple[str, ...]) -> dict[str, str]:
    """Solr parameters that put ``ids`` first (QueryElevationComponent in /search)."""
    if not ids:
        return {}
    # Commas would split an id; save_pin refuses such ids. Without forceElevation a visitor
    # who sorts by date gets the plain date order, pins only lead the relevance order.
    return {"elevateIds": ",".join(ids)}
