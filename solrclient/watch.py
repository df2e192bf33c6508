"""Knowing which SolrCloud nodes are reachable before a visitor's request has to find out.

A frozen node (hung JVM, SIGSTOP, network cut) accepts connections and answers nothing; only
a timeout reveals it, and Solr itself routes shard requests to it until ZooKeeper drops its
session. :class:`NodeWatch` asks every node's health check once a second in the background,
so the shared :class:`~solrclient.health.NodeHealth` learns within about a second, and
:func:`replica_preference` tells Solr to use replicas on the reachable nodes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from urllib.parse import urlsplit

from solrclient.client import SolrClient
from solrclient.policy import Timeouts

log = logging.getLogger(__name__)

WATCH_INTERVAL_S = 1.0
WATCH_TIMEOUTS = Timeouts(connect=0.5, read=1.0)
# Node-level health: connected to ZooKeeper, live, and (with requireHealthyCores) no replica
# of this node still recovering; the same handler answers on a standalone Solr.
HEALTH_PATH = "/admin/info/health"


def node_base(url: str) -> str:
    """``http://host:8983/solr/stadtsuche`` -> ``http://host:8983/solr``."""
    return url.rstrip("/").rsplit("/", 1)[0]


def replica_preference(client: SolrClient, avoid: Sequence[str] = ()) -> dict[str, str]:
    """``shards.preference`` that puts replicas on backed-off nodes last, or nothing when every
    node is fine (then Solr spreads shard requests over all replicas as usual).

    Why: until ZooKeeper expires a frozen node's session, Solr still sends it shard requests,
    and a timed-out shard request is not retried on the other replica (only refused
    connections are). Listing the reachable nodes makes Solr pick their replicas first.
    ``avoid``: URLs to treat as unreachable as well (a node that is just slow to answer).
    """
    if len(client.urls) < 2:
        return {}
    down = [u for u in client.urls if u in avoid or client.health.is_down(u)]
    if not down:
        return {}
    reachable = [node_base(u) for u in client.urls if u not in down]
    if not reachable:
        return {}
    return {"shards.preference": ",".join(f"replica.location:{b}" for b in reachable)}


class NodeWatch:
    """Probes every node of ``client`` in a daemon thread; results update its NodeHealth."""

    def __init__(self, client: SolrClient, interval_s: float = WATCH_INTERVAL_S,
                 timeouts: Timeouts = WATCH_TIMEOUTS) -> None:
        self.client = client.root(timeouts=timeouts, retry=None)
        self.interval_s = interval_s
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
        found = self.client.probe(HEALTH_PATH, {"requireHealthyCores": "true"})
        report = {urlsplit(u).netloc: ("ok" if err is None else str(err)[:200])
                  for u, err in found.items()}
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
