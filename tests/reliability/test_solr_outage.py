"""Solr goes away and comes back: the app says so in German, and heals without a restart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from solrlauncher import StandaloneSolr
from tests.reliability.support import STATS_CORE, index_site, make_app, report_numbers, wait_until

pytestmark = pytest.mark.slow


def test_app_answers_503_while_solr_is_down_and_recovers_by_itself(
        tmp_path: Path, sample_site: Path) -> None:
    solr = StandaloneSolr(tmp_path / "solr", extra_cores=STATS_CORE).start()
    try:
        assert index_site(solr.core_url, sample_site, tmp_path).indexed >= 60
        app = make_app(solr.core_url, solr_timeout=3)
        client = app.test_client()
        assert client.get("/healthz").status_code == 200
        assert client.get("/suche", query_string={"q": "Personalausweis"}).status_code == 200

        solr.stop()
        # Other words than above: the app's result cache may still answer "Personalausweis"
        # (a real result from before), this search needs Solr.
        page = client.get("/suche", query_string={"q": "Reisepass"})
        html = page.get_data(as_text=True)
        assert page.status_code == 503
        assert page.mimetype == "text/html"
        assert "Suche vorübergehend nicht verfügbar" in html and "<html" in html.lower()
        for leak in ("Traceback", "ConnectionError", "127.0.0.1", "solr/stadtsuche", "Errno"):
            assert leak not in html
        api = client.get("/api/search", query_string={"q": "Reisepass"})
        assert api.status_code == 503 and api.mimetype == "application/json"
        assert api.get_json()["error"]["status"] == 503
        assert "127.0.0.1" not in api.get_data(as_text=True)
        health = client.get("/healthz")
        assert health.status_code == 503 and health.get_json()["solr"] == "unavailable"
        click = client.get("/klick", query_string={"id": "irgendwas"})
        assert click.status_code == 503 and "Location" not in click.headers
        assert client.get("/api/suggest", query_string={"q": "Perso"}).status_code in (200, 503)

        down_at = time.monotonic()
        solr.start()
        # Same app object, no restart: the next request simply works again.
        healed = wait_until(lambda: client.get("/healthz").status_code == 200, 30,
                            "/healthz is green again")
        assert client.get("/suche", query_string={"q": "Personalausweis"}).status_code == 200
        result = client.get("/api/search", query_string={"q": "Personalausweis"}).get_json()
        assert result["outData"]["response"]["numFound"] > 0
        report_numbers("solr_outage", {"solr_restart_s": round(time.monotonic() - down_at - healed, 1),
                                       "app_healthy_after_solr_ready_s": round(healed, 2)})
    finally:
        solr.stop()
