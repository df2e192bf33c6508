"""Accepted clicks on disk, numbered in order, delivered page by page until Solr has them.

The clicks live in the outbox's SQLite file (``webapp.outbox``), in a table of their own:
each accepted click gets a sequence number that only grows on this host (the larger of the
last number + 1 and the current time in microseconds, so a new or emptied file continues
above every number already counted). A page's clicks are delivered together, all that are
pending for it, by ``ClickLedger.apply``; they stay here until Solr confirmed them, also
across a killed worker or a restart.

One deliverer per page at a time: a lease in the same file (taken by the request that
accepted a click, or by the background round). The lease only saves work; correctness does
not depend on it, because every write is conditional on the page's version (see
``webapp.click_ledger``).
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass

from solrclient import SolrError

from .click_ledger import Applied, ClickLedger
from .outbox import MAX_BACKOFF_S, Outbox

log = logging.getLogger(__name__)

# A lease longer than one page's delivery can take (a few Solr calls, each with its timeout).
LEASE_S = 30.0
# Pages delivered per background round.
PAGES_PER_ROUND = 200

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS clicks (
        seq INTEGER PRIMARY KEY, click_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL,
        created REAL NOT NULL, due REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX IF NOT EXISTS clicks_doc ON clicks (doc_id, seq)",
    "CREATE TABLE IF NOT EXISTS click_seq (one INTEGER PRIMARY KEY CHECK (one = 1), "
    "last INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, "
    "until REAL NOT NULL)",
)


@dataclass(frozen=True)
class Delivery:
    """What one attempt to deliver a page's clicks came to."""

    doc_id: str
    outcome: Applied | None   # None: not delivered now (Solr could not take it, or leased)
    clicks: int


class ClickQueue:
    """The durable, ordered queue of accepted clicks and their delivery to Solr."""

    def __init__(self, outbox: Outbox, ledger: ClickLedger) -> None:
        self.outbox, self.ledger = outbox, ledger
        with outbox.db() as db:
            for statement in _SCHEMA:
                db.execute(statement)

    def accept(self, click_id: str, doc_id: str, delay_s: float = 0.0) -> int:
        """Keep the click on disk before anything else happens to it; its sequence number."""
        now = time.time()
        with self.outbox.db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute("SELECT last FROM click_seq WHERE one = 1").fetchone()
                seq = max((row[0] if row else 0) + 1, time.time_ns() // 1000)
                db.execute("INSERT OR REPLACE INTO click_seq (one, last) VALUES (1, ?)", (seq,))
                db.execute("INSERT INTO clicks (seq, click_id, doc_id, created, due) "
                           "VALUES (?, ?, ?, ?, ?)", (seq, click_id, doc_id, now, now + delay_s))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        self.outbox.start()
        return seq

    def is_pending(self, click_id: str) -> bool:
        """True while the click waits for Solr."""
        with self.outbox.db() as db:
            return db.execute("SELECT 1 FROM clicks WHERE click_id = ?",
                              (click_id,)).fetchone() is not None

    def pending(self) -> int:
        """Accepted clicks not yet confirmed by Solr."""
        with self.outbox.db() as db:
            return int(db.execute("SELECT COUNT(*) FROM clicks").fetchone()[0])

    def deliver_page(self, doc_id: str, wait_s: float = 0.0,
                     ledger: ClickLedger | None = None) -> Delivery:
        """Deliver every pending click of the page now, if no one else is (waiting up to
        ``wait_s`` for another deliverer's lease), with ``ledger`` or the queue's own."""
        holder = self._lease(f"page:{doc_id}", wait_s)
        if holder is None:
            return Delivery(doc_id, None, 0)
        try:
            seqs = self._seqs(doc_id)
            if not seqs:
                return Delivery(doc_id, Applied.COUNTED, 0)
            try:
                outcome = (ledger or self.ledger).apply(doc_id, seqs)
            except SolrError as err:
                log.warning("%d clicks on %s kept for later: %s", len(seqs), doc_id, err)
                self._back_off(doc_id)
                return Delivery(doc_id, None, len(seqs))
            if outcome is Applied.GONE:
                log.warning("%d clicks on %s dropped: the page is no longer in the index",
                            len(seqs), doc_id)
            self._settle(doc_id, max(seqs))
            return Delivery(doc_id, outcome, len(seqs))
        finally:
            self._release(f"page:{doc_id}", holder)

    def deliver_due(self, everything: bool = False) -> list[Delivery]:
        """One background round: deliver the pages whose clicks are due (``everything``:
        also those waiting after a failure)."""
        now = float("inf") if everything else time.time()
        with self.outbox.db() as db:
            pages = [r[0] for r in db.execute(
                "SELECT doc_id FROM clicks GROUP BY doc_id HAVING MIN(due) <= ? "
                "ORDER BY MIN(seq) LIMIT ?", (now, PAGES_PER_ROUND))]
        done: list[Delivery] = []
        for doc_id in pages:
            done.append(self.deliver_page(doc_id))
            if done[-1].outcome is None and done[-1].clicks:
                break  # Solr cannot take clicks now; this page waits, the others next round
        return done

    def _seqs(self, doc_id: str) -> list[int]:
        with self.outbox.db() as db:
            return [r[0] for r in db.execute("SELECT seq FROM clicks WHERE doc_id = ? "
                                             "ORDER BY seq", (doc_id,))]

    def _settle(self, doc_id: str, top: int) -> None:
        # Clicks accepted after the read have larger numbers and stay.
        with self.outbox.db() as db:
            db.execute("DELETE FROM clicks WHERE doc_id = ? AND seq <= ?", (doc_id, top))

    def _back_off(self, doc_id: str) -> None:
        with self.outbox.db() as db:
            db.execute("UPDATE clicks SET attempts = attempts + 1, due = ? + MIN(?, "
                       "(1 << MIN(attempts, 5))) WHERE doc_id = ?",
                       (time.time(), MAX_BACKOFF_S, doc_id))

    def _lease(self, name: str, wait_s: float) -> str | None:
        holder = f"{os.getpid()}-{threading.get_ident()}-{uuid.uuid4().hex[:8]}"
        deadline = time.monotonic() + wait_s
        while True:
            now = time.time()
            with self.outbox.db() as db:
                taken = db.execute(
                    "INSERT INTO leases (name, holder, until) VALUES (?, ?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
                    "until = excluded.until WHERE leases.until < ?",
                    (name, holder, now + LEASE_S, now)).rowcount
            if taken:
                return holder
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)

    def _release(self, name: str, holder: str) -> None:
        with self.outbox.db() as db:
            db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))
