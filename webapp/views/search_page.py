"""The server-rendered German search page."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, url_for
from werkzeug.wrappers import Response

from ..page_model import build_page_model
from ..result import SearchResult
from .visitor import visitor_page

bp = Blueprint("search", __name__)


@bp.get("/")
def index() -> Response:
    """Send visitors to the search page."""
    return redirect(url_for("search.page"), code=302)


@bp.get("/suche")
def page() -> Response:
    """Show the search form, results, facets, spelling help and pagination."""
    return current_app.response_class(visitor_page("page", _page_bytes), mimetype="text/html")


def _page_bytes(result: SearchResult) -> bytes:
    return render_template("search.html", page=build_page_model(result)).encode("utf-8")
