"""The app's shared objects (the Solr repository), created per app, found via current_app."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app

from .config import Settings
from .repository import SolrRepository
from .request import Sort
from .tuning import Exclusions

_KEY = "stadtsuche.solr"
# Registered by the admin area (webapp.admin.pins) when it is set up; absent otherwise.
PINS_KEY = "stadtsuche.pins"
# Registered by the admin area (webapp.admin.default_sort): the web team's default order.
DEFAULT_SORT_KEY = "stadtsuche.default_sort"
# Registered by the admin area (webapp.admin.exclusions): pages visitors must not see.
EXCLUSIONS_KEY = "stadtsuche.exclusions"


def init_app(app: Flask, settings: Settings) -> None:
    """Attach a SolrRepository for the configured core."""
    app.extensions[_KEY] = SolrRepository(settings.solr_url, settings.solr_timeout)


def repository() -> SolrRepository:
    """The current app's SolrRepository."""
    return current_app.extensions[_KEY]


def settings() -> Settings:
    """The current app's Settings."""
    return current_app.config["STADTSUCHE"]


def pin_lookup() -> Callable[[str], tuple[str, ...]] | None:
    """The pinned-results lookup of the admin area, if there is one."""
    return current_app.extensions.get(PINS_KEY)


def default_sort() -> Sort:
    """The order for visitors who choose none: the web team's, or relevance without admin."""
    lookup: Callable[[], Sort] | None = current_app.extensions.get(DEFAULT_SORT_KEY)
    return lookup() if lookup is not None else Sort.RELEVANCE


def exclusions() -> Exclusions:
    """Pages kept out of results, suggestions and corrections (none without the admin area)."""
    lookup: Callable[[], Exclusions] | None = current_app.extensions.get(EXCLUSIONS_KEY)
    return lookup() if lookup is not None else Exclusions()
