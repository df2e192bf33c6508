"""The click judgement page and the preview's click nDCG in the browser: reached through the
admin navigation, with and without judgements, and axe-core finds nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.admin.test_admin_browser import _sign_in
from tests.admin.test_evaluation_pages import visit
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import browser, make_context, screenshot  # noqa: F401
from tests.webapp.support import LiveServer

pytestmark = pytest.mark.browser


def test_judgement_page_and_preview_pass_axe(make_context, live_admin: LiveServer,
                                             pages: list) -> None:
    visit(live_admin.app)
    page = make_context(bypass_csp=True).new_page()
    _sign_in(page, live_admin.url)
    page.get_by_role("link", name="Bewertung aus Klicks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bewertung aus Klicks")
    expect(page.locator("#bewertung tbody tr")).to_have_count(5)
    expect(page.locator("#ndcg-tage tbody tr td").nth(2)).to_have_text("36")
    screenshot(page, "admin-evaluation")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Ranking").first.click()
    page.get_by_label("Standard-Sortierung, wenn Besucher keine wählen").select_option(
        label="Beliebtheit")
    page.get_by_label("Suchanfrage für die Vorschau").fill("Ausweis")
    page.get_by_role("button", name="Vorschau").click()
    rows = page.locator("#klick-ndcg tbody tr")
    expect(rows.nth(1).locator("td")).to_have_text(["Vorschlag", "1,000", "3"])
    screenshot(page, "admin-ranking-click-ndcg")
    assert_no_axe_violations(page)


def test_empty_judgement_page_and_preview_pass_axe(make_context, live_admin: LiveServer,
                                                   pages: list) -> None:
    page = make_context(bypass_csp=True).new_page()
    _sign_in(page, live_admin.url)
    page.goto(f"{live_admin.url}/admin/bewertung?von=2026-01-01&bis=2026-01-31")
    expect(page.locator("#zu-wenig")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{live_admin.url}/admin/ranking")
    page.get_by_label("Suchanfrage für die Vorschau").fill("Ausweis")
    page.get_by_role("button", name="Vorschau").click()
    expect(page.locator("#klick-ndcg-leer")).to_be_visible()
    assert_no_axe_violations(page)
