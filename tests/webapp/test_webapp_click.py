"""Click counting: atomic increments in Solr, redirect to the stored URL only."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from flask.testing import FlaskClient

from tests.support import Core
from tests.webapp.support import LiveServer

pytestmark = pytest.mark.usefixtures("search_docs")


def stored_clicks(core_url: str, doc_id: str) -> int:
    doc = Core(core_url).get(doc_id, fl="clickCounter")
    assert doc is not None, doc_id
    return int(doc["clickCounter"])


def test_click_redirects_to_stored_url_and_counts(client: FlaskClient, solr_url: str) -> None:
    before = stored_clicks(solr_url, "t-reisepass")
    response = client.get("/klick?id=t-reisepass&q=Reisepass&url=https://evil.example/")
    assert response.status_code == 303
    assert response.headers["Location"] == "https://www.jena.de/buergerservice/reisepass"
    assert stored_clicks(solr_url, "t-reisepass") == before + 1


def test_unknown_id_is_german_404_and_creates_nothing(client: FlaskClient, solr_url: str) -> None:
    response = client.get("/klick?id=gibt-es-nicht")
    assert response.status_code == 404
    assert "nicht (mehr) im Suchindex" in response.get_data(as_text=True)
    assert Core(solr_url).get("gibt-es-nicht") is None


def test_twenty_concurrent_clicks_add_exactly_twenty(live_server: LiveServer,
                                                     solr_url: str) -> None:
    before = stored_clicks(solr_url, "t-stadtmuseum")

    def click(_: int) -> int:
        return requests.get(f"{live_server.url}/klick?id=t-stadtmuseum&q=Museum",
                            allow_redirects=False, timeout=30).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(click, range(20)))
    assert statuses == [303] * 20
    assert stored_clicks(solr_url, "t-stadtmuseum") == before + 20


def test_click_visible_in_next_search_within_two_seconds(client: FlaskClient) -> None:
    def shown() -> int:
        docs = client.get("/api/search?q=Planetarium").get_json()["outData"]["response"]["docs"]
        return next(d["clickCounter"] for d in docs if d["id"] == "t-planetarium")

    before = shown()
    assert client.get("/klick?id=t-planetarium").status_code == 303
    deadline = time.monotonic() + 2.5
    while shown() != before + 1:
        assert time.monotonic() < deadline, "click not visible in search after 2.5 s"
        time.sleep(0.1)


def test_path_form_of_click_url_is_accepted(client: FlaskClient) -> None:
    response = client.get("/klick/t-hundesteuer")
    assert response.status_code == 303
    assert response.headers["Location"] == "https://www.jena.de/buergerservice/hundesteuer"
    assert client.get("/klick").status_code == 404
