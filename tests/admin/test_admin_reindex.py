"""Reindex from the web: progress, completion, one run at a time, clean failure."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from solrlauncher import StandaloneSolr
from solrclient import SolrClient, Timeouts
from tests.admin.conftest import csrf, make_app, sign_in
from tests.support import Core
from webapp.admin.reindex import LOCK_ID, ReindexBusy, ReindexRunner
from webapp.admin.repository import StatsStore

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>{title} - Stadt Jena</title><meta name="description" content="{title} in Jena.">
<meta name="dcterms.modified" content="2025-10-0{day}"></head>
<body><header><nav>NAVTEXT</nav></header>
<div class="breadcrumbs"><a href="/">Startseite</a> › <a href="/test/">Testseiten</a></div>
<main><h1>{title}</h1><p>{title}: Informationen der Stadtverwaltung Jena zum Thema Nummer
{n}. Bitte bringen Sie Ihre Unterlagen mit.</p></main><footer>FOOTERTEXT</footer></body></html>"""


def make_site(root: Path, count: int) -> Path:
    """A folder of ``count`` small city pages."""
    (root / "test").mkdir(parents=True)
    for n in range(count):
        (root / "test" / f"seite-{n}.html").write_text(
            PAGE.format(title=f"Testseite {n}", n=n, day=n % 9 + 1), encoding="utf-8")
    return root


def _ids(solr_url: str) -> list[str]:
    return Core(solr_url).ids(rows=1000, sort="id asc")


def _wait_done(client: FlaskClient, job_url: str, timeout: float = 120) -> list[dict]:
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen.append(client.get(job_url).json)
        if seen[-1]["status"] != "running":
            return seen
        time.sleep(0.1)
    raise AssertionError(f"run did not finish: {seen[-1]}")


@pytest.fixture()
def site_app(solr_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    """An app whose reindex source is a folder of 300 pages."""
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "state.json"))
    return make_app(solr_url, INDEX_SOURCE=str(make_site(tmp_path / "site", 300)))


def test_reindex_from_the_web_shows_progress_and_completes(site_app: Flask, solr_url: str,
                                                           empty_core: object) -> None:
    admin = sign_in(site_app.test_client())
    form = admin.get("/admin/reindex").get_data(as_text=True)
    assert "Reindizierung starten" in form and "Noch keine Läufe" in form
    started = admin.post("/admin/reindex", data={"art": "full", "csrf_token": csrf(admin)})
    assert started.status_code == 302
    job_page_url = started.headers["Location"]
    job_id = job_page_url.rsplit("/", 1)[1]
    page = admin.get(job_page_url).get_data(as_text=True)
    assert '<progress id="fortschritt" max="100"' in page
    if 'data-status="running"' in page:
        # Without JavaScript the page refreshes itself while the run goes on.
        assert '<meta http-equiv="refresh" content="3">' in page
        assert "Seite neu laden" in page
    # A second run is refused while the first holds the lock.
    second = admin.post("/admin/reindex", data={"art": "incremental", "csrf_token": csrf(admin)},
                        follow_redirects=True)
    if 'data-status="running"' in second.get_data(as_text=True):
        assert "Es läuft bereits eine Reindizierung" in second.get_data(as_text=True)

    seen = _wait_done(admin, f"/admin/api/reindex/{job_id}")
    final = seen[-1]
    assert final["status"] == "done", final
    assert final["percent"] == 100 and final["mode"] == "full" and final["user"] == "redaktion"
    assert final["done"] == final["total"] == 300
    assert "indexiert: 300" in final["message"] and "fehlgeschlagen: 0" in final["message"]
    assert "indexiert: 300" in final["report"]
    progress = [s for s in seen if s["status"] == "running" and 0 < s["done"] < 300]
    assert progress, f"no intermediate progress among {len(seen)} polls"
    assert all(s["total"] == 300 for s in progress)
    assert Core(solr_url).count() == 300
    done_page = admin.get(job_page_url).get_data(as_text=True)
    assert "Fertig:" in done_page and "http-equiv" not in done_page
    overview = admin.get("/admin/reindex").get_data(as_text=True)
    assert "fertig" in overview and job_id in overview

    # An incremental run afterwards finds nothing changed.
    again = admin.post("/admin/reindex", data={"art": "incremental", "csrf_token": csrf(admin)})
    result = _wait_done(admin, "/admin/api/reindex/" + again.headers["Location"].rsplit("/", 1)[1])
    assert "unverändert: 300" in result[-1]["message"]


