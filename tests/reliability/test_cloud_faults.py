"""Node losses as they really happen, under search and click load through the app.

Three Solr node processes (2 shards x 2 replicas), the app under its production server
configured with all three nodes. While several clients search and click, one node process is
(a) killed with SIGKILL, (b) frozen with SIGSTOP for longer than the search timeout while
it is the node the app asks first, (b') frozen while the app asks a healthy node first (whose
shard requests reach the frozen node's replicas), or (c) killed while it is the node the app
was configured with first.
Each scenario asserts: no failed visitor search (the app retries at most once inside),
p99 search time during the fault under 2 s (or, when the machine's searches were already
slower than that before the fault, no more than the hedge delay above the same run's p99
before the fault), and every acknowledged click counted exactly once once the node is back
(checked on every replica).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests

from solrlauncher import CloudSolr
from tests.reliability.faults import Traffic, p99_before_ms, p99_ms, run_traffic
from tests.reliability.support import (QUERIES, REPO, AppServer, click_counts, cluster_status,
                                       commit, report_numbers, wait_until)
from tests.support import Core, Node
from webapp.click_ledger import ClickLedger
from webapp.click_queue import ClickQueue
from webapp.outbox import Outbox, outbox_path

pytestmark = pytest.mark.slow

SEARCH_CLIENTS, CLICK_CLIENTS = 4, 2
WARMUP_S = 3.0
# Longer than the app's search timeout (1 s) and than ZooKeeper's session timeout (10 s),
# so that Solr, too, has to notice the node is gone.
FAULT_S = 13.0
AFTER_S = 3.0
P99_LIMIT_MS = 2000
# The fault may cost a search at most the hedge delay (STADTSUCHE_SEARCH_TIMEOUT, 1 s): on a
# machine that is itself slower than the limit before the fault (other processes on the same
# cores), the limit is the same run's p99 before the fault plus that delay.
FAULT_COST_MS = 1000


def _leader_node(cloud: CloudSolr, avoid: int | None = None) -> int:
    """A node holding a shard leader (so that an election must happen), not ``avoid``."""
    states = cloud.replica_states()
    for i, url in enumerate(cloud.node_urls):
        if i != avoid and any(base == url and leader for _, base, _, leader in states):
            return i
    return next(i for i in range(len(cloud.node_urls)) if i != avoid)


def _app_urls(cloud: CloudSolr, first: int) -> str:
    order = [first] + [i for i in range(len(cloud.node_urls)) if i != first]
    return ",".join(cloud.collection_url(i) for i in order)


def _clicked_ids(collection_url: str) -> list[str]:
    return Core(collection_url).ids("*:*", rows=16, sort="id asc")


def _replica_counts(cloud: CloudSolr, ids: list[str]) -> list[dict[str, int]]:
    """Each replica's own view (distrib=false) of the clicked documents it holds."""
    status = cluster_status(cloud.node_urls[0], cloud.collection)["collections"][cloud.collection]
    views = []
    for shard in status["shards"].values():
        for rep in shard["replicas"].values():
            docs = Node(rep["base_url"]).core(rep["core"]).search(
                "{!terms f=id}" + ",".join(ids), distrib="false", fl="id,clickCounter",
                rows=len(ids)).docs
            views.append({d["id"]: int(d.get("clickCounter", 0)) for d in docs})
    return views


def _click_events(cloud: CloudSolr, ids: list[str], since: str) -> dict[str, int]:
    """Click events per page in the statistics collection since the scenario started."""
    stats = Core(f"{cloud.node_urls[0]}/stadtsuche_stats")
    stats.commit()
    facets = stats.search("type:click", fq=f"ts:[{since} TO *]", rows=0, facet="true",
                          **{"facet.field": "doc_id", "facet.limit": "-1"})
    counts = facets.raw["facet_counts"]["facet_fields"]["doc_id"]
    found = dict(zip(counts[::2], counts[1::2]))
    return {i: int(found.get(i, 0)) for i in ids}


def _num_found(app_url: str, query: str) -> int:
    """The complete hit count before the fault (a cold worker may need a second try)."""
    for _ in range(3):
        resp = requests.get(f"{app_url}/api/search", params={"q": query}, timeout=30)
        if resp.status_code == 200:
            return int(resp.json()["outData"]["response"]["numFound"])
    raise AssertionError(f"no answer for {query!r} before the fault: HTTP {resp.status_code}")


