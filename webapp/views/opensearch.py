"""OpenSearch description, so browsers can offer the city search in their search bar."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from werkzeug.wrappers import Response

from ..extensions import settings

bp = Blueprint("opensearch", __name__)


@bp.get("/opensearch.xml")
def description() -> Response:
    """The OpenSearch 1.1 description document."""
    base = settings().public_url or request.url_root.rstrip("/")
    body = render_template("opensearch.xml", base=base)
    return Response(body, mimetype="application/opensearchdescription+xml")
