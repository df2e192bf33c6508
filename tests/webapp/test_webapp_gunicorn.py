"""The production entry point: gunicorn with webapp/gunicorn.conf.py and webapp.wsgi:app."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.usefixtures("search_docs")
def test_gunicorn_serves_the_app(solr_url: str) -> None:
    port = _free_port()
    env = {**os.environ, "STADTSUCHE_BIND": f"127.0.0.1:{port}", "STADTSUCHE_WORKERS": "1",
           "STADTSUCHE_SOLR_URL": solr_url, "STADTSUCHE_ENV": "development"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "webapp/gunicorn.conf.py", "webapp.wsgi:app"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"gunicorn exited: {process.stderr.read()[-2000:]}"
            try:
                health = requests.get(f"{base}/healthz", timeout=5)
                break
            except (requests.ConnectionError, requests.Timeout):
                assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
                time.sleep(0.3)
        assert {k: health.json()[k] for k in ("status", "solr")} == {"status": "ok", "solr": "ok"}
        page = requests.get(f"{base}/suche", params={"q": "Jena"}, timeout=10)
        assert "33 Suchergebnisse für Jena" in page.text
    finally:
        process.terminate()
        process.wait(timeout=30)
