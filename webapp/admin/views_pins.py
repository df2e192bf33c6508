"""Pinned results: pick pages by searching titles, optional start and end date, pins whose
pages left the index are flagged; every change goes into the audit trail."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from webapp.escape import plain_words
from webapp.request import clean_text

from .audit import record_change
from .blueprint import bp
from .records import load_pins, normalize_query, pin_as_dict, save_pin
from .security import signed_in_user
from .services import services


def _day(field: str, label: str) -> date | None:
    raw = (request.form.get(field) or "").strip()
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError as err:
        raise ValueError(f"„{label}“: bitte ein Datum im Format JJJJ-MM-TT angeben.") from err


@bp.get("/angepinnt")
def pins() -> str:
    """Pins with their pages and state; a title search offers pages to pin."""
    svc = services()
    pinned = load_pins(svc.stats)
    pages = svc.core.find(sorted({i for p in pinned for i in p.doc_ids}))
    words = plain_words(clean_text(request.args.get("seite_suche", ""))[:200])
    return render_template("admin/pins.html", pinned=pinned, pages=pages,
                           now=datetime.now(timezone.utc), found=svc.core.search_titles(words),
                           title_query=words, searched="seite_suche" in request.args,
                           prefill=clean_text(request.args.get("begriff", ""))[:200])


@bp.post("/angepinnt")
def pin_save() -> Response:
    """Create, change or (with no pages) remove a pin; every worker sees it within seconds."""
    svc = services()
    ids = request.form.getlist("seite") + [
        i for i in re.split(r"[\s,]+", request.form.get("seiten", "")) if i]
    before = {p.query: p for p in load_pins(svc.stats)}.get(
        normalize_query(request.form.get("begriff", "")))
    try:
        pin = save_pin(svc.stats, request.form.get("begriff", ""), ids,
                       _day("von", "Gilt ab"), _day("bis", "Gilt bis"))
    except ValueError as err:
        flash(str(err), "error")
        return redirect(url_for("admin.pins"))
    svc.pins.invalidate()
    after = pin_as_dict(pin) if pin.doc_ids else None
    record_change(svc.stats, "pins", signed_in_user() or "?", f"Angepinnt für „{pin.query}“",
                  pin_as_dict(before), after)
    unknown = sorted(set(pin.doc_ids) - set(svc.core.find(list(pin.doc_ids))))
    flash(f"Angepinnt für „{pin.query}“: {', '.join(pin.doc_ids)}." if pin.doc_ids
          else f"Angepinnte Seiten für „{pin.query}“ entfernt.")
    if unknown:
        flash(f"Diese IDs gibt es im Index (noch) nicht: {', '.join(unknown)}.", "error")
    return redirect(url_for("admin.pins"))
