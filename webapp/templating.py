"""Template globals shared by all pages."""

from __future__ import annotations

from flask import Flask

from .links import path_for


def init_app(app: Flask) -> None:
    """Register the path helper (rows, facets and pager links come ready-made from the page
    model, `page_model.py`)."""
    app.add_template_global(path_for, "path")
