"""A core of hostile documents (via the real indexer and straight into Solr) and the app on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from solrlauncher import StandaloneSolr
from tests.reliability.support import create_core, index_site, make_app, num_found
from tests.security.hostile import hostile_docs, write_hostile_site
from tests.support import Core


@pytest.fixture(scope="session")
def hostile_core(solr: StandaloneSolr, sample_site: Path,
                 tmp_path_factory: pytest.TempPathFactory) -> str:
    """Core "security_hostile": the sample site, hostile pages and hostile raw documents."""
    url = create_core(solr, "security_hostile")
    if num_found(url, "id:evil-0") == 0:
        state = tmp_path_factory.mktemp("hostile-state")
        assert index_site(url, sample_site, state).indexed >= 60
        site = write_hostile_site(tmp_path_factory.mktemp("hostile-site"))
        from indexer import pipeline
        from indexer.config import load_config

        # Not a full run: the sample site's pages stay.
        report = pipeline.run([str(site)], url, full=False,
                              config=load_config().with_overrides(state_path=state / "h.json"))
        assert report.indexed >= 3, report
        core = Core(url)
        core.add(hostile_docs(), commit=True)
        core.build_suggester()
    return url


@pytest.fixture(scope="session")
def sec_app(hostile_core: str) -> Flask:
    """The app as production runs it, on the hostile core."""
    return make_app(hostile_core)


@pytest.fixture()
def sec_client(sec_app: Flask) -> FlaskClient:
    return sec_app.test_client()


# Headless Chromium for the widget test; same fixtures as tests/browser.
from tests.browser.conftest import browser, page  # noqa: E402,F401
