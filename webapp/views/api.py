"""Widget JSON API: search, autocomplete and its OpenAPI description."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from werkzeug.wrappers import Response

from ..exclusion_filter import suggest_context_filter
from ..extensions import repository, tuning
from ..links import link
from ..openapi import openapi_document
from ..request import clean_text
from ..result import Hit, SearchResult
from ..statistics import SEARCH_ID_MARK, with_search_id
from ..widget import widget_json
from .visitor import visitor_page

bp = Blueprint("api", __name__, url_prefix="/api")

SUGGEST_MIN, SUGGEST_MAX = 2, 60


@bp.get("/search")
def search() -> Response:
    """Search with the same parameters as /suche; answer in the widget's data model."""
    json = current_app.json
    return current_app.response_class(with_search_id(visitor_page("api", _widget_bytes)),
                                      mimetype=json.mimetype)


def _widget_bytes(result: SearchResult) -> bytes:
    query = result.request.query

    def click_url(hit: Hit, position: int) -> str:
        return link("click.follow", id=hit.id, q=query or None, sid=SEARCH_ID_MARK,
                    pos=position)

    body = widget_json(result, click_url, SEARCH_ID_MARK)
    return current_app.json.encode(body)  # type: ignore[attr-defined]


@bp.get("/suggest")
def suggest() -> Response:
    """Title suggestions for the autocomplete box."""
    prefix = clean_text(request.args.get("q", ""))[:SUGGEST_MAX]
    context = suggest_context_filter(tuning().exclusions())
    suggestions = repository().suggest(prefix, context_filter=context) \
        if len(prefix) >= SUGGEST_MIN else []
    response = jsonify(query=prefix, suggestions=suggestions)
    # Short: a page the web team excludes must leave the suggestions within seconds.
    response.headers["Cache-Control"] = "public, max-age=1"
    return response


@bp.get("/openapi.json")
def openapi() -> Response:
    """OpenAPI 3 description of this API."""
    return jsonify(openapi_document(request.url_root.rstrip("/")))
