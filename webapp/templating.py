"""Template filters and globals shared by all pages."""

from __future__ import annotations

from flask import Flask, request, url_for

from .presenters import format_online_date


def _search_url(**args: object) -> str:
    return url_for("search.page", **{k: v for k, v in args.items() if v not in (None, "")})


def init_app(app: Flask) -> None:
    """Register filters and helpers."""
    app.add_template_filter(format_online_date, "onlinedate")
    app.add_template_global(_search_url, "search_url")
    app.add_template_global(lambda: request.args.get("q", "")[:200], "current_query")
