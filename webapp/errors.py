"""Error pages in German (HTML) and JSON errors under /api/; never a traceback."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from solrclient import SolrError, SolrRejected

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("Ungültige Anfrage", "Ihre Anfrage konnte nicht verarbeitet werden. "
          "Bitte prüfen Sie Ihre Eingabe und versuchen Sie es erneut."),
    404: ("Seite nicht gefunden", "Die gesuchte Seite gibt es nicht (mehr)."),
    405: ("Methode nicht erlaubt", "Diese Adresse kann so nicht aufgerufen werden."),
    413: ("Anfrage zu groß", "Ihre Anfrage ist zu groß."),
    500: ("Interner Fehler", "Bei der Bearbeitung ist ein Fehler aufgetreten. "
          "Bitte versuchen Sie es später noch einmal."),
    503: ("Suche vorübergehend nicht verfügbar", "Die Suche ist gerade nicht erreichbar. "
          "Bitte versuchen Sie es in wenigen Minuten noch einmal."),
}


def error_response(status: int, message: str | None = None) -> tuple[Response | str, int]:
    """A German error page, or JSON for API clients."""
    title, default = MESSAGES.get(status, MESSAGES[500])
    text = message or default
    if request.path.startswith("/api/"):
        return jsonify(error={"status": status, "title": title, "message": text}), status
    return render_template("error.html", status=status, title=title, message=text), status


def _http_error(err: HTTPException) -> tuple[Response | str, int]:
    return error_response(err.code or 500)


def _solr_unavailable(err: SolrError) -> tuple[Response | str, int]:
    # Unreachable, timed out, 5xx, or a core/handler that is missing: the search is down.
    log.error("Search unavailable: %s", err)
    return error_response(503)


def _invalid_query(err: SolrRejected) -> tuple[Response | str, int]:
    log.warning("Solr rejected a query: %s", err)
    return error_response(400, "Diese Suchanfrage kann leider nicht ausgeführt werden. "
                               "Bitte formulieren Sie sie anders.")


def _unexpected(err: Exception) -> tuple[Response | str, int]:
    if isinstance(err, HTTPException):
        return _http_error(err)
    log.exception("Unhandled error on %s", request.path)
    return error_response(500)


def init_app(app: Flask) -> None:
    """Register the handlers."""
    for status in (400, 404, 405, 413, 500, 503):
        app.register_error_handler(status, _http_error)
    app.register_error_handler(SolrError, _solr_unavailable)
    app.register_error_handler(SolrRejected, _invalid_query)
    app.register_error_handler(InternalServerError, _unexpected)
    app.register_error_handler(Exception, _unexpected)