def test_reindex_with_solr_down_fails_cleanly_and_keeps_the_index(
        site_app: Flask, solr: StandaloneSolr, solr_url: str, pages: list) -> None:
    admin = sign_in(site_app.test_client())
    admin.get("/admin/reindex")
    before = _ids(solr_url)
    assert before
    solr.stop()
    try:
        response = admin.post("/admin/reindex", data={"art": "full", "csrf_token": csrf(admin)})
        text = response.get_data(as_text=True)
        assert response.status_code == 503
        assert "Reindizierung nicht gestartet, der bestehende Index bleibt unverändert" in text
        assert "nicht erreichbar" in text and "Traceback" not in text
        api = admin.get("/admin/api/ranking")
        assert api.status_code == 503 and "Solr" in api.json["error"]
    finally:
        solr.start()
    assert _ids(solr_url) == before


def test_run_that_cannot_write_the_index_fails_with_reason(
        solr: StandaloneSolr, solr_url: str, pages: list, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "state.json"))
    app = make_app(f"{solr.base_url}/gibt_es_nicht",
                   STATS_SOLR_URL=solr.url_for("stadtsuche_stats"),
                   INDEX_SOURCE=str(make_site(tmp_path / "site", 5)))
    admin = sign_in(app.test_client())
    before = _ids(solr_url)
    admin.get("/admin/reindex")
    started = admin.post("/admin/reindex", data={"art": "full", "csrf_token": csrf(admin)})
    job_id = started.headers["Location"].rsplit("/", 1)[1]
    final = _wait_done(admin, f"/admin/api/reindex/{job_id}")[-1]
    assert final["status"] == "failed"
    assert final["message"].startswith("Abgebrochen, der bestehende Index ist unverändert")
    assert "gibt_es_nicht" in final["message"]
    page = admin.get(f"/admin/reindex/{job_id}").get_data(as_text=True)
    assert "Fehlgeschlagen:" in page and 'class="error-box"' in page
    assert _ids(solr_url) == before
    # The lock was released: the next run may start.
    assert Core(solr.url_for("stadtsuche_stats")).get(LOCK_ID) is None


def test_only_one_run_across_workers(solr: StandaloneSolr) -> None:
    """Two runners (as in two server workers) share the lock record in Solr."""
    release = threading.Event()
    calls = []

    def slow_index(sources, full, progress, cancel):
        calls.append(sources)
        progress(1, 2, "https://www.jena.de/test/1")
        release.wait(30)
        return True, "fertig", "Bericht"

    store = StatsStore(SolrClient(solr.url_for("stadtsuche_stats"), timeouts=Timeouts.reading(10)))
    first = ReindexRunner(store, slow_index, "quelle", stale_seconds=600)
    second = ReindexRunner(store, slow_index, "quelle", stale_seconds=600)
    job = first.start("full", "", "a")
    try:
        with pytest.raises(ReindexBusy) as busy:
            second.start("incremental", "", "b")
        assert str(busy.value) == job.id
        assert second.running_job() == job.id
        deadline = time.monotonic() + 10
        while second.job(job.id).done != 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert second.job(job.id).status == "running" and second.job(job.id).done == 1
    finally:
        release.set()
    deadline = time.monotonic() + 10
    while second.job(job.id).status == "running" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert second.job(job.id).status == "done" and second.job(job.id).report == "Bericht"
    release.clear()
    release.set()
    later = second.start("incremental", "", "b")
    deadline = time.monotonic() + 10
    while second.job(later.id).status == "running" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(calls) == 2


