"""Nothing accepted is lost, nothing is counted twice: clicks and statistics events that Solr
cannot take are kept in the app's outbox on disk, survive a restart of the app, and are
counted exactly once when delivered, also when delivered again."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from flask import Flask

from solrclient import SolrClient, SolrConflict, Timeouts
from tests.reliability.support import free_port
from tests.support import Core, make_app
from tests.webapp.support import ensure_fixture_docs
from webapp.admin.repository import StatsStore
from webapp.admin.services import EXTENSION_KEY as ADMIN
from webapp.admin.stats import KIND as STATS, flush_all
from webapp.click_ledger import Applied, ClickLedger
from webapp.click_queue import ClickQueue
from webapp.outbox import EXTENSION_KEY as OUTBOX, Outbox
from webapp.statistics import new_event_id
from webapp.views.click import INLINE_KEY, QUEUE_KEY

DOC = "t-reisepass"


def _dead(path: str) -> SolrClient:
    return SolrClient(f"http://127.0.0.1:{free_port()}/solr/{path}",
                      timeouts=Timeouts.reading(1.0))


def _clicks(solr_url: str, doc_id: str = DOC) -> int:
    return int(Core(solr_url).get(doc_id, fl="clickCounter")["clickCounter"])


def _seq(solr_url: str, doc_id: str = DOC) -> int:
    return int(Core(solr_url).get(doc_id, fl="clickSeq").get("clickSeq") or 0)


def _click_events(app: Flask, click_id: str) -> list[dict]:
    services = app.extensions[ADMIN]
    services.stats.commit()
    return Core(services.stats.client.url).search(f"id:{click_id}", rows=10).docs


def test_a_click_solr_cannot_take_is_kept_and_counted_once_after_a_restart(
        solr_url: str, tmp_path: Path) -> None:
    ensure_fixture_docs(solr_url)
    flush_all()
    dir_ = str(tmp_path / "outbox")
    app = make_app(solr_url, outbox_dir=dir_)
    services = app.extensions[ADMIN]
    live_store = services.recorder.store
    # The page is found, but Solr takes neither the count nor the statistics now.
    queue: ClickQueue = app.extensions[QUEUE_KEY]
    app.extensions[INLINE_KEY] = queue.ledger = ClickLedger(_dead("stadtsuche"))
    services.recorder.store = StatsStore(_dead("stadtsuche_stats"))
    before = _clicks(solr_url)
    response = app.test_client().get("/klick", query_string={"id": DOC, "q": "Reisepass"})
    assert response.status_code == 303 and response.headers["X-Stadtsuche-Click"] == "queued"
    box: Outbox = app.extensions[OUTBOX]
    assert [d.outcome for d in queue.deliver_due(everything=True)] == [None]
    services.recorder.flush()
    assert box.pending("stats") == 1 and queue.pending() == 1 and _clicks(solr_url) == before
    (click_id,) = [row[0] for row in box.db().conn.execute("SELECT click_id FROM clicks")]

    # The app is restarted (a new app on the same outbox), Solr takes writes again.
    services.recorder.store = live_store
    again = make_app(solr_url, outbox_dir=dir_)
    again_queue: ClickQueue = again.extensions[QUEUE_KEY]
    assert again_queue.pending() == 1 and again.extensions[OUTBOX].pending("stats") == 1
    (delivery,) = again_queue.deliver_due(everything=True)
    assert delivery.outcome is Applied.COUNTED and delivery.clicks == 1
    again.extensions[ADMIN].recorder.flush()
    assert again_queue.pending() == 0 and again.extensions[OUTBOX].pending() == 0
    assert _clicks(solr_url) == before + 1
    (event,) = _click_events(again, click_id)
    assert event["doc_id"] == DOC and event["query"] == "reisepass"
    # The event delivered once more (e.g. two workers after a lease ran out): stored once.
    again.extensions[OUTBOX].put("stats", click_id,
                                 {k: v for k, v in event.items() if k != "_version_"})
    again.extensions[ADMIN].recorder.flush()
    assert _clicks(solr_url) == before + 1 and len(_click_events(again, click_id)) == 1


def test_clicks_whose_answer_was_lost_are_not_counted_twice(solr_url: str,
                                                            tmp_path: Path) -> None:
    ensure_fixture_docs(solr_url)
    app = make_app(solr_url, outbox_dir=str(tmp_path / "outbox"))
    queue: ClickQueue = app.extensions[QUEUE_KEY]
    ledger = queue.ledger
    before = _clicks(solr_url)
    seqs = [queue.accept(new_event_id(), DOC) for _ in range(3)]
    assert seqs == sorted(set(seqs))
    # Solr counted the first two, but the app never heard back: all three are still kept.
    assert ledger.apply(DOC, seqs[:2]) is Applied.COUNTED
    assert _seq(solr_url) == seqs[1]
    (delivery,) = queue.deliver_due(everything=True)
    assert delivery.outcome is Applied.COUNTED and queue.pending() == 0
    # Delivered again (the same numbers, e.g. by a second worker): nothing is added.
    assert ledger.apply(DOC, seqs) is Applied.COUNTED
    Core(solr_url).commit()
    assert _clicks(solr_url) == before + 3 and _seq(solr_url) == seqs[2]


def test_a_click_on_a_page_that_is_gone_is_dropped_not_created(solr_url: str,
                                                               tmp_path: Path) -> None:
    ensure_fixture_docs(solr_url)
    app = make_app(solr_url, outbox_dir=str(tmp_path / "outbox"))
    queue: ClickQueue = app.extensions[QUEUE_KEY]
    queue.accept(new_event_id(), "gibt-es-nicht")
    (delivery,) = queue.deliver_due(everything=True)
    assert delivery.outcome is Applied.GONE and queue.pending() == 0
    assert Core(solr_url).get("gibt-es-nicht") is None


def test_concurrent_deliverers_count_each_click_once(solr_url: str, tmp_path: Path) -> None:
    ensure_fixture_docs(solr_url)
    app = make_app(solr_url, outbox_dir=str(tmp_path / "outbox"))
    queue: ClickQueue = app.extensions[QUEUE_KEY]
    ledger = queue.ledger
    before = _clicks(solr_url)
    seqs = [queue.accept(new_event_id(), DOC) for _ in range(12)]
    # Each deliverer with another prefix of the pending clicks, and each twice, at once (no
    # lease: only the version check keeps them apart).
    outcomes: list[Applied] = []

    def deliverer(prefix: list[int]) -> None:
        # As the background round does: a deliverer that met too many conflicts tries again.
        for _ in range(20):
            try:
                outcomes.append(ledger.apply(DOC, prefix))
                return
            except SolrConflict:
                continue

    threads = [threading.Thread(target=deliverer, args=(seqs[:n],))
               for n in range(1, len(seqs) + 1) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes == [Applied.COUNTED] * len(threads)
    Core(solr_url).commit()
    assert _clicks(solr_url) == before + len(seqs) and _seq(solr_url) == seqs[-1]


def test_sequence_numbers_grow_across_a_new_outbox_file(tmp_path: Path) -> None:
    """A new or emptied file continues above every number an earlier one gave out."""
    first = ClickQueue(Outbox(tmp_path / "a.sqlite3"), ClickLedger(_dead("x")))
    a = [first.accept(new_event_id(), DOC) for _ in range(50)]
    second = ClickQueue(Outbox(tmp_path / "b.sqlite3"), ClickLedger(_dead("x")))
    b = second.accept(new_event_id(), DOC)
    assert a == sorted(set(a)) and b > a[-1]


def test_the_outbox_survives_a_restart_and_leases_items(tmp_path: Path) -> None:
    path = tmp_path / "box.sqlite3"
    first = Outbox(path)
    first.put("x", "a", {"n": 1})
    first.put("x", "a", {"n": 2})  # the same key is kept once, as first accepted
    second = Outbox(path)
    assert second.pending("x") == 1
    seen: list[dict] = []
    second.handle("x", lambda items: seen.extend(i.payload for i in items) or set())
    first.handle("x", lambda items: seen.extend(i.payload for i in items) or set())
    assert second.deliver("x") == 1 and seen == [{"n": 1}]
    # Taken by the second (failed, waits now); the first does not take it before it is due.
    assert first.deliver("x") == 1 and seen == [{"n": 1}]
    first.handle("x", lambda items: {i.key for i in items})
    assert first.deliver("x", everything=True) == 0 and second.pending() == 0


def test_one_deliverer_per_page_holds_the_lease(tmp_path: Path) -> None:
    queue = ClickQueue(Outbox(tmp_path / "box.sqlite3"), ClickLedger(_dead("x")))
    other = ClickQueue(Outbox(tmp_path / "box.sqlite3"), ClickLedger(_dead("x")))
    holder = queue._lease("page:a", 0)  # noqa: SLF001 - the lease itself is under test
    assert holder is not None and other._lease("page:a", 0.1) is None  # noqa: SLF001
    queue._release("page:a", holder)  # noqa: SLF001
    assert other._lease("page:a", 0) is not None  # noqa: SLF001


def test_a_new_outbox_file_opens_while_another_worker_writes_to_it(tmp_path: Path) -> None:
    # The app server's workers start together: SQLite refuses the switch to WAL at once
    # ("database is locked") while another connection writes, which killed a worker.
    import sqlite3
    path = tmp_path / "outbox.sqlite"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE other (x)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO other VALUES (1)")
    done = threading.Timer(0.5, lambda: writer.execute("COMMIT"))
    done.start()
    try:
        box = Outbox(path)
        box.put("kind", "key", {"a": 1})
        assert box.pending("kind") == 1
    finally:
        done.join()
        writer.close()


def test_a_batch_is_leased_once_in_the_order_accepted_and_kept_when_it_fails(
        tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.sqlite3")
    box._start = lambda: None  # type: ignore[method-assign] - delivered by hand here
    for n in range(1200):
        box.put("stats", f"e{n:04d}", {"n": n, "text": "Bürgeramt \u2013 öffnungszeiten"})
    seen: list[list[str]] = []
    failing = {"e0700"}

    def handler(items: list) -> set[str]:
        seen.append([item.key for item in items])
        # While this batch is out, nobody else gets it: its lease is running.
        leased = box.db().conn.execute(
            "SELECT COUNT(*) FROM outbox WHERE due > ? AND key IN "
            f"({', '.join('?' * len(items))})", (time.time() + 20, *(i.key for i in items)))
        assert leased.fetchone()[0] == len(items)
        return {item.key for item in items} - failing

    box.handle("stats", handler)
    # BATCH items per round, oldest first; a batch with a failure ends the delivery.
    assert box.deliver("stats") > 0
    flat = [key for batch in seen for key in batch]
    assert flat == sorted(flat) and len(set(flat)) == len(flat)
    assert [len(batch) for batch in seen[:2]] == [500, 500]
    assert box.pending("stats") == 1200 - len(flat) + 1
    (row,) = box.db().conn.execute(
        "SELECT attempts, payload FROM outbox WHERE key = 'e0700'").fetchall()
    assert row[0] == 1 and json.loads(row[1]) == {"n": 700, "text": "Bürgeramt – öffnungszeiten"}
    # Everything (the failed one too, and the leased ones) goes with everything=True.
    failing.clear()
    seen.clear()
    assert box.deliver("stats", everything=True) == 0
    assert "e0700" in [key for batch in seen for key in batch]
