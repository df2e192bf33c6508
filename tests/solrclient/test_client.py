"""The one Solr client against real Solr: answers, error translation, failover, retries."""

from __future__ import annotations

import socket

import pytest

from solrclient import (RetryPolicy, SolrClient, SolrConflict, SolrNotFound, SolrRejected,
                        SolrUnavailable, Timeouts)


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/solr/stadtsuche"


def test_select_returns_solr_json(solr_url: str) -> None:
    data = SolrClient(solr_url).call("GET", "/select", params={"q": "*:*", "rows": 0})
    assert data["responseHeader"]["status"] == 0
    assert isinstance(data["response"]["numFound"], int)


def test_invalid_query_is_rejected_with_solrs_message(solr_url: str) -> None:
    with pytest.raises(SolrRejected) as caught:
        SolrClient(solr_url).call("GET", "/select", params={"q": "*:*", "sort": "nosuchfield asc"})
    assert caught.value.status == 400
    assert "nosuchfield" in str(caught.value)


def test_missing_core_is_not_found(solr_url: str) -> None:
    with pytest.raises(SolrNotFound) as caught:
        SolrClient(solr_url).core("no_such_core").call("GET", "/select", params={"q": "*:*"})
    assert caught.value.status == 404


def test_version_conflict(solr_url: str) -> None:
    client = SolrClient(solr_url)
    # _version_ 1 means "must exist": the id below was never indexed.
    with pytest.raises(SolrConflict):
        client.call("POST", "/update", json=[{"id": "solrclient-missing", "title": {"set": "x"},
                                              "_version_": 1}])


def test_unreachable_solr_is_unavailable() -> None:
    with pytest.raises(SolrUnavailable) as caught:
        SolrClient(_dead_url(), timeouts=Timeouts(connect=0.5, read=1)).call("GET", "/select")
    assert caught.value.status is None


def test_dead_first_node_fails_over_to_the_next(solr_url: str) -> None:
    client = SolrClient([_dead_url(), solr_url])
    for _ in range(3):
        assert client.call("GET", "/select", params={"q": "*:*", "rows": 0})["response"]
    # The dead node is now tried last.
    assert client._nodes_in_order()[0] == solr_url


def test_root_and_core_share_nodes(solr_url: str) -> None:
    client = SolrClient(solr_url)
    info = client.root().call("GET", "/admin/info/system")
    assert info["lucene"]["solr-spec-version"].startswith("9.")
    assert client.core(client.name).url == client.url


def test_retry_policy_retries_connection_errors_then_gives_up() -> None:
    client = SolrClient(_dead_url(), timeouts=Timeouts(connect=0.2, read=0.5),
                        retry=RetryPolicy(attempts=3, backoff_s=0.01))
    attempts: list[int] = []
    original = client._send_any_node

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        attempts.append(1)
        return original(*args, **kwargs)

    client._send_any_node = counting  # type: ignore[method-assign]
    with pytest.raises(SolrUnavailable):
        client.call("GET", "/select")
    assert len(attempts) == 3
