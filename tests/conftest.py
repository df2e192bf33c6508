"""Shared fixtures: one real Solr for the whole test session, started from this repo."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from solrlauncher import StandaloneSolr
from tests.support import Core

# The tests configure their own Solr; settings of a developer's shell (or of `make run`)
# must not point them at another one.
# (STADTSUCHE_LOAD_* only size the load test and may be set on purpose.)
for _name in [n for n in os.environ
              if n.startswith("STADTSUCHE_") and not n.startswith("STADTSUCHE_LOAD_")]:
    del os.environ[_name]
# Each session keeps the app's outbox (clicks and events Solr has not taken yet) apart from
# the developer's var/ and from other sessions.
os.environ["STADTSUCHE_OUTBOX_DIR"] = tempfile.mkdtemp(prefix="stadtsuche-outbox-")

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SITE = REPO / "sample-site"
STATS_CONFIGSET = REPO / "solr-config" / "stats"


def _extra_cores() -> dict[str, Path]:
    if (STATS_CONFIGSET / "conf" / "solrconfig.xml").is_file():
        return {"stadtsuche_stats": STATS_CONFIGSET}
    return {}


@pytest.fixture(scope="session")
def solr(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandaloneSolr]:
    """A real Apache Solr (standalone) with a fresh home; a launch failure fails the tests."""
    home = tmp_path_factory.mktemp("solr-home")
    server = StandaloneSolr(home, port=int(os.environ.get("TEST_SOLR_PORT", "0")),
                            extra_cores=_extra_cores())
    server.start()
    yield server
    # The apps of the session write their queued statistics while Solr still runs, not at
    # interpreter exit, when it is gone (a warning per event after the test summary).
    from webapp.admin.stats import flush_all
    flush_all()
    server.stop()


@pytest.fixture(scope="session")
def solr_url(solr: StandaloneSolr) -> str:
    """URL of the Stadtsuche core of the session's Solr."""
    return solr.core_url


@pytest.fixture()
def solr_client(solr: StandaloneSolr) -> Core:
    """The session's core for a test's own requests (Solr may have been restarted by a test)."""
    return Core(solr.core_url)


@pytest.fixture()
def empty_core(solr_client: Core) -> Core:
    """The session's core with every document deleted (visible immediately)."""
    solr_client.delete(q="*:*", commit=True)
    return solr_client


@pytest.fixture(scope="session")
def sample_site() -> Path:
    """The sample city site shipped in the repository."""
    assert SAMPLE_SITE.is_dir(), "sample-site/ is missing"
    return SAMPLE_SITE
