"""axe-core accessibility checks (WCAG 2.1 A/AA and best practice) for Playwright pages."""

from __future__ import annotations

import json

from playwright.sync_api import Page

from tests.browser.conftest import NODE_MODULES

AXE = NODE_MODULES / "axe-core" / "axe.min.js"

_RUN = """async () => {
    const r = await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                        'best-practice']}});
    return {violations: r.violations.map(v => ({id: v.id, impact: v.impact,
              nodes: v.nodes.map(n => n.target.join(' '))})), passes: r.passes.length};
}"""


def assert_no_axe_violations(page: Page) -> None:
    """Run axe-core on the page as it is now; fail with the violations, if any.

    The page's context needs ``bypass_csp=True``: axe is injected as a script, which the
    app's own Content-Security-Policy rightly forbids.
    """
    assert AXE.is_file(), "node_modules/axe-core is missing: run npm ci"
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(_RUN)
    assert results["passes"] > 10, "axe ran no checks"
    assert results["violations"] == [], json.dumps(results["violations"], indent=1)
