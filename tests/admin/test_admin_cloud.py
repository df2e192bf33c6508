"""On SolrCloud a saved ranking and a new synonym reach every node without a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from solrclient import SolrClient, Timeouts
from solrlauncher import CloudSolr
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
    data = requests.get(f"{url}/search", params={"q": query, "fl": "id", "wt": "json",
                                                 "spellcheck": "false"}, timeout=30).json()
    return [d["id"] for d in data["response"]["docs"]]


def test_ranking_and_synonyms_apply_on_every_node(cloud: CloudSolr) -> None:
    first, second = cloud.collection_url(0), cloud.collection_url(1)
    requests.post(f"{first}/update", params={"commit": "true"}, json=DOCS,
                  timeout=60).raise_for_status()
    assert _order(second, "Personalausweis") == ["perso", "fund"]
    core = CoreAdmin(SolrClient(first, timeouts=Timeouts.reading(60)))
    save_ranking(core, current_ranking(core).with_changes(popularity=8.0), "redaktion", "Test")
    assert _order(second, "Personalausweis") == ["fund", "perso"]
    assert current_ranking(CoreAdmin(SolrClient(second, timeouts=Timeouts.reading(60)))).popularity == 8.0

    # A word the shipped synonyms do not know yet ("Perso" is one of them by now).
    assert _order(second, "Ausweisle") == []
    # The app may know only an alias; the reload must reach the collection behind it.
    requests.get(f"{cloud.node_urls[0]}/admin/collections", params={
        "action": "CREATEALIAS", "name": "suche_live", "collections": cloud.collection},
        timeout=60).raise_for_status()
    via_alias = CoreAdmin(SolrClient(f"{cloud.node_urls[0]}/suche_live", timeouts=Timeouts.reading(60)))
    via_alias.add_managed("synonyms", {"ausweisle": ["ausweisle", "personalausweis"]})
    via_alias.reload()  # Collections API RELOAD: every replica on every node
    assert set(_order(second, "Ausweisle")) == {"perso", "fund"}
