"""Nothing accepted is lost, nothing is counted twice: clicks and statistics events that Solr
cannot take are kept in the app's outbox on disk, survive a restart of the app, and are
counted exactly once when delivered, also when delivered again."""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Flask

from solrclient import SolrClient, Timeouts
from tests.reliability.support import free_port
from tests.support import Core, make_app
from tests.webapp.support import ensure_fixture_docs
from webapp.admin.repository import StatsStore
from webapp.admin.services import EXTENSION_KEY as ADMIN
from webapp.admin.stats import KIND as STATS, flush_all
from webapp.click_ledger import Applied, ClickLedger
from webapp.outbox import EXTENSION_KEY as OUTBOX, Outbox
from webapp.statistics import new_event_id
from webapp.views.click import KIND as CLICK, LEDGER_KEY

DOC = "t-reisepass"


def _dead(path: str) -> SolrClient:
    return SolrClient(f"http://127.0.0.1:{free_port()}/solr/{path}",
                      timeouts=Timeouts.reading(1.0))


def _clicks(solr_url: str, doc_id: str = DOC) -> int:
    return int(Core(solr_url).get(doc_id, fl="clickCounter")["clickCounter"])


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
    app.extensions[LEDGER_KEY] = ClickLedger(_dead("stadtsuche"))
    services.recorder.store = StatsStore(_dead("stadtsuche_stats"))
    before = _clicks(solr_url)
    response = app.test_client().get("/klick", query_string={"id": DOC, "q": "Reisepass"})
    assert response.status_code == 303 and response.headers["X-Stadtsuche-Click"] == "queued"
    box: Outbox = app.extensions[OUTBOX]
    assert box.deliver(CLICK, everything=True) == 1
    services.recorder.flush()
    assert box.pending(STATS) == 1 and _clicks(solr_url) == before
    (click_id,) = [row[0] for row in box._db().conn.execute(  # noqa: SLF001 - test looks inside
        "SELECT key FROM outbox WHERE kind = ?", (CLICK,))]

    # The app is restarted (a new app on the same outbox), Solr takes writes again.
    services.recorder.store = live_store
    again = make_app(solr_url, outbox_dir=dir_)
    again_box: Outbox = again.extensions[OUTBOX]
    assert again_box.pending() == 2
    assert again_box.deliver(CLICK, everything=True) == 0
    again.extensions[ADMIN].recorder.flush()
    assert again_box.pending() == 0
    assert _clicks(solr_url) == before + 1
    (event,) = _click_events(again, click_id)
    assert event["doc_id"] == DOC and event["query"] == "reisepass"
    # Delivered once more (e.g. two workers after a lease ran out): still counted once.
    again_box.put(CLICK, click_id, {"doc_id": DOC})
    again_box.put(STATS, click_id, {k: v for k, v in event.items() if k != "_version_"})
    again_box.deliver(CLICK, everything=True)
    again.extensions[ADMIN].recorder.flush()
    assert _clicks(solr_url) == before + 1 and len(_click_events(again, click_id)) == 1


def test_a_click_whose_answer_was_lost_is_not_counted_twice(solr_url: str,
                                                            tmp_path: Path) -> None:
    ensure_fixture_docs(solr_url)
    app = make_app(solr_url, outbox_dir=str(tmp_path / "outbox"))
    ledger: ClickLedger = app.extensions[LEDGER_KEY]
    box: Outbox = app.extensions[OUTBOX]
    before = _clicks(solr_url)
    click_id = new_event_id()
    # Solr applied it, but the app never heard back: the click stays in the outbox.
    assert ledger.apply(DOC, click_id) is Applied.COUNTED
    box.put(CLICK, click_id, {"doc_id": DOC})
    assert box.deliver(CLICK, everything=True) == 0
    assert ledger.apply(DOC, click_id) is Applied.COUNTED
    Core(solr_url).commit()
    assert _clicks(solr_url) == before + 1
    assert ledger.apply("gibt-es-nicht", click_id) is Applied.GONE
    assert Core(solr_url).get("gibt-es-nicht") is None


def test_concurrent_clicks_each_delivered_twice_count_once_each(solr_url: str,
                                                                tmp_path: Path) -> None:
    ensure_fixture_docs(solr_url)
    app = make_app(solr_url, outbox_dir=str(tmp_path / "outbox"))
    ledger: ClickLedger = app.extensions[LEDGER_KEY]
    before = _clicks(solr_url)
    ids = [new_event_id() for _ in range(12)]
    threads = [threading.Thread(target=ledger.apply, args=(DOC, i)) for i in ids + ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    Core(solr_url).commit()
    assert _clicks(solr_url) == before + len(ids)


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