def _run_scenario(name: str, cloud: CloudSolr, tmp_path: Path, *, first: int, victim: int,
                  fault: str) -> None:
    url = cloud.collection_url(first)
    ids = _clicked_ids(url)
    commit(url)
    before = click_counts(url, ids)
    # The app's INFO log (with times) shows every hedged search and where it went; it is kept
    # next to the figures.
    app_urls = _app_urls(cloud, first)
    outbox = tmp_path / "outbox"
    # Events carry whole seconds: the scenario's own start at the next full second, so that
    # clicks of the tests before it (test_cloud_app clicks these pages) are not counted.
    start = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=1)
    time.sleep(max(0.0, (start - datetime.now(timezone.utc)).total_seconds()))
    since = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    server = AppServer.start(app_urls, tmp_path, env={"STADTSUCHE_LOG_LEVEL": "info",
                                                      "STADTSUCHE_OUTBOX_DIR": str(outbox)})
    try:
        expected = {q: _num_found(server.url, q) for q in QUERIES}
        assert all(expected.values()), expected
        traffic: dict[str, Traffic] = {}
        load = threading.Thread(target=lambda: traffic.update(t=run_traffic(
            server.url, expected, ids, search_clients=SEARCH_CLIENTS,
            click_clients=CLICK_CLIENTS, duration=WARMUP_S + FAULT_S + AFTER_S)))
        t0 = time.monotonic()
        load.start()
        time.sleep(WARMUP_S)
        t_fault = time.monotonic() - t0
        if fault == "freeze":
            cloud.pause_node(victim)
        else:
            cloud.kill_node(victim)
        time.sleep(FAULT_S)
        t_back = time.monotonic() - t0
        if fault == "freeze":
            cloud.resume_node(victim)
        load.join(FAULT_S + AFTER_S + 180)
        if fault != "freeze":
            cloud.start_node(victim)
        active_s = cloud.wait_for_active(240)
        # Clicks and events the app accepted while Solr could not take them: delivered by
        # the app's outbox once the cluster is back.
        kept = Outbox(outbox_path(str(outbox), app_urls))
        clicks_kept = ClickQueue(kept, ClickLedger(Core(url).client))
        kept_at_recovery = kept.pending()
        clicks_kept_at_recovery = clicks_kept.pending()
        delivered_s = wait_until(lambda: kept.pending() == 0 and clicks_kept.pending() == 0,
                                 120, "the app's outbox is delivered")
    finally:
        server.stop()
    report = traffic["t"]
    commit(url)
    after = click_counts(url, ids)
    delta = {i: after.get(i, 0) - before.get(i, 0) for i in ids}
    events = _click_events(cloud, ids, since)
    replicas_agree = all(view[d] == after[d] for view in _replica_counts(cloud, ids)
                         for d in view)
    # Fault window: from the fault until 2 s after the node is back (thawed or restarted),
    # counting every search in flight in it. "Before": searches that finished before the
    # fault, so that searches caught by it cannot raise the fallback limit below.
    p99, slowest, in_window = p99_ms(report.searches, t_fault, t_back + 2.0)
    p99_before, _, _ = p99_before_ms(report.searches, t_fault)
    limit = P99_LIMIT_MS if p99_before < P99_LIMIT_MS else p99_before + FAULT_COST_MS
    numbers = {"fault": fault, "victim_node": victim, "app_first_node": first,
               "searches": report.searches.requests,
               "searches_failed": len(report.searches.errors),
               "searches_in_fault_window": in_window, "p99_ms_in_fault_window": p99,
               "slowest_search_ms_in_fault_window": slowest,
               "slowest_search_ms": round(max(s.latency for s in report.searches.samples) * 1000),
               "p99_ms_before_fault": p99_before, "p99_limit_ms": limit,
               **report.ledger.verdict(delta), "replicas_agree": replicas_agree,
               "outbox_events_at_recovery": kept_at_recovery,
               "outbox_clicks_at_recovery": clicks_kept_at_recovery,
               "outbox_delivered_s_after_recovery": round(delivered_s, 1),
               "click_events": sum(events.values()),
               "click_events_not_equal_count": sum(events.get(i, 0) != delta[i] for i in ids),
               "all_active_again_s": round(active_s, 1),
               "search_errors": report.searches.error_reasons(),
               "load_average": [round(x, 1) for x in os.getloadavg()]}
    report_numbers(name, numbers)
    shutil.copyfile(server.log_path, REPO / "test-artifacts" / "reliability" / f"{name}.log")
    assert numbers["clicks_acknowledged"] > 0, numbers
    assert numbers["clicks_lost"] == 0 and numbers["clicks_doubled"] == 0, numbers
    # Every accepted click is in the statistics exactly once, as in the counter.
    assert numbers["click_events_not_equal_count"] == 0, (
        numbers, {i: (events.get(i, 0), delta[i]) for i in ids if events.get(i, 0) != delta[i]})
    assert replicas_agree, numbers
    assert in_window >= 20, "too few searches during the fault to judge"
    assert not report.searches.errors, numbers
    assert p99 < limit, numbers


# The frozen-node scenarios run first, on purpose. Solr's shard load balancer skips a node
# whose requests failed (refused connections after a kill) until its alive check, once a
# minute, finds it back; a node frozen within that minute leaves shards whose other replica
# is on the returned node with only the frozen replica to ask (measured: a freeze 30 s
# after scenario (a) failed 4 searches on a quiet machine). Each scenario measures one
# fault; two faults within a minute are outside what the app alone can mend.


def test_frozen_node(cloud: CloudSolr, cloud_url: str, tmp_path: Path) -> None:
    """(b) The app's first node (holding a leader) hangs: connections succeed, reads do not."""
    victim = _leader_node(cloud)
    _run_scenario("cloud_fault_freeze", cloud, tmp_path, first=victim, victim=victim,
                  fault="freeze")


def test_frozen_node_behind_a_healthy_node(cloud: CloudSolr, cloud_url: str,
                                           tmp_path: Path) -> None:
    """(b') A node holding a leader hangs while the app asks another node first: that node
    is healthy, but its shard requests to the frozen node's replicas hang."""
    victim = _leader_node(cloud)
    first = (victim + 1) % len(cloud.node_urls)
    _run_scenario("cloud_fault_freeze_replica", cloud, tmp_path, first=first, victim=victim,
                  fault="freeze")


def test_kill_9_of_a_node(cloud: CloudSolr, cloud_url: str, tmp_path: Path) -> None:
    """(a) A node holding a leader dies by SIGKILL; ZooKeeper notices only at session expiry."""
    _run_scenario("cloud_fault_kill", cloud, tmp_path, first=0,
                  victim=_leader_node(cloud, avoid=0), fault="kill")


def test_kill_9_of_the_apps_first_node(cloud: CloudSolr, cloud_url: str,
                                       tmp_path: Path) -> None:
    """(c) The node the app was configured with first dies by SIGKILL."""
    victim = _leader_node(cloud)
    _run_scenario("cloud_fault_kill_first", cloud, tmp_path, first=victim, victim=victim,
                  fault="kill")
