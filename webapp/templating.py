"""Template filters and globals shared by all pages."""

from __future__ import annotations

from flask import Flask

from .links import link
from .presenters import format_online_date


def init_app(app: Flask) -> None:
    """Register filters and the link helper."""
    app.add_template_filter(format_online_date, "onlinedate")
    app.add_template_global(link, "link")
