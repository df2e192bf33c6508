"""Page inspector: look up a URL or search titles, see the stored page, reindex or remove it."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from webapp.escape import plain_words
from webapp.request import clean_text

from .blueprint import bp
from .inspector import find_page, inspect_page
from .reindex import ReindexBusy
from .repository import PageRef
from .security import signed_in_user
from .services import services

MAX_KEY = 2000


@bp.get("/seite")
def inspector() -> str | tuple[str, int]:
    """By ``url`` (URL or id) show one page; by ``titel`` list pages to choose from."""
    svc = services()
    key = (request.args.get("url") or request.args.get("id") or "").strip()[:MAX_KEY]
    words = plain_words(clean_text(request.args.get("titel", ""))[:200])
    doc = find_page(svc.core, key) if key else None
    if key and doc is None:
        return render_template("admin/inspector.html", key=key, words=words, found=[],
                               page=None, error=f"Diese Adresse ist nicht im Index: {key}"), 404
    return render_template("admin/inspector.html", key=key, words=words,
                           found=svc.core.search_titles(words, 20),
                           page=inspect_page(svc.core, svc.stats, doc) if doc else None)


@bp.post("/seite/reindex")
def inspector_reindex() -> Response:
    """Index this one URL again now, through the indexer's pipeline (one run at a time)."""
    url = request.form.get("url", "").strip()[:MAX_KEY]
    if not url.startswith(("http://", "https://")):
        flash("Bitte eine vollständige Adresse (https://…) angeben.", "error")
        return redirect(url_for("admin.inspector"))
    try:
        job = services().runner.start("url", url, signed_in_user() or "?")
    except ReindexBusy as busy:
        flash("Es läuft bereits eine Reindizierung; es kann immer nur eine laufen.", "error")
        return redirect(url_for("admin.reindex_job", job_id=str(busy)))
    return redirect(url_for("admin.reindex_job", job_id=job.id))


@bp.route("/seite/entfernen", methods=["GET", "POST"])
def inspector_remove() -> Response | str | tuple[str, int]:
    """GET asks for confirmation; POST removes the page from the index now."""
    svc = services()
    doc_id = (request.values.get("id") or "").strip()[:MAX_KEY]
    doc = svc.core.page(doc_id) if doc_id else None
    if doc is None:
        flash("Diese Seite ist nicht (mehr) im Index.", "error")
        return redirect(url_for("admin.inspector"))
    if request.method == "GET":
        return render_template("admin/inspector_remove.html", doc=PageRef.from_doc(doc))
    svc.core.delete_page(doc_id)
    flash(f"„{doc.get('title', doc_id)}“ wurde aus dem Index entfernt. Bei der nächsten "
          f"Reindizierung kommt sie wieder, solange die Quelle sie noch enthält – "
          f"dauerhaft hilft ein Ausschluss.")
    return redirect(url_for("admin.inspector"))
