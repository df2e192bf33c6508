"""The visitor search is complete without the admin area (STADTSUCHE_ADMIN_ENABLED=false)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.usefixtures("search_docs")

# Runs in a fresh interpreter so that no other test has imported webapp.admin before.
VISIT = """
import json, sys
from webapp import create_app
app = create_app({"solr_url": sys.argv[1], "env": "development"})
client = app.test_client()
page = client.get("/suche?q=Personalausweis")
api = client.get("/api/search?q=Personalausweis").get_json()
click = client.get("/klick?id=t-personalausweis&q=Personalausweis")
print(json.dumps({
    "page": [page.status_code, "id=t-personalausweis" in page.get_data(as_text=True)],
    "api": api["outData"]["response"]["docs"][0]["id"],
    "click": [click.status_code, click.headers.get("Location")],
    "admin": client.get("/admin/login").status_code,
    "imported": sorted(m for m in sys.modules if m.startswith("webapp.admin")),
}))
"""


def test_search_api_and_clicks_work_with_the_admin_area_off(solr_url: str) -> None:
    run = subprocess.run([sys.executable, "-c", VISIT, solr_url], capture_output=True,
                         text=True, timeout=120, check=False, cwd=REPO,
                         env={"STADTSUCHE_ADMIN_ENABLED": "false", "PATH": ""})
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["page"] == [200, True]
    assert seen["api"] == "t-personalausweis"
    assert seen["click"] == [303, "https://www.jena.de/buergerservice/personalausweis"]
    assert seen["admin"] == 404
    assert seen["imported"] == []


def test_admin_enabled_must_be_a_yes_or_no() -> None:
    from webapp.config import Settings
    assert Settings.load({"STADTSUCHE_ADMIN_ENABLED": "false"}).admin_enabled is False
    assert Settings.load({}).admin_enabled is True
    with pytest.raises(ValueError, match="STADTSUCHE_ADMIN_ENABLED"):
        Settings.load({"STADTSUCHE_ADMIN_ENABLED": "vielleicht"})
