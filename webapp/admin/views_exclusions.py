"""Exclusions: keep one page or a whole path prefix out of results, suggestions and
"Meinten Sie", with a reason; lift them again. Every change goes into the audit trail."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from .audit import record_change
from .blueprint import bp
from .exclusions import KINDS, MAX_REASON, MAX_URL, lift_exclusion, load_exclusions, save_exclusion
from .security import signed_in_user
from .services import services


@bp.get("/ausschluesse")
def exclusions() -> str:
    """The list and the form (prefilled from the page inspector)."""
    return render_template("admin/exclusions.html", exclusions=load_exclusions(services().stats),
                           kinds=KINDS, max_url=MAX_URL, max_reason=MAX_REASON,
                           prefill_url=request.args.get("url", "")[:MAX_URL],
                           prefill_kind=request.args.get("art", "prefix"))


@bp.post("/ausschluesse")
def exclusion_save() -> Response | tuple[str, int]:
    """Exclude now; every worker leaves the pages out within the cache time (≤ 2 s)."""
    svc = services()
    kind, target = request.form.get("art", ""), request.form.get("url", "")[:MAX_URL].strip()
    ids = tuple(p["id"] for p in svc.core.pages_with_url(target)) if kind == "url" else ()
    try:
        saved = save_exclusion(svc.stats, kind, target, request.form.get("grund", ""),
                               signed_in_user() or "?", ids)
    except ValueError as err:
        return render_template("admin/exclusions.html", exclusions=load_exclusions(svc.stats),
                               kinds=KINDS, max_url=MAX_URL, max_reason=MAX_REASON,
                               prefill_url=target, prefill_kind=kind, error=str(err)), 400
    svc.exclusions.invalidate()
    record_change(svc.stats, "exclusions", saved.user, f"{saved.kind_label} ausgeschlossen: "
                  f"{saved.target}", None, {"art": saved.kind, "url": saved.target,
                                            "grund": saved.reason})
    flash(f"Ausgeschlossen ({saved.kind_label}): {saved.target}. Besucher sehen diese Seiten "
          f"nicht mehr.")
    return redirect(url_for("admin.exclusions"))


@bp.post("/ausschluesse/aufheben")
def exclusion_lift() -> Response:
    """Lift an exclusion; the pages come back within the cache time."""
    svc = services()
    lifted = lift_exclusion(svc.stats, request.form.get("art", ""),
                            request.form.get("url", "")[:MAX_URL])
    if lifted is None:
        flash("Diesen Ausschluss gibt es nicht (mehr).", "error")
        return redirect(url_for("admin.exclusions"))
    svc.exclusions.invalidate()
    record_change(svc.stats, "exclusions", signed_in_user() or "?",
                  f"Ausschluss aufgehoben: {lifted.target}",
                  {"art": lifted.kind, "url": lifted.target, "grund": lifted.reason}, None)
    flash(f"Ausschluss aufgehoben: {lifted.target}.")
    return redirect(url_for("admin.exclusions"))
