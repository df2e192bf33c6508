"""Rankings vergleichen: start a live comparison of a saved ranking with the current one,
follow its wins, ties and losses, stop it, and adopt the winner in one audited step."""

from __future__ import annotations

from dataclasses import dataclass

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from .blueprint import bp
from .comparison_live import comparison_lookup
from .comparison_tally import read_comparison
from .comparisons import (DEFAULT_SHARE, ComparisonError, ComparisonRecord, latest,
                          mark_adopted, parse_plan, start, stop)
from .evaluation.adopt import AdoptionRefused, adopt_winner
from .evaluation.interleave import Outcome
from .evaluation.significance import Comparison
from .ranking_store import list_versions
from .security import signed_in_user
from .services import services

VERDICTS = {Outcome.CANDIDATE: "Die neue Reihenfolge ist besser (p < 0,05).",
            Outcome.CURRENT: "Die aktuelle Reihenfolge ist besser (p < 0,05).",
            Outcome.TIE: "Kein Unterschied nachgewiesen (p ≥ 0,05)."}


@dataclass(frozen=True)
class ComparisonStatus:
    """A comparison with its outcome so far."""

    record: ComparisonRecord
    result: Comparison

    @property
    def finished(self) -> bool:
        return self.record.plan.finished(self.result)

    @property
    def verdict(self) -> str:
        return VERDICTS[self.result.verdict]


def _status() -> ComparisonStatus | None:
    """The running or last comparison; one that reached its plan is ended here at the latest."""
    svc = services()
    record = latest(svc.stats)
    if record is None:
        return None
    result = read_comparison(svc.stats, record.id)
    if record.running and record.plan.finished(result):
        record = stop(svc.stats, record, "system", "plan")
        comparison_lookup().invalidate()
    return ComparisonStatus(record, result)


def _page(status: int = 200, **extra: object) -> tuple[str, int]:
    return render_template("admin/comparison.html", state=_status(),
                           versions=list_versions(services().core),
                           default_share=round(DEFAULT_SHARE * 100), **extra), status


@bp.get("/vergleich")
def comparison() -> tuple[str, int]:
    """The running or last comparison and the form to start one."""
    return _page()


@bp.post("/vergleich/start")
def comparison_start() -> Response | tuple[str, int]:
    """Start comparing a saved ranking with the current one."""
    svc = services()
    try:
        share, planned = parse_plan(request.form.get("anteil", ""),
                                    request.form.get("geplant", ""))
        version = int(request.form.get("version", "") or 0)
        start(svc.stats, svc.core, version, share, planned, signed_in_user() or "?")
    except (ComparisonError, ValueError) as err:
        return _page(400, error=str(err) if isinstance(err, ComparisonError)
                     else "Bitte eine gespeicherte Version wählen.")
    comparison_lookup().invalidate()
    flash(f"Vergleich mit Version {version} gestartet.")
    return redirect(url_for("admin.comparison"))


@bp.post("/vergleich/stop")
def comparison_stop() -> Response:
    """End the running comparison by hand."""
    svc = services()
    record = latest(svc.stats)
    if record is None or not record.running:
        flash("Es läuft kein Vergleich.", "error")
    else:
        stop(svc.stats, record, signed_in_user() or "?", "manual")
        comparison_lookup().invalidate()
        flash("Vergleich beendet.")
    return redirect(url_for("admin.comparison"))


@bp.post("/vergleich/uebernehmen")
def comparison_adopt() -> Response | tuple[str, int]:
    """Make the winning candidate the default ranking (refused with the reason otherwise)."""
    svc = services()
    state = _status()
    if state is None:
        return _page(400, error="Es gibt keinen Vergleich, dessen Gewinner übernommen werden könnte.")
    if state.record.adopted_as is not None:
        return _page(400, error=f"Der Gewinner ist schon Standard (Version "
                                f"{state.record.adopted_as}).")
    if not state.record.running and not state.finished:
        return _page(400, error=f"Der Vergleich wurde vor der geplanten Zahl beendet "
                                f"({state.result.searches} von {state.record.planned} Suchen); "
                                "ein Gewinner wird erst danach gelesen.")
    try:
        new = adopt_winner(svc.core, svc.stats, state.record.plan, state.result,
                           state.record.candidate_version, signed_in_user() or "?")
    except AdoptionRefused as err:
        return _page(400, error=str(err))
    svc.default_sort.invalidate()
    mark_adopted(svc.stats, state.record, new)
    flash(f"Version {state.record.candidate_version} ist jetzt Standard "
          f"(gespeichert als Version {new}).")
    return redirect(url_for("admin.comparison"))
