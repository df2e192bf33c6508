"""Page inspector and start page overview: the stored page as visitors see it, reindexing one
URL through the indexer, removal with confirmation, the queries that led to clicks; the
overview's counts, runs, Solr state and 30-day chart with its table."""

from __future__ import annotations

import functools
import re
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.admin.conftest import csrf
from tests.admin.support import commit_statistics, html_table
from tests.admin.test_admin_reindex import make_site
from tests.support import Core


@pytest.fixture()
def site_url(tmp_path: Path) -> Iterator[str]:
    """Three small pages served over HTTP."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(make_site(tmp_path / "w", 3)))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/test/"
    server.shutdown()
    server.server_close()


def _fields(html: str) -> dict[str, str]:
    from bs4 import BeautifulSoup
    table = BeautifulSoup(html, "lxml").find("table", id="seiten-felder")
    return {tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True) for tr in table.find_all("tr")}


def test_lookup_by_url_and_title_with_click_queries(admin: FlaskClient, app: Flask,
                                                    solr_url: str, pages: list) -> None:
    visitor = app.test_client()
    visitor.get("/klick/adm-fundbuero", query_string={"q": "Verloren"})
    visitor.get("/klick/adm-fundbuero", query_string={"q": "verloren"})
    visitor.get("/klick/adm-fundbuero", query_string={"q": "Schlüssel"})
    commit_statistics(app)
    # Click counts become visible with the page core's next commit (within a second).
    Core(solr_url).commit()
    listing = admin.get("/admin/seite", query_string={"titel": "Fundbüro"}).get_data(as_text=True)
    assert "/admin/seite?url=adm-fundbuero" in listing
    html = admin.get("/admin/seite", query_string={"url": "https://www.jena.de/test/fundbuero"})
    fields = _fields(html.get_data(as_text=True))
    assert fields["Seiten-ID"] == "adm-fundbuero" and fields["Kategorie"] == "Bürgerservice"
    assert fields["Textauszug"].startswith("Verlorene Dinge") and fields["Klicks"] == "5003"
    # The test page states a day only: no invented time of day.
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", fields["Datum"])
    assert fields["Indiziert am"] == "unbekannt"
    _, queries = html_table(html.get_data(as_text=True), "seiten-anfragen")
    assert queries == [["verloren", "2"], ["schlüssel", "1"]]
    missing = admin.get("/admin/seite", query_string={"url": "https://www.jena.de/gibt-es-nicht"})
    assert missing.status_code == 404 and "nicht im Index" in missing.get_data(as_text=True)


def test_reindex_one_url_then_remove_it(admin: FlaskClient, solr_url: str, empty_core: object,
                                        site_url: str) -> None:
    url = site_url + "seite-2.html"
    admin.get("/admin/seite")
    started = admin.post("/admin/seite/reindex", data={"url": url, "csrf_token": csrf(admin)})
    job_id = started.headers["Location"].rsplit("/", 1)[1]
    deadline = time.monotonic() + 60
    while (job := admin.get(f"/admin/api/reindex/{job_id}").json)["status"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert job["status"] == "done" and "indexiert: 1" in job["message"]
    fields = _fields(admin.get("/admin/seite", query_string={"url": url}).get_data(as_text=True))
    assert fields["Adresse"] == url and len(fields["Inhalts-Fingerabdruck"]) == 64
    assert fields["Indiziert am"].endswith("Uhr")
    # The run is listed on the start page with its outcome.
    _, runs = html_table(admin.get("/admin/").get_data(as_text=True), "letzte-laeufe")
    assert runs[0][1:4] == ["Einzelne URL", "redaktion", "fertig"]

    confirm = admin.get("/admin/seite/entfernen", query_string={"id": url}).get_data(as_text=True)
    assert "Ja, endgültig entfernen" in confirm
    assert Core(solr_url).get(url)
    admin.post("/admin/seite/entfernen", data={"id": url, "csrf_token": csrf(admin)})
    assert Core(solr_url).get(url) is None


def test_overview_counts_runs_solr_and_chart(admin: FlaskClient, app: Flask, pages: list) -> None:
    visitor = app.test_client()
    for query in ("Ausweis", "xylophonreparatur"):
        visitor.get("/suche", query_string={"q": query, "autocorrect": "0"})
    commit_statistics(app)
    html = admin.get("/admin/").get_data(as_text=True)
    assert '<dd id="seiten-im-index">5</dd>' in html
    _, categories = html_table(html, "kategorien")
    assert categories == [["Bürgerservice", "3"], ["Aktuelles", "2"]]
    assert '<dd id="solr-zustand">erreichbar</dd>' in html
    assert '<dd id="solr-version">9.10.1 (Einzelserver)</dd>' in html
    _, days = html_table(html, "verlauf-tabelle")
    assert len(days) == 30 and days[-1][1:] == ["2", "1", "50 %"]
    assert html.count('class="chart__bar"') == 30 and 'role="img"' in html
