"""The app's shared objects (Solr repository, search tuning), created per app, via current_app."""

from __future__ import annotations

from flask import Flask, current_app

from .config import Settings
from .repository import SolrRepository
from .tuning import NoTuning, SearchTuning

_REPOSITORY = "stadtsuche.solr"
_TUNING = "stadtsuche.tuning"


def init_app(app: Flask, settings: Settings) -> None:
    """Attach a SolrRepository for the configured core and the neutral search tuning."""
    app.extensions[_REPOSITORY] = SolrRepository.for_url(settings.solr_url, settings.solr_timeout,
                                                           settings.search_timeout)
    app.extensions[_TUNING] = NoTuning()


def register_tuning(app: Flask, tuning: SearchTuning) -> None:
    """Let an optional part (the admin area) supply pins, default sort and exclusions."""
    app.extensions[_TUNING] = tuning


def repository() -> SolrRepository:
    """The current app's SolrRepository."""
    return current_app.extensions[_REPOSITORY]


def solr_repository(app: Flask) -> SolrRepository:
    """``app``'s SolrRepository, outside a request (for parts that share its connections)."""
    return app.extensions[_REPOSITORY]


def tuning() -> SearchTuning:
    """What the web team's settings contribute to the visitor search (NoTuning without admin)."""
    return current_app.extensions[_TUNING]


def settings() -> Settings:
    """The current app's Settings."""
    return current_app.config["STADTSUCHE"]
