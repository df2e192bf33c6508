"""The app's durable outbox: clicks and statistics events that are accepted but not yet
taken by Solr wait here, on disk, until a background step delivers them.

SQLite from the standard library: one file shared by all workers of a host (its locking
serialises them), written in WAL mode, so that an accepted event survives the worker being
killed and the app being restarted; no extra service to run. Delivery is at least once
(two workers may both deliver an item whose lease ran out); every item carries an id that
makes its delivery idempotent, so it counts exactly once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

log = logging.getLogger(__name__)

# An item taken for delivery is left to that worker this long before another may try it.
LEASE_S = 30.0
# Waiting time after a failed delivery: doubles per attempt, up to this.
MAX_BACKOFF_S = 30.0
BATCH = 500
#: Where the app keeps its outbox (``app.extensions``).
EXTENSION_KEY = "stadtsuche.outbox"

_SCHEMA = """CREATE TABLE IF NOT EXISTS outbox (
    kind TEXT NOT NULL, key TEXT NOT NULL, payload TEXT NOT NULL,
    created REAL NOT NULL, due REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, key))"""


@dataclass(frozen=True)
class Item:
    """One accepted event: its idempotency key, kind and content."""

    key: str
    kind: str
    payload: dict[str, Any]
    attempts: int


#: Delivers a batch; returns the keys Solr took (the others are tried again later).
Handler = Callable[[list[Item]], set[str]]


def outbox_path(folder: str, solr_url: str) -> Path:
    """One outbox per Solr address: the workers of one app share it, tests do not."""
    digest = hashlib.sha1(solr_url.encode()).hexdigest()[:16]
    return Path(folder) / f"outbox-{digest}.sqlite3"


# How long a connection waits for another process's lock on the file.
BUSY_S = 30.0


def _wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL mode. SQLite answers "database is locked" at once, without its
    busy timeout, while another connection writes: the app server's workers start together
    and all open a new file, so the switch is tried again until the writer is done."""
    deadline = time.monotonic() + BUSY_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _encoded(payload: dict[str, Any]) -> str:
    """The payload as JSON text (orjson: a put costs a few microseconds instead of the
    standard library's tens; the text stays JSON that any reader of the file can parse)."""
    return orjson.dumps(payload).decode("utf-8")


