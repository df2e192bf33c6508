"""Exclusions: an excluded path prefix disappears from visitor results, suggestions and
"Meinten Sie" within 2 s (also on another worker) and comes back when lifted; the filter
is escaped; the list survives a restart of the app."""

from __future__ import annotations

import time
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from tests.admin.conftest import csrf, make_app
from tests.support import Core
from webapp.admin.exclusions import save_exclusion
from webapp.admin.services import EXTENSION_KEY
from webapp.builder import COLLAPSE_FQ, build_solr_params
from webapp.exclusion_filter import exclusion_fq, suggest_context_filter
from webapp.request import SearchRequest
from webapp.tuning import Exclusions

PREFIX = "https://www.jena.de/test/baustelle-"
VISIBLE_WITHIN = 2.0


def _within(seconds: float, check: Callable[[], bool]) -> float:
    """Seconds until ``check()`` holds; fails after ``seconds``."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, f"not within {seconds} s"
        time.sleep(0.05)
    return time.monotonic() - started


def _urls(client: FlaskClient, query: str) -> list[str]:
    data = client.get("/api/search", query_string={"q": query}).json
    return [d["url"] for d in data["outData"]["response"]["docs"]]


def _suggestions(client: FlaskClient, prefix: str) -> list[str]:
    return client.get("/api/suggest", query_string={"q": prefix}).json["suggestions"]


def _collation(client: FlaskClient, query: str) -> str | None:
    """The "Meinten Sie" text; per-word alternatives must agree with it."""
    data = client.get("/api/search", query_string={"q": query, "autocorrect": "0"}).json
    spelling = data["outData"]["spellcheck"]
    words = {a for s in spelling["suggestions"] for a in s["alternatives"]}
    assert ("stadtbrücke" in words) == (spelling["collation"] == "Stadtbrücke"), spelling
    return spelling["collation"]


def test_filter_is_escaped_and_repeats_fq() -> None:
    ex = Exclusions(ids=('a"b) OR *:*',), url_prefixes=("https://x.de/a b/{!x}",))
    assert exclusion_fq(ex) == ('*:* -id:a\\"b\\)\\ OR\\ \\*\\:\\* '
                                '-url:https\\:\\/\\/x.de\\/a\\ b\\/\\{\\!x\\}*')
    assert suggest_context_filter(ex) == ('-[a\\"b\\)\\ OR\\ \\*\\:\\* TO a\\"b\\)\\ OR\\ \\*\\:\\*] '
                                          '-https\\:\\/\\/x.de\\/a\\ b\\/\\{\\!x\\}*')
    assert exclusion_fq(Exclusions()) is None and suggest_context_filter(Exclusions()) is None
    params = build_solr_params(SearchRequest(query="x", category="Aktuelles", exclusions=ex))
    assert params["fq"][0].startswith("{!term f=category") and params["fq"][1] == exclusion_fq(ex)
    assert build_solr_params(SearchRequest(query="x"))["fq"] == COLLAPSE_FQ


def test_excluded_prefix_leaves_results_suggestions_and_corrections(
        admin: FlaskClient, app: Flask, solr_url: str, pages: list) -> None:
    Core(solr_url).build_suggester()
    visitor = app.test_client()
    # Another worker: its own app, default cache time, nothing invalidated by the save.
    other = make_app(solr_url, PINS_CACHE_SECONDS=2).test_client()
    for client in (visitor, other):
        assert any(u.startswith(PREFIX) for u in _urls(client, "Baustelle"))
        assert "Baustelle an der Stadtbrücke" in _suggestions(client, "Baus")
        assert _collation(client, "Stadtbrüke") == "Stadtbrücke"
    admin.get("/admin/ausschluesse")
    response = admin.post("/admin/ausschluesse", data={
        "art": "prefix", "url": PREFIX, "grund": "Baustellen sind beendet",
        "csrf_token": csrf(admin)})
    assert response.status_code == 302
    for client in (visitor, other):
        _within(VISIBLE_WITHIN, lambda c=client: not any(
            u.startswith(PREFIX) for u in _urls(c, "Baustelle")))
        assert _suggestions(client, "Baus") == []
        assert _collation(client, "Stadtbrüke") is None
        # Other pages are still found.
        assert _urls(client, "Hundesteuer") == ["https://www.jena.de/test/hundesteuer"]
    listing = admin.get("/admin/ausschluesse").get_data(as_text=True)
    assert PREFIX in listing and "Baustellen sind beendet" in listing and "redaktion" in listing
    # The list lives in Solr: a freshly started app excludes too.
    fresh = make_app(solr_url).test_client()
    assert not any(u.startswith(PREFIX) for u in _urls(fresh, "Baustelle"))

    admin.post("/admin/ausschluesse/aufheben", data={"art": "prefix", "url": PREFIX,
                                                     "csrf_token": csrf(admin)})
    for client in (visitor, other):
        _within(VISIBLE_WITHIN, lambda c=client: any(
            u.startswith(PREFIX) for u in _urls(c, "Baustelle")))
        assert "Baustelle an der Stadtbrücke" in _suggestions(client, "Baus")
        assert _collation(client, "Stadtbrüke") == "Stadtbrücke"


def test_single_page_exclusion_keeps_the_rest_of_the_path(admin: FlaskClient, app: Flask,
                                                           solr_url: str, pages: list) -> None:
    Core(solr_url).build_suggester()
    visitor = app.test_client()
    admin.get("/admin/ausschluesse")
    admin.post("/admin/ausschluesse", data={"art": "url", "url": PREFIX + "alt",
                                            "grund": "veraltet", "csrf_token": csrf(admin)})
    urls = _urls(visitor, "Baustelle")
    assert PREFIX + "alt" not in urls and PREFIX + "neu" in urls
    assert "Baustelle an der Stadtbrücke" not in _suggestions(visitor, "Baus")


def test_bad_exclusions_are_refused_in_german(admin: FlaskClient, pages: list) -> None:
    admin.get("/admin/ausschluesse")
    for form, message in (
            ({"art": "prefix", "url": "https://www.jena.de/", "grund": "x"}, "Pfad"),
            ({"art": "prefix", "url": "jena.de/test", "grund": "x"}, "vollständige Adresse"),
            ({"art": "prefix", "url": PREFIX, "grund": ""}, "Grund"),
            ({"art": "alles", "url": PREFIX, "grund": "x"}, "einzelne Seite")):
        response = admin.post("/admin/ausschluesse", data={**form, "csrf_token": csrf(admin)})
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)


def test_hundreds_of_exclusions_still_filter_suggestions(app: Flask, solr_url: str,
                                                         pages: list) -> None:
    Core(solr_url).build_suggester()
    store = app.extensions[EXTENSION_KEY].stats
    for n in range(300):
        save_exclusion(store, "prefix", f"https://www.jena.de/archiv/{n:04d}/meldung-", "alt",
                       "redaktion")
    save_exclusion(store, "url", PREFIX + "alt", "veraltet", "redaktion")
    visitor = app.test_client()
    assert _suggestions(visitor, "Baus") == []
    assert _suggestions(visitor, "Hunde") == ["Hundesteuer"]
    assert PREFIX + "neu" in _urls(visitor, "Baustelle")
