"""Reindex from the web: start (full, incremental, one URL), follow progress, see the report."""

from __future__ import annotations

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from solrclient import SolrError

from .blueprint import bp, solr_problem
from .reindex import MODES, ReindexBusy, job_json
from .security import signed_in_user
from .services import services

MAX_URL = 2000


@bp.get("/reindex")
def reindex() -> str:
    """Start form and the latest runs."""
    svc = services()
    return render_template("admin/reindex.html", modes=MODES, recent=svc.runner.recent(),
                           running=svc.runner.running_job(), source=svc.settings.index_source,
                           source_problem=svc.settings.source_problem)


@bp.post("/reindex")
def reindex_start() -> Response | tuple[str, int]:
    """Start a run unless one is running; Solr trouble is reported at once, nothing changes."""
    svc = services()
    mode = request.form.get("art", "")
    url = request.form.get("url", "").strip()[:MAX_URL]
    if mode not in MODES:
        return _start_failed("Bitte wählen Sie die Art der Reindizierung.", 400)
    if mode == "url" and not url.startswith(("http://", "https://")):
        return _start_failed("Bitte eine vollständige Adresse (https://…) angeben.", 400)
    if mode != "url" and svc.settings.source_problem:
        return _start_failed("Reindizierung nicht gestartet: keine Quelle eingerichtet. "
                             f"{svc.settings.source_problem}", 409)
    try:
        job = svc.runner.start(mode, url, signed_in_user() or "?")
    except ReindexBusy as busy:
        flash("Es läuft bereits eine Reindizierung; es kann immer nur eine laufen.", "error")
        return redirect(url_for("admin.reindex_job", job_id=str(busy)))
    except SolrError as err:
        return _start_failed(f"Reindizierung nicht gestartet, der bestehende Index bleibt "
                             f"unverändert. Grund: {solr_problem(err)}", 503)
    return redirect(url_for("admin.reindex_job", job_id=job.id))


def _start_failed(message: str, status: int) -> tuple[str, int]:
    svc = services()
    try:
        recent = svc.runner.recent()
    except SolrError:
        recent = []
    return render_template("admin/reindex.html", modes=MODES, recent=recent, running=None,
                           source=svc.settings.index_source,
                           source_problem=svc.settings.source_problem, error=message), status


@bp.get("/reindex/<job_id>")
def reindex_job(job_id: str) -> str:
    """Progress (reloads itself while running, also without JavaScript) and the final report."""
    job = services().runner.job(job_id[:64])
    if job is None:
        abort(404)
    return render_template("admin/reindex_job.html", job=job)


@bp.post("/reindex/<job_id>/abbrechen")
def reindex_cancel(job_id: str) -> Response:
    """Ask the run to stop (only the worker running it can; others say so)."""
    if services().runner.cancel(job_id[:64]):
        flash("Abbruch angefordert; bereits indizierte Seiten bleiben, gelöscht wird nichts.")
    else:
        flash("Dieser Lauf wird von einem anderen Prozess ausgeführt und kann hier nicht "
              "abgebrochen werden.", "error")
    return redirect(url_for("admin.reindex_job", job_id=job_id[:64]))


@bp.get("/api/reindex/<job_id>")
def reindex_api(job_id: str) -> Response | tuple[Response, int]:
    """Progress as JSON for the polling script."""
    job = services().runner.job(job_id[:64])
    if job is None:
        return jsonify(error="Unbekannter Lauf."), 404
    return jsonify(job_json(job))
