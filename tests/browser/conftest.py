"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, against the live app.

Reuses `live_server` and `search_docs` from tests/webapp/conftest.py. Screenshots go to
test-artifacts/ (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.webapp.conftest import live_server, search_docs  # noqa: F401 - shared fixtures

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
NODE_MODULES = REPO / "node_modules"
CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here drives a browser."""
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


# Module scope: Playwright's sync API allows one running instance per thread, and other
# folders (tests/admin) start their own; ours must be gone when their modules run.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium; a missing browser fails the tests."""
    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing (apt-get install chromium)"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield instance
        instance.close()


def _context(browser: Browser, **options: object) -> BrowserContext:
    settings = {"locale": "de-DE", "timezone_id": "Europe/Berlin",
                "viewport": {"width": 1280, "height": 900}, **options}
    context = browser.new_context(**settings)
    context.set_default_timeout(15_000)
    # Result links lead to www.jena.de, which tests must not depend on: answer locally.
    context.route("https://www.jena.de/**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8",
        body="<!DOCTYPE html><html lang='de'><title>jena.de</title><h1>jena.de</h1></html>"))
    return context


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page with German locale and Berlin time zone; fails on script errors."""
    context = _context(browser)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()
    assert not errors, f"errors in the browser console: {errors}"


@pytest.fixture()
def make_context(browser: Browser) -> Iterator[object]:
    """Factory for contexts with extra options (no JavaScript, small screens, CSP bypass)."""
    made: list[BrowserContext] = []

    def factory(**options: object) -> BrowserContext:
        made.append(_context(browser, **options))
        return made[-1]

    yield factory
    for context in made:
        context.close()


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot to test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
