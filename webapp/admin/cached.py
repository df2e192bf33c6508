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
    """The value at most ``ttl`` seconds old; on a Solr error the last value stays.

    Read on every visitor search, so the Solr read happens off the request path where it
    can: from half the ``ttl`` on, a request wakes this value's refresher thread (started on
    first need, so in the gunicorn worker) and goes on with the current value; only a value
    older than ``ttl`` (an idle worker, a change saved on this worker) is reloaded by the
    request itself. A change saved on any worker therefore shows up everywhere within
    ``ttl``.
    """

    def __init__(self, load: Callable[[], T], initial: T, ttl: float, what: str) -> None:
        self._load = load
        self._value = initial
        self.ttl = ttl
        self._what = what
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._refresher: threading.Thread | None = None

    def get(self) -> T:
        """The current value; reloaded first when older than ``ttl``."""
        age = time.monotonic() - self._loaded_at
        if age >= self.ttl:
            # One thread reloads; when the value merely aged, the others go on with it rather
            # than queue behind a Solr node that may hang. After invalidate() (a saved change)
            # everybody waits for the new value.
            fresh_needed = self._loaded_at == float("-inf")
            if self._lock.acquire(blocking=fresh_needed):
                try:
                    if time.monotonic() - self._loaded_at >= self.ttl:
                        self._reload()
                finally:
                    self._lock.release()
        elif age >= self.ttl / 2 and not self._wake.is_set():
            self._refresh_in_background()
        return self._value

    def invalidate(self) -> None:
        """Reload on the next read (after this worker saved a change)."""
        self._loaded_at = float("-inf")

    def _reload(self) -> None:
        started = time.monotonic()
        try:
            self._value = self._load()
        except SolrError as err:
            # The search must go on; the last known value is the best guess.
            log.warning("%s not refreshed: %s", self._what, err)
        # Counted from before the read: what was saved before it started is in the value.
        self._loaded_at = started

    def _refresh_in_background(self) -> None:
        self._wake.set()
        if self._refresher is None or not self._refresher.is_alive():
            with self._lock:
                if self._refresher is None or not self._refresher.is_alive():
                    self._refresher = threading.Thread(
                        target=self._refresh_when_woken, name=f"refresh {self._what}",
                        daemon=True)
                    self._refresher.start()

    def _refresh_when_woken(self) -> None:
        while True:
            self._wake.wait()
            with self._lock:
                if time.monotonic() - self._loaded_at >= self.ttl / 2:
                    self._reload()
            self._wake.clear()
