"""Template filters and globals shared by all pages."""

from __future__ import annotations

from flask import Flask

from .links import link, path_for
from .presenters import file_label, format_online_date, online_date_text, pages_label


def init_app(app: Flask) -> None:
    """Register filters and the link helper."""
    app.add_template_filter(format_online_date, "onlinedate")
    app.add_template_global(link, "link")
    app.add_template_global(path_for, "path")
    app.add_template_filter(pages_label, "seiten")
    app.add_template_global(file_label, "file_label")
    app.add_template_filter(online_date_text, "online_date_text")
