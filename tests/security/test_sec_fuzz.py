"""Property-based fuzzing of every visitor-facing parameter against real Solr.

Whatever arrives in the URL: never a 5xx, never a traceback or Solr's error text, never an
unescaped echo, and the HTML and JSON stay free of markup that came from the input.
"""

from __future__ import annotations

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.hostile import (INJECTIONS, PAYLOADS, assert_no_leak, assert_safe_html,
                                    assert_safe_json)

FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Any text but lone surrogates (which cannot travel in a URL at all).
_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
_nasty = st.sampled_from([*PAYLOADS, *INJECTIONS, "", " ", "\x00", "%", "%00", "\r\nX: y",
                          "ä" * 250, "9" * 30, "-1", "0", "1e309", "NaN", "null", "[]", "{}"])
value = st.one_of(_text, _nasty, st.integers().map(str),
                  st.lists(_nasty, min_size=1, max_size=3).map(" ".join))
SEARCH_KEYS = ("q", "category", "page", "rows", "sort", "exact", "autocorrect")
search_params = st.fixed_dictionaries({}, optional={k: value for k in SEARCH_KEYS}).flatmap(
    lambda base: st.dictionaries(st.sampled_from(["fq", "qt", "defType", "wt", "start", "fl",
                                                  "json", "shards", "x" * 50, "q.alt"]),
                                 value, max_size=2).map(lambda extra: {**extra, **base}))


def _check(resp, params: dict[str, str]) -> str:  # noqa: ANN001
    body = resp.get_data(as_text=True)
    assert resp.status_code < 500, (resp.status_code, params, body[:300])
    assert_no_leak(body, echoed=tuple(params.values()))
    return body


@FUZZ
@given(params=search_params)
def test_search_page_survives_anything(sec_app: Flask, params: dict[str, str]) -> None:
    resp = sec_app.test_client().get("/suche", query_string=params)
    body = _check(resp, params)
    assert resp.mimetype == "text/html"
    assert_safe_html(body)


@FUZZ
@given(params=search_params)
def test_search_api_survives_anything(sec_app: Flask, params: dict[str, str]) -> None:
    resp = sec_app.test_client().get("/api/search", query_string=params)
    _check(resp, params)
    assert resp.mimetype == "application/json"
    data = resp.get_json()
    if resp.status_code == 200:
        assert_safe_json(data)
        assert data["inData"]["ROWS"] <= 50
    else:
        assert set(data) == {"error"}


@FUZZ
@given(q=value)
def test_suggest_survives_anything(sec_app: Flask, q: str) -> None:
    resp = sec_app.test_client().get("/api/suggest", query_string={"q": q})
    _check(resp, {"q": q})
    assert resp.mimetype == "application/json"


@FUZZ
@given(doc_id=value, q=value)
def test_click_survives_anything_and_redirects_only_to_indexed_urls(
        sec_app: Flask, doc_id: str, q: str) -> None:
    resp = sec_app.test_client().get("/klick", query_string={"id": doc_id, "q": q})
    _check(resp, {"id": doc_id, "q": q})
    assert resp.status_code in (303, 404), resp.status_code
    if resp.status_code == 303:
        assert resp.headers["Location"].startswith("https://www.jena.de/")
