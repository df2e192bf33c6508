"""The sample site's own widget page (soziales/armutspraevention.html), rendered by AngularJS
in Chromium against the live /api/search on the indexed sample site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import Page, Route

from tests.browser.conftest import NODE_MODULES, screenshot
from tests.webapp.conftest import sample_index  # noqa: F401 - the indexed sample site
from tests.webapp.support import LiveServer
from webapp.request import Sort

SITE = Path(__file__).resolve().parents[2] / "sample-site"
PAGE = "soziales/armutspraevention.html"
FILES = {
    PAGE: (SITE / PAGE, "text/html; charset=utf-8"),
    "assets/js/solr-search.js": (SITE / "assets" / "js" / "solr-search.js", "text/javascript"),
    "assets/js/angular.min.js": (NODE_MODULES / "angular" / "angular.min.js", "text/javascript"),
}

pytestmark = pytest.mark.usefixtures("sample_index")


@pytest.fixture()
def widget(page: Page, live_server: LiveServer) -> Iterator[Page]:
    """The sample page as if jena.de served it on the app's origin (so /api is the app)."""
    def serve(route: Route) -> None:
        path = route.request.url.removeprefix(live_server.url + "/").split("?", 1)[0]
        if path in FILES:
            file, content_type = FILES[path]
            route.fulfill(status=200, content_type=content_type, body=file.read_bytes())
        else:  # the city's stylesheet and icon are not part of the sample
            route.fulfill(status=204, body="")

    def ours(url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == live_server.url and (
            parts.path.lstrip("/") in FILES or parts.path.startswith("/assets/")
            or parts.path == "/favicon.ico")

    page.route(ours, serve)
    yield page


def _open(page: Page, live_server: LiveServer, query: str) -> dict:
    page.goto(f"{live_server.url}/{PAGE}?{query}")
    page.wait_for_selector("body[data-widget-loaded]")
    return requests.get(f"{live_server.url}/api/search?{query}", timeout=30).json()


def _no_sid(url: str) -> str:
    return re.sub(r"&sid=[0-9a-f]{32}", "", url)


def _text(page: Page, selector: str) -> str:
    return " ".join(page.inner_text(selector).split())


def test_results_show_snippets_dates_and_click_links(widget: Page,
                                                     live_server: LiveServer) -> None:
    data = _open(widget, live_server, "q=Personalausweis")
    docs = data["outData"]["response"]["docs"]
    rows = widget.query_selector_all(".search-widget__doc")
    assert len(rows) == len(docs) > 1
    for row, doc in zip(rows, docs):
        link = row.query_selector("a")
        # The widget's own answer had a search id of its own (each search has one).
        href = link.get_attribute("href")
        assert re.search(r"&sid=[0-9a-f]{32}&pos=\d+$", href)
        assert _no_sid(href) == _no_sid(doc["clickUrl"]) and link.inner_text() == doc["title"]
        # The snippet's <mark> is markup, everything else text, exactly as the API sent it.
        snippet = row.query_selector(".search-widget__snippet")
        assert snippet.inner_html() == doc["snippet"]
        shown = _text(widget, f".search-widget__doc:nth-child({rows.index(row) + 1}) "
                              ".search-widget__date")
        assert ("Uhr" in shown) is bool(doc["onlineDateHasTime"]), (shown, doc)
    assert widget.query_selector_all(".search-widget__snippet mark")
    summary = _text(widget, ".search-widget__summary")
    assert summary.startswith(f"{data['outData']['response']['numFound']} Suchergebnisse für "
                              "Personalausweis") and summary.endswith("Seite 1.")
    screenshot(widget, "sample-widget-results")


def test_dates_show_a_time_only_where_the_page_states_one(widget: Page,
                                                          live_server: LiveServer) -> None:
    data = _open(widget, live_server, "q=Jena&rows=50")
    docs = data["outData"]["response"]["docs"]
    dated = [(n, d) for n, d in enumerate(docs, 1) if d.get("onlineDate")]
    shown = [_text(widget, f".search-widget__doc:nth-child({n}) .search-widget__date")
             for n, _ in dated]
    timed = [s for s, (_, d) in zip(shown, dated) if d["onlineDateHasTime"]]
    bare = [s for s, (_, d) in zip(shown, dated) if d["onlineDateHasTime"] is False]
    assert timed and bare
    # A page without a date of its own shows none (nothing made up, no empty label).
    undated = [n for n, d in enumerate(docs, 1) if not d.get("onlineDate")]
    for n in undated:
        assert widget.locator(f".search-widget__doc:nth-child({n}) .search-widget__date").count() == 0
    assert all(re.fullmatch(r"Onlinedatum: \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr", s) for s in timed)
    assert all(re.fullmatch(r"Onlinedatum: \d\d\.\d\d\.\d{4}", s) for s in bare)


def test_sort_and_category_choices_are_the_apis(widget: Page, live_server: LiveServer) -> None:
    data = _open(widget, live_server, "q=Jena")
    values = widget.eval_on_selector_all("#solr-sort option", "os => os.map(o => o.value)")
    assert values == [s.value for s in Sort]
    widget.select_option("#solr-sort", "datum_neu")
    widget.wait_for_function("document.querySelector('.search-widget__doc')")
    expected = requests.get(f"{live_server.url}/api/search?q=Jena&sort=datum_neu",
                            timeout=30).json()["outData"]["response"]["docs"]
    widget.wait_for_function(
        f"document.querySelector('.search-widget__doc a').textContent === {expected[0]['title']!r}")
    facets = data["outData"]["facets"]["category"]
    labels = widget.eval_on_selector_all("#solr-category option", "os => os.map(o => o.text)")
    assert labels == ["Alle Kategorien"] + [f"{f['value']} ({f['count']})" for f in facets]


def test_zero_hits_and_did_you_mean(widget: Page, live_server: LiveServer) -> None:
    _open(widget, live_server, "q=Persnalausweis&autocorrect=0")
    assert _text(widget, ".search-widget__summary") == (
        "0 Suchergebnisse für Persnalausweis in Kategorie auf insgesamt 0 Seiten. "
        "Sie befinden sich auf Seite 1.")
    assert _text(widget, ".search-widget__suggest") == "Meinten Sie: Personalausweis"
    before = widget.get_attribute("body", "data-widget-loaded")
    widget.click(".search-widget__suggest a")
    widget.wait_for_function(f"document.body.dataset.widgetLoaded !== '{before}'")
    followed = requests.get(f"{live_server.url}/api/search?q=Personalausweis", timeout=30).json()
    found = followed["outData"]["response"]["numFound"]
    assert found > 0 and len(widget.query_selector_all(".search-widget__doc")) == min(found, 10)
    assert _text(widget, ".search-widget__summary").startswith(
        f"{found} Suchergebnisse für Personalausweis")
