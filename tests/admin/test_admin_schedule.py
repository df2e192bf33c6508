"""The scheduled reindex runs through the admin's runner and shows on the admin start page."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from tests.admin.conftest import make_app, sign_in
from tests.admin.test_admin_reindex import make_site
from tests.support import Core
from webapp.admin.schedule import SCHEDULE_USER, build_runner, main, run_every
from stadtsuche.settings import load_settings


@pytest.fixture()
def schedule_env(solr_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings of a schedule process on the session's Solr, indexing a 12-page folder."""
    site = make_site(tmp_path / "site", 12)
    for name, value in {"SOLR_URL": solr_url, "ENV": "development", "INDEX_SOURCE": str(site),
                        "INDEXER_STATE": str(tmp_path / "state.json"),
                        "CRAWL_DELAY": "0"}.items():
        monkeypatch.setenv(f"STADTSUCHE_{name}", value)
    return site


def _start_page(solr_url: str) -> str:
    admin = sign_in(make_app(solr_url).test_client())
    return admin.get("/admin/").get_data(as_text=True)


def test_scheduled_run_indexes_and_shows_on_the_start_page(
        schedule_env: Path, solr_url: str, empty_core: object) -> None:
    assert main(["--once"]) == 0
    count = Core(solr_url).count()
    assert count == 12
    page = _start_page(solr_url)
    runs = page.split('id="letzte-laeufe"', 1)[1].split("</table>", 1)[0]
    first_row = runs.split("<tr>")[2]
    assert f"<td>{SCHEDULE_USER}</td>" in first_row and "fertig" in first_row
    assert "Inkrementell" in first_row and "indexiert: 12" in first_row
    assert '<dd id="seiten-im-index">12</dd>' in page
    assert '<dd id="solr-zustand">erreichbar</dd>' in page


def test_failed_scheduled_run_shows_its_reason_and_logs_it(
        schedule_env: Path, solr_url: str, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("STADTSUCHE_INDEX_SOURCE", "http://127.0.0.1:9/sitemap.xml")
    with caplog.at_level(logging.ERROR, logger="webapp.admin.schedule"):
        assert main(["--once"]) == 1
    logged = [r.getMessage() for r in caplog.records if "failed" in r.getMessage()]
    reason = "der bestehende Index ist unverändert geblieben: Sitemap nicht abrufbar"
    assert logged and reason in logged[0] and "http://127.0.0.1:9/sitemap.xml" in logged[0]
    page = _start_page(solr_url)
    failure = page.split('id="letzter-fehler">', 1)[1].split("</p>", 1)[0]
    assert SCHEDULE_USER in failure
    assert reason in failure and "http://127.0.0.1:9/sitemap.xml" in failure


def test_schedule_repeats_and_takes_turns_with_the_lock(schedule_env: Path, solr_url: str,
                                                      empty_core: object) -> None:
    runner = build_runner(load_settings())
    assert run_every(runner, 0.05, threading.Event(), max_runs=2) == 2
    ours = [job for job in runner.recent(10) if job.user == SCHEDULE_USER]
    assert [job.status for job in ours[:2]] == ["done", "done"]
    assert "unverändert: 12" in ours[0].message  # the second run found nothing new


def test_schedule_refuses_without_source_in_production(
        schedule_env: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("STADTSUCHE_ENV", "production")
    monkeypatch.delenv("STADTSUCHE_INDEX_SOURCE")
    with caplog.at_level(logging.ERROR):
        assert main([]) == 2
    assert "STADTSUCHE_INDEX_SOURCE is not set" in caplog.text
    monkeypatch.setenv("STADTSUCHE_ENV", "development")
    monkeypatch.setenv("STADTSUCHE_REINDEX_EVERY_MINUTES", "0")
    assert main([]) == 2
    assert "STADTSUCHE_REINDEX_EVERY_MINUTES ist 0" in caplog.text


def test_admin_reindex_in_production_needs_a_named_source(
        solr_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.admin.conftest import csrf

    for name in ("INDEX_SOURCE", "BASE_URL"):
        monkeypatch.delenv(f"STADTSUCHE_{name}", raising=False)
    app = make_app(solr_url, env="production", SECRET_KEY="s" * 48)
    admin = sign_in(app.test_client())
    refused = admin.post("/admin/reindex", data={"art": "full", "csrf_token": csrf(admin)})
    assert refused.status_code == 409
    page = refused.get_data(as_text=True)
    assert "keine Quelle eingerichtet" in page and "STADTSUCHE_INDEX_SOURCE is not set" in page
    form = admin.get("/admin/reindex").get_data(as_text=True)
    assert 'id="keine-quelle"' in form and "STADTSUCHE_INDEX_SOURCE is not set" in form


def test_full_run_refused_by_the_deletion_limit_is_a_visible_failure(
        schedule_env: Path, solr_url: str, empty_core: object) -> None:
    runner = build_runner(load_settings())
    first = runner.wait(runner.start("full", "", "redaktion").id)
    assert first is not None and first.status == "done", first
    for page in sorted((schedule_env / "test").glob("*.html"))[:6]:
        page.unlink()
    refused = runner.wait(runner.start("full", "", "redaktion").id)
    assert refused is not None and refused.status == "failed"
    assert refused.message.startswith("Abgebrochen, der bestehende Index ist unverändert")
    assert "6 von 12 Seiten" in refused.message and "nichts gelöscht" in refused.message
    count = Core(solr_url).count()
    assert count == 12
    page = _start_page(solr_url)
    assert "6 von 12 Seiten" in page.split('id="letzter-fehler">', 1)[1].split("</p>", 1)[0]
