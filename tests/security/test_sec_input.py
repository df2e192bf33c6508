"""User input never reaches Solr as syntax; rows and page are bounded; deep paging is refused."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.security.hostile import INJECTIONS, assert_no_leak, assert_safe_html, assert_safe_json
from webapp.request import MAX_PAGE, ROWS_CHOICES


def _found(client: FlaskClient, **params: str) -> int:
    resp = client.get("/api/search", query_string=params)
    assert resp.status_code == 200, (params, resp.status_code, resp.get_data(as_text=True)[:300])
    assert_safe_json(resp.get_json())
    return resp.get_json()["outData"]["response"]["numFound"]


@pytest.fixture(scope="module")
def total(hostile_core: str) -> int:
    from tests.reliability.support import num_found

    return num_found(hostile_core)


@pytest.mark.parametrize("query", INJECTIONS)
def test_query_syntax_is_plain_text(sec_client: FlaskClient, total: int, query: str) -> None:
    found = _found(sec_client, q=query)
    # Anything that would match everything (or a chosen field) would come close to the total.
    assert found < total / 2, f"{query!r} found {found} of {total}"
    page = sec_client.get("/suche", query_string={"q": query})
    assert page.status_code == 200
    assert_safe_html(page.get_data(as_text=True))
    assert_no_leak(page.get_data(as_text=True), echoed=(query,))


def test_field_query_is_no_field_query(sec_client: FlaskClient) -> None:
    # "category:Verkehr" is the two words category and Verkehr, not a filter on the field.
    assert _found(sec_client, q="category:Verkehr") == _found(sec_client, q="category Verkehr")
    assert _found(sec_client, q="id:evil-1") == _found(sec_client, q="id evil-1")


def test_category_filter_takes_the_value_literally(sec_client: FlaskClient) -> None:
    assert _found(sec_client, q="Jena", category="*") == 0
    assert _found(sec_client, q="Jena", category="Bürgerservice OR *:*") == 0
    assert _found(sec_client, q="Jena", category="} OR {!lucene}*:*") == 0
    assert _found(sec_client, q="Jena", category="Bürgerservice") > 0


def _without_search_id(body: dict) -> dict:
    response = body["outData"]["response"]
    return {**response, "docs": [{**d, "clickUrl": re.sub(r"&sid=[0-9a-f]{32}", "", d["clickUrl"])}
                                 for d in response["docs"]]}


@pytest.mark.parametrize("extra", [
    {"qt": "/update"}, {"defType": "lucene"}, {"q.alt": "*:*"}, {"fq": "*:*"}, {"uf": "*"},
    {"wt": "xml"}, {"fl": "*"}, {"start": "0"}, {"shards": "http://evil.example/solr"},
    {"stream.body": "<delete><query>*:*</query></delete>"}, {"debugQuery": "true"},
    {"facet.field": "url"}, {"hl.fl": "*"}, {"json": "{\"query\":\"*:*\"}"},
])
def test_solr_parameters_from_the_url_are_ignored(sec_client: FlaskClient, extra: dict) -> None:
    plain = sec_client.get("/api/search", query_string={"q": "Hundesteuer"}).get_json()
    tried = sec_client.get("/api/search", query_string={"q": "Hundesteuer", **extra})
    assert tried.status_code == 200
    # Each search has its own id (in every clickUrl); everything else must be the same.
    assert _without_search_id(tried.get_json()) == _without_search_id(plain)
    assert_no_leak(tried.get_data(as_text=True))


@pytest.mark.parametrize("rows", ["1000000", "-5", "0", "51", "1e9", "abc", "50.0", "9" * 40])
def test_rows_is_bounded(sec_client: FlaskClient, rows: str) -> None:
    resp = sec_client.get("/api/search", query_string={"q": "Jena", "rows": rows})
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["inData"]["ROWS"] in ROWS_CHOICES
    assert len(data["outData"]["response"]["docs"]) <= max(ROWS_CHOICES)


@pytest.mark.parametrize("page", ["-1", "0", "abc", "1.5", "9" * 40, "0x10"])
def test_odd_page_values_fall_back_safely(sec_client: FlaskClient, page: str) -> None:
    resp = sec_client.get("/api/search", query_string={"q": "Jena", "page": page})
    assert resp.status_code == 200
    assert 1 <= resp.get_json()["inData"]["PAGE"] <= MAX_PAGE


@pytest.mark.parametrize("page", [str(MAX_PAGE + 1), "100000", str(2**63)])
def test_deep_paging_is_refused_politely_in_german(sec_client: FlaskClient, page: str) -> None:
    api = sec_client.get("/api/search", query_string={"q": "Jena", "page": page})
    html = sec_client.get("/suche", query_string={"q": "Jena", "page": page})
    assert api.status_code in (200, 400) and html.status_code in (200, 400)
    data = api.get_json()
    body = html.get_data(as_text=True)
    assert_no_leak(body)
    # Either an error with a German explanation, or the last page with a German notice.
    text = str(data.get("error", {}).get("message", "")) + " ".join(
        data.get("outData", {}).get("notices", []))
    assert "höchstens" in text and "seiten" in text.lower(), f"no German notice for page={page}: {str(data)[:300]}"
    assert "höchstens" in body


def test_overlong_query_is_cut_with_a_german_notice(sec_client: FlaskClient) -> None:
    resp = sec_client.get("/api/search", query_string={"q": "Hundesteuer " * 100})
    assert resp.status_code == 200
    data = resp.get_json()
    assert len(data["inData"]["KEYWORD"]) <= 200
    assert any("gekürzt" in n for n in data["outData"]["notices"])


def test_exact_phrase_mode_escapes_quotes(sec_client: FlaskClient) -> None:
    for q in ['"', '\\"', 'Hundesteuer" OR "*:*', '" {!lucene}*:* "']:
        resp = sec_client.get("/api/search", query_string={"q": q, "exact": "1"})
        assert resp.status_code == 200, q
        assert_safe_json(resp.get_json())
