"""Search statistics for a period: top queries, zero-hit queries, click-through."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

from flask import jsonify, render_template, request
from werkzeug.wrappers import Response

from .blueprint import bp
from .forms import period_from_args
from .services import services
from .stats import BERLIN, build_report


def _today() -> date:
    return datetime.now(BERLIN).date()


@bp.get("/statistik")
def stats() -> str:
    """The statistics page; each zero-hit query links to adding a synonym or a pin."""
    start, end, error = period_from_args(request.args, _today())
    report = build_report(services().stats, start, end)
    return render_template("admin/stats.html", report=report, error=error)


@bp.get("/api/statistik")
def stats_api() -> Response:
    """The same numbers as JSON."""
    start, end, error = period_from_args(request.args, _today())
    report = build_report(services().stats, start, end)
    return jsonify(start=start.isoformat(), end=end.isoformat(), searches=report.searches,
                   clicks=report.clicks, error=error,
                   top=[{**asdict(q), "ctr": round(q.ctr, 4)} for q in report.top],
                   zeroHit=[asdict(q) for q in report.zero_hit])
