"""Recent search results per worker, so that a repeated search costs no Solr round trip.

A result is kept for at most ``ttl`` seconds and never outlives a change that would alter it:

* a click changes a page's click counter (shown, and used by the "Beliebtheit" order and the
  ranking); Solr makes it visible within its commitWithin of 1 s. Every worker's results
  fetched before 2 s after the click are void, so a click shows in the next search within
  2 s just as without the cache;
* a change in the admin area (pins, exclusions, ranking, synonyms, stopwords, default order)
  voids every worker's results fetched before it has reached every worker (the web team's
  settings are cached per worker for a few seconds, ``webapp.admin.cached``).

Workers share no memory, so they learn of such an event from a small file beside the app
(:class:`ChangeClock`): its modification time is the moment before which results are void.
One ``stat`` per lookup is all a search pays for it.

With a result the cache keeps what the views made of it (the results page, the widget's
JSON), compressed: a repeated search then costs neither rendering nor encoding, and the
rendering is void together with the result it was made from.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import lz4.frame

from .result import SearchResult

log = logging.getLogger(__name__)

NS = 1_000_000_000
V = TypeVar("V")
# How long after a click a search may still miss it (the promise to visitors).
CLICK_VISIBLE_S = 2.0
# LZ4 (frame format): every new search pays the compression of its renderings, so speed wins
# over size. On 200 real pages of the bench's index a results page of 18.7 kB took 20 µs
# to compress (zlib at its fastest level: 255 µs) and 6 µs to restore (zlib: 55 µs), at a
# ratio of 3.2 instead of 4.3 (about 2 MB more for a full cache of 1000 results).


def default_clock_path(solr_url: str) -> Path:
    """One change file per Solr core on this host: all workers of one app share it."""
    digest = hashlib.sha1(solr_url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"stadtsuche-changes-{digest}"


class ChangeClock:
    """The moment (wall clock, ns) before which cached results are void, shared by the
    workers of one host as the modification time of a file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.touch(exist_ok=True)
        except OSError as err:
            # Without the file every result counts as void: correct, only slower.
            log.warning("Result cache off, change file %s not usable: %s", path, err)

    def void_before(self) -> int:
        """Results fetched before this moment must not be used."""
        try:
            return os.stat(self.path).st_mtime_ns
        except OSError:
            return time.time_ns() + NS

    def void_until(self, seconds_from_now: float) -> None:
        """Void every result fetched before ``seconds_from_now`` from now, on every worker.

        Read and write are not atomic; two workers racing may keep the earlier of two
        close moments, which the short ttl of the cache and the next change both bound.
        """
        moment = time.time_ns() + int(seconds_from_now * NS)
        try:
            if os.stat(self.path).st_mtime_ns < moment:
                os.utime(self.path, ns=(moment, moment))
        except OSError as err:
            log.warning("Change file %s not updated: %s", self.path, err)


@dataclass
class Kept:
    """A search result and, by name, the renderings the views made of it (LZ4-compressed);
    ``renderings`` is None for a result the cache does not keep."""

    result: SearchResult
    renderings: dict[Hashable, bytes] | None = None

    def rendered(self, name: Hashable, render: Callable[[], bytes]) -> bytes:
        """The rendering called ``name``: made by ``render()`` once, then from memory.

        Two threads asking at once may both render; the result is the same either way.
        """
        if self.renderings is None:
            return render()
        packed = self.renderings.get(name)
        if packed is not None:
            return lz4.frame.decompress(packed)
        body = render()
        self.renderings[name] = lz4.frame.compress(body)
        return body


class TimedCache(Generic[V]):
    """At most ``size`` values per worker, each for at most ``ttl`` seconds (LRU), and none
    made before the moment its ChangeClock names."""

    def __init__(self, clock: ChangeClock, ttl: float, size: int) -> None:
        self.clock = clock
        self.ttl_ns = int(ttl * NS)
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[int, V]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        """False when configured off (ttl or size 0)."""
        return self.ttl_ns > 0 and self.size > 0

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        """The kept value for ``key`` if still valid, else ``make()`` (kept for next time).

        A value counts from the moment its making started: a click or change meanwhile
        voids it too.
        """
        if not self.enabled:
            return make()
        now = time.time_ns()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
        if entry is not None and now - entry[0] < self.ttl_ns \
                and entry[0] > self.clock.void_before():
            return entry[1]
        value = make()
        with self._lock:
            self._entries[key] = (now, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every value of this worker."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


class ResultCache(TimedCache[Kept]):
    """Search results, with their renderings."""

    def get_or_search(self, key: Hashable, search: Callable[[], SearchResult]) -> Kept:
        """The kept result for ``key`` if still valid, else ``search()`` (kept for next time);
        switched off, the result is only wrapped (its renderings are not kept either)."""
        if not self.enabled:
            return Kept(search())
        return self.get_or_make(key, lambda: Kept(search(), {}))
