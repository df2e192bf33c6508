"""Losing one of three SolrCloud nodes under search load: the other replicas take over."""

from __future__ import annotations

import threading
import time

import pytest
import requests

from solrlauncher import CloudSolr
from tests.reliability.loadgen import LoadReport, run_load
from tests.reliability.support import (QUERIES, make_app, num_found, replica_states,
                                       report_numbers, wait_until)
from tests.webapp.support import LiveServer

pytestmark = pytest.mark.slow

CLIENTS, DURATION, STOP_AT = 4, 20.0, 4.0
# Requests that start this long after the node is gone must all succeed.
FAILOVER_BOUND = 8.0


def _node_with_a_leader(cloud: CloudSolr) -> int:
    """A node other than the one the app talks to, holding at least one shard leader."""
    states = replica_states(cloud.node_urls[0], cloud.collection)
    for i, url in enumerate(cloud.node_urls[1:], start=1):
        if any(base == url and leader for _, base, _, leader in states):
            return i
    return 1


def _leaders_active(cloud: CloudSolr) -> bool:
    states = replica_states(cloud.node_urls[0], cloud.collection)
    shards = {s for s, *_ in states}
    return all(any(s == shard and st == "active" and leader for s, _, st, leader in states)
               for shard in shards)


def test_search_survives_the_loss_of_a_node(cloud: CloudSolr, cloud_url: str) -> None:
    server = LiveServer.start(make_app(cloud_url))
    api = f"{server.url}/api/search"
    expected = {q: requests.get(api, params={"q": q}, timeout=10).json()["outData"]["response"]
                ["numFound"] for q in QUERIES}
    assert all(expected.values()), expected
    total = num_found(cloud_url)

    def target(session: requests.Session, i: int) -> str | None:
        q = QUERIES[i % len(QUERIES)]
        resp = session.get(api, params={"q": q}, timeout=15)
        if resp.status_code != 200:
            return f"HTTP {resp.status_code}"
        found = resp.json()["outData"]["response"]["numFound"]
        return None if found == expected[q] else f"numFound {found} != {expected[q]}"

    victim = _node_with_a_leader(cloud)
    result: dict[str, LoadReport] = {}
    load = threading.Thread(target=lambda: result.update(
        r=run_load(target, clients=CLIENTS, duration=DURATION)))
    started = time.monotonic()
    load.start()
    try:
        time.sleep(STOP_AT)
        t_stop = time.monotonic() - started
        cloud.stop_node(victim)
        t_stopped = time.monotonic() - started
        election = wait_until(lambda: _leaders_active(cloud), 30, "every shard has a leader")
        load.join(DURATION + 60)
    finally:
        server.stop()
    report = result["r"]
    window = report.window(t_stop)
    last_error = max((s.started for s in report.errors), default=None)
    settled = report.window(t_stopped + FAILOVER_BOUND)
    report_numbers("cloud_failover", {
        "stopped_node": victim, "requests": report.requests,
        "errors_total": len(report.errors), "errors_after_stop": sum(1 for s in window if not s.ok),
        "failover_s": round(last_error - t_stop, 2) if last_error is not None else 0.0,
        "node_stop_s": round(t_stopped - t_stop, 2), "leader_election_s": round(election, 2),
        "requests_after_failover": len(settled), "p95_ms": round(report.percentile(95) * 1000),
        "error_reasons": report.error_reasons()})
    try:
        assert all(s.ok for s in report.window(0, t_stop)), "errors before the node was lost"
        assert len(settled) >= 20, "too few requests after the failover to judge"
        assert all(s.ok for s in settled), report.error_reasons()
        # The surviving replicas hold everything: same totals as before the loss.
        assert num_found(cloud_url) == total
    finally:
        cloud.start_node(victim)
        wait_until(lambda: all(st == "active" for *_, st, _ in
                               replica_states(cloud.node_urls[0], cloud.collection)),
                   90, "all replicas active again")
