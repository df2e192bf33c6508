"""Bounded load test: many concurrent visitors against the app server as production runs it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests

from solrlauncher import StandaloneSolr
from tests.reliability.loadgen import run_load
from tests.reliability.support import (QUERIES, AppServer, create_core, index_site, num_found,
                                       report_numbers)

pytestmark = pytest.mark.slow

CLIENTS = int(os.environ.get("STADTSUCHE_LOAD_CLIENTS", "50"))
DURATION = float(os.environ.get("STADTSUCHE_LOAD_SECONDS", "30"))
# Deliberately low: the machine is shared; this catches a broken setup, not a slow one.
MIN_THROUGHPUT = 5.0


@pytest.fixture(scope="module")
def load_core(solr: StandaloneSolr, sample_site: Path,
              tmp_path_factory: pytest.TempPathFactory) -> str:
    url = create_core(solr, "reliability_load")
    if num_found(url) == 0:
        report = index_site(url, sample_site, tmp_path_factory.mktemp("load-state"))
        assert report.indexed >= 60, report
    return url


def test_app_server_under_concurrent_search_load(load_core: str, tmp_path: Path) -> None:
    server = AppServer.start(load_core, tmp_path)
    try:
        variants = [("/api/search", {"q": q}) for q in QUERIES]
        variants += [("/suche", {"q": q, "page": "2"}) for q in QUERIES[:4]]
        variants += [("/api/search", {"q": "Stadt", "sort": "datum_neu", "rows": "20"}),
                     ("/api/suggest", {"q": "Bür"}), ("/suche", {"q": "Bürgerservise"})]

        def target(session: requests.Session, i: int) -> str | None:
            path, params = variants[i % len(variants)]
            resp = session.get(server.url + path, params=params, timeout=30)
            if resp.status_code != 200:
                return f"HTTP {resp.status_code} on {path}"
            if path == "/api/search" and resp.json()["outData"]["response"]["numFound"] == 0:
                return f"no hits for {params}"
            return None

        report = run_load(target, clients=CLIENTS, duration=DURATION)
    finally:
        server.stop()
    log = server.log_path.read_text(errors="replace")
    report_numbers("load", {**report.as_dict(), "error_reasons": report.error_reasons()})
    print(report.summary())
    assert not report.errors, report.error_reasons()
    assert report.throughput >= MIN_THROUGHPUT, report.summary()
    # The traceback itself, without the access lines around it, so that a failure says why.
    problems = "\n".join(line for line in log.splitlines() if '" 200 ' not in line)
    assert "Traceback" not in log, problems[-6000:]
