"""Fixtures of the indexer tests: a test configuration, a copy of the sample site, a web server."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from indexer_http import Handler, Served

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


@pytest.fixture()
def serve() -> Iterator[Callable[[Path], Served]]:
    """Start HTTP servers for directories; all are shut down after the test."""
    servers: list[ThreadingHTTPServer] = []

    def start(root: Path) -> Served:
        served = Served(root, "")
        handler = type("BoundHandler", (Handler,), {"served": served})
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
