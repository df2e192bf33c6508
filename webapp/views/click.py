"""Click counting: accept a visit to a result, count it exactly once, and send the visitor to
the page's stored URL.

An accepted click is first kept in the app's click queue (on disk, numbered in order), then
the page's pending clicks are counted at once; when Solr cannot take them now (a node lost, a
leader being elected), they stay there and the outbox's background round counts them later.
See ``webapp.click_ledger`` for why each is counted exactly once.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, redirect, request
from flask.blueprints import BlueprintSetupState
from werkzeug.wrappers import Response

from ..click_ledger import Applied, ClickLedger
from ..click_queue import ClickQueue
from ..errors import error_response
from ..extensions import repository, result_cache, solr_repository
from ..outbox import EXTENSION_KEY, Outbox, outbox_path
from ..request import clean_text, parse_query
from ..result_cache import CLICK_VISIBLE_S
from ..statistics import new_event_id, report_click

bp = Blueprint("click", __name__)

MAX_ID_LENGTH = 512
CLICK_HEADER = "X-Stadtsuche-Click"
NOT_FOUND = "Diese Seite ist nicht (mehr) im Suchindex. Bitte starten Sie eine neue Suche."
QUEUE_KEY = "stadtsuche.click_queue"
INLINE_KEY = "stadtsuche.click_ledger_inline"
KIND = "click"
# The background round leaves a new click to the request that accepted it for this long.
INLINE_S = 10.0
# A request waits this long for another worker that is counting the same page's clicks,
# and this long for each Solr answer while counting (then the click is kept for later, and
# the visitor is not held up by a node that hangs).
LEASE_WAIT_S = 1.0
INLINE_READ_S = 2.0


def _set_up(state: BlueprintSetupState) -> None:
    """Give the app its outbox and click queue; the outbox delivers what is left over."""
    app: Flask = state.app
    settings = app.config["STADTSUCHE"]
    box = Outbox(outbox_path(settings.outbox_dir, settings.solr_url))
    queue = ClickQueue(box, ClickLedger(solr_repository(app).client))
    box.every(KIND, lambda: _deliver_due(app))
    app.extensions[EXTENSION_KEY], app.extensions[QUEUE_KEY] = box, queue
    app.extensions[INLINE_KEY] = queue.ledger.impatient(
        min(INLINE_READ_S, settings.solr_timeout))
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
    queue: ClickQueue = current_app.extensions[QUEUE_KEY]
    queue.accept(click_id, doc_id, delay_s=INLINE_S)
    # Accepted: from here on the click is counted, now or later, and is in the statistics.
    report_click(doc_id, parse_query(request.args.get("q"))[0] or None, click_id=click_id)
    delivery = queue.deliver_page(doc_id, wait_s=LEASE_WAIT_S,
                                  ledger=current_app.extensions[INLINE_KEY])
    _void_cached_results()
    if delivery.outcome is Applied.GONE:
        # Deleted between the lookup and the count: treat like an unknown page.
        return error_response(404, NOT_FOUND)
    state = "queued" if queue.is_pending(click_id) else "counted"
    response = redirect(target, code=303)
    # For access logs and monitoring: counted now, or kept to be counted later.
    response.headers[CLICK_HEADER] = state
    return response


def _deliver_due(app: Flask) -> None:
    """The background round: count kept clicks of pages that are due."""
    deliveries = app.extensions[QUEUE_KEY].deliver_due()
    if any(d.outcome is Applied.COUNTED and d.clicks for d in deliveries):
        with app.app_context():
            _void_cached_results()


def _void_cached_results() -> None:
    # The new count must show in every worker's next search within 2 s (Solr's commitWithin
    # makes it visible within 1 s of the update): results fetched before then are void.
    result_cache().clock.void_until(CLICK_VISIBLE_S)
