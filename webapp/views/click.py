"""Click counting: count a visit to a result and send the visitor to the page's stored URL."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Blueprint, redirect, request
from werkzeug.wrappers import Response

from solrclient import SolrUnavailable

from ..errors import error_response
from ..extensions import repository, result_cache
from ..request import clean_text, parse_query
from ..result_cache import CLICK_VISIBLE_S
from ..statistics import report_click

log = logging.getLogger(__name__)

bp = Blueprint("click", __name__)

MAX_ID_LENGTH = 512
CLICK_HEADER = "X-Stadtsuche-Click"
NOT_FOUND = "Diese Seite ist nicht (mehr) im Suchindex. Bitte starten Sie eine neue Suche."


# Links carry the id as a query parameter: page ids are canonical URLs. The path form is
# accepted too, with slashes kept as they are ("https://..." must not become "https:/...").
@bp.get("/klick")
@bp.get("/klick/<path:doc_id>", merge_slashes=False)
def follow(doc_id: str | None = None) -> Response | tuple[object, int]:
    """Count the click and redirect to the stored URL; the request never chooses the target."""
    doc_id = doc_id if doc_id is not None else request.args.get("id", "")
    if not doc_id or len(doc_id) > MAX_ID_LENGTH or clean_text(doc_id) != doc_id:
        return error_response(404, NOT_FOUND)
    repo = repository()
    doc = repo.get(doc_id)
    target = str((doc or {}).get("url") or "")
    if urlsplit(target).scheme not in ("http", "https"):
        return error_response(404, NOT_FOUND)
    try:
        counted = repo.increment_clicks(doc_id)
    except SolrUnavailable as err:
        _void_cached_results()
        # The visitor still gets the page. The click may or may not have been counted
        # (never sent twice), so it is not reported as counted either.
        log.warning("Click on %s not confirmed by Solr: %s", doc_id, err)
        return _redirect(target, counted=False)
    _void_cached_results()
    if not counted:
        # Deleted between the lookup and the update: treat like an unknown page.
        return error_response(404, NOT_FOUND)
    query = parse_query(request.args.get("q"))[0] or None
    report_click(doc_id, query)
    return _redirect(target, counted=True)


def _void_cached_results() -> None:
    # The new count must show in every worker's next search within 2 s (Solr's commitWithin
    # makes it visible within 1 s of the update): results fetched before then are void.
    result_cache().clock.void_until(CLICK_VISIBLE_S)


def _redirect(target: str, counted: bool) -> Response:
    response = redirect(target, code=303)
    # For access logs and monitoring: was the click confirmed by Solr?
    response.headers[CLICK_HEADER] = "counted" if counted else "unconfirmed"
    return response
