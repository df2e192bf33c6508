"""A value read from Solr at most every few seconds per worker, kept when Solr fails."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from solrclient import SolrError

log = logging.getLogger(__name__)

T = TypeVar("T")


class CachedValue(Generic[T]):
    """``load()`` at most once per ``ttl`` seconds; on a Solr error the last value stays.

    Read on every visitor search, so one Solr read every ``ttl`` seconds replaces one per
    search; a change saved on any worker shows up everywhere within ``ttl``.
    """

    def __init__(self, load: Callable[[], T], initial: T, ttl: float, what: str) -> None:
        self._load = load
        self._value = initial
        self.ttl = ttl
        self._what = what
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()

    def get(self) -> T:
        """The current value, reloaded first when older than ``ttl``."""
        now = time.monotonic()
        # One thread reloads; when the value merely aged, the others go on with it rather
        # than queue behind a Solr node that may hang. After invalidate() (a saved change)
        # everybody waits for the new value.
        fresh_needed = self._loaded_at == float("-inf")
        if now - self._loaded_at >= self.ttl and self._lock.acquire(blocking=fresh_needed):
            try:
                if now - self._loaded_at >= self.ttl:
                    try:
                        self._value = self._load()
                    except SolrError as err:
                        # The search must go on; the last known value is the best guess.
                        log.warning("%s not refreshed: %s", self._what, err)
                    self._loaded_at = now
            finally:
                self._lock.release()
        return self._value

    def invalidate(self) -> None:
        """Reload on the next read (after this worker saved a change)."""
        self._loaded_at = float("-inf")
