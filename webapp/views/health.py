"""Health check for load balancers and monitoring, with the Solr nodes the app can reach."""

from __future__ import annotations

from flask import Blueprint, jsonify
from werkzeug.wrappers import Response

from ..extensions import repository

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """200 when at least one configured Solr node answers the core's ping, 503 otherwise.

    ``nodes`` lists every configured Solr URL with "ok" or the reason it is not reachable.
    """
    nodes = repository().nodes()
    reachable = sum(1 for state in nodes.values() if state == "ok")
    if reachable:
        return jsonify(status="ok", solr="ok", nodes=nodes, reachable=reachable), 200
    response = jsonify(status="error", solr="unavailable", nodes=nodes, reachable=0)
    response.headers["Retry-After"] = "30"
    return response, 503
