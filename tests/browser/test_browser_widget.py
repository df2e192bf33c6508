"""The city's AngularJS widget template rendered against the live /api/search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Page, Route

from tests.browser.conftest import NODE_MODULES, screenshot
from tests.webapp.support import LiveServer
from webapp.presenters import format_online_date
from webapp.result import parse_date

FIXTURES = Path(__file__).parent / "fixtures"
ASSETS = {
    "index.html": (FIXTURES / "widget.html", "text/html; charset=utf-8"),
    "widget.js": (FIXTURES / "widget.js", "text/javascript; charset=utf-8"),
    "angular.min.js": (NODE_MODULES / "angular" / "angular.min.js", "text/javascript"),
}

pytestmark = pytest.mark.usefixtures("search_docs")


@pytest.fixture()
def widget(page: Page, live_server: LiveServer) -> Iterator[Page]:
    """The page, with the widget harness answered on the app's own origin (so /api is local)."""
    angular = ASSETS["angular.min.js"][0]
    assert angular.is_file(), "node_modules/angular is missing: run npm ci"
    assert '"1.8.3"' in (NODE_MODULES / "angular" / "package.json").read_text()

    def serve(route: Route) -> None:
        name = route.request.url.split("/__widget__/", 1)[1].split("?", 1)[0]
        path, content_type = ASSETS[name]
        route.fulfill(status=200, content_type=content_type, body=path.read_bytes())

    page.route(f"{live_server.url}/__widget__/**", serve)
    yield page


def open_widget(page: Page, live_server: LiveServer, query: str) -> dict:
    page.goto(f"{live_server.url}/__widget__/index.html?{query}")
    page.wait_for_selector("body[data-loaded]")
    return requests.get(f"{live_server.url}/api/search?{query}", timeout=30).json()


def text(page: Page, selector: str) -> str:
    return " ".join(page.inner_text(selector).split())


def test_widget_renders_summary_and_rows(widget: Page, live_server: LiveServer) -> None:
    data = open_widget(widget, live_server, "q=Jena&category=Verkehr")
    assert text(widget, "#summary") == ("5 Suchergebnisse für Jena in Kategorie Verkehr auf "
                                        "insgesamt 1 Seiten. Sie befinden sich auf Seite 1.")
    assert text(widget, "#result-heading") == \
        "5 Suchergebnisse für Jena in Kategorie: Verkehr"
    rows = widget.query_selector_all("li.doc")
    docs = data["outData"]["response"]["docs"]
    assert len(rows) == len(docs) == 5
    for row, doc in zip(rows, docs):
        assert " ".join(row.inner_text().split()) == (
            f"{doc['title']} ID: {doc['id']} clickCounter: {doc['clickCounter']} "
            f"Onlinedatum: {format_online_date(parse_date(doc['onlineDate']))} Uhr")
    first = widget.query_selector("li.doc")
    assert "Onlinedatum: 30.05.2025 08:00 Uhr" in " ".join(first.inner_text().split())
    assert text(widget, "#facets").startswith("Bürgerservice (8)")
    screenshot(widget, "widget-results")


def test_widget_did_you_mean_and_follow(widget: Page, live_server: LiveServer) -> None:
    open_widget(widget, live_server, "q=Persnalausweis&autocorrect=0")
    assert text(widget, "#did-you-mean") == "Meinten Sie: Personalausweis"
    assert text(widget, "#no-result") == "Leider wurden keine Ergebnisse gefunden."
    # The seed template's sentence, complete: pages[0].currentPage exists without hits too.
    assert text(widget, "#summary") == ("0 Suchergebnisse für Persnalausweis in Kategorie auf "
                                        "insgesamt 0 Seiten. Sie befinden sich auf Seite 1.")
    before = widget.get_attribute("body", "data-loaded")
    widget.click("#did-you-mean a")
    widget.wait_for_function(f"document.body.dataset.loaded !== '{before}'")
    assert text(widget, "#summary") == ("1 Suchergebnisse für Personalausweis in Kategorie  "
                                        "auf insgesamt 1 Seiten. Sie befinden sich auf Seite 1."
                                        ).replace("  ", " ")
    assert "ID: t-personalausweis" in text(widget, "#docs")
