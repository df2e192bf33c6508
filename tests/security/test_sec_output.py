"""Output is XSS-safe: echoed keyword, categories, titles and highlighted snippets."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.security.hostile import (ANGULAR, IMG, MARKER, PAYLOADS, SCRIPT, assert_no_leak,
                                    assert_safe_html, assert_safe_json, json_strings)


def _search(client: FlaskClient, **params: str) -> tuple[str, dict]:
    page = client.get("/suche", query_string=params)
    api = client.get("/api/search", query_string=params)
    assert page.status_code == 200 and api.status_code == 200, (page.status_code, api.status_code)
    assert page.mimetype == "text/html" and api.mimetype == "application/json"
    return page.get_data(as_text=True), api.get_json()


def test_hostile_documents_are_found_and_shown_escaped(sec_client: FlaskClient) -> None:
    html, data = _search(sec_client, q=MARKER, rows="50")
    docs = data["outData"]["response"]["docs"]
    assert len(docs) >= 10, "the hostile documents must be among the results to prove anything"
    assert_safe_html(html)
    assert_safe_json(data)
    # The hostile text is there, as text: escaped in HTML, verbatim in JSON data fields.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert SCRIPT not in html and IMG not in html
    titles = [d["title"] for d in docs]
    assert any(SCRIPT in t for t in titles) and any(IMG in t for t in titles)


def test_snippets_escape_everything_but_our_mark_tags(sec_client: FlaskClient) -> None:
    html, data = _search(sec_client, q="Hundesteuer Bösewicht", rows="50")
    snippets = [d["snippet"] for d in data["outData"]["response"]["docs"]]
    assert any("<mark>" in s for s in snippets), snippets[:3]
    assert any("&lt;script&gt;" in s for s in snippets), snippets
    assert_safe_html(html)
    assert "<mark>" in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_echoed_keyword_is_escaped(sec_client: FlaskClient, payload: str) -> None:
    html, data = _search(sec_client, q=f"{payload} Hundesteuer")
    assert_safe_html(html)
    assert_safe_json(data)
    assert_no_leak(html)
    # JSON carries data, never markup built from it: the keyword comes back as typed text.
    assert data["inData"]["KEYWORD"] == data["outData"]["currentKeyword"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_echoed_category_is_escaped(sec_client: FlaskClient, payload: str) -> None:
    html, data = _search(sec_client, q="Hundesteuer", category=payload)
    assert_safe_html(html)
    assert_safe_json(data)
    html, data = _search(sec_client, q="Hundesteuer", category=f"Kategorie {payload}")
    assert_safe_html(html)
    assert_safe_json(data)


def test_hostile_categories_in_facets_are_escaped(sec_client: FlaskClient) -> None:
    html, data = _search(sec_client, q=MARKER)
    values = [f["value"] for f in data["outData"]["facets"]["category"]]
    assert any(SCRIPT in v for v in values), values
    assert_safe_html(html)
    assert "Kategorie &lt;script&gt;" in html


def test_angular_template_text_never_reaches_a_compiled_template(sec_client: FlaskClient) -> None:
    html, data = _search(sec_client, q=f"{ANGULAR} Angular")
    assert_safe_html(html)  # includes: no ng-app on the server-rendered page
    # In the JSON it is inert data; the browser test shows the widget prints it as text.
    assert any(ANGULAR in s for s in json_strings(data))


def test_autocomplete_returns_data_not_markup(sec_client: FlaskClient) -> None:
    resp = sec_client.get("/api/suggest", query_string={"q": "Hundesteuer"})
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert_no_leak(resp.get_data(as_text=True))
