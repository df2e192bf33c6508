"""Errors in German, JSON errors for the API, Solr outages, security headers, signals."""

from __future__ import annotations

import socket

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp import create_app
from webapp.signals import result_clicked, search_performed


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def down_client() -> FlaskClient:
    """A client whose Solr does not exist."""
    url = f"http://127.0.0.1:{_closed_port()}/solr/stadtsuche"
    return create_app({"solr_url": url, "solr_timeout": 2, "env": "development"}).test_client()


def test_solr_down_gives_german_503_page(down_client: FlaskClient) -> None:
    response = down_client.get("/suche?q=Jena")
    assert response.status_code == 503
    text = response.get_data(as_text=True)
    assert "Die Suche ist gerade nicht erreichbar" in text and "Traceback" not in text


def test_solr_down_gives_json_503_for_api(down_client: FlaskClient) -> None:
    response = down_client.get("/api/search?q=Jena")
    assert response.status_code == 503
    assert response.get_json()["error"]["status"] == 503
    assert down_client.get("/healthz").status_code == 503
    assert down_client.get("/klick?id=t-reisepass").status_code == 503


def test_empty_search_page_works_without_solr(down_client: FlaskClient) -> None:
    assert down_client.get("/suche").status_code == 200
    # Nothing searchable in it: answered without asking Solr.
    response = down_client.get("/suche?q=*%3A*")
    assert response.status_code == 200 and "Keine Treffer für „*:*“" in response.get_data(as_text=True)


@pytest.mark.parametrize("method, url, status", [
    ("get", "/gibt-es-nicht", 404), ("post", "/suche", 405), ("delete", "/api/search", 405),
])
def test_error_pages_are_german(client: FlaskClient, method: str, url: str, status: int) -> None:
    response = getattr(client, method)(url)
    assert response.status_code == status
    if url.startswith("/api/"):
        assert response.get_json()["error"]["status"] == status
    else:
        assert f"Fehlercode {status}" in response.get_data(as_text=True)


def test_unexpected_error_is_a_german_500_without_traceback(solr_url: str) -> None:
    app = create_app({"solr_url": solr_url, "env": "development"})

    @app.get("/kaputt")
    def broken() -> str:
        raise RuntimeError("secret internal detail")

    response = app.test_client().get("/kaputt")
    assert response.status_code == 500
    text = response.get_data(as_text=True)
    assert "Interner Fehler" in text and "secret internal detail" not in text


def test_big_request_body_refused(client: FlaskClient) -> None:
    response = client.post("/api/search", data="x" * 100_000,
                           content_type="application/octet-stream")
    assert response.status_code in (405, 413)
    assert client.application.config["MAX_CONTENT_LENGTH"] <= 64 * 1024


@pytest.mark.usefixtures("search_docs")
@pytest.mark.parametrize("url", ["/suche?q=Jena", "/api/search?q=Jena", "/nix", "/healthz"])
def test_security_headers_on_every_response(client: FlaskClient, url: str) -> None:
    headers = client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_have_no_inline_script(client: FlaskClient) -> None:
    text = client.get("/suche").get_data(as_text=True)
    assert "<script>" not in text and "onclick" not in text and "style=" not in text


@pytest.mark.usefixtures("search_docs")
def test_search_signal_and_failing_subscriber(app: Flask) -> None:
    received: list[dict[str, object]] = []

    def broken(sender: object, **kwargs: object) -> None:
        raise RuntimeError("statistics down")

    def record(sender: object, **kwargs: object) -> None:
        received.append(kwargs)

    with search_performed.connected_to(broken, app), search_performed.connected_to(record, app):
        client = app.test_client()
        assert client.get("/suche?q=Jena&category=Verkehr&page=1").status_code == 200
        assert client.get("/api/search?q=Persnalausweis").status_code == 200
        assert client.get("/suche").status_code == 200  # nothing searched, nothing sent
    # (The search id and the shown results are checked in test_webapp_events.py.)
    core = ("query", "category", "num_found", "page", "corrected")
    assert [{k: r[k] for k in core} for r in received] == [
        {"query": "Jena", "category": "Verkehr", "num_found": 5, "page": 1, "corrected": None},
        {"query": "Persnalausweis", "category": None, "num_found": 0, "page": 1,
         "corrected": "Personalausweis"},
    ]


def test_config_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STADTSUCHE_SOLR_URL", "http://solr.example:8983/solr/stadtsuche/")
    monkeypatch.setenv("STADTSUCHE_SOLR_TIMEOUT", "2.5")
    monkeypatch.setenv("STADTSUCHE_ENV", "development")
    settings = create_app().config["STADTSUCHE"]
    assert settings.solr_url == "http://solr.example:8983/solr/stadtsuche"
    assert settings.solr_timeout == 2.5 and settings.debug
    monkeypatch.setenv("STADTSUCHE_SOLR_TIMEOUT", "lange")
    with pytest.raises(ValueError, match="STADTSUCHE_SOLR_TIMEOUT"):
        create_app()


def test_click_signal_carries_query(app: Flask, search_docs: str) -> None:
    received: list[dict[str, object]] = []

    def record(sender: object, **kwargs: object) -> None:
        received.append(kwargs)

    with result_clicked.connected_to(record, app):
        response = app.test_client().get("/klick?id=t-fundbuero&q=Fundb%C3%BCro")
    assert response.status_code == 303
    (click,) = received
    assert (click["doc_id"], click["query"]) == ("t-fundbuero", "Fundbüro")
    assert click["search_id"] is None and click["position"] is None and click["click_id"]
