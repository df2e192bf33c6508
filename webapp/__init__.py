"""Stadtsuche web app: German search page, widget JSON API and click counting on Solr."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from flask import Flask

from .config import Settings

# Requests are GETs with a few short parameters; anything bigger is refused early.
MAX_CONTENT_LENGTH = 16 * 1024


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; `test_config` overrides settings (solr_url, env, ...) and Flask config."""
    app = Flask(__name__)
    settings = Settings.load(overrides=test_config)
    # Sessions carry only flash messages and the admin login; without a configured key (not
    # allowed in production) a random one per process is safe, it just does not survive restarts.
    app.config.from_mapping(SECRET_KEY=settings.secret_key or secrets.token_hex(32),
                            STADTSUCHE=settings,
                            MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH, DEBUG=settings.debug)
    if test_config:
        app.config.update({k: v for k, v in test_config.items() if k.isupper()})
    if settings.debug:
        logging.basicConfig(level=logging.INFO)

    from . import errors, extensions, json_output, security, sessions, templating
    from .views import register_blueprints
    json_output.init_app(app)
    sessions.init_app(app)
    extensions.init_app(app, settings)
    security.init_app(app)
    errors.init_app(app)
    templating.init_app(app)
    register_blueprints(app)

    if settings.admin_enabled:
        # Imported only when wanted: the visitor search never depends on the admin area.
        from .admin import init_admin
        init_admin(app)
    return app
