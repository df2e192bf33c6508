"""Visitors using the search page in Chromium: search, filter, sort, rows, paging, clicks."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.webapp.support import LiveServer

pytestmark = pytest.mark.usefixtures("search_docs")


def summary(page: Page) -> str:
    return " ".join(page.inner_text("#trefferzahl").split())


def result_titles(page: Page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(".result__title a").all_inner_texts()]


def search(page: Page, live_server: LiveServer, words: str) -> None:
    page.goto(f"{live_server.url}/suche")
    page.fill("#suchfeld", words)
    page.press("#suchfeld", "Enter")
    page.wait_for_selector("#trefferzahl")


def test_search_filter_sort_rows_and_paging(page: Page, live_server: LiveServer) -> None:
    search(page, live_server, "Jena")
    assert summary(page) == ("33 Suchergebnisse für Jena in allen Kategorien auf insgesamt "
                             "4 Seiten. Sie befinden sich auf Seite 1.")
    screenshot(page, "search-results")

    page.get_by_role("link", name="Verkehr (5)").click()
    expect(page.locator("#trefferzahl")).to_contain_text("in Kategorie Verkehr auf insgesamt 1 Seite.")
    assert len(result_titles(page)) == 5
    page.get_by_role("link", name="Alle Kategorien").click()
    expect(page.locator("#trefferzahl")).to_contain_text("33 Suchergebnisse")

    page.select_option("#sortierung", "datum_alt")  # submits by itself (JavaScript)
    expect(page.locator("#sortierung")).to_have_value("datum_alt")
    page.wait_for_url("**sort=datum_alt**")
    assert result_titles(page)[0] == "Projekt Armutsprävention"
    page.select_option("#sortierung", "datum_neu")
    page.wait_for_url("**sort=datum_neu**")
    assert result_titles(page)[0] == "Altstadtfest"

    page.select_option("#anzahl", "20")
    page.wait_for_url("**rows=20**")
    assert len(result_titles(page)) == 20
    assert summary(page).endswith("auf insgesamt 2 Seiten. Sie befinden sich auf Seite 1.")

    page.get_by_role("link", name="Nächste Seite").click()
    expect(page.locator('.pager a[aria-current="page"]')).to_have_text("2")
    assert len(result_titles(page)) == 13
    assert summary(page).endswith("Sie befinden sich auf Seite 2.")
    assert result_titles(page)[-1] == "Projekt Armutsprävention"
    page.get_by_role("link", name="Erste Seite").click()
    expect(page.locator('.pager a[aria-current="page"]')).to_have_text("1")


def test_did_you_mean_is_followed(page: Page, live_server: LiveServer) -> None:
    search(page, live_server, "Persnalausweis")
    expect(page.locator(".replaced")).to_contain_text("Keine Treffer für „Persnalausweis“")
    page.get_by_role("link", name="Nur nach „Persnalausweis“ suchen").click()
    expect(page.locator(".did-you-mean")).to_have_text("Meinten Sie: Personalausweis")
    screenshot(page, "did-you-mean")
    page.locator(".did-you-mean a").click()
    page.wait_for_url("**q=Personalausweis**")
    assert result_titles(page) == ["Personalausweis beantragen"]
    assert summary(page).startswith("1 Suchergebnis für Personalausweis")


def test_an_unknown_extra_word_shows_the_pages_with_the_others(page: Page,
                                                                live_server: LiveServer) -> None:
    # Relaxed matching: "Xqzvbrtlk" is on no page, so the pages with "Jena" are shown,
    # under the notice that they do not contain every word.
    page.goto(f"{live_server.url}/suche?q=Jena+Xqzvbrtlk&category=Verkehr")
    expect(page.locator("#trefferzahl")).to_contain_text(
        "5 Suchergebnisse für Jena Xqzvbrtlk in Kategorie Verkehr")
    expect(page.locator(".partial-notice")).to_have_text(
        "Ergebnisse, die nicht alle Suchbegriffe enthalten")
    screenshot(page, "partial-results")


def test_no_result_help(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/suche?q=Xqzvbrtlk&category=Verkehr")
    expect(page.locator("#trefferzahl")).to_contain_text(
        "Keine Treffer für „Xqzvbrtlk“ in Kategorie Verkehr")
    screenshot(page, "no-results")
    page.get_by_role("link", name="Einschränkung auf die Kategorie aufheben und in allen "
                                  "Kategorien suchen").click()
    expect(page.locator("#trefferzahl")).to_have_text("Keine Treffer für „Xqzvbrtlk“.")


def test_clicking_a_result_raises_its_count(page: Page, live_server: LiveServer) -> None:
    url = f"{live_server.url}/suche?q=Volkshochschule"
    page.goto(url)
    before = int(page.inner_text(".result__clicks"))
    page.locator(".result__title a").first.click()
    page.wait_for_url("https://www.jena.de/bildung/volkshochschule")
    deadline = time.monotonic() + 3
    while True:
        page.goto(url)
        if int(page.inner_text(".result__clicks")) == before + 1:
            break
        assert time.monotonic() < deadline, "click count did not rise"
        time.sleep(0.2)


def test_autocomplete_with_keyboard(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/suche")
    box = page.locator("#suchfeld")
    box.press_sequentially("Perso", delay=40)
    option = page.get_by_role("option", name="Personalausweis beantragen")
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    screenshot(page, "autocomplete")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", "vorschlag-0")
    box.press("Enter")
    page.wait_for_url("**q=Personalausweis+beantragen**")
    assert result_titles(page)[0] == "Personalausweis beantragen"


def test_keyboard_skip_link_and_visible_focus(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/suche?q=Jena")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "suchfeld"


def test_works_without_javascript(make_context, live_server: LiveServer) -> None:
    page = make_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/suche?q=Jena")
    page.select_option("#sortierung", "beliebtheit")
    page.get_by_role("button", name="Übernehmen").click()
    page.wait_for_url("**sort=beliebtheit**")
    assert result_titles(page)[0] == "Abfallkalender 2025"


def test_small_screen_layout(make_context, live_server: LiveServer) -> None:
    page = make_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{live_server.url}/suche?q=Jena")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"horizontal scrolling on a phone: {width}px"
    screenshot(page, "search-results-phone")
