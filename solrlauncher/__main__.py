"""Command line: ``python -m solrlauncher start|stop|status|cloud``.

``start`` runs standalone Solr in the background (data in ``--home``, default ``var/solr``)
and returns once the core is loaded; ``stop`` ends it cleanly. ``cloud`` runs a SolrCloud
cluster in the foreground until Ctrl-C: one ZooKeeper process and one process per node.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from solrclient import SolrClient, SolrError, Timeouts
from solrlauncher.build import CONFIGSET, REPO, ensure_built, java_command
from solrlauncher.cloud import NODE_HEAP, CloudSolr

DEFAULT_HOME = REPO / "var" / "solr"


def _pid_file(home: Path) -> Path:
    return home / "solr.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def _read_pid(home: Path) -> int | None:
    try:
        pid = int(_pid_file(home).read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def _extra_cores(spec: list[str]) -> list[str]:
    return ["--extra-cores", ",".join(spec)] if spec else []


def cmd_start(args: argparse.Namespace) -> int:
    """Start standalone Solr in the background and wait for its READY line."""
    home: Path = args.home.resolve()
    if (pid := _read_pid(home)) is not None:
        print(f"Solr already runs (pid {pid}), home {home}")
        return 0
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / "launcher.log"
    cmd = java_command(
        ensure_built(),
        ["standalone", "--home", str(home), "--port", str(args.port),
         "--configset", str(args.configset), "--core", args.core, *_extra_cores(args.extra_core)],
        heap=args.heap,
    )
    with open(log_path, "ab") as out:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                start_new_session=True)
    _pid_file(home).write_text(str(proc.pid))
    deadline = time.monotonic() + args.timeout
    offset = log_path.stat().st_size
    while time.monotonic() < deadline:
        with open(log_path, "rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", "replace")
        for line in text.splitlines():
            if line.startswith("SOLR READY"):
                print(line)
                return 0
            if line.startswith("SOLR FAILED"):
                print(line, file=sys.stderr)
                return 1
        if proc.poll() is not None:
            print(f"Solr exited with code {proc.returncode}; see {log_path}", file=sys.stderr)
            return 1
        time.sleep(0.3)
    print(f"Solr did not become ready within {args.timeout} s; see {log_path}", file=sys.stderr)
    return 1


def cmd_stop(args: argparse.Namespace) -> int:
    """Stop the background Solr cleanly (SIGTERM runs Solr's shutdown hook)."""
    home: Path = args.home.resolve()
    pid = _read_pid(home)
    if pid is None:
        print("Solr is not running")
        return 0
    os.kill(pid, signal.SIGTERM)
    for _ in range(300):
        if not _alive(pid):
            break
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL)
    _pid_file(home).unlink(missing_ok=True)
    print(f"Solr stopped (pid {pid})")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print the running Solr's version, or exit 1 when it does not answer."""
    node = SolrClient(f"http://127.0.0.1:{args.port}/solr", timeouts=Timeouts(5.0, 5.0))
    try:
        info = node.call("GET", "/admin/info/system")
    except SolrError as err:
        print(f"Solr does not answer at port {args.port}: {err}", file=sys.stderr)
        return 1
    print(f"Solr {info['lucene']['solr-spec-version']} answers on port {args.port}")
    return 0


STATS_CONFIGSET = CONFIGSET / "stats"


def cmd_cloud(args: argparse.Namespace) -> int:
    """Run a SolrCloud cluster (ZooKeeper + one process per node) until interrupted."""
    stats = {"stadtsuche_stats": STATS_CONFIGSET} if STATS_CONFIGSET.is_dir() else {}
    cluster = CloudSolr(args.home.resolve(), nodes=args.nodes, shards=args.shards,
                        replicas=args.replicas, configset=args.configset, heap=args.heap,
                        extra_configsets=stats)
    # SIGTERM (kill, a service manager) stops the cluster as cleanly as Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    cluster.start()
    if stats:
        cluster.create_collection("stadtsuche_stats", "stadtsuche_stats", 1,
                                  min(2, args.nodes))
    print("SolrCloud ready: ZooKeeper", cluster.zk_host)
    for i, url in enumerate(cluster.node_urls):
        print(f"  node {i}: {url} (pid {cluster.pid(i)})")
    print("For the app and the indexer:")
    print("  STADTSUCHE_SOLR_URL=" + ",".join(cluster.collection_urls()))
    if stats:
        print("  STADTSUCHE_STATS_SOLR_URL=" + ",".join(cluster.collection_urls("stadtsuche_stats")))
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    p = argparse.ArgumentParser(prog="python -m solrlauncher", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    for name, fn in (("start", cmd_start), ("stop", cmd_stop), ("status", cmd_status)):
        s = sub.add_parser(name, help=fn.__doc__)
        s.set_defaults(fn=fn)
        s.add_argument("--home", type=Path, default=DEFAULT_HOME)
        s.add_argument("--port", type=int, default=int(os.environ.get("SOLR_PORT", "8983")))
        s.add_argument("--core", default="stadtsuche")
        s.add_argument("--configset", type=Path, default=CONFIGSET)
        s.add_argument("--extra-core", action="append", default=[], metavar="NAME=CONFIGSET")
        s.add_argument("--heap", default="1g")
        s.add_argument("--timeout", type=float, default=300)
    c = sub.add_parser("cloud", help=cmd_cloud.__doc__)
    c.set_defaults(fn=cmd_cloud)
    c.add_argument("--home", type=Path, default=REPO / "var" / "solrcloud")
    c.add_argument("--configset", type=Path, default=CONFIGSET)
    c.add_argument("--nodes", type=int, default=3)
    c.add_argument("--shards", type=int, default=2)
    c.add_argument("--replicas", type=int, default=2)
    c.add_argument("--heap", default=NODE_HEAP, help="per node")
    args = p.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
