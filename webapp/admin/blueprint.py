"""The admin blueprint: every view needs a signed-in admin, every form a valid CSRF token."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from flask import Blueprint, Response, jsonify, redirect, render_template, request, url_for

from solrclient import SolrError, SolrUnavailable

from .settings import LOCAL_ZONE as BERLIN
from .security import CSRF_FIELD, CSRF_HEADER, csrf_token, csrf_valid, signed_in_user

log = logging.getLogger(__name__)

bp = Blueprint("admin", __name__, url_prefix="/admin")

PUBLIC_ENDPOINTS = frozenset({"admin.login"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def wants_json() -> bool:
    """True for the admin JSON API (answers errors as JSON, never redirects)."""
    return request.path.startswith("/admin/api/")


def refuse(status: int, message: str) -> Response | tuple[str, int]:
    """An error answer in the form the client expects."""
    if wants_json():
        return jsonify(error=message), status
    return render_template("admin/error.html", message=message, status=status), status


@bp.before_request
def require_login_and_csrf() -> Response | tuple[str, int] | None:
    """Refuse unauthenticated requests and forms without the session's CSRF token."""
    if request.endpoint not in PUBLIC_ENDPOINTS and not signed_in_user():
        if wants_json():
            return refuse(401, "Anmeldung erforderlich.")
        return redirect(url_for("admin.login", next=request.path))
    if request.method in UNSAFE_METHODS:
        sent = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
        if not csrf_valid(sent):
            log.warning("CSRF token missing or wrong on %s", request.path)
            return refuse(400, "Das Formular ist abgelaufen oder ungültig (CSRF-Schutz). "
                               "Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.")
    return None


@bp.after_request
def no_store(response: Response) -> Response:
    """Admin pages show live state and private data: never cache them."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_template_global("admin_csrf_token")
def _csrf_token_global() -> str:
    return csrf_token()


@bp.app_template_filter("admin_time")
def _admin_time(value: str) -> str:
    """ISO time in UTC (as stored) → German local time, e.g. "25.11.2026, 09:47 Uhr"."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M Uhr")


@bp.errorhandler(SolrError)
def solr_failed(err: Exception) -> Response | tuple[str, int]:
    """Solr trouble is shown with the precise reason; admins need it to act."""
    log.error("Admin request %s failed: %s", request.path, err)
    return refuse(503, solr_problem(err))


def solr_problem(err: SolrError) -> str:
    """What went wrong with Solr, in German with Solr's own precise message."""
    if isinstance(err, SolrUnavailable):
        return f"Solr ist nicht erreichbar oder gestört: {err}"
    return f"Solr lehnte die Anfrage ab ({err.status}): {err}"