def test_stale_lock_of_a_dead_worker_is_taken_over(solr: StandaloneSolr) -> None:
    store = StatsStore(SolrClient(solr.url_for("stadtsuche_stats"), timeouts=Timeouts.reading(10)))
    store.add([{"id": LOCK_ID, "type": "lock", "owner": "verstorben",
                "heartbeat": "2020-01-01T00:00:00Z"}], 0)
    runner = ReindexRunner(store, lambda s, f, p, c: (True, "ok", ""), "quelle", stale_seconds=60)
    job = runner.start("full", "", "a")
    deadline = time.monotonic() + 10
    while runner.job(job.id).status == "running" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert runner.job(job.id).status == "done"


def test_bad_reindex_forms_are_explained(admin: FlaskClient) -> None:
    admin.get("/admin/reindex")
    no_mode = admin.post("/admin/reindex", data={"csrf_token": csrf(admin)})
    assert no_mode.status_code == 400
    assert "Bitte wählen Sie die Art" in no_mode.get_data(as_text=True)
    bad_url = admin.post("/admin/reindex", data={"art": "url", "url": "javascript:alert(1)",
                                                 "csrf_token": csrf(admin)})
    assert bad_url.status_code == 400 and "vollständige Adresse" in bad_url.get_data(as_text=True)
    assert admin.get("/admin/api/reindex/unbekannt").status_code == 404
    assert admin.get("/admin/reindex/unbekannt").status_code == 404


def test_single_url_reindex(admin: FlaskClient, solr_url: str, empty_core: object,
                            tmp_path: Path) -> None:
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    site = make_site(tmp_path / "web", 3)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/test/seite-1.html"
        admin.get("/admin/reindex")
        started = admin.post("/admin/reindex", data={"art": "url", "url": url,
                                                     "csrf_token": csrf(admin)})
        job_id = started.headers["Location"].rsplit("/", 1)[1]
        final = _wait_done(admin, f"/admin/api/reindex/{job_id}")[-1]
    finally:
        server.shutdown()
        server.server_close()
    assert final["status"] == "done", final
    assert final["target"] == url and "indexiert: 1" in final["message"]
    docs = Core(solr_url).search("*:*", fl="url,title").docs
    assert [d["title"] for d in docs] == ["Testseite 1"]


def test_worker_shutdown_cancels_its_run_and_frees_the_lock(solr: StandaloneSolr) -> None:
    cancelled = []

    def index_until_cancelled(sources, full, progress, cancel):
        progress(1, 100, "https://www.jena.de/test/1")
        cancel.wait(30)
        cancelled.append(cancel.is_set())
        return False, "Abgebrochen; es wurde nichts gelöscht.", ""

    store = StatsStore(SolrClient(solr.url_for("stadtsuche_stats"), timeouts=Timeouts.reading(10)))
    runner = ReindexRunner(store, index_until_cancelled, "quelle", stale_seconds=600)
    job = runner.start("full", "", "a")
    runner.shutdown(wait_seconds=10)
    assert cancelled == [True]
    assert runner.job(job.id).status == "failed"
    assert runner.running_job() is None


def test_a_run_without_heartbeat_is_shown_as_ended(solr: StandaloneSolr) -> None:
    store = StatsStore(SolrClient(solr.url_for("stadtsuche_stats"), timeouts=Timeouts.reading(10)))
    store.add([{"id": "job:tot", "type": "job", "job_id": "tot", "status": "running",
                "mode": "full", "ts": "2020-01-01T00:00:00Z",
                "heartbeat": "2020-01-01T00:00:00Z"}], 0)
    runner = ReindexRunner(store, lambda s, f, p, c: (True, "", ""), "quelle", stale_seconds=60)
    job = runner.job("tot")
    assert job.status == "failed" and "vermutlich beendet" in job.message
