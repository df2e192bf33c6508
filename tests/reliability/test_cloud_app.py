"""Scale-out: the unchanged app and indexer work against a SolrCloud collection URL."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from indexer.model import Report
from solrlauncher import CloudSolr
from tests.reliability.support import (click_counts, cluster_status, commit, make_app, num_found,
                                       replica_num_found, wait_until)
from tests.support import Core
from webapp.click_ledger import ClickLedger
from webapp.click_queue import ClickQueue
from webapp.views.click import QUEUE_KEY

pytestmark = pytest.mark.slow


@pytest.fixture()
def cloud_client(cloud_url: str) -> FlaskClient:
    return make_app(cloud_url).test_client()


def test_indexer_run_is_ok_on_cloud(cloud_index_report: Report) -> None:
    assert cloud_index_report.error is None, cloud_index_report.error
    assert cloud_index_report.ok and cloud_index_report.suggester_built


def test_indexer_filled_every_shard_and_replica(cloud: CloudSolr, cloud_url: str) -> None:
    total = num_found(cloud_url)
    assert total >= 60
    status = cluster_status(cloud.node_urls[0], cloud.collection)["collections"]
    shards = next(iter(status.values()))["shards"]
    per_shard = []
    for data in shards.values():
        counts = {replica_num_found(r["base_url"], r["core"]) for r in data["replicas"].values()}
        assert len(counts) == 1, f"replicas of a shard disagree: {counts}"
        per_shard.append(counts.pop())
    # Documents are spread by id hash over both shards, and nothing is lost or doubled.
    assert len(per_shard) == 2 and all(n > 0 for n in per_shard) and sum(per_shard) == total


def test_app_searches_the_collection_like_a_core(cloud_client: FlaskClient,
                                                 cloud_url: str) -> None:
    resp = cloud_client.get("/api/search", query_string={"q": "Personalausweis"})
    assert resp.status_code == 200, resp.get_data(as_text=True)[:500]
    data = resp.get_json()
    direct = Core(cloud_url).search("Personalausweis", handler="search", rows=0).hits
    assert direct > 0
    assert data["outData"]["response"]["numFound"] == direct
    # Highlighting and facets are merged from both shards.
    docs = data["outData"]["response"]["docs"]
    assert any("<mark>" in d["snippet"] for d in docs)
    assert sum(f["count"] for f in data["outData"]["facets"]["category"]) == direct
    page = cloud_client.get("/suche", query_string={"q": "Personalausweis"})
    assert page.status_code == 200
    assert "Personalausweis" in page.get_data(as_text=True)
    assert cloud_client.get("/healthz").status_code == 200


def test_spellcheck_collation_across_shards(cloud_client: FlaskClient, cloud_url: str) -> None:
    # Each shard checks its own terms; the collation is re-tried on the whole collection.
    spelling = Core(cloud_url).search("Personalausweiss", handler="search",
                                      **{"spellcheck.q": "Personalausweiss"}).spellcheck
    collations = spelling["collations"]
    assert collations and collations[1]["hits"] > 0, spelling
    assert collations[1]["collationQuery"].lower().startswith("personalausweis")
    page = cloud_client.get("/suche", query_string={"q": "Personalausweiss"}).get_data(as_text=True)
    assert "personalausweis" in page.lower() and "Personalausweiss" in page


def test_click_endpoint_counts_atomically_across_shards(cloud_client: FlaskClient,
                                                        cloud_url: str) -> None:
    ids = Core(cloud_url).ids(rows=6, sort="id asc")
    commit(cloud_url)
    before = click_counts(cloud_url, ids)
    for n, doc_id in enumerate(ids):
        for _ in range(n + 1):
            resp = cloud_client.get("/klick", query_string={"id": doc_id})
            assert resp.status_code == 303
            assert resp.headers["Location"].startswith("https://www.jena.de/")
    # A click the app kept for later (a slow answer) is counted by its background round.
    queue: ClickQueue = cloud_client.application.extensions[QUEUE_KEY]
    wait_until(lambda: queue.pending() == 0, 60, "the app's kept clicks are counted")
    commit(cloud_url)
    after = click_counts(cloud_url, ids)
    assert {i: after[i] - before.get(i, 0) for i in ids} == {i: n + 1 for n, i in enumerate(ids)}
    # Real-time get (the click endpoint's lookup) routes by id to the right shard.
    got = Core(cloud_url).get(ids[-1], fl="id,clickCounter")
    assert got is not None
    assert got["clickCounter"] == after[ids[-1]]
    # A click on an unknown id must not create a stub document on any shard.
    total = num_found(cloud_url)
    assert cloud_client.get("/klick", query_string={"id": "gibt-es-nicht"}).status_code == 404
    commit(cloud_url)
    assert num_found(cloud_url) == total
    # Kept clicks are dropped as "gone" only when no shard leader holds the page.
    ledger = ClickLedger(Core(cloud_url).client)
    assert ledger.gone("gibt-es-nicht") is True
    assert ledger.gone(ids[0]) is False


def test_autocomplete_on_the_collection(cloud_client: FlaskClient) -> None:
    resp = cloud_client.get("/api/suggest", query_string={"q": "Perso"})
    assert resp.status_code == 200
    assert any("Personalausweis" in s for s in resp.get_json()["suggestions"]), resp.get_json()