class Outbox:
    """A durable queue of items by kind, each delivered by the handler of its kind."""

    def __init__(self, path: Path, interval_s: float = 1.0) -> None:
        self.path = path
        self.interval_s = interval_s
        self._handlers: dict[str, Handler] = {}
        self._rounds: dict[str, Callable[[], object]] = {}
        self._every: dict[str, float] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._db_lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._conn_pid = 0
        self._thread: threading.Thread | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute(_SCHEMA)
            db.execute("CREATE INDEX IF NOT EXISTS outbox_due ON outbox (kind, due)")

    def db(self) -> _Tx:
        """This process's connection to the outbox file, for one thread at a time (``with``);
        other queues of the app keep their tables in the same file."""
        return self._db()

    def _db(self) -> _Tx:
        # One connection per process (the app server forks workers after the app is built).
        if self._conn is None or self._conn_pid != os.getpid():
            conn = sqlite3.connect(self.path, timeout=BUSY_S, isolation_level=None,
                                   check_same_thread=False)
            _wal(conn)
            # NORMAL: a commit is in the WAL file before put() returns, which survives the
            # process being killed; only an operating system crash may lose the last ones.
            conn.execute("PRAGMA synchronous=NORMAL")
            self._conn, self._conn_pid = conn, os.getpid()
        return _Tx(self._conn, self._db_lock)

    def handle(self, kind: str, handler: Handler, every_s: float = 2.0) -> None:
        """Deliver items of ``kind`` with ``handler`` from now on, every ``every_s``."""
        self._handlers[kind] = handler
        self._every[kind] = every_s

    def every(self, name: str, step: Callable[[], object], every_s: float = 2.0) -> None:
        """Run ``step`` in the background every ``every_s`` (a queue with its own tables)."""
        self._rounds[name] = step
        self._every[name] = every_s

    def put(self, kind: str, key: str, payload: dict[str, Any], delay_s: float = 0.0) -> None:
        """Keep an item until it is delivered (a key already kept is left as it is)."""
        now = time.time()
        with self._db() as db:
            db.execute("INSERT OR IGNORE INTO outbox (key, kind, payload, created, due) "
                       "VALUES (?, ?, ?, ?, ?)", (key, kind, _encoded(payload), now,
                                                  now + delay_s))
        self._start()

    def forget(self, kind: str, key: str) -> None:
        """Drop an item that was delivered (or no longer needs delivery) outside the queue."""
        with self._db() as db:
            db.execute("DELETE FROM outbox WHERE kind = ? AND key = ?", (kind, key))

    def pending(self, kind: str | None = None) -> int:
        """Items not yet delivered (of ``kind``, or all)."""
        with self._db() as db:
            sql, args = "SELECT COUNT(*) FROM outbox", ()
            if kind:
                sql, args = sql + " WHERE kind = ?", (kind,)
            return int(db.execute(sql, args).fetchone()[0])

    def deliver(self, kind: str, everything: bool = False) -> int:
        """Deliver the due items of ``kind`` now (``everything``: also those waiting after
        a failure or leased by another worker); returns how many are still kept."""
        handler = self._handlers.get(kind)
        if handler is None:
            return self.pending(kind)
        while True:
            items = self._take(kind, everything)
            if not items:
                return self.pending(kind)
            try:
                delivered = handler(items)
            except Exception:  # noqa: BLE001 - kept and tried again; the log says why
                log.exception("Outbox delivery of %d %s items failed", len(items), kind)
                delivered = set()
            self._settle(items, delivered)
            if len(delivered) < len(items):
                return self.pending(kind)

    def _take(self, kind: str, everything: bool) -> list[Item]:
        now = time.time()
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                # One statement leases the batch (the oldest due items) and returns it.
                rows = db.execute(
                    "UPDATE outbox SET due = ? WHERE rowid IN (SELECT rowid FROM outbox "
                    "WHERE kind = ? AND due <= ? ORDER BY created LIMIT ?) "
                    "RETURNING created, rowid, key, kind, payload, attempts",
                    (now + LEASE_S, kind, float("inf") if everything else now,
                     BATCH)).fetchall()
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        # RETURNING gives no order: oldest first, as they were accepted.
        rows.sort(key=lambda row: (row[0], row[1]))
        return [Item(k, kd, orjson.loads(p), a) for _, _, k, kd, p, a in rows]

    def _settle(self, items: list[Item], delivered: set[str]) -> None:
        now = time.time()
        done: dict[str, list[str]] = {}
        for item in items:
            if item.key in delivered:
                done.setdefault(item.kind, []).append(item.key)
        with self._db() as db:
            # One statement per kind (a batch is at most BATCH keys, far below SQLite's
            # limit of bound values) instead of one per item.
            for kind, keys in done.items():
                db.execute("DELETE FROM outbox WHERE kind = ? AND key IN "
                           f"({', '.join('?' * len(keys))})", (kind, *keys))
            db.executemany(
                "UPDATE outbox SET attempts = attempts + 1, due = ? WHERE kind = ? AND key = ?",
                [(now + min(MAX_BACKOFF_S, 2.0 ** item.attempts), item.kind, item.key)
                 for item in items if item.key not in delivered])

    def _start(self) -> None:
        # Started on first use, so that it runs in the server's worker, not its main process.
        if self._thread is not None and self._thread.is_alive():
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="outbox", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            time.sleep(self.interval_s)
            steps = {**{kind: (lambda k=kind: self.deliver(k)) for kind in self._handlers},
                     **self._rounds}
            for name, step in list(steps.items()):
                if time.monotonic() - self._last.get(name, float("-inf")) < self._every[name]:
                    continue
                self._last[name] = time.monotonic()
                try:
                    step()
                except Exception:  # noqa: BLE001 - the next round tries again
                    log.exception("Outbox round for %s failed", name)

    def start(self) -> None:
        """Deliver in the background (also what earlier runs of the app left behind)."""
        self._start()


class _Tx:
    """The connection, used by one thread at a time."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock) -> None:
        self.conn, self.lock = conn, lock

    def __enter__(self) -> sqlite3.Connection:
        self.lock.acquire()
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.lock.release()

