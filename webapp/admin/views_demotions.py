"""Demoted pages: rank a page lower for one query or everywhere, previewed before it is
saved; every change goes into the audit trail."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from webapp.escape import plain_words
from webapp.request import clean_text

from .audit import record_change
from .blueprint import bp
from .demotion_preview import preview_demotion
from .demotions import (SCOPES, check_demotion, demotion_as_dict, lift_demotion,
                        load_demotions, save_demotion)
from .security import signed_in_user
from .services import services


def _page(status: int = 200, **extra: Any) -> tuple[str, int]:
    svc = services()
    demoted = load_demotions(svc.stats)
    words = plain_words(clean_text(request.args.get("seite_suche", ""))[:200])
    form = {key: clean_text(request.values.get(key, ""))[:500]
            for key in ("bereich", "seite", "begriff", "grund", "vorschau_q")}
    return render_template("admin/demotions.html", demoted=demoted, scopes=SCOPES,
                           pages=svc.core.find(sorted({d.doc_id for d in demoted})),
                           found=svc.core.search_titles(words), title_query=words,
                           searched="seite_suche" in request.args, form=form, **extra), status


@bp.get("/herabgestuft")
def demotions() -> tuple[str, int]:
    """Demoted pages with where they apply; a title search offers pages to demote."""
    return _page()


@bp.post("/herabgestuft")
def demotion_submit() -> Response | tuple[str, int]:
    """"Vorschau" shows a query's results without and with the demotion; "Speichern" saves."""
    svc = services()
    form = request.form
    try:
        demotion = check_demotion(form.get("bereich", ""), form.get("seite", ""),
                                  form.get("begriff", ""), form.get("grund", ""))
    except ValueError as err:
        return _page(400, error=str(err))
    if form.get("aktion") != "speichern":
        query = demotion.query or form.get("vorschau_q", "")
        if not clean_text(query):
            return _page(400, error="Bitte eine Suchanfrage für die Vorschau angeben.")
        preview = preview_demotion(svc.search, svc.tuning, demotion, query, svc.golden())
        return _page(preview=preview, known=svc.core.find([demotion.doc_id]))
    before = next((d for d in load_demotions(svc.stats) if d.record_id == demotion.record_id),
                  None)
    try:
        saved = save_demotion(svc.stats, demotion, signed_in_user() or "?")
    except ValueError as err:
        return _page(400, error=str(err))
    _changed(f"Herabgestuft {saved.scope_label}: {saved.doc_id}", before, saved)
    flash(f"Die Seite {saved.doc_id} ist {saved.scope_label} herabgestuft.")
    return redirect(url_for("admin.demotions"))


@bp.post("/herabgestuft/aufheben")
def demotion_lift() -> Response:
    """Rank a demoted page normally again."""
    lifted = lift_demotion(services().stats, request.form.get("eintrag", ""))
    if lifted is None:
        flash("Diese Herabstufung gibt es nicht (mehr).", "error")
    else:
        _changed(f"Herabstufung aufgehoben ({lifted.scope_label}): {lifted.doc_id}",
                 lifted, None)
        flash(f"Die Seite {lifted.doc_id} wird {lifted.scope_label} wieder normal eingeordnet.")
    return redirect(url_for("admin.demotions"))


def _changed(summary: str, before: Any, after: Any) -> None:
    """Audit the change (which also voids cached results) and reload this worker's list."""
    svc = services()
    if svc.tuning.demoted is not None:
        svc.tuning.demoted.invalidate()
    record_change(svc.stats, "demotions", signed_in_user() or "?", summary,
                  demotion_as_dict(before), demotion_as_dict(after))
