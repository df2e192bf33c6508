"""The server-rendered German search page."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ..extensions import repository, tuning
from ..page_model import build_page_model
from ..request import parse_search_request
from ..service import run_search
from ..statistics import report_search

bp = Blueprint("search", __name__)


@bp.get("/")
def index() -> Response:
    """Send visitors to the search page."""
    return redirect(url_for("search.page"), code=302)


@bp.get("/suche")
def page() -> str:
    """Show the search form, results, facets, spelling help and pagination."""
    search_tuning = tuning()
    search_request = parse_search_request(request.args, search_tuning.default_sort())
    result = run_search(repository(), search_request, search_tuning)
    report_search(result)
    return render_template("search.html", page=build_page_model(result))
