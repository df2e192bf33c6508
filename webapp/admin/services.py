"""The admin area's shared objects, created once per app and found through current_app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from webapp.repository import SolrRepository

from .default_sort import DefaultSortLookup
from .exclusions import ExclusionLookup
from .pins import PinLookup
from .records import GoldenQuery, load_golden, seed_golden
from .reindex import ReindexRunner
from .repository import CoreAdmin, StatsStore
from .security import LoginLimiter
from .settings import AdminSettings
from .stats import StatsRecorder
from .tuning import AdminTuning

EXTENSION_KEY = "stadtsuche.admin"


@dataclass(frozen=True)
class AdminServices:
    """Everything the admin views use."""

    settings: AdminSettings
    core: CoreAdmin
    stats: StatsStore
    search: SolrRepository
    runner: ReindexRunner
    pins: PinLookup
    recorder: StatsRecorder
    limiter: LoginLimiter
    default_sort: DefaultSortLookup
    tuning: AdminTuning
    exclusions: ExclusionLookup

    def golden(self) -> list[GoldenQuery]:
        """The golden queries, imported from the quality file on first use."""
        seed_golden(self.stats, Path(self.settings.golden_queries_file))
        return load_golden(self.stats)


def services() -> AdminServices:
    """The current app's admin services."""
    return current_app.extensions[EXTENSION_KEY]
