"""The web team's default order for the visitor search: the ranking ParamSet's ``sort``."""

from __future__ import annotations

from webapp.builder import sort_for_clause
from webapp.request import Sort

from .cached import CachedValue
from .ranking_store import LIVE
from .repository import CoreAdmin


class DefaultSortLookup:
    """The saved default order, cached per worker for ``ttl`` seconds."""

    def __init__(self, core: CoreAdmin, ttl: float) -> None:
        self.core = core
        self._cached = CachedValue(self._load, Sort.RELEVANCE, ttl, "Default sort order")

    def _load(self) -> Sort:
        clause = self.core.param_sets().get(LIVE, {}).get("sort")
        return sort_for_clause(str(clause) if clause else None)

    def invalidate(self) -> None:
        """Reload on the next lookup (after this worker saved a ranking)."""
        self._cached.invalidate()

    def __call__(self) -> Sort:
        """The order visitors get when they choose none."""
        return self._cached.get()
