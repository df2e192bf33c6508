"""Failover rules: what is sent again after a node fails, and how long a node is avoided."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from solrclient import RetryPolicy, SolrClient, SolrUnavailable, Timeouts
from solrclient.health import NodeHealth

FAST = Timeouts(connect=0.5, read=0.5)


@pytest.fixture()
def silent_node() -> Iterator[str]:
    """A listening socket that accepts connections and never answers, as a frozen node does
    (the kernel completes the handshake while the process is stopped)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/solr/stadtsuche"


def test_comma_separated_urls_are_several_nodes() -> None:
    client = SolrClient(" http://a:1/solr/x/ ,http://b:2/solr/x,")
    assert client.urls == ["http://a:1/solr/x", "http://b:2/solr/x"]
    assert client.root().urls == ["http://a:1/solr", "http://b:2/solr"]


def test_a_read_after_a_timeout_goes_to_the_next_node(silent_node: str, solr_url: str) -> None:
    client = SolrClient([silent_node, solr_url], timeouts=Timeouts(connect=0.5, read=2.0),
                        _health=NodeHealth())
    started = time.monotonic()
    data = client.call("POST", "/select", form={"q": "*:*", "rows": 0}, idempotent=True)
    assert data["responseHeader"]["status"] == 0
    assert time.monotonic() - started >= 2.0  # it did wait for the silent node once
    # Backed off: the next request goes to the answering node first.
    assert client._nodes_in_order() == [solr_url, silent_node]
    client.call("GET", "/select", params={"q": "*:*", "rows": 0})


def test_an_update_that_may_have_arrived_is_not_sent_again(silent_node: str,
                                                           solr_url: str) -> None:
    doc_id = "failover-increment"
    SolrClient(solr_url).call("POST", "/update", params={"commit": "true"},
                              json=[{"id": doc_id, "title": "x", "clickCounter": 0}])
    client = SolrClient([silent_node, solr_url], timeouts=FAST,
                        retry=RetryPolicy(attempts=3, backoff_s=0))
    with pytest.raises(SolrUnavailable):
        client.call("POST", "/update", params={"commit": "true"}, idempotent=False,
                    json=[{"id": doc_id, "clickCounter": {"inc": 1}}])
    got = SolrClient(solr_url).call("GET", "/get", params={"id": doc_id})["doc"]
    assert got["clickCounter"] == 0  # the healthy node never saw it: no double count possible


def test_a_refused_update_goes_to_the_next_node(solr_url: str) -> None:
    with socket.socket() as sock:  # a port nobody listens on: connection refused
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/solr/stadtsuche"
    doc_id = "failover-refused"
    client = SolrClient([dead, solr_url], timeouts=Timeouts(connect=0.5, read=30))
    client.call("POST", "/update", params={"commit": "true"},
                json=[{"id": doc_id, "title": "x", "clickCounter": 0}])
    client.call("POST", "/update", params={"commit": "true"},
                json=[{"id": doc_id, "clickCounter": {"inc": 1}}])
    assert client.call("GET", "/get", params={"id": doc_id})["doc"]["clickCounter"] == 1


def test_retry_policy_caps_the_attempts_that_reach_a_node(silent_node: str) -> None:
    other = silent_node.replace("/solr/stadtsuche", "/solr/other")
    client = SolrClient([silent_node, other, silent_node + "x"], timeouts=FAST,
                        retry=RetryPolicy(attempts=2, backoff_s=0))
    started = time.monotonic()
    with pytest.raises(SolrUnavailable):
        client.call("GET", "/select")
    assert time.monotonic() - started < 1.5  # two read timeouts, not three


def test_back_off_doubles_and_lets_one_probe_through() -> None:
    health = NodeHealth(first_s=0.2, max_s=1.0)
    a, b = "http://a:1/solr/x", "http://b:1/solr/x"
    health.mark_down(a)
    assert health.order([a, b]) == [b, a]
    time.sleep(0.25)
    assert health.order([a, b]) == [a, b]  # this caller probes a ...
    assert health.order([a, b]) == [b, a]  # ... everybody else keeps avoiding it
    health.mark_down(a)  # the probe failed: 0.4 s now
    time.sleep(0.25)
    assert health.is_down(a)
    health.mark_up(a)
    assert health.order([a, b]) == [a, b] and not health.is_down("http://a:1/solr")


def test_hedged_search_does_not_wait_for_a_silent_node(silent_node: str, solr_url: str) -> None:
    from solrclient.hedge import hedged_search

    client = SolrClient([silent_node, solr_url], timeouts=Timeouts(connect=0.5, read=5),
                        _health=NodeHealth())
    started = time.monotonic()
    data = hedged_search(client, "/select", {"q": "*:*", "rows": 0}, hedge_after=0.3)
    assert data["responseHeader"]["status"] == 0
    assert time.monotonic() - started < 3  # the hedge answered, not the 5 s timeout


def test_hedged_search_passes_invalid_queries_through(solr_url: str) -> None:
    from solrclient import SolrRejected
    from solrclient.hedge import hedged_search

    with pytest.raises(SolrRejected):
        hedged_search(SolrClient(solr_url), "/select", {"q": "*:*", "sort": "nosuch asc"}, 1.0)
