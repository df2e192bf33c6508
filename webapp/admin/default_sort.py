"""The web team's default order for the visitor search: the ranking ParamSet's ``sort``."""

from __future__ import annotations

import logging
import threading
import time

from webapp.builder import sort_for_clause
from webapp.request import Sort

from .ranking_store import LIVE
from .repository import AdminSolrError, CoreAdmin

log = logging.getLogger(__name__)


class DefaultSortLookup:
    """The saved default order, cached per worker for a few seconds.

    Every visitor search without a chosen order needs it, so one ParamSet read every ``ttl``
    seconds replaces one per search; a saved change shows up on every worker within ``ttl``.
    """

    def __init__(self, core: CoreAdmin, ttl: float) -> None:
        self.core = core
        self.ttl = ttl
        self._sort = Sort.RELEVANCE
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._loaded_at < self.ttl:
            return
        with self._lock:
            if now - self._loaded_at < self.ttl:
                return
            try:
                clause = self.core.param_sets().get(LIVE, {}).get("sort")
                self._sort = sort_for_clause(str(clause) if clause else None)
            except AdminSolrError as err:
                # The search must go on; the last known default is still the best guess.
                log.warning("Default sort order not refreshed: %s", err)
            self._loaded_at = now

    def invalidate(self) -> None:
        """Reload on the next lookup (after this worker saved a ranking)."""
        self._loaded_at = float("-inf")

    def __call__(self) -> Sort:
        """The order visitors get when they choose none."""
        self._refresh()
        return self._sort
