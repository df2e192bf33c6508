"""The launcher's cloud mode: 3 nodes, a 2-shard x 2-replica collection, node loss."""

from __future__ import annotations

import time

import pytest

from solrclient import SolrError
from solrlauncher import CloudSolr
from tests.support import Core, Node


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory):
    cluster = CloudSolr(tmp_path_factory.mktemp("cloud"), nodes=3, shards=2, replicas=2)
    cluster.start()
    yield cluster
    cluster.stop()


def _replica_states(cloud: CloudSolr) -> list[str]:
    status = Node(cloud.node_urls[0]).collections("CLUSTERSTATUS", collection=cloud.collection)
    shards = status["cluster"]["collections"][cloud.collection]["shards"]
    return [r["state"] for s in shards.values() for r in s["replicas"].values()]


def test_cloud_collection_from_same_configset(cloud: CloudSolr) -> None:
    assert len(cloud.node_urls) == 3
    states = _replica_states(cloud)
    assert len(states) == 4 and set(states) == {"active"}
    client = Core(cloud.collection_url(0))
    client.add([{"id": f"d{i}", "title": f"Straßenbahn Linie {i}", "category": "Verkehr"}
                for i in range(20)], commit=True)
    # Same analysis as the standalone core: "Strasse" meets "Straße" (folded), on every node.
    for node in range(3):
        res = Core(cloud.collection_url(node)).search(
            "Strassenbahn", handler="search")
        assert res.hits == 20


def test_cloud_survives_loss_of_one_node(cloud: CloudSolr) -> None:
    client = Core(cloud.collection_url(0))
    before = client.search("*:*").hits
    cloud.stop_node(1)
    assert "1=false" in cloud.status()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # ZooKeeper notices the lost node within seconds
        try:
            if client.search("*:*").hits == before:
                break
        except SolrError:
            pass
        time.sleep(0.5)
    assert client.search("*:*").hits == before
    cloud.start_node(1)
    assert "1=true" in cloud.status()
