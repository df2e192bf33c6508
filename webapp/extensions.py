"""The app's shared objects (the Solr repository), created per app, found via current_app."""

from __future__ import annotations

from flask import Flask, current_app

from .config import Settings
from .repository import SolrRepository

_KEY = "stadtsuche.solr"


def init_app(app: Flask, settings: Settings) -> None:
    """Attach a SolrRepository for the configured core."""
    app.extensions[_KEY] = SolrRepository(settings.solr_url, settings.solr_timeout)


def repository() -> SolrRepository:
    """The current app's SolrRepository."""
    return current_app.extensions[_KEY]


def settings() -> Settings:
    """The current app's Settings."""
    return current_app.config["STADTSUCHE"]
