"""Extraction in a separate process: bounded memory and time, and a crash costs one file.

PDFium is C++; a hostile file may make it allocate without end, loop, or crash. The worker
runs ``python -m indexer.files.worker`` with an address-space limit (RLIMIT_AS) and answers
one file at a time over its stdin/stdout; the parent waits at most ``limits.seconds``. When a
file kills or stalls the worker, the file is skipped with the reason and the next file gets a
fresh worker.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import select
import struct
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from indexer.files.errors import FileSkipped
from indexer.files.extracted import Extracted
from indexer.files.limits import FileLimits

log = logging.getLogger(__name__)

_HEADER = struct.Struct(">I")
_ROOT = Path(__file__).resolve().parents[2]


class ExtractorProcess:
    """One long-lived worker, started on first use and restarted after a failure."""

    def __init__(self, limits: FileLimits) -> None:
        self.limits = limits
        self._proc: subprocess.Popen[bytes] | None = None

    def extract(self, kind: str, body: bytes) -> Extracted:
        """The file's text and facts; FileSkipped with a reason for every kind of failure."""
        proc = self._process()
        assert proc.stdin is not None and proc.stdout is not None
        started = time.monotonic()
        try:
            _send(proc.stdin, json.dumps({"kind": kind}).encode(), body)
            answer = _receive(proc.stdout, started + self.limits.seconds)
        except TimeoutError:
            self.close()
            raise FileSkipped(f"Zeitlimit überschritten ({self.limits.seconds:g} s)") from None
        except (OSError, EOFError):
            code = self.close()
            raise FileSkipped("Lesen abgebrochen (Speichergrenze von "
                              f"{self.limits.memory_mb} MB oder Absturz, Code {code})") from None
        if "skipped" in answer:
            raise FileSkipped(answer["skipped"])
        return Extracted.from_json(answer["extracted"])

    def close(self) -> int | None:
        """End the worker (if any) and return its exit code."""
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        if proc.poll() is None:
            proc.kill()
        for stream in (proc.stdin, proc.stdout):
            if stream:
                stream.close()
        return proc.wait()

    def _process(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(
                p for p in (str(_ROOT), os.environ.get("PYTHONPATH", "")) if p)}
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "indexer.files.worker", json.dumps(asdict(self.limits))],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=str(_ROOT))
        return self._proc


def _send(stream: IO[bytes], header: bytes, body: bytes) -> None:
    stream.write(_HEADER.pack(len(header)) + header + struct.pack(">Q", len(body)))
    stream.write(body)
    stream.flush()


def _receive(stream: IO[bytes], deadline: float) -> dict[str, Any]:
    size = _HEADER.unpack(_read_exactly(stream, _HEADER.size, deadline))[0]
    return json.loads(_read_exactly(stream, size, deadline))


def _read_exactly(stream: IO[bytes], size: int, deadline: float | None) -> bytes:
    chunks = bytearray()
    fd = stream.fileno()
    # poll, not select: select refuses descriptors above 1024, which a process holding many
    # connections (the app's rebuild, a busy indexer) reaches.
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    while len(chunks) < size:
        if deadline is not None:
            wait_ms = max(deadline - time.monotonic(), 0) * 1000
            if not poller.poll(wait_ms):
                raise TimeoutError
        chunk = os.read(fd, size - len(chunks))
        if not chunk:
            raise EOFError
        chunks += chunk
    return bytes(chunks)


def serve(limits: FileLimits) -> None:
    """The worker's loop: read a job from stdin, answer on stdout, until stdin closes."""
    from indexer.files.extract import extract_in_process

    megabytes = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (megabytes, megabytes))
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            size = _HEADER.unpack(_read_exactly(stdin, _HEADER.size, None))[0]
        except EOFError:
            return
        job = json.loads(_read_exactly(stdin, size, None))
        body = _read_exactly(stdin, struct.unpack(">Q", _read_exactly(stdin, 8, None))[0], None)
        try:
            answer: dict[str, Any] = {"extracted": extract_in_process(
                job["kind"], body, limits).to_json()}
        except FileSkipped as why:
            answer = {"skipped": str(why)}
        except MemoryError:
            answer = {"skipped": f"Speichergrenze von {limits.memory_mb} MB überschritten"}
        except Exception as err:  # noqa: BLE001 - any library bug is this file's problem only
            answer = {"skipped": f"Lesefehler: {type(err).__name__}: {err}"[:500]}
        del body
        data = json.dumps(answer, ensure_ascii=False).encode()
        stdout.write(_HEADER.pack(len(data)) + data)
        stdout.flush()


if __name__ == "__main__":
    serve(FileLimits(**json.loads(sys.argv[1])))
