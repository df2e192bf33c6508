"""Put a site into Solr with the project's real indexer, as production does."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SITE = REPO / "sample-site"
BASE_URL = "https://www.jena.de/"


class IndexingError(RuntimeError):
    """The indexer exited with an error; the message carries its output."""


def index_site(site: Path, core_url: str, base_url: str = BASE_URL,
               timeout: float = 600) -> str:
    """Run ``python -m indexer index SITE --full --force`` into ``core_url``; returns its output.

    The indexer runs as its own process through its public command line, with a throw-away
    state file, so an evaluation never touches the state of a real installation. ``--force``
    rewrites unchanged pages too, so that they are analysed with the configset as it is now
    (click counts are kept by the indexer).
    """
    with tempfile.TemporaryDirectory(prefix="quality-index-") as tmp:
        env = {**os.environ, "STADTSUCHE_INDEXER_STATE": str(Path(tmp) / "state.json"),
               "STADTSUCHE_SOLR_URL": core_url, "STADTSUCHE_BASE_URL": base_url}
        cmd = [sys.executable, "-m", "indexer", "index", str(site), "--full", "--force",
               "--solr-url", core_url, "--base-url", base_url]
        log.info("indexing %s into %s", site, core_url)
        done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=timeout)
    if done.returncode != 0:
        raise IndexingError(f"indexer failed ({done.returncode}):\n"
                            f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return done.stdout + done.stderr


def index_sources(sources: str, core_url: str, timeout: float = 900, **settings: str) -> str:
    """Run ``python -m indexer reindex --full --force`` on a source list (the format of
    STADTSUCHE_INDEX_SOURCE) into ``core_url`` in one run, as ``make run`` and production do:
    boilerplate is learned from every folder before the first page is written. ``settings``:
    further STADTSUCHE_* variables by their name without the prefix (SITE_NAMES=…)."""
    with tempfile.TemporaryDirectory(prefix="quality-index-") as tmp:
        env = {**os.environ, "STADTSUCHE_INDEXER_STATE": str(Path(tmp) / "state.json"),
               "STADTSUCHE_SOLR_URL": core_url, "STADTSUCHE_INDEX_SOURCE": sources,
               "STADTSUCHE_ENV": "development",
               **{f"STADTSUCHE_{k}": v for k, v in settings.items()}}
        cmd = [sys.executable, "-m", "indexer", "reindex", "--full", "--force", "--quiet",
               "--solr-url", core_url]
        log.info("indexing %s into %s", sources, core_url)
        done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=timeout)
    if done.returncode != 0:
        raise IndexingError(f"indexer failed ({done.returncode}):\n"
                            f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return done.stdout + done.stderr
