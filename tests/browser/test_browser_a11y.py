"""axe-core in Chromium: no WCAG 2.1 A/AA violations on the three kinds of search page."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import NODE_MODULES, screenshot
from tests.webapp.support import LiveServer

AXE = NODE_MODULES / "axe-core" / "axe.min.js"

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
    assert AXE.is_file(), "node_modules/axe-core is missing: run npm ci"
    # axe is injected as an inline script, which the page's own CSP rightly forbids.
    page = make_context(bypass_csp=True).new_page()
    page.goto(f"{live_server.url}{path}")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("""async () => {
        const r = await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                            'best-practice']}});
        return {violations: r.violations.map(v => ({id: v.id, impact: v.impact,
                  nodes: v.nodes.map(n => n.target.join(' '))})), passes: r.passes.length};
    }""")
    screenshot(page, f"a11y-{name}")
    assert results["passes"] > 10
    assert results["violations"] == [], json.dumps(results["violations"], indent=1)
