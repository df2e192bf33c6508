"""What the search page shows for a query: the web app's own search path, no shortcut.

The visitor sets are measured through ``webapp.service.run_search`` (request parsing,
query builder, relaxed second pass, automatic corrections), so the figures are those of
``/suche`` and ``/api/search``, not of a hand-made Solr request that might differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quality.clock import now_param
from webapp.repository import SolrRepository
from webapp.request import parse_search_request
from webapp.service import run_search


@dataclass(frozen=True)
class PageOutcome:
    """The first page of results as a visitor sees it."""

    urls: tuple[str, ...]
    num_found: int
    replaced_query: str | None  # set when the page shows the results of a correction
    suggestion: str | None  # the "Meinten Sie" text offered, if any
    all_words: tuple[bool, ...] = ()  # per hit: does the page contain every word?
    relaxed: bool = False  # the results of the relaxed second pass are shown

    @property
    def partial(self) -> bool:
        """True when a hit shown lacks one of the visitor's words."""
        return False in self.all_words


class FixedDateRepository(SolrRepository):
    """The web app's repository, searching at the evaluation's fixed date (quality.clock)."""

    def search(self, params: dict[str, Any]) -> dict[str, Any]:
        return super().search({**params, **now_param()})


class PageSearch:
    """Runs visitor queries through the web app's search service against one core."""

    def __init__(self, core_url: str, timeout: float = 30.0) -> None:
        self.repository = FixedDateRepository.for_url(core_url, timeout)

    def __call__(self, query: str) -> PageOutcome:
        """The first result page for ``query`` with the default order and page size."""
        result = run_search(self.repository, parse_search_request({"q": query}))
        return PageOutcome(urls=tuple(hit.url for hit in result.hits),
                           num_found=result.num_found, replaced_query=result.replaced_query,
                           suggestion=result.suggestion.text if result.suggestion else None,
                           all_words=tuple(hit.all_words for hit in result.hits),
                           relaxed=result.relaxed)
