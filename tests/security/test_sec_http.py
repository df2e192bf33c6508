"""Click endpoint is no open redirect; security headers everywhere; request size limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from flask.testing import FlaskClient

from tests.reliability.support import AppServer
from tests.security.hostile import EVIL_SITE, assert_no_leak, assert_safe_html


@pytest.mark.parametrize("doc_id", ["evil-js", "evil-data", "evil-proto"])
def test_click_never_redirects_to_a_non_http_url(sec_client: FlaskClient, doc_id: str) -> None:
    resp = sec_client.get("/klick", query_string={"id": doc_id})
    assert resp.status_code == 404 and "Location" not in resp.headers
    assert "nicht (mehr) im Suchindex" in resp.get_data(as_text=True)


@pytest.mark.parametrize("params", [
    {"id": "evil-1", "url": "https://evil.example/"}, {"id": "evil-1", "next": "//evil.example"},
    {"id": "evil-1", "target": "https://evil.example/"}, {"id": "evil-1", "redirect": "/\\evil"},
])
def test_click_target_comes_from_the_index_not_the_request(sec_client: FlaskClient,
                                                           params: dict) -> None:
    resp = sec_client.get("/klick", query_string=params)
    assert resp.status_code == 303
    assert resp.headers["Location"] == "https://www.jena.de/boese/1.html"


@pytest.mark.parametrize("path", [
    "/klick/https://evil.example/", "/klick//evil.example", "/klick/%2F%2Fevil.example",
    "/klick?id=https://evil.example/", "/klick?id=", "/klick?id=%00", "/klick?id=" + "a" * 5000,
    "/klick/..%2F..%2Fetc%2Fpasswd", "/klick?id=javascript:alert(1)",
])
def test_unknown_or_forged_click_ids_get_404(sec_client: FlaskClient, path: str) -> None:
    resp = sec_client.get(path)
    assert resp.status_code == 404, path
    assert "Location" not in resp.headers
    assert_no_leak(resp.get_data(as_text=True), echoed=(path,))


def test_canonical_link_to_another_site_cannot_turn_clicks_into_redirects(
        sec_client: FlaskClient) -> None:
    """A crawled page declaring a foreign canonical URL must not make us redirect there."""
    data = sec_client.get("/api/search", query_string={"q": "Kanonisch Bösewicht",
                                                       "rows": "50"}).get_json()
    for doc in data["outData"]["response"]["docs"]:
        resp = sec_client.get(doc["clickUrl"])
        if resp.status_code == 303:
            host = urlsplit(resp.headers["Location"]).hostname or ""
            assert host == "www.jena.de" or host.endswith(".jena.de"), (doc["id"], host)
    assert EVIL_SITE not in str(data)


@pytest.mark.parametrize("path", ["/suche?q=Hundesteuer", "/api/search?q=Hundesteuer",
                                  "/api/suggest?q=Hund", "/gibt-es-nicht", "/api/gibt-es-nicht",
                                  "/klick?id=evil-1", "/klick?id=nichts", "/healthz", "/"])
def test_security_headers_on_every_response(sec_client: FlaskClient, path: str) -> None:
    resp = sec_client.get(path)
    csp = resp.headers.get("Content-Security-Policy", "")
    directives = {d.strip().split(" ")[0]: d.strip() for d in csp.split(";") if d.strip()}
    assert directives.get("frame-ancestors") in ("frame-ancestors 'none'", "frame-ancestors 'self'")
    assert "'unsafe-inline'" not in directives.get("script-src", directives.get("default-src", ""))
    assert "'unsafe-eval'" not in csp
    assert directives.get("object-src") == "object-src 'none'"
    assert resp.headers.get("X-Content-Type-Options") == "nosniff"
    assert resp.headers.get("Referrer-Policy") in ("strict-origin-when-cross-origin", "no-referrer",
                                                   "same-origin", "strict-origin")


def test_methods_other_than_get_are_refused(sec_client: FlaskClient) -> None:
    for method in ("post", "put", "delete", "patch"):
        resp = getattr(sec_client, method)("/api/search", data={"q": "x"})
        assert resp.status_code == 405, method
        assert_no_leak(resp.get_data(as_text=True))


def test_oversized_body_is_refused(sec_client: FlaskClient) -> None:
    resp = sec_client.post("/suche", data="x" * 2_000_000,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status_code in (405, 413)
    assert_no_leak(resp.get_data(as_text=True))


def test_huge_query_string_is_cut_not_crashing(sec_client: FlaskClient) -> None:
    resp = sec_client.get("/suche", query_string={"q": "Hundesteuer " * 5000,
                                                  "category": "x" * 10_000})
    assert resp.status_code == 200
    body = resp.get_data(as_text=True)
    assert_safe_html(body)
    assert "gekürzt" in body


@pytest.fixture(scope="module")
def app_server(hostile_core: str,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    server = AppServer.start(hostile_core, tmp_path_factory.mktemp("server-sec"))
    yield server
    server.stop()


def test_app_server_limits_request_line_headers_and_body(app_server: AppServer) -> None:
    long_url = f"{app_server.url}/suche?q={'a' * 20_000}"
    # 431: the request line counts against the server's 16 KiB buffer for the request head.
    assert requests.get(long_url, timeout=10).status_code in (400, 414, 431)
    huge_header = requests.get(f"{app_server.url}/suche", headers={"X-Big": "b" * 20_000},
                               timeout=10)
    assert huge_header.status_code in (400, 431)
    many = {f"X-H{i}": "v" for i in range(200)}
    assert requests.get(f"{app_server.url}/suche", headers=many, timeout=10).status_code in (400, 431)
    body = requests.post(f"{app_server.url}/api/search", data=b"x" * 2_000_000, timeout=30,
                         headers={"Content-Type": "application/octet-stream"})
    assert body.status_code in (405, 413)
    ok = requests.get(f"{app_server.url}/suche", params={"q": "Hundesteuer"}, timeout=10)
    assert ok.status_code == 200
    assert "Werkzeug" not in ok.headers.get("Server", "")
    assert ok.headers.get("X-Content-Type-Options") == "nosniff"
    log = Path(app_server.log_path).read_text(errors="replace")
    assert "Traceback" not in log, log[-2000:]
