"""Solr processes controlled from Python: the launcher JVM wrapper and one standalone core."""

from __future__ import annotations

import logging
import os
import queue
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from solrlauncher.build import CONFIGSET, ensure_built, java_command

log = logging.getLogger(__name__)


class SolrLaunchError(RuntimeError):
    """Solr did not come up, or a control command failed."""


@dataclass
class _JavaProcess:
    """A launcher JVM whose stdout is read line by line in a background thread."""

    args: list[str]
    log_file: Path | None = None
    heap: str = "1g"
    options: tuple[str, ...] = ()
    _proc: subprocess.Popen | None = field(default=None, init=False)
    _lines: queue.Queue = field(default_factory=queue.Queue, init=False)
    _control_lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def spawn(self, timeout: float) -> str:
        """Start the JVM and return its READY line."""
        cmd = java_command(ensure_built(), [*self.args, "--control", "stdin"], heap=self.heap,
                           options=self.options)
        err = open(self.log_file, "ab") if self.log_file else subprocess.DEVNULL
        self._proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True, bufsize=1
        )
        threading.Thread(target=self._pump, daemon=True).start()
        line = self._next_line(timeout, prefix=("SOLR READY", "SOLR FAILED"))
        if not line.startswith("SOLR READY"):
            self.kill()
            raise SolrLaunchError(line)
        return line

    def _pump(self) -> None:
        assert self._proc and self._proc.stdout
        for line in self._proc.stdout:
            line = line.rstrip("\n")
            if line.startswith("SOLR "):
                self._lines.put(line)
            else:
                log.debug("solr: %s", line)
        self._lines.put("SOLR FAILED process exited")

    def _next_line(self, timeout: float, prefix: tuple[str, ...]) -> str:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                raise SolrLaunchError(f"Solr did not answer within {timeout:.0f} s")
            try:
                line = self._lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line.startswith(prefix):
                return line

    def command(self, text: str, timeout: float = 120) -> str:
        """Send one control command (``stop 1``, ``start 1``, ``status``) and return the answer."""
        with self._control_lock:
            if not self.running or not self._proc or not self._proc.stdin:
                raise SolrLaunchError("Solr is not running")
            self._proc.stdin.write(text + "\n")
            self._proc.stdin.flush()
            answer = self._next_line(timeout, prefix=("SOLR ",))
        if answer.startswith("SOLR error") or answer.startswith("SOLR FAILED"):
            raise SolrLaunchError(answer)
        return answer

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def stop(self, timeout: float = 60) -> None:
        """Shut Solr down cleanly (commit, close cores); kill it if it hangs."""
        if not self.running or not self._proc:
            return
        try:
            assert self._proc.stdin
            self._proc.stdin.write("quit\n")
            self._proc.stdin.flush()
            self._proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        try:
            self._proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL, as a crash would: no commit, no clean close."""
        if self._proc and self._proc.poll() is None:
            os.kill(self._proc.pid, signal.SIGKILL)
            self._proc.wait(30)


def _parse_ready(line: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in line.split()[2:] if "=" in part)


class StandaloneSolr:
    """One Solr node with the Stadtsuche core; data persists in ``home``."""

    def __init__(
        self,
        home: Path,
        port: int = 0,
        core: str = "stadtsuche",
        configset: Path = CONFIGSET,
        extra_cores: dict[str, Path] | None = None,
        heap: str = "1g",
    ) -> None:
        self.home = Path(home)
        self.port = port
        self.core = core
        self.configset = configset
        self.extra_cores = extra_cores or {}
        self._java = self._new_process(heap)
        self.base_url = ""

    def _new_process(self, heap: str) -> _JavaProcess:
        args = ["standalone", "--home", str(self.home), "--port", str(self.port),
                "--configset", str(self.configset), "--core", self.core]
        if self.extra_cores:
            args += ["--extra-cores", ",".join(f"{k}={v}" for k, v in self.extra_cores.items())]
        self.home.mkdir(parents=True, exist_ok=True)
        return _JavaProcess(args, log_file=self.home / "launcher.log", heap=heap)

    def start(self, timeout: float = 180) -> "StandaloneSolr":
        """Start Solr and wait until the core is loaded."""
        if not self._java.running:
            self._java = self._new_process(self._java.heap)
            info = _parse_ready(self._java.spawn(timeout))
            self.base_url = info["url"]
            # Keep the port on restarts so that clients configured with the URL still work.
            self.port = int(self.base_url.rsplit(":", 1)[1].split("/", 1)[0])
        return self

    @property
    def core_url(self) -> str:
        return f"{self.base_url}/{self.core}"

    def url_for(self, core: str) -> str:
        return f"{self.base_url}/{core}"

    @property
    def running(self) -> bool:
        return self._java.running

    @property
    def pid(self) -> int | None:
        return self._java.pid

    def stop(self) -> None:
        self._java.stop()

    def kill(self) -> None:
        self._java.kill()

    def __enter__(self) -> "StandaloneSolr":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
