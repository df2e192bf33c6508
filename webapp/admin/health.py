"""The start page's view of the index: Solr's health, the number of pages, the latest runs."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from solrclient import SolrError
from webapp.repository import SolrRepository

from .reindex import Job, ReindexRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexHealth:
    """What the web team should see first; ``problems`` say precisely what is wrong."""

    solr_ok: bool
    documents: int | None
    runs: tuple[Job, ...]
    problems: tuple[str, ...]

    @property
    def last_failure(self) -> Job | None:
        """The newest failed run among the latest, if any."""
        return next((job for job in self.runs if job.status == "failed"), None)


def index_health(search: SolrRepository, runner: ReindexRunner, rows: int = 5) -> IndexHealth:
    """Ask Solr now; every failure becomes a problem line, never an error page."""
    problems: list[str] = []
    documents: int | None = None
    try:
        answer = search.client.call("GET", "/select", params={"q": "*:*", "rows": 0})
        documents = int(answer["response"]["numFound"])
    except SolrError as err:
        problems.append(f"Index nicht lesbar: {err}")
    solr_ok = search.ping() and documents is not None
    if documents is not None and not solr_ok:
        problems.append("Solr beantwortet den Ping nicht mit OK.")
    try:
        runs = tuple(runner.recent(rows))
    except SolrError as err:
        problems.append(f"Läufe nicht lesbar (Statistik-Core): {err}")
        runs = ()
    for problem in problems:
        log.warning("admin start page: %s", problem)
    return IndexHealth(solr_ok, documents, runs, tuple(problems))
