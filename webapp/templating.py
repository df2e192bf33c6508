"""Template filters shared by all pages."""

from __future__ import annotations

from flask import Flask

from .presenters import format_online_date, online_date_text


def init_app(app: Flask) -> None:
    """Register filters."""
    app.add_template_filter(format_online_date, "onlinedate")
    app.add_template_filter(online_date_text, "online_date_text")
