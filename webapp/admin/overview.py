"""The start page's overview: Solr's health and version, pages in total and per category,
the latest runs (from the web, the command line or the schedule: all write the same job
records) and searches with their zero-hit rate per day over 30 days. Every part that cannot
be read becomes a precise problem line, never an error page."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from solrclient import SolrError
from webapp.repository import SolrRepository

from .health import IndexHealth, index_health
from .reindex import Job, ReindexRunner
from .repository import CoreAdmin, StatsStore
from .stats_behaviour import load_events
from .stats_behaviour_tables import per_day
from .stats_csv import Table
from .trends import Bucket, buckets

log = logging.getLogger(__name__)

DAYS = 30
RUNS = 8


@dataclass(frozen=True)
class Overview:
    """Everything on the start page."""

    health: IndexHealth
    version: str
    mode: str
    categories: tuple[tuple[str, int], ...]
    days: tuple[Bucket, ...]
    problems: tuple[str, ...]
    # The behaviour measures per day over the same 30 days (None when not readable).
    behaviour: Table | None = None

    @property
    def last_success(self) -> Job | None:
        """The newest finished run among the latest, if any."""
        return next((job for job in self.health.runs if job.status == "done"), None)


def build_overview(search: SolrRepository, core: CoreAdmin, store: StatsStore,
                   runner: ReindexRunner, today: date) -> Overview:
    """The start page's numbers, all read from Solr now."""
    health = index_health(search, runner, RUNS)
    problems: list[str] = []
    version = mode = ""
    categories: tuple[tuple[str, int], ...] = ()
    days: tuple[Bucket, ...] = ()
    if health.documents is not None:
        try:
            version, mode = core.solr_version()
            _, counts = core.category_counts()
            categories = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        except SolrError as err:
            problems.append(f"Kategorien oder Version nicht lesbar: {err}")
    behaviour = None
    try:
        first = today - timedelta(days=DAYS - 1)
        days = tuple(buckets(store, first, today))
        behaviour = per_day("verhalten-trend", load_events(store, first, today), first, today)
    except SolrError as err:
        problems.append(f"Suchstatistik nicht lesbar (Statistik-Core): {err}")
    for problem in problems:
        log.warning("admin start page: %s", problem)
    return Overview(health, version, mode, categories, days, tuple(problems), behaviour)
