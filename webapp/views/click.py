"""Click counting: accept a visit to a result, count it exactly once, and send the visitor to
the page's stored URL.

An accepted click is first kept in the app's outbox (on disk), then counted at once; when
Solr cannot take it now (a node lost, a leader being elected), it stays there and the
outbox counts it later. Its random click id makes every delivery idempotent.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, redirect, request
from flask.blueprints import BlueprintSetupState
from werkzeug.wrappers import Response

from solrclient import SolrError

from ..click_ledger import Applied, ClickLedger
from ..errors import error_response
from ..extensions import repository, result_cache, solr_repository
from ..outbox import EXTENSION_KEY, Item, Outbox, outbox_path
from ..request import clean_text, parse_query
from ..result_cache import CLICK_VISIBLE_S
from ..statistics import new_event_id, report_click

log = logging.getLogger(__name__)

bp = Blueprint("click", __name__)

MAX_ID_LENGTH = 512
CLICK_HEADER = "X-Stadtsuche-Click"
NOT_FOUND = "Diese Seite ist nicht (mehr) im Suchindex. Bitte starten Sie eine neue Suche."
LEDGER_KEY = "stadtsuche.click_ledger"
KIND = "click"
# The outbox leaves a new click to the request that accepted it for this long.
INLINE_S = 10.0


def _set_up(state: BlueprintSetupState) -> None:
    """Give the app its outbox and click ledger; the outbox delivers what is left over."""
    app: Flask = state.app
    settings = app.config["STADTSUCHE"]
    box = Outbox(outbox_path(settings.outbox_dir, settings.solr_url))
    ledger = ClickLedger(solr_repository(app).client)
    box.handle(KIND, lambda items: _deliver(app, items))
    app.extensions[EXTENSION_KEY], app.extensions[LEDGER_KEY] = box, ledger
    # Started in the server's worker (not before it forks): also delivers what an earlier
    # run of the app left behind.
    app.before_request(box.start)


bp.record_once(_set_up)


# Links carry the id as a query parameter: page ids are canonical URLs. The path form is
# accepted too, with slashes kept as they are ("https://..." must not become "https:/...").
@bp.get("/klick")
@bp.get("/klick/<path:doc_id>", merge_slashes=False)
def follow(doc_id: str | None = None) -> Response | tuple[object, int]:
    """Count the click and redirect to the stored URL; the request never chooses the target."""
    doc_id = doc_id if doc_id is not None else request.args.get("id", "")
    if not doc_id or len(doc_id) > MAX_ID_LENGTH or clean_text(doc_id) != doc_id:
        return error_response(404, NOT_FOUND)
    doc = repository().get(doc_id)
    target = str((doc or {}).get("url") or "")
    if urlsplit(target).scheme not in ("http", "https"):
        return error_response(404, NOT_FOUND)
    click_id = new_event_id()
    box: Outbox = current_app.extensions[EXTENSION_KEY]
    box.put(KIND, click_id, {"doc_id": doc_id}, delay_s=INLINE_S)
    try:
        applied = current_app.extensions[LEDGER_KEY].apply(doc_id, click_id)
    except SolrError as err:
        _void_cached_results()
        # Accepted and kept: the outbox counts it once Solr takes it again.
        log.warning("Click on %s kept for later: %s", doc_id, err)
        return _accepted(doc_id, click_id, target, "queued")
    box.forget(KIND, click_id)
    _void_cached_results()
    if applied is Applied.GONE:
        # Deleted between the lookup and the update: treat like an unknown page.
        return error_response(404, NOT_FOUND)
    return _accepted(doc_id, click_id, target, "counted")


def _accepted(doc_id: str, click_id: str, target: str, state: str) -> Response:
    report_click(doc_id, parse_query(request.args.get("q"))[0] or None, click_id=click_id)
    response = redirect(target, code=303)
    # For access logs and monitoring: counted now, or kept to be counted later.
    response.headers[CLICK_HEADER] = state
    return response


def _deliver(app: Flask, items: list[Item]) -> set[str]:
    """Count kept clicks; stops at the first Solr still cannot take."""
    ledger: ClickLedger = app.extensions[LEDGER_KEY]
    done: set[str] = set()
    for item in items:
        try:
            ledger.apply(str(item.payload["doc_id"]), item.key)
        except SolrError as err:
            log.info("Kept clicks wait for Solr: %s", err)
            break
        done.add(item.key)
    if done:
        with app.app_context():
            _void_cached_results()
    return done


def _void_cached_results() -> None:
    # The new count must show in every worker's next search within 2 s (Solr's commitWithin
    # makes it visible within 1 s of the update): results fetched before then are void.
    result_cache().clock.void_until(CLICK_VISIBLE_S)
