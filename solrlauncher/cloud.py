"""SolrCloud as separate processes: one ZooKeeper JVM plus one JVM per Solr node.

Each node can be stopped cleanly, killed with SIGKILL, frozen with SIGSTOP (and thawed with
SIGCONT) and started again on its port with its data, so tests see node losses as production
does: ZooKeeper notices a dead or frozen node only when its session expires.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from pathlib import Path

from solrclient import SolrClient, SolrError, Timeouts
from solrlauncher.build import CONFIGSET
from solrlauncher.server import SolrLaunchError, _JavaProcess, _parse_ready

log = logging.getLogger(__name__)

# Per node; 2 x 2 replicas of a city site plus the statistics collection fit easily.
NODE_HEAP = "384m"
ZK_HEAP = "96m"
# Collections API calls wait for replicas to be created and become active.
_ADMIN_TIMEOUTS = Timeouts(connect=2.0, read=180.0)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Node:
    """One Solr node process: its home, port and the JVM currently running it."""

    def __init__(self, index: int, home: Path, port: int, heap: str) -> None:
        self.index, self.home, self.port, self.heap = index, home, port, heap
        self.url = f"http://127.0.0.1:{port}/solr"
        self.java: _JavaProcess | None = None
        self.paused = False

    def spawn(self, zk_host: str, timeout: float) -> str:
        self.home.mkdir(parents=True, exist_ok=True)
        self.java = _JavaProcess(
            ["node", "--home", str(self.home), "--port", str(self.port), "--zk", zk_host],
            log_file=self.home / "launcher.log", heap=self.heap)
        self.paused = False
        info = _parse_ready(self.java.spawn(timeout))
        return info["url"]

    @property
    def running(self) -> bool:
        return self.java is not None and self.java.running

    def signal(self, sig: signal.Signals) -> None:
        if not self.running or self.java is None or self.java.pid is None:
            raise SolrLaunchError(f"node {self.index} is not running")
        os.kill(self.java.pid, sig)


class CloudSolr:
    """A ZooKeeper process, ``nodes`` Solr node processes and one collection.

    ``node_urls`` are the nodes' base URLs (``http://127.0.0.1:PORT/solr``), numbered from 0;
    a node keeps its number, port and data across restarts.
    """

    def __init__(self, home: Path, nodes: int = 3, shards: int = 2, replicas: int = 2,
                 collection: str = "stadtsuche", configset: Path = CONFIGSET,
                 heap: str = NODE_HEAP, extra_configsets: dict[str, Path] | None = None) -> None:
        self.home = Path(home)
        self.collection = collection
        self.config_name = collection
        self.shards, self.replicas = shards, replicas
        self.configsets = {collection: Path(configset), **(extra_configsets or {})}
        self.home.mkdir(parents=True, exist_ok=True)
        self._nodes = [_Node(i, self.home / f"node{i}", _free_port(), heap) for i in range(nodes)]
        self._zk: _JavaProcess | None = None
        self.zk_host = ""

    # ------------------------------------------------------------------ whole cluster
    def start(self, timeout: float = 240) -> CloudSolr:
        """ZooKeeper (with the configsets), every node in parallel, then the collection."""
        self._zk = _JavaProcess(
            ["zk", "--home", str(self.home / "zk"), "--port", str(_free_port()),
             "--configsets", ",".join(f"{k}={v}" for k, v in self.configsets.items())],
            log_file=self.home / "zk.log", heap=ZK_HEAP)
        self.zk_host = _parse_ready(self._zk.spawn(timeout))["zk"]
        errors: list[BaseException] = []

        def spawn(node: _Node) -> None:
            try:
                node.spawn(self.zk_host, timeout)
            except BaseException as err:  # noqa: BLE001 - reported below for the whole cluster
                errors.append(err)

        threads = [threading.Thread(target=spawn, args=(n,)) for n in self._nodes]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            self.stop()
            raise SolrLaunchError(f"a Solr node did not start: {errors[0]}")
        self.create_collection(self.collection, self.config_name, self.shards, self.replicas)
        return self

    def stop(self) -> None:
        """Thaw frozen nodes, stop every node cleanly, then ZooKeeper."""
        threads = []
        for node in self._nodes:
            if node.running and node.java is not None:
                if node.paused:
                    node.signal(signal.SIGCONT)
                threads.append(threading.Thread(target=node.java.stop, args=(60,)))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if self._zk is not None:
            self._zk.stop(30)

    def __enter__(self) -> CloudSolr:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ addresses
    @property
    def node_urls(self) -> list[str]:
        return [n.url for n in self._nodes]

    def collection_url(self, node: int = 0, collection: str | None = None) -> str:
        return f"{self._nodes[node].url}/{collection or self.collection}"

    def collection_urls(self, collection: str | None = None) -> list[str]:
        """The collection's URL on every node, node 0 first."""
        return [self.collection_url(i, collection) for i in range(len(self._nodes))]

    def pid(self, node: int) -> int | None:
        java = self._nodes[node].java
        return java.pid if java is not None else None

    # ------------------------------------------------------------------ one node
    def stop_node(self, node: int) -> str:
        """Stop one node cleanly: it deregisters from ZooKeeper at once."""
        n = self._nodes[node]
        if n.java is not None:
            if n.paused:
                self.resume_node(node)
            n.java.stop(60)
        return f"stopped node={node} url={n.url}"

    def kill_node(self, node: int) -> None:
        """SIGKILL, as an OOM kill or a lost host: no commit, ZooKeeper waits for the session."""
        n = self._nodes[node]
        if n.java is not None:
            n.java.kill()
        n.paused = False

    def pause_node(self, node: int) -> None:
        """SIGSTOP: connections are still accepted, nothing is answered (a hung node)."""
        self._nodes[node].signal(signal.SIGSTOP)
        self._nodes[node].paused = True

    def resume_node(self, node: int) -> None:
        """SIGCONT after :meth:`pause_node`."""
        self._nodes[node].signal(signal.SIGCONT)
        self._nodes[node].paused = False

    def start_node(self, node: int, timeout: float = 180) -> str:
        """Start a stopped or killed node again on its port, with its data; wait until live."""
        n = self._nodes[node]
        if n.running:
            return f"running node={node} url={n.url}"
        n.spawn(self.zk_host, timeout)
        return f"started node={node} url={n.url}"

    def status(self) -> str:
        """``0=true 1=false 2=true``: which node processes run (a frozen one runs)."""
        return " ".join(f"{n.index}={str(n.running).lower()}" for n in self._nodes)

    # ------------------------------------------------------------------ collections
    def admin(self) -> SolrClient:
        """A client for the nodes' admin APIs, on every running node (failover included)."""
        urls = [n.url for n in self._nodes if n.running and not n.paused] or self.node_urls
        return SolrClient(urls, timeouts=_ADMIN_TIMEOUTS)

    def create_collection(self, name: str, config: str, shards: int, replicas: int) -> None:
        """Create a collection from an uploaded configset and wait until it is active."""
        self.admin().call("GET", "/admin/collections", params={
            "action": "CREATE", "name": name, "numShards": shards,
            "replicationFactor": replicas, "collection.configName": config,
            "waitForFinalState": "true"})

    def replica_states(self, collection: str | None = None) -> list[tuple[str, str, str, bool]]:
        """(shard, node base URL, state, leader) of every replica; 'down' if its node is not live."""
        status = self.admin().call("GET", "/admin/collections", params={
            "action": "CLUSTERSTATUS", "collection": collection or self.collection})["cluster"]
        live = set(status.get("live_nodes", []))
        out = []
        for data in status["collections"].values():
            for shard, sdata in data["shards"].items():
                for rep in sdata["replicas"].values():
                    state = rep["state"] if rep["node_name"] in live else "down"
                    out.append((shard, rep["base_url"], state, rep.get("leader") == "true"))
        return out

    def wait_for_active(self, timeout: float = 120, collection: str | None = None) -> float:
        """Wait until every replica is active on a live node; return the seconds it took."""
        started = time.monotonic()
        while True:
            try:
                if all(st == "active" for _, _, st, _ in self.replica_states(collection)):
                    return time.monotonic() - started
            except SolrError as err:
                log.debug("cluster status not available yet: %s", err)
            if time.monotonic() - started > timeout:
                raise SolrLaunchError(f"replicas not all active within {timeout:.0f} s")
            time.sleep(0.3)
