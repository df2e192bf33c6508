"""The admin area in headless Chromium: popularity boost from preview to live search,
reindex progress with and without JavaScript, and axe-core accessibility checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.admin.conftest import ADMIN_PASSWORD, ADMIN_USER, make_app
from tests.admin.test_admin_reindex import make_site
from tests.browser.conftest import browser, make_context, screenshot  # noqa: F401
from tests.browser.axe import assert_no_axe_violations
from tests.webapp.support import LiveServer

pytestmark = pytest.mark.browser


def _sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/admin/")
    expect(page).to_have_url(f"{base}/admin/login?next=/admin/")
    page.get_by_label("Benutzername").fill(ADMIN_USER)
    page.get_by_label("Passwort").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", name="Verwaltung der Stadtsuche")).to_be_visible()


def _ids(page: Page, list_id: str) -> list[str]:
    return page.locator(f"#{list_id} li").evaluate_all("els => els.map(e => e.dataset.id)")


def test_popularity_boost_preview_then_live_without_restart(
        make_context, live_admin: LiveServer, pages: list) -> None:
    context: BrowserContext = make_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    base = live_admin.url
    page.goto(f"{base}/suche?q=Ausweis")
    titles = page.locator(".result__title").all_inner_texts()
    assert titles[:2] == ["Personalausweis beantragen", "Fundbüro"]

    _sign_in(page, base)
    page.get_by_role("link", name="Ranking").first.click()
    popularity = page.get_by_label("Beliebtheits-Boost")
    assert float(popularity.input_value()) < 1
    popularity.fill("8")
    page.get_by_label("Suchanfrage für die Vorschau").fill("Ausweis")
    page.get_by_role("button", name="Vorschau").click()
    expect(page.get_by_role("heading", name="Vorschau für „Ausweis“")).to_be_visible()
    screenshot(page, "admin-ranking-preview")
    assert _ids(page, "vorschau-aktuell")[:2] == ["adm-personalausweis", "adm-fundbuero"]
    assert _ids(page, "vorschau-vorschlag")[:2] == ["adm-fundbuero", "adm-personalausweis"]
    # Visitors still get the old order: nothing is saved yet.
    visitor = context.new_page()
    visitor.goto(f"{base}/suche?q=Ausweis")
    assert visitor.locator(".result__title").first.inner_text() == "Personalausweis beantragen"

    page.get_by_label("Kommentar zur Version").fill("Beliebte Seiten stärker")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Ranking gespeichert (Version 2)")).to_be_visible()
    expect(page.get_by_role("cell", name="Beliebte Seiten stärker")).to_be_visible()
    screenshot(page, "admin-ranking-saved")

    visitor.reload()
    assert visitor.locator(".result__title").all_inner_texts()[:2] == [
        "Fundbüro", "Personalausweis beantragen"]
    screenshot(visitor, "admin-ranking-live-search")
    assert errors == []


def test_reindex_progress_in_the_browser(make_context, solr_url: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         empty_core: object) -> None:
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "state.json"))
    server = LiveServer.start(make_app(solr_url, INDEX_SOURCE=str(make_site(tmp_path / "s", 300))))
    try:
        page = make_context().new_page()
        _sign_in(page, server.url)
        page.goto(f"{server.url}/admin/reindex")
        page.get_by_label("Vollständig").check()
        page.get_by_role("button", name="Reindizierung starten").click()
        expect(page.locator("#fortschritt")).to_be_visible()
        expect(page.locator("#job-status")).to_have_attribute("data-status", "done",
                                                              timeout=120_000)
        expect(page.locator("#job-status")).to_contain_text("indexiert: 300")
        assert page.locator("#fortschritt").evaluate("e => e.value") == 100
        expect(page.locator("#job-report")).to_be_visible()
        expect(page.locator("#fortschritt-text")).to_have_text("300 von 300 Seiten")
        expect(page.locator("#job-reload")).to_be_hidden()
        screenshot(page, "admin-reindex-done")

        # Without JavaScript a running job's page reloads itself (meta refresh).
        nojs = make_context(java_script_enabled=False).new_page()
        _sign_in(nojs, server.url)
        nojs.goto(f"{server.url}/admin/reindex")
        nojs.get_by_label("Inkrementell").check()
        nojs.get_by_role("button", name="Reindizierung starten").click()
        expect(nojs.locator("#fortschritt")).to_be_visible()
        screenshot(nojs, "admin-reindex-nojs")
        if nojs.locator("#job-status").get_attribute("data-status") == "running":
            assert nojs.locator('meta[http-equiv="refresh"]').count() == 1
        # The refresh brings the finished state without any script.
        expect(nojs.locator("#job-status")).to_have_attribute("data-status", "done",
                                                              timeout=60_000)
        expect(nojs.locator("#job-status")).to_contain_text("unverändert: 300")
    finally:
        server.stop()


@pytest.mark.parametrize("name, path", [
    ("start", "/admin/"),
    ("ranking", "/admin/ranking"),
    ("begriffe", "/admin/begriffe"),
    ("angepinnt", "/admin/angepinnt"),
    ("herabgestuft", "/admin/herabgestuft?seite_suche=Ausweis"),
    ("golden", "/admin/golden"),
    ("reindex", "/admin/reindex"),
    ("statistik", "/admin/statistik"),
    ("seite", "/admin/seite?url=adm-fundbuero"),
    ("seite-titel", "/admin/seite?titel=Ausweis"),
    ("seite-fehlt", "/admin/seite?url=https://www.jena.de/gibt-es-nicht"),
    ("seite-entfernen", "/admin/seite/entfernen?id=adm-fundbuero"),
    ("ausschluesse", "/admin/ausschluesse"),
    ("protokoll", "/admin/protokoll"),
])
def test_admin_pages_pass_axe(make_context, live_admin: LiveServer, pages: list, name: str,
                              path: str) -> None:
    page = make_context(bypass_csp=True).new_page()
    _sign_in(page, live_admin.url)
    page.goto(f"{live_admin.url}{path}")
    if name == "ranking":
        page.get_by_label("Suchanfrage für die Vorschau").fill("Ausweis")
        page.get_by_role("button", name="Vorschau").click()
    if name == "ausschluesse":
        page.get_by_label("Einzelne Seite").check()
        page.get_by_label("Adresse", exact=True).fill("https://www.jena.de/test/hundesteuer")
        page.get_by_label("Grund", exact=True).fill("Satzung wird neu gefasst")
        page.get_by_role("button", name="Ausschließen").click()
        page.get_by_text("Satzung wird neu gefasst").wait_for()
    if name == "herabgestuft":
        page.get_by_label("Personalausweis beantragen").check()
        page.get_by_label("Bei jeder Suche", exact=True).check()
        page.get_by_label("Suchanfrage für die Vorschau (bei jeder Suche)").fill("Ausweis")
        page.get_by_role("button", name="Vorschau").click()
        page.locator("#vorschau-vorschlag").wait_for()
        assert_no_axe_violations(page)  # the preview, then the list after saving
        page.get_by_role("button", name="Speichern").click()
        page.locator("#herabgestuft-liste").get_by_text("Personalausweis beantragen").wait_for()
    screenshot(page, f"admin-a11y-{name}")
    assert_no_axe_violations(page)
