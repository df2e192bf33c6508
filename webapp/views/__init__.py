"""Blueprints, one per concern."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Register every visitor-facing blueprint."""
    from . import api, click, health, opensearch, search_page
    for module in (search_page, api, click, health, opensearch):
        app.register_blueprint(module.bp)
