"""In a real browser: hostile data never runs, neither in the AngularJS widget nor on /suche."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Page, Route

from tests.browser.conftest import NODE_MODULES
from tests.security.hostile import MARKER
from tests.webapp.support import LiveServer

pytestmark = pytest.mark.browser

WIDGET = Path(__file__).resolve().parents[1] / "browser" / "fixtures"
ASSETS = {
    "index.html": (WIDGET / "widget.html", "text/html; charset=utf-8"),
    "widget.js": (WIDGET / "widget.js", "text/javascript; charset=utf-8"),
    "angular.min.js": (NODE_MODULES / "angular" / "angular.min.js", "text/javascript"),
}
PWN = "[[ constructor.constructor('window.__pwned=1')() ]]"
PWN2 = "{{ constructor.constructor('window.__pwned=2')() }}"
QUERIES = (MARKER, f"{PWN} Hundesteuer", f"{PWN2} Angular", "<img src=x onerror=window.__pwned=3>",
           "Angular Vorlage")


@pytest.fixture()
def hostile_server(sec_app: Flask) -> Iterator[LiveServer]:
    server = LiveServer.start(sec_app)
    yield server
    server.stop()


@pytest.fixture()
def watched(page: Page) -> Iterator[tuple[Page, list[str]]]:
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:  # noqa: ANN001
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page, dialogs


def _pwned(page: Page) -> object:
    return page.evaluate("() => window.__pwned")


@pytest.mark.parametrize("query", QUERIES)
def test_widget_prints_hostile_data_as_text(watched: tuple[Page, list[str]],
                                            hostile_server: LiveServer, query: str) -> None:
    page, dialogs = watched
    for _, (path, _) in ASSETS.items():
        assert path.is_file(), f"{path} is missing (npm ci)"

    def serve(route: Route) -> None:
        name = route.request.url.split("/__widget__/", 1)[1].split("?", 1)[0]
        path, content_type = ASSETS[name]
        route.fulfill(status=200, content_type=content_type, body=path.read_bytes())

    page.route(f"{hostile_server.url}/__widget__/**", serve)
    page.goto(f"{hostile_server.url}/__widget__/index.html?q={_quote(query)}&rows=50")
    page.wait_for_selector("body[data-loaded]")
    page.wait_for_timeout(300)
    assert not dialogs and _pwned(page) is None
    heading = page.inner_text("#result-heading")
    assert query.split()[0] in heading  # the keyword is printed, literally
    assert not page.query_selector("#docs img")
    if query == MARKER:
        titles = " ".join(page.locator("#docs .doc-title").all_inner_texts())
        assert "constructor.constructor('alert(1)')()" in titles and "<script>" in titles


@pytest.mark.parametrize("query", QUERIES)
def test_search_page_runs_no_hostile_script(watched: tuple[Page, list[str]],
                                            hostile_server: LiveServer, query: str) -> None:
    page, dialogs = watched
    page.goto(f"{hostile_server.url}/suche?q={_quote(query)}&rows=50")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert not dialogs and _pwned(page) is None
    assert not page.query_selector("main img[src='x'], main svg[onload]")
    body = page.inner_text("body")
    assert query.split()[0] in body


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
