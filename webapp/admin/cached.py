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
        """The current value; when it is older than ``ttl`` it is reloaded.

        A value that merely aged is reloaded in the background while this and every other
        request go on with it: no visitor search waits for (or queues behind) a Solr node
        that may hang. After invalidate() (a saved change) the reload happens in the caller,
        and everybody waits for the new value.
        """
        now = time.monotonic()
        if now - self._loaded_at < self.ttl:
            return self._value
        if self._loaded_at == float("-inf") or self.ttl <= 0:
            # Invalidated, never loaded, or caching switched off: the caller waits.
            with self._lock:
                if self.ttl <= 0 or self._loaded_at == float("-inf"):
                    self._reload()
        elif self._lock.acquire(blocking=False):
            threading.Thread(target=self._reload_and_release, daemon=True,
                             name=f"refresh {self._what}").start()
        return self._value

    def _reload_and_release(self) -> None:
        try:
            self._reload()
        finally:
            self._lock.release()

    def _reload(self) -> None:
        started = time.monotonic()
        try:
            self._value = self._load()
        except SolrError as err:
            # The search must go on; the last known value is the best guess.
            log.warning("%s not refreshed: %s", self._what, err)
        self._loaded_at = started

    def invalidate(self) -> None:
        """Reload on the next read (after this worker saved a change)."""
        self._loaded_at = float("-inf")
