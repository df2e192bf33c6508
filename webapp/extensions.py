"""The app's shared objects (Solr repository, search tuning, result cache), created per app,
via current_app."""

from __future__ import annotations

from flask import Flask, current_app

from .config import Settings
from .repository import SolrRepository
from .result_cache import ChangeClock, ResultCache, default_clock_path
from .signals import search_tuning_changed
from .tuning import NoTuning, SearchTuning

_REPOSITORY = "stadtsuche.solr"
_TUNING = "stadtsuche.tuning"
# Public for tests that look at a worker's cache.
RESULTS = "stadtsuche.results"
# A tuning change reaches every worker's copy of the settings within their cache time (the
# admin area's, at most a few seconds) plus one reload from Solr.
TUNING_RELOAD_S = 1.0


def init_app(app: Flask, settings: Settings) -> None:
    """Attach a SolrRepository for the configured core and the neutral search tuning."""
    repo = SolrRepository.for_url(settings.solr_url, settings.solr_timeout,
                                  settings.search_timeout)
    app.extensions[_REPOSITORY] = repo
    app.extensions[_TUNING] = NoTuning()
    clock = ChangeClock(default_clock_path(settings.solr_url))
    cache = ResultCache(clock, settings.result_cache_seconds, settings.result_cache_size)
    app.extensions[RESULTS] = cache
    settle = max(settings.pins_cache_seconds, settings.ranking_cache_seconds,
                 settings.exclusions_cache_seconds) + TUNING_RELOAD_S

    def tuning_changed(sender: Flask, **_: object) -> None:
        cache.clock.void_until(settle)

    # weak=False: the receiver lives as long as the app, which keeps no other reference to it.
    search_tuning_changed.connect(tuning_changed, sender=app, weak=False)


def register_tuning(app: Flask, tuning: SearchTuning) -> None:
    """Let an optional part (the admin area) supply pins, default sort and exclusions."""
    app.extensions[_TUNING] = tuning


def repository() -> SolrRepository:
    """The current app's SolrRepository."""
    return current_app.extensions[_REPOSITORY]


def solr_repository(app: Flask) -> SolrRepository:
    """``app``'s SolrRepository, outside a request (for parts that share its connections)."""
    return app.extensions[_REPOSITORY]


def result_cache() -> ResultCache:
    """The current app's (this worker's) cache of recent search results."""
    return current_app.extensions[RESULTS]


def tuning() -> SearchTuning:
    """What the web team's settings contribute to the visitor search (NoTuning without admin)."""
    return current_app.extensions[_TUNING]


def settings() -> Settings:
    """The current app's Settings."""
    return current_app.config["STADTSUCHE"]
