"""Helpers for the fault, cloud and load tests: indexing, waiting, Solr state, the app server."""

from __future__ import annotations

import functools
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from indexer.config import load_config
from indexer.model import Report
from solrclient import SolrError
from tests.support import Core, Node, make_app as make_test_app

REPO = Path(__file__).resolve().parents[2]
STATS_CORE = {"stadtsuche_stats": REPO / "solr-config" / "stats"}
# Words that occur on many pages of the sample site, so every search finds something.
QUERIES = ("Jena", "Bürgerservice", "Stadt", "Kita", "Abfall", "Straßenbahn", "Öffnungszeiten",
           "Antrag", "Kultur", "Termin")


def index_site(solr_url: str, source: Path, state_dir: Path, **kwargs: Any) -> Report:
    """Index ``source`` into ``solr_url`` with the indexer's own pipeline (full run)."""
    from indexer import pipeline

    config = load_config().with_overrides(state_path=state_dir / "indexer-state.json")
    return pipeline.run([str(source)], solr_url, full=True, config=config, **kwargs)


def wait_until(check: Callable[[], bool], timeout: float, what: str, pause: float = 0.2) -> float:
    """Poll ``check`` until it is true; return the seconds it took, fail with ``what``."""
    started = time.monotonic()
    while True:
        try:
            if check():
                return time.monotonic() - started
        except (requests.RequestException, SolrError):
            pass
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(pause)


def num_found(collection_url: str, query: str = "*:*") -> int:
    return Core(collection_url).count(query)


def commit(collection_url: str) -> None:
    Core(collection_url).commit()


def click_counts(collection_url: str, ids: list[str] | None = None) -> dict[str, int]:
    """id -> clickCounter of clicked documents (or of ``ids``) from the committed index."""
    query = "clickCounter:[1 TO *]" if ids is None else "{!terms f=id}" + ",".join(ids)
    docs = Core(collection_url).search(query, fl="id,clickCounter", rows=100_000).docs
    return {d["id"]: int(d.get("clickCounter", 0)) for d in docs}


def cluster_status(node_url: str, collection: str) -> dict[str, Any]:
    """The ``cluster`` section of CLUSTERSTATUS for ``collection``."""
    return Node(node_url).collections("CLUSTERSTATUS", collection=collection)["cluster"]


def replica_num_found(base_url: str, core: str, query: str = "*:*") -> int:
    """Hits of one replica core alone (no distributed search)."""
    return Node(base_url).core(core).search(query, rows=0, distrib="false").hits


def replica_states(node_url: str, collection: str) -> list[tuple[str, str, str, bool]]:
    """(shard, node base URL, state, leader) of every replica of ``collection``."""
    status = cluster_status(node_url, collection)
    name = next(iter(status["collections"]))
    live = set(status.get("live_nodes", []))
    out = []
    for shard, data in status["collections"][name]["shards"].items():
        for rep in data["replicas"].values():
            state = rep["state"] if rep["node_name"] in live else "down"
            out.append((shard, rep["base_url"], state, rep.get("leader") == "true"))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class AppServer:
    """The web app under its production server (``python -m webapp.serve``), as a real process."""

    proc: subprocess.Popen
    url: str
    log_path: Path

    @classmethod
    def start(cls, solr_url: str, workdir: Path, env: dict[str, str] | None = None,
              timeout: float = 60) -> "AppServer":
        port = free_port()
        log_path = workdir / "app-server.log"
        full_env = {**os.environ, "STADTSUCHE_SOLR_URL": solr_url,
                    "STADTSUCHE_ENV": "production", "STADTSUCHE_SECRET_KEY": "x" * 64,
                    "STADTSUCHE_ADMIN_USER": "redaktion",
                    "STADTSUCHE_ADMIN_PASSWORD_HASH": admin_password_hash(),
                    "STADTSUCHE_BIND": f"127.0.0.1:{port}", "STADTSUCHE_LOG_LEVEL": "warning",
                    # Its own outbox: the test process's apps on the same Solr share theirs.
                    "STADTSUCHE_OUTBOX_DIR": str(workdir / "outbox"),
                    **(env or {})}
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "webapp.serve"],
                cwd=REPO, env=full_env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        server = cls(proc, f"http://127.0.0.1:{port}", log_path)

        def up() -> bool:
            if proc.poll() is not None:
                raise AssertionError(f"app server exited: {log_path.read_text()[-2000:]}")
            return requests.get(f"{server.url}/healthz", timeout=5).status_code == 200

        wait_until(up, timeout, "app server answers /healthz")
        return server

    def stop(self) -> None:
        """SIGTERM (graceful), SIGKILL if it hangs."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


ADMIN_PASSWORD = "geheim-123456"


@functools.lru_cache(maxsize=1)
def admin_password_hash() -> str:
    """Hashing is slow on purpose; once per session is enough."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash(ADMIN_PASSWORD)


def make_app(solr_url: str, **overrides: Any) -> Any:
    """The web app as production runs it (secret key, admin credentials), on ``solr_url``."""
    secret = "s" * 64
    return make_test_app(solr_url, **{"env": "production", "secret_key": secret,
                                      "STADTSUCHE_SECRET_KEY": secret, "ADMIN_USER": "redaktion",
                                      "ADMIN_PASSWORD_HASH": admin_password_hash(),
                                      **overrides})


def add_stats_collection(cluster: Any, name: str = "stadtsuche_stats") -> None:
    """Upload solr-config/stats to ZooKeeper and create the statistics collection next to
    the page collection, as the compose profile's init job does."""
    import io
    import zipfile

    conf = REPO / "solr-config" / "stats" / "conf"
    assert (conf / "solrconfig.xml").is_file(), "solr-config/stats is missing"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in sorted(conf.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(conf).as_posix())
    node = Node(cluster.node_urls[0])
    node.upload_configset(name, buf.getvalue())
    node.collections("CREATE", name=name, numShards=1, replicationFactor=2,
                     **{"collection.configName": name, "waitForFinalState": "true"})


def report_numbers(name: str, numbers: dict[str, Any]) -> None:
    """Print measured numbers and keep them in test-artifacts/reliability/<name>.json."""
    import json

    out = REPO / "test-artifacts" / "reliability"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(numbers, indent=2, ensure_ascii=False) + "\n")
    print(f"\n[{name}] " + ", ".join(f"{k}={v}" for k, v in numbers.items()))


def create_core(solr: Any, name: str) -> str:
    """A core of its own in a running StandaloneSolr, from this repo's configset; its URL.

    Tests that need their own documents use it, so that other tests emptying the shared
    core cannot pull the data away from under them.
    """
    import shutil

    target = Path(solr.home) / name
    if not (target / "core.properties").exists():
        if not (target / "conf").exists():
            shutil.copytree(REPO / "solr-config" / "conf", target / "conf")
        Node(solr.base_url).cores("CREATE", name=name, instanceDir=name)
    return solr.url_for(name)
