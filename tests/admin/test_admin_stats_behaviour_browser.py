"""The behaviour tables in the browser: a visitor's search, page 2, a new query and clicks,
then the start page's trend and the sortable per-query table; axe-core finds nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.admin.support import commit_statistics
from tests.admin.test_admin_browser import _sign_in
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import browser, make_context, screenshot  # noqa: F401
from tests.webapp.support import LiveServer

pytestmark = pytest.mark.browser


def test_behaviour_trend_and_sortable_table_pass_axe(make_context, live_admin: LiveServer,
                                                     pages: list) -> None:
    base = live_admin.url
    visitor = make_context().new_page()
    visitor.goto(f"{base}/suche?q=Ausweis")
    # A new query typed into the results page's form carries its search id.
    visitor.get_by_label("Suchbegriff").fill("Hundesteuer")
    visitor.get_by_role("button", name="Suchen", exact=True).click()
    visitor.locator(".result__title a").first.click()
    expect(visitor).to_have_title("jena.de")
    commit_statistics(live_admin.app)

    page = make_context(bypass_csp=True).new_page()
    _sign_in(page, base)
    trend = page.locator("#verhalten-trend tbody tr").last
    # Two first pages with hits today, one clicked on position 1.
    expect(trend.locator("td").nth(2)).to_have_text("50 % von 2")
    screenshot(page, "admin-behaviour-trend")
    assert_no_axe_violations(page)
    page.goto(f"{base}/admin/statistik")
    page.locator("#verhalten-suchen th a", has_text="MRR erster Klick").click()
    expect(page.locator("#verhalten-suchen th[aria-sort=descending]")).to_contain_text("MRR")
    first = page.locator("#verhalten-suchen tbody tr").first.locator("td")
    expect(first.nth(0)).to_have_text("hundesteuer")
    expect(first.nth(5)).to_have_text("1,00 von 1")
    rest = page.locator("#verhalten-suchen tbody tr").nth(1).locator("td")
    expect(rest.nth(0)).to_have_text("ausweis")
    expect(rest.nth(6)).to_have_text("100 % von 1")      # reformulated into "hundesteuer"
    screenshot(page, "admin-behaviour-table")
    assert_no_axe_violations(page)
