"""The server-rendered German search page."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from werkzeug.wrappers import Response

from ..page_model import build_page_model
from .visitor import visitor_search

bp = Blueprint("search", __name__)


@bp.get("/")
def index() -> Response:
    """Send visitors to the search page."""
    return redirect(url_for("search.page"), code=302)


@bp.get("/suche")
def page() -> str:
    """Show the search form, results, facets, spelling help and pagination."""
    result = visitor_search()
    return render_template("search.html", page=build_page_model(result))
