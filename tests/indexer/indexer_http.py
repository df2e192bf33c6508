"""A directory served over HTTP on 127.0.0.1 for the crawler tests, with a request log."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path


@dataclass
class Served:
    """A directory served over HTTP on 127.0.0.1, with the log of requests it received."""

    root: Path
    url: str
    requests: list[tuple[str, str, int]] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    arrivals: list[tuple[str, float]] = field(default_factory=list)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def paths(self) -> list[str]:
        return [path for _method, path, _status in self.requests]

    def statuses(self, path: str) -> list[int]:
        return [status for _method, p, status in self.requests if p == path]


class Handler(SimpleHTTPRequestHandler):
    """Static files with strong ETags; answers If-None-Match with 304 and logs every request."""

    served: Served

    def do_GET(self) -> None:  # noqa: N802 - name given by http.server
        self.served.arrivals.append((self.path, time.monotonic()))
        self.served.agents.append(self.headers.get("User-Agent", ""))
        target = Path(self.translate_path(self.path))
        self._etag = None
        if target.is_file():
            self._etag = '"' + hashlib.sha1(target.read_bytes()).hexdigest() + '"'
            if self.headers.get("If-None-Match") == self._etag:
                self.send_response(304)
                self.end_headers()
                return
        super().do_GET()

    def end_headers(self) -> None:
        if getattr(self, "_etag", None):
            self.send_header("ETag", self._etag)
        # Extra response headers of a file (e.g. X-Robots-Tag) come from Served.headers.
        for name, value in self.served.headers.get(self.path.split("?", 1)[0], {}).items():
            self.send_header(name, value)
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.served.requests.append((self.command, self.path, code))
        super().send_response(code, message)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output clean; requests are recorded in Served
