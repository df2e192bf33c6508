"""Fixtures for fault, scale-out and load tests: one SolrCloud cluster for the whole folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from solrlauncher import CloudSolr
from indexer.model import Report
from tests.reliability.support import add_stats_collection, index_site, num_found
from tests.support import Core


# Package scope: the cluster (four JVMs, 384 MB heap per node) is gone before the rest of the
# suite runs.
@pytest.fixture(scope="package")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CloudSolr]:
    """A ZooKeeper process and 3 Solr node processes, collection "stadtsuche" with 2 shards x
    2 replicas, and the statistics collection."""
    cluster = CloudSolr(tmp_path_factory.mktemp("relcloud"), nodes=3, shards=2, replicas=2)
    cluster.start()
    add_stats_collection(cluster)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="package")
def cloud_index_report(cloud: CloudSolr, sample_site: Path,
                       tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The indexer's report for indexing the sample site into the collection (node 0 URL)."""
    url = cloud.collection_url(0)
    report = index_site(url, sample_site, tmp_path_factory.mktemp("relcloud-state"))
    assert report.indexed >= 60, report
    if not report.ok:
        # Known cloud difference (see test_indexer_run_is_ok_on_cloud): a distributed
        # suggester build needs a suggest.q. Build it here so that the other tests can run.
        Core(url).build_suggester()
    return report


@pytest.fixture(scope="package")
def cloud_url(cloud: CloudSolr, cloud_index_report: Report) -> str:
    """The collection URL on node 0, holding the sample site indexed by the real indexer."""
    url = cloud.collection_url(0)
    assert num_found(url) >= 60
    return url
