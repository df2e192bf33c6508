"""Search statistics for a period: trends per day and week, top queries with click-through,
most clicked pages, queries without clicks, zero-hit queries with what to do; CSV of each."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

from flask import abort, jsonify, render_template, request
from werkzeug.wrappers import Response

from .blueprint import bp
from .forms import period_from_args
from .services import services
from .stats import BERLIN, build_report
from .stats_tables import TABLES, build_tables


def _today() -> date:
    return datetime.now(BERLIN).date()


@bp.get("/statistik")
def stats() -> str:
    """The statistics page; each zero-hit query links to adding a synonym or a pin."""
    start, end, error = period_from_args(request.args, _today())
    svc = services()
    order = request.args.get("ordnung")
    page = build_tables(svc.stats, svc.core, start, end, order)
    return render_template("admin/stats.html", page=page, error=error,
                           period={"von": start.isoformat(), "bis": end.isoformat()},
                           order=page.tables["verhalten-suchen"].sorted_by)


@bp.get("/statistik/<key>.csv")
def stats_csv(key: str) -> Response:
    """One table of the page as CSV (same period parameters)."""
    if key not in TABLES:
        abort(404)
    start, end, _ = period_from_args(request.args, _today())
    svc = services()
    table = build_tables(svc.stats, svc.core, start, end,
                         request.args.get("ordnung")).tables[key]
    name = f"stadtsuche-{key}-{start.isoformat()}-{end.isoformat()}.csv"
    # A byte-order mark lets spreadsheet programs read the umlauts as UTF-8.
    return Response("\ufeff" + table.to_csv(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/api/statistik")
def stats_api() -> Response:
    """The same numbers as JSON."""
    start, end, error = period_from_args(request.args, _today())
    report = build_report(services().stats, start, end)
    return jsonify(start=start.isoformat(), end=end.isoformat(), searches=report.searches,
                   clicks=report.clicks, error=error,
                   top=[{**asdict(q), "ctr": round(q.ctr, 4)} for q in report.top],
                   zeroHit=[asdict(q) for q in report.zero_hit])
