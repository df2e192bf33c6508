"""On SolrCloud a saved ranking and a new synonym reach every node without a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from solrclient import SolrClient, Timeouts
from solrlauncher import CloudSolr
from tests.support import Core, Node
from webapp.admin.ranking_store import current_ranking, save_ranking
from webapp.admin.repository import CoreAdmin

pytestmark = pytest.mark.slow

DOCS = [{"id": "perso", "title": "Personalausweis beantragen", "content": "Im Bürgeramt.",
         "category": "Bürgerservice", "clickCounter": 0},
        {"id": "fund", "title": "Fundbüro", "content": "Auch ein verlorener Personalausweis.",
         "category": "Bürgerservice", "clickCounter": 5000}]


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CloudSolr]:
    """Two nodes, one shard with a replica on each."""
    cluster = CloudSolr(tmp_path_factory.mktemp("admin-cloud"), nodes=2, shards=1, replicas=2,
                        heap="1g")
    cluster.start()
    yield cluster
    cluster.stop()


def _order(url: str, query: str) -> list[str]:
    return Core(url).ids(query, handler="search", spellcheck="false")


def test_ranking_and_synonyms_apply_on_every_node(cloud: CloudSolr) -> None:
    first, second = cloud.collection_url(0), cloud.collection_url(1)
    Core(first).add(DOCS, commit=True)
    assert _order(second, "Personalausweis") == ["perso", "fund"]
    core = CoreAdmin(SolrClient(first, timeouts=Timeouts.reading(60)))
    save_ranking(core, current_ranking(core).with_changes(popularity=8.0), "redaktion", "Test")
    assert _order(second, "Personalausweis") == ["fund", "perso"]
    assert current_ranking(CoreAdmin(SolrClient(second, timeouts=Timeouts.reading(60)))).popularity == 8.0

    # A word the shipped synonyms do not know yet ("Perso" is one of them by now).
    assert _order(second, "Ausweisle") == []
    # The app may know only an alias; the reload must reach the collection behind it.
    node = Node(cloud.node_urls[0])
    node.collections("CREATEALIAS", name="suche_live", collections=cloud.collection)
    via_alias = CoreAdmin(node.core("suche_live").client.with_options(timeouts=Timeouts.reading(60)))
    via_alias.add_managed("synonyms", {"ausweisle": ["ausweisle", "personalausweis"]})
    via_alias.reload()  # Collections API RELOAD: every replica on every node
    assert set(_order(second, "Ausweisle")) == {"perso", "fund"}
