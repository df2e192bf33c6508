"""The sample site indexed once per module into the session's Solr, with the shipped ranking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quality.indexing import index_site
from quality.paramset import RANKING, shipped_ranking
from quality.solr import SearchClient
from solrlauncher import StandaloneSolr
from tests.support import Core


@pytest.fixture(scope="module")
def indexed_core(solr: StandaloneSolr, sample_site: Path) -> str:
    """Core URL of the session Solr holding exactly the sample site, indexed by the indexer."""
    core_url = solr.core_url
    Core(core_url).delete(q="*:*", commit=True)
    index_site(sample_site, core_url)
    # Other tests (the admin area) may have saved their own ranking into the session core;
    # the figures asserted here are those of the shipped defaults.
    shipped = SearchClient(core_url)
    shipped.set_paramset(RANKING, shipped_ranking())
    shipped.commit()
    shipped.close()
    return core_url


@pytest.fixture(scope="module")
def client(indexed_core: str) -> Iterator[SearchClient]:
    """Runs visitor queries on /search of the indexed sample site."""
    search = SearchClient(indexed_core)
    yield search
    search.close()
