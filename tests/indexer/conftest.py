"""Fixtures of the indexer tests: a test configuration, a copy of the sample site, a web server."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from indexer.config import IndexerConfig

FIXTURE_PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


@pytest.fixture()
def config(tmp_path: Path, solr_url: str) -> IndexerConfig:
    """Indexer settings for the session's Solr: small batches, no crawl delay, state in tmp."""
    return IndexerConfig(solr_url=solr_url, state_path=tmp_path / "state" / "validators.json",
                         batch_size=20, solr_timeout=20, http_timeout=5, http_retries=1,
                         crawl_delay=0.0)


@pytest.fixture()
def offline_config(tmp_path: Path) -> IndexerConfig:
    """Settings for dry runs: the Solr URL points nowhere on purpose."""
    return IndexerConfig(solr_url="http://127.0.0.1:9/solr/none", state_path=tmp_path / "s.json",
                         crawl_delay=0.0, http_retries=0)


@pytest.fixture()
def site_copy(tmp_path: Path, sample_site: Path) -> Path:
    """A writable copy of the sample site."""
    target = tmp_path / "site"
    shutil.copytree(sample_site, target)
    return target


@dataclass
class Served:
    """A directory served over HTTP on 127.0.0.1, with the log of requests it received."""

    root: Path
    url: str
    requests: list[tuple[str, str, int]] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [path for _method, path, _status in self.requests]

    def statuses(self, path: str) -> list[int]:
        return [status for _method, p, status in self.requests if p == path]


class _Handler(SimpleHTTPRequestHandler):
    """Static files with strong ETags; answers If-None-Match with 304 and logs every request."""

    served: Served

    def do_GET(self) -> None:  # noqa: N802 - name given by http.server
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
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.served.requests.append((self.command, self.path, code))
        super().send_response(code, message)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output clean; requests are recorded in Served


@pytest.fixture()
def serve() -> Iterator[Callable[[Path], Served]]:
    """Start HTTP servers for directories; all are shut down after the test."""
    servers: list[ThreadingHTTPServer] = []

    def start(root: Path) -> Served:
        served = Served(root, "")
        handler = type("Handler", (_Handler,), {"served": served})
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        served.url = f"http://127.0.0.1:{server.server_address[1]}"
        return served

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
