"""The admin area's implementation of the visitor search's SearchTuning interface."""

from __future__ import annotations

from webapp.request import Sort
from webapp.tuning import Exclusions

from .default_sort import DefaultSortLookup
from .demotions import DemotionLookup
from .exclusions import ExclusionLookup
from .pins import PinLookup


class AdminTuning:
    """Pins, demotions, default order and exclusions as the web team saved them, from per-worker
    cached values."""

    def __init__(self, pins: PinLookup, default_sort: DefaultSortLookup,
                 exclusions: ExclusionLookup, demotions: DemotionLookup | None = None) -> None:
        self.pins = pins
        self.sort = default_sort
        self.excluded = exclusions
        self.demoted = demotions

    def pinned_ids(self, query: str) -> tuple[str, ...]:
        """Ids pinned for ``query``."""
        return self.pins(query)

    def demoted_ids(self, query: str) -> tuple[str, ...]:
        """Ids ranked lower for ``query`` (none when the area runs without demotions)."""
        return self.demoted(query) if self.demoted is not None else ()

    def default_sort(self) -> Sort:
        """The saved default order."""
        return self.sort()

    def exclusions(self) -> Exclusions:
        """Pages and path prefixes the web team excluded."""
        return self.excluded()
