"""axe-core in Chromium: no WCAG 2.1 A/AA violations on the three kinds of search page."""

from __future__ import annotations


import pytest

from tests.browser.conftest import screenshot
from tests.browser.axe import assert_no_axe_violations
from tests.webapp.support import LiveServer


pytestmark = pytest.mark.usefixtures("search_docs")


@pytest.mark.parametrize("name, path", [
    ("empty", "/suche"),
    ("results", "/suche?q=Jena&category=B%C3%BCrgerservice"),
    ("paged", "/suche?q=Jena&page=2"),
    ("no-results", "/suche?q=Xqzvbrtlk"),
    ("error", "/gibt-es-nicht"),
])
def test_axe_finds_no_violations(make_context, live_server: LiveServer, name: str,
                                 path: str) -> None:
    # axe is injected as an inline script, which the page's own CSP rightly forbids.
    page = make_context(bypass_csp=True).new_page()
    page.goto(f"{live_server.url}{path}")
    screenshot(page, f"a11y-{name}")
    assert_no_axe_violations(page)
