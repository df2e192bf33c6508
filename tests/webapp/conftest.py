"""Fixtures for the visitor web app, reusable by other test folders.

- `app`, `client`: a fresh app (flaskr style) on the session's real Solr core.
- `search_docs`: makes the core hold exactly `support.DOCS` (reloads only when needed).
- `live_server`: the app served over real HTTP (`.url`, `.app`), for browsers and
  concurrency tests; one per session.
- `sample_index`: the core filled by the real indexer from sample-site/ (module scope; the
  next `search_docs` user puts the fixture documents back).

Other folders reuse them with `from tests.webapp.conftest import live_server, search_docs`
in their own conftest.py (tests run with `python -m pytest` from the repository root).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support import index_sample_site, make_app
from tests.webapp.support import LiveServer, ensure_fixture_docs


@pytest.fixture()
def app(solr_url: str) -> Flask:
    """The web app, configured for the session's Solr."""
    # Development: the admin area (webapp/admin) refuses production without credentials.
    return make_app(solr_url, TESTING=True)


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """Test client of `app`."""
    return app.test_client()


@pytest.fixture()
def search_docs(solr_url: str) -> str:
    """The fixture documents in the core; returns the core URL."""
    ensure_fixture_docs(solr_url)
    return solr_url


@pytest.fixture(scope="session")
def live_server(solr_url: str) -> Iterator[LiveServer]:
    """The app over HTTP on 127.0.0.1 and a random port."""
    # One app for the whole session, while fixtures reload the core behind its back as a
    # reindex does: results kept in memory would show the previous documents for their cache
    # time (webapp/result_cache.py; its own tests use apps of their own).
    server = LiveServer.start(make_app(solr_url, result_cache_seconds=0))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def sample_index(solr_url: str, sample_site: Path) -> str:
    """The sample city site indexed with `python -m indexer index --full`; the core URL."""
    index_sample_site(solr_url, sample_site)
    return solr_url
