"""What the web team's settings contribute to a visitor search, as an interface of the search.

The visitor search defines what it needs here; the admin area (optional) implements it and
registers the implementation with :func:`webapp.extensions.register_tuning`. Without the admin
area the search runs with :class:`NoTuning`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # request.py holds Exclusions in each SearchRequest: no import cycle
    from .request import Sort


@dataclass(frozen=True)
class Exclusions:
    """Pages kept out of visitor results, suggestions and corrections: by id or URL prefix."""

    ids: tuple[str, ...] = ()
    url_prefixes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.ids or self.url_prefixes)


class SearchTuning(Protocol):
    """Pins, demotions, default order and exclusions; each call must be cheap (cached by the implementer)
    and must not raise: on trouble it returns its last known value or the neutral one."""

    def pinned_ids(self, query: str) -> tuple[str, ...]:
        """Ids of the pages pinned to the top for this query, in order."""

    def demoted_ids(self, query: str) -> tuple[str, ...]:
        """Ids of the pages ranked lower for this query (its own and everywhere ones)."""

    def default_sort(self) -> Sort:
        """The order for visitors who choose none."""

    def exclusions(self) -> Exclusions:
        """Pages that must not be shown to visitors."""


class NoTuning:
    """The search without the admin area: nothing pinned, relevance order, nothing excluded."""

    def pinned_ids(self, query: str) -> tuple[str, ...]:
        """Nothing is pinned."""
        return ()

    def demoted_ids(self, query: str) -> tuple[str, ...]:
        """Nothing is demoted."""
        return ()

    def default_sort(self) -> Sort:
        """Relevance."""
        from .request import Sort
        return Sort.RELEVANCE

    def exclusions(self) -> Exclusions:
        """Nothing is excluded."""
        return Exclusions()
