"""The production entry point: `python -m webapp.serve` (granian) serving webapp.wsgi:app."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.support import Core

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.usefixtures("search_docs")
def test_production_server_serves_the_app(solr_url: str) -> None:
    port = _free_port()
    stats = Core(solr_url.rsplit("/", 1)[0] + "/stadtsuche_stats")
    marker = f"serverstopp{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "STADTSUCHE_BIND": f"127.0.0.1:{port}", "STADTSUCHE_WORKERS": "1",
           "STADTSUCHE_SOLR_URL": solr_url, "STADTSUCHE_ENV": "development"}
    process = subprocess.Popen(
        [sys.executable, "-m", "webapp.serve"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"server exited: {process.stdout.read()[-2000:]}"
            try:
                health = requests.get(f"{base}/healthz", timeout=5)
                break
            except (requests.ConnectionError, requests.Timeout):
                assert time.monotonic() < deadline, "the server did not answer within 30 s"
                time.sleep(0.3)
        assert {k: health.json()[k] for k in ("status", "solr")} == {"status": "ok", "solr": "ok"}
        page = requests.get(f"{base}/suche", params={"q": "Jena"}, timeout=10)
        assert "33 Suchergebnisse für Jena" in page.text
        assert requests.get(f"{base}/api/search", params={"q": marker}, timeout=10).ok
    finally:
        process.terminate()
        process.wait(timeout=30)
    log = process.stdout.read()
    assert re.search(r'"GET /suche HTTP/1.1" 200', log), log[-2000:]
    assert "Traceback" not in log, log[-2000:]
    # The search was still queued for the statistics (written every few seconds) when the
    # server stopped: a worker that stops gracefully writes it first.
    stats.commit()
    assert stats.count(f'type:search AND query:"{marker}"') == 1
