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


def _run_indexer(args: list[str], core_url: str, timeout: float, **env: str) -> str:
    """Run ``python -m indexer ARGS`` into ``core_url`` with a throw-away state file (an
    evaluation never touches a real installation's state); returns its output."""
    with tempfile.TemporaryDirectory(prefix="quality-index-") as tmp:
        environ = {**os.environ, "STADTSUCHE_INDEXER_STATE": str(Path(tmp) / "state.json"),
                   "STADTSUCHE_SOLR_URL": core_url, **env}
        cmd = [sys.executable, "-m", "indexer", *args, "--solr-url", core_url]
        log.info("running %s", " ".join(cmd[1:]))
        done = subprocess.run(cmd, cwd=REPO, env=environ, capture_output=True, text=True,
                              timeout=timeout)
    if done.returncode != 0:
        raise IndexingError(f"indexer failed ({done.returncode}):\n"
                            f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return done.stdout + done.stderr


def index_site(site: Path, core_url: str, base_url: str = BASE_URL,
               timeout: float = 600) -> str:
    """Run ``python -m indexer index SITE --full --force`` into ``core_url``; returns its output.

    The indexer runs as its own process through its public command line. ``--force``
    rewrites unchanged pages too, so that they are analysed with the configset as it is now
    (click counts are kept by the indexer).
    """
    return _run_indexer(["index", str(site), "--full", "--force", "--base-url", base_url],
                        core_url, timeout, STADTSUCHE_BASE_URL=base_url)


def index_sources(sources: str, core_url: str, timeout: float = 900, **settings: str) -> str:
    """Run ``python -m indexer reindex --full --force`` on a source list (the format of
    STADTSUCHE_INDEX_SOURCE) into ``core_url`` in one run, as ``make run`` and production do:
    boilerplate is learned from every folder before the first page is written. ``settings``:
    further STADTSUCHE_* variables by their name without the prefix (SITE_NAMES=…)."""
    return _run_indexer(["reindex", "--full", "--force", "--quiet"], core_url, timeout,
                        STADTSUCHE_INDEX_SOURCE=sources, STADTSUCHE_ENV="development",
                        **{f"STADTSUCHE_{k}": v for k, v in settings.items()})
