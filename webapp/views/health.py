"""Health check for load balancers and monitoring."""

from __future__ import annotations

from flask import Blueprint, jsonify
from werkzeug.wrappers import Response

from ..extensions import repository

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """200 when Solr answers its ping, 503 otherwise."""
    if repository().ping():
        return jsonify(status="ok", solr="ok"), 200
    response = jsonify(status="error", solr="unavailable")
    response.headers["Retry-After"] = "30"
    return response, 503
