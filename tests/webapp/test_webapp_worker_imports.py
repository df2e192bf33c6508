"""A search worker with the admin area on does not load what only a reindex run needs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.usefixtures("search_docs")

# A fresh interpreter, so that no other test has imported the indexer before.
VISIT = """
import json, sys
from webapp import create_app
app = create_app({"solr_url": sys.argv[1], "env": "development"})
client = app.test_client()
page = client.get("/suche?q=Personalausweis")
api = client.get("/api/search?q=Personalausweis")
print(json.dumps({
    "status": [page.status_code, api.status_code],
    "admin": client.get("/admin/login").status_code,
    "loaded": sorted(m for m in sys.modules if m.split(".")[0] in sys.argv[2:]
                     or m.startswith(("indexer.parse", "indexer.pipeline", "indexer.sources"))),
}))
"""
# The HTML parsers, the crawler's HTTP client and the document readers: a reindex run loads
# them when it starts (tests/admin/test_admin_reindex.py runs one from the admin area).
RUN_ONLY = ("lxml", "bs4", "requests", "urllib3", "charset_normalizer", "pypdf", "docx")


def test_search_worker_leaves_the_indexer_parsers_unloaded(solr_url: str) -> None:
    run = subprocess.run([sys.executable, "-c", VISIT, solr_url, *RUN_ONLY],
                         capture_output=True, text=True, timeout=120, check=False, cwd=REPO,
                         env={"STADTSUCHE_ADMIN_ENABLED": "true", "PATH": ""})
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["status"] == [200, 200]
    assert seen["admin"] == 200
    assert seen["loaded"] == []
