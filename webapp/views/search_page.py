"""The server-rendered German search page."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, url_for
from werkzeug.wrappers import Response

from ..page_model import build_page_model
from ..result import SearchResult
from ..statistics import SEARCH_ID_MARK, with_search_id
from .visitor import visitor_page

bp = Blueprint("search", __name__)


@bp.get("/")
def index() -> Response:
    """Send visitors to the search page."""
    return redirect(url_for("search.page"), code=302)


@bp.get("/suche")
def page() -> Response:
    """Show the search form, results, facets, spelling help and pagination."""
    body = with_search_id(visitor_page("page", _page_bytes))
    return current_app.response_class(body, mimetype="text/html")


def _page_bytes(result: SearchResult) -> bytes:
    # The form, pager and click links carry the search id (see webapp.statistics).
    return render_template("search.html", page=build_page_model(result),
                           search_id=SEARCH_ID_MARK).encode("utf-8")
