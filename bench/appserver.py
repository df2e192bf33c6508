"""The web app as production runs it: ``python -m webapp.serve`` (granian), as a real process."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from bench.cpu import process_cpu_seconds

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent


class AppServerError(RuntimeError):
    """The app server did not come up or died."""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_kib(pid: int) -> int:
    """Resident set size of a process in KiB, from /proc/<pid>/status (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AppServerError(f"process {pid} reports no VmRSS")


def children(pid: int) -> list[int]:
    """Direct child processes of `pid` (the server's workers, for its main process)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.extend(int(p) for p in text)
    return sorted(found)


class AppServer:
    """The production server (webapp/serve.py) serving the app against a given Solr core
    (``module``: another module started the same way, e.g. bench.floor_apps)."""

    def __init__(self, env: Mapping[str, str], log_path: Path, workers: int | None = None,
                 module: str = "webapp.serve") -> None:
        self.env = dict(env)
        self.module = module
        self.log_path = log_path
        self.workers = workers
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        if self._proc is None:
            raise AppServerError("the app server is not running")
        return self._proc.pid

    def start(self, timeout: float = 60) -> "AppServer":
        """Start the server and wait until it answers HTTP."""
        self.port = free_port()
        cmd = [sys.executable, "-m", self.module, "--bind", f"127.0.0.1:{self.port}"]
        env = {**os.environ, **self.env}
        if self.workers is not None:
            env["STADTSUCHE_WORKERS"] = str(self.workers)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as out:
            self._proc = subprocess.Popen(cmd, cwd=REPO, env=env,
                                          stdin=subprocess.DEVNULL, stdout=out, stderr=out)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise AppServerError(f"the app server exited with {self._proc.returncode}; "
                                     f"see {self.log_path}")
            if self._answers():
                log.info("app server %s up (pid %d)", self.base_url, self._proc.pid)
                return self
            time.sleep(0.2)
        self.stop()
        raise AppServerError(f"the app server did not answer within {timeout:.0f} s; "
                             f"see {self.log_path}")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base_url}/suche", timeout=2) as resp:
                return resp.status == 200
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False

    def worker_pids(self) -> list[int]:
        """The worker processes the server has started."""
        return children(self.pid)

    def cpu_seconds(self) -> float:
        """CPU seconds of the server: its main process, live workers and reaped workers."""
        return (process_cpu_seconds(self.pid, reaped_children=True)
                + sum(process_cpu_seconds(pid) for pid in self.worker_pids()))

    def stop(self) -> None:
        """Graceful shutdown (SIGTERM), SIGKILL if it hangs."""
        if self._proc is None or self._proc.poll() is not None:
            return
        self._proc.send_signal(signal.SIGTERM)
        try:
            self._proc.wait(30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(10)

    def __enter__(self) -> "AppServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
