"""Ranking tuning: edit, preview side by side with the golden-query check, save, restore."""

from __future__ import annotations

import logging
from datetime import datetime

from flask import flash, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from solrclient import SolrError

from .audit import record_change
from .blueprint import bp, solr_problem
from .evaluation.candidate import ClickCheck, click_check
from .forms import RECENCY_ROWS, ranking_from_form
from .preview import build_preview
from .ranking import FIELD_LABELS, FIELDS, SORTS, RankingError, RankingSettings, to_params
from .ranking_store import MAX_COMMENT, current_ranking, list_versions, restore_version, save_ranking
from .security import signed_in_user
from .services import services
from .settings import LOCAL_ZONE

log = logging.getLogger(__name__)


def _page(proposed: RankingSettings, status: int = 200, **extra: object) -> tuple[str, int]:
    svc = services()
    return render_template(
        "admin/ranking.html", proposed=proposed, fields=FIELDS, labels=FIELD_LABELS,
        sorts=SORTS, recency_rows=len(proposed.recency) + RECENCY_ROWS,
        versions=list_versions(svc.core), query=request.values.get("vorschau_q", "")[:200],
        **extra), status


@bp.get("/ranking")
def ranking() -> tuple[str, int]:
    """The form filled with the live ranking."""
    return _page(current_ranking(services().core))


@bp.post("/ranking")
def ranking_submit() -> Response | tuple[str, int]:
    """"Vorschau" shows both rankings for a query; "Speichern" makes the proposal live."""
    svc = services()
    live = current_ranking(svc.core)
    try:
        proposed = ranking_from_form(request.form, live)
    except RankingError as err:
        return _page(live, 400, error=str(err))
    if request.form.get("aktion") == "speichern":
        user = signed_in_user() or "?"
        number = save_ranking(svc.core, proposed, user,
                              request.form.get("kommentar", "")[:MAX_COMMENT])
        svc.default_sort.invalidate()
        record_change(svc.stats, "ranking", user, f"Ranking gespeichert (Version {number})",
                      to_params(live), to_params(proposed))
        flash(f"Ranking gespeichert (Version {number}). Es gilt ab sofort für alle Suchen.")
        return redirect(url_for("admin.ranking"))
    query = request.form.get("vorschau_q", "")
    preview = build_preview(svc.search, query, proposed, svc.golden(), pins=svc.tuning)
    clicks, click_error = _click_check(proposed)
    return _page(proposed, preview=preview, clicks=clicks, click_error=click_error)


def _click_check(proposed: RankingSettings) -> tuple[ClickCheck | None, str | None]:
    """nDCG on the click judgements before and after; a failure leaves the preview whole."""
    svc = services()
    try:
        return click_check(svc.stats, svc.search, proposed, datetime.now(LOCAL_ZONE).date(),
                           pins=svc.tuning), None
    except SolrError as err:
        log.error("Click judgements for the preview failed: %s", err)
        return None, solr_problem(err)


@bp.post("/ranking/version/<int:number>")
def ranking_restore(number: int) -> Response:
    """Make an earlier version live again."""
    svc = services()
    before = to_params(current_ranking(svc.core))
    try:
        new = restore_version(svc.core, number, signed_in_user() or "?")
    except LookupError as err:
        flash(str(err), "error")
    else:
        svc.default_sort.invalidate()
        record_change(svc.stats, "ranking", signed_in_user() or "?",
                      f"Version {number} wiederhergestellt (als Version {new})", before,
                      to_params(current_ranking(svc.core)))
        flash(f"Version {number} ist wieder aktiv (gespeichert als Version {new}).")
    return redirect(url_for("admin.ranking"))


@bp.get("/api/ranking")
def ranking_api() -> Response:
    """The live ranking as Solr parameters and the saved versions."""
    svc = services()
    return jsonify(live=to_params(current_ranking(svc.core)),
                   versions=[{"number": v.number, "savedAt": v.saved_at, "user": v.user,
                              "comment": v.comment} for v in list_versions(svc.core)])
