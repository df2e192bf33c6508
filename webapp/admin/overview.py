"""The start page's overview: the index (pages in total and per category), the latest runs
(from the web, the command line or a schedule: all write the same job records), Solr's
health and version, and searches with their zero-hit rate per day over 30 days."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from .reindex import Job, ReindexRunner
from .repository import CoreAdmin, StatsStore
from .trends import Bucket, buckets

log = logging.getLogger(__name__)

DAYS = 30


@dataclass(frozen=True)
class Health:
    """What Solr says about itself; ``problem`` is set when it could not be asked."""

    ok: bool
    version: str
    mode: str
    problem: str = ""


@dataclass(frozen=True)
class Overview:
    """Everything on the start page."""

    total: int
    categories: tuple[tuple[str, int], ...]
    runs: tuple[Job, ...]
    last_success: Job | None
    last_failure: Job | None
    health: Health
    days: tuple[Bucket, ...]


def solr_health(core: CoreAdmin) -> Health:
    """Ping and version; a failure is shown, not raised (the overview must still load)."""
    try:
        info = core.health()
    except Exception as err:  # noqa: BLE001 - whatever failed is what the admin must see
        log.warning("Solr health check failed: %s", err)
        return Health(False, "", "", str(err))
    return Health(info["ping"] == "OK", info["version"], info["mode"])


def build_overview(core: CoreAdmin, store: StatsStore, runner: ReindexRunner,
                   today: date) -> Overview:
    """The start page's numbers, all read from Solr now."""
    total, per_category = core.category_counts()
    runs = tuple(runner.recent(20))
    return Overview(
        total=total, categories=tuple(sorted(per_category.items(), key=lambda kv: (-kv[1], kv[0]))),
        runs=runs[:8], last_success=next((r for r in runs if r.status == "done"), None),
        last_failure=next((r for r in runs if r.status == "failed"), None),
        health=solr_health(core),
        days=tuple(buckets(store, today - timedelta(days=DAYS - 1), today)))
