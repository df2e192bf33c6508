"""The page "Rankings vergleichen" in a real browser: start a comparison from a saved
ranking, visitors in its share click, the figures with the searches behind them, stop it;
axe-core finds no violations on the way."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.admin.support import commit_statistics
from tests.admin.test_admin_browser import _sign_in
from tests.admin.test_comparison import QUERY, antrag, versions  # noqa: F401 - fixtures
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import browser, make_context, screenshot  # noqa: F401
from tests.webapp.support import LiveServer

pytestmark = pytest.mark.browser


def _cells(page: Page) -> list[list[str]]:
    return page.locator("#vergleich-stand tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.replace(/\\s+/g, ' ').trim()))")


def test_start_follow_and_stop_a_comparison(make_context, live_admin: LiveServer,
                                            versions: tuple[int, int]) -> None:
    base = live_admin.url
    page = make_context(bypass_csp=True).new_page()
    _sign_in(page, base)
    page.get_by_role("link", name="Rankings vergleichen").click()
    expect(page.get_by_role("heading", name="Neuen Vergleich starten")).to_be_visible()
    assert page.get_by_label("Anteil der Suchen (Prozent)").input_value() == "20"
    assert_no_axe_violations(page)
    page.get_by_label("Gespeicherte Version").select_option(str(versions[0]))
    page.get_by_label("Anteil der Suchen (Prozent)").fill("100")
    page.get_by_label("Geplante Zahl der Suchen").fill("10")
    page.get_by_role("button", name="Vergleich starten").click()
    expect(page.get_by_text(f"Vergleich mit Version {versions[0]} gestartet.")).to_be_visible()
    assert_no_axe_violations(page)

    visitor = make_context().new_page()
    for _ in range(3):
        visitor.goto(f"{base}/suche?q={QUERY}")
    visitor.locator(".result__title a").first.click()
    commit_statistics(live_admin.app)
    page.reload()
    rows = _cells(page)
    assert [row[2] for row in rows[:3]] == ["3 Suchen"] * 3
    assert sum(int(row[1]) for row in rows[:3]) == 3
    assert rows[3][2] == "1 entschiedenen Suche" and rows[4][2] == "1 entschiedenen Suche"
    assert rows[5][1].startswith("Zwischenstand: noch 7 Suchen")
    screenshot(page, "admin-comparison")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Vergleich beenden").click()
    expect(page.get_by_text("Vergleich beendet.")).to_be_visible()
    expect(page.locator("#vergleich-status")).to_contain_text("von Hand beendet")
    page.get_by_role("button", name="Gewinner übernehmen").click()
    expect(page.get_by_role("alert")).to_contain_text("vor der geplanten Zahl beendet")
    assert_no_axe_violations(page)
