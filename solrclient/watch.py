"""Knowing which SolrCloud nodes are reachable before a visitor's request has to find out.

A frozen node (hung JVM, SIGSTOP, network cut) accepts connections and answers nothing; only
a timeout reveals it, and Solr itself routes shard requests to it until ZooKeeper drops its
session. :class:`NodeWatch` asks every node's health check once a second in the background,
and :func:`probe_nodes` does the same on demand (a hedged search asks before choosing where
to send its second request), so the shared :class:`~solrclient.health.NodeHealth` learns
within about a second; :func:`replica_preference` then tells Solr to use replicas on the
nodes that answered.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from solrclient.client import SolrClient, node_base
from solrclient.policy import Timeouts

log = logging.getLogger(__name__)

WATCH_INTERVAL_S = 1.0
# A healthy node answers its health check in milliseconds, even on a busy 2-core machine in
# the fault tests (well under 100 ms); a frozen JVM answers nothing. Half a second tells the
# two apart with a wide margin and puts a frozen node's detection within 1.5 s.
WATCH_TIMEOUTS = Timeouts(connect=0.3, read=0.5)
# A probe older than this (no node watch running, say) no longer decides the replica
# preference; the back-off does.
PROBE_FRESH_S = 5.0
# Node-level health: connected to ZooKeeper, live, and (with requireHealthyCores) no replica
# of this node still recovering; the same handler answers on a standalone Solr.
HEALTH_PATH = "/admin/info/health"
HEALTH_PARAMS = {"requireHealthyCores": "true"}


@dataclass(frozen=True)
class NodeStates:
    """One probe of every node: configured URL -> "ok" or why the node is not healthy;
    ``started``: when the health checks were sent (monotonic clock)."""

    states: dict[str, str]
    started: float

    @property
    def healthy(self) -> list[str]:
        """URLs whose node answered "healthy", in the configured order."""
        return [u for u, state in self.states.items() if state == "ok"]


def replica_preference(client: SolrClient, avoid: Sequence[str] = ()) -> dict[str, str]:
    """``shards.preference`` for the replicas on the nodes that answered the latest health
    probe (the node watch's, once a second), or nothing when every node did (then Solr
    spreads shard requests over all replicas as usual). ``avoid``: URLs to leave out too.

    Why: until ZooKeeper expires a frozen node's session, Solr still sends it shard requests,
    and a shard request that times out is not retried on the other replica (the search fails
    with "Total timeout ... elapsed"; only refused connections are retried). Listing the
    reachable nodes makes Solr pick their replicas first.

    The health probe decides, not the back-off: a request to a healthy node times out, too,
    when that node waits for a frozen node's replica (the statistics core's, say), and
    leaving the healthy node out would leave its replicas tied with the frozen node's.
    Without a recent probe (no watch, or its first second), the back-off is all there is.
    """
    latest = _PROBES.latest(client)
    if latest is not None and time.monotonic() - latest.started < PROBE_FRESH_S:
        reachable = [u for u in latest.healthy if u not in avoid]
    else:
        reachable = [u for u in client.urls if u not in avoid and not client.health.is_down(u)]
    return preference_for(client.urls, reachable)


def preference_for(urls: Sequence[str], reachable: Collection[str]) -> dict[str, str]:
    """``shards.preference`` naming the nodes of ``reachable`` (a subset of ``urls``), or
    nothing when all or none of them are (nothing to prefer then).

    The prefix must be a replica's core URL as registered in ZooKeeper (``base_url`` in the
    cluster state, ``http://host:port/solr``): the nodes register under the host name the
    app is configured with (``host`` / ``SOLR_HOST``), so a node's URL in the app's list is
    its ``base_url``.
    """
    if len(urls) < 2 or not reachable or len(reachable) == len(urls):
        return {}
    return {"shards.preference": ",".join(f"replica.location:{node_base(u)}/"
                                          for u in urls if u in reachable)}


class _ProbeCache:
    """The latest probe per set of nodes; one probe at a time per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: dict[tuple[str, ...], NodeStates] = {}

    def get(self, client: SolrClient, since: float, timeouts: Timeouts) -> NodeStates:
        key = tuple(client.urls)
        # Callers that arrive while a probe runs wait for it (at most its read timeout) and
        # use its verdict if it is recent enough for them, instead of sending their own
        # health checks: under load many searches hedge at about the same moment.
        with self._lock:
            latest = self._latest.get(key)
            if latest is not None and latest.started >= since:
                return latest
            states = _probe(client, timeouts)
            self._latest[key] = states
            return states

    def latest(self, client: SolrClient) -> NodeStates | None:
        return self._latest.get(tuple(client.urls))

    def put(self, client: SolrClient, states: NodeStates) -> None:
        with self._lock:
            self._latest[tuple(client.urls)] = states


_PROBES = _ProbeCache()


def probe_nodes(client: SolrClient, since: float,
                timeouts: Timeouts = WATCH_TIMEOUTS) -> NodeStates:
    """Every node's health, asked at the same time, or the verdict of a probe sent at
    ``since`` (monotonic clock) or later; updates the shared NodeHealth (see :func:`_probe`).

    ``since`` is when the caller's evidence began (a search sent then has had no answer):
    a verdict from before it may predate the node's freeze and tell nothing.
    """
    return _PROBES.get(client, since, timeouts)


def _probe(client: SolrClient, timeouts: Timeouts) -> NodeStates:
    """Ask every node's health check; a node that is silent, refuses or says it is unhealthy
    is marked down in the client's NodeHealth, one that says it is healthy is marked up.

    Unhealthy counts as down, too: a node that has just come back (a thawed JVM whose
    ZooKeeper session expired, a restarted one) says so while it reconnects and its replicas
    recover, and in that time it is neither the coordinator nor the replica to ask first.
    """
    root = client.root(timeouts=timeouts, retry=None)
    started = time.monotonic()
    found = root.probe(HEALTH_PATH, HEALTH_PARAMS)
    states: dict[str, str] = {}
    for url, root_url in zip(client.urls, root.urls):
        err = found[root_url]
        if err is not None and err.status is not None and len(client.urls) > 1:
            client.health.mark_down(url)  # it answered, but "not healthy"
        states[url] = "ok" if err is None else str(err)[:200]
    return NodeStates(states, started)


class NodeWatch:
    """Probes every node of ``client`` in a daemon thread; results update its NodeHealth."""

    def __init__(self, client: SolrClient, interval_s: float = WATCH_INTERVAL_S,
                 timeouts: Timeouts = WATCH_TIMEOUTS) -> None:
        self.client = client
        self.interval_s = interval_s
        self.timeouts = timeouts
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last: dict[str, str] = {}

    def start(self) -> NodeWatch:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="solr-node-watch",
                                            daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def check(self) -> dict[str, str]:
        """Probe once: node host:port -> "ok" or the reason it is not."""
        states = _probe(self.client, self.timeouts)
        _PROBES.put(self.client, states)
        report = {urlsplit(u).netloc: state for u, state in states.states.items()}
        changed = {n for n, state in report.items()
                   if n in self.last and (state == "ok") != (self.last[n] == "ok")}
        for node in sorted(changed):
            log.warning("Solr node %s is %s", node,
                        "reachable again" if report[node] == "ok" else "not reachable")
        self.last = report
        return report

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                self.check()
            except RuntimeError:
                return  # the interpreter is shutting down: no new threads for probes
            except Exception:  # noqa: BLE001 - the watch must outlive any single failure
                log.exception("Solr node watch failed")
