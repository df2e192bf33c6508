"""Under the app server with two worker processes: one reindex at a time, progress readable from
any worker, statistics counted from all workers."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import requests

from solrlauncher import StandaloneSolr
from tests.admin.conftest import ADMIN_HASH, ADMIN_PASSWORD, ADMIN_USER
from tests.admin.test_admin_reindex import make_site
from tests.reliability.support import AppServer
from tests.support import Core

pytestmark = pytest.mark.slow


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _fresh(session: requests.Session, method: str, url: str, **kwargs: object) -> requests.Response:
    """A request on a new connection, so that the kernel may hand it to either worker."""
    return session.request(method, url, headers={"Connection": "close"}, timeout=30, **kwargs)


def test_two_workers_share_lock_progress_and_statistics(solr: StandaloneSolr, tmp_path: Path,
                                                        empty_core: object) -> None:
    server = AppServer.start(solr.core_url, tmp_path, env={
        "STADTSUCHE_ENV": "development", "STADTSUCHE_ADMIN_USER": ADMIN_USER,
        "STADTSUCHE_ADMIN_PASSWORD_HASH": ADMIN_HASH, "STADTSUCHE_WORKERS": "2",
        "STADTSUCHE_INDEX_SOURCE": str(make_site(tmp_path / "site", 300)),
        "STADTSUCHE_INDEXER_STATE": str(tmp_path / "state.json")})
    try:
        admin = requests.Session()
        login = _fresh(admin, "GET", f"{server.url}/admin/login")
        _fresh(admin, "POST", f"{server.url}/admin/login", data={
            "benutzer": ADMIN_USER, "passwort": ADMIN_PASSWORD, "csrf_token": _token(login.text)},
            allow_redirects=False).raise_for_status()
        token = _token(_fresh(admin, "GET", f"{server.url}/admin/reindex").text)
        first = _fresh(admin, "POST", f"{server.url}/admin/reindex",
                       data={"art": "full", "csrf_token": token}, allow_redirects=False)
        job_id = first.headers["Location"].rsplit("/", 1)[1]
        refused = 0
        for _ in range(4):
            again = _fresh(admin, "POST", f"{server.url}/admin/reindex",
                           data={"art": "incremental", "csrf_token": token}, allow_redirects=False)
            status = _fresh(admin, "GET", f"{server.url}/admin/api/reindex/{job_id}").json()
            if status["status"] != "running":
                break
            # Whichever worker got the request, it pointed to the one running job.
            assert again.headers["Location"].endswith(f"/admin/reindex/{job_id}")
            refused += 1
        assert refused >= 1, "the first run ended before a second one could be tried"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            status = _fresh(admin, "GET", f"{server.url}/admin/api/reindex/{job_id}").json()
            if status["status"] != "running":
                break
            time.sleep(0.2)
        assert status["status"] == "done" and "indexiert: 300" in status["message"]
        jobs = Core(solr.url_for("stadtsuche_stats")).count("type:job")
        assert jobs == 1

        visitor = requests.Session()
        for _ in range(12):
            assert _fresh(visitor, "GET", f"{server.url}/api/search",
                          params={"q": "Flötenreparatur", "autocorrect": "0"}).status_code == 200
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            stats = _fresh(admin, "GET", f"{server.url}/admin/api/statistik").json()
            if stats["zeroHit"] and stats["zeroHit"][0]["searches"] == 12:
                break
            time.sleep(0.3)
        assert stats["zeroHit"] == [{"query": "flötenreparatur", "searches": 12, "zero_hits": 12,
                                     "clicks": 0}]
    finally:
        server.stop()
