""""Bewertung aus Klicks": the click-derived judgement list of a period, its CSV exports, and
nDCG@10 of the ranking per day against it."""

from __future__ import annotations

from datetime import date, datetime

from flask import render_template, request
from werkzeug.wrappers import Response

from .blueprint import bp
from .evaluation.judgements import MIN_EXAMINED, MIN_IMPRESSIONS, judgements_csv
from .evaluation.report import SHOWN_ROWS, ClickEvaluation, build_click_evaluation
from .forms import period_from_args
from .services import services
from .settings import LOCAL_ZONE


def _evaluation() -> tuple[ClickEvaluation, str | None]:
    start, end, error = period_from_args(request.args, datetime.now(LOCAL_ZONE).date())
    svc = services()
    return build_click_evaluation(svc.stats, svc.core, start, end), error


def _download(text: str, name: str, start: date, end: date) -> Response:
    filename = f"stadtsuche-{name}-{start.isoformat()}-{end.isoformat()}.csv"
    return Response(text, mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/bewertung")
def click_judgements() -> str:
    """The judgement list (first SHOWN_ROWS rows) and nDCG@10 per day for a period."""
    evaluation, error = _evaluation()
    data = evaluation.data
    return render_template(
        "admin/evaluation.html", ev=evaluation, error=error,
        judgements=evaluation.judgement_table(SHOWN_ROWS), days=evaluation.day_table(),
        period={"von": data.start.isoformat(), "bis": data.end.isoformat()},
        shown_rows=SHOWN_ROWS, min_impressions=MIN_IMPRESSIONS, min_examined=MIN_EXAMINED)


@bp.get("/bewertung/bewertungen.csv")
def click_judgements_csv() -> Response:
    """Every judgement with page title and URL, for spreadsheets (semicolons, BOM)."""
    evaluation, _ = _evaluation()
    # A byte-order mark lets spreadsheet programs read the umlauts as UTF-8.
    return _download("\ufeff" + evaluation.judgement_table().to_csv(), "bewertungen",
                     evaluation.data.start, evaluation.data.end)


@bp.get("/bewertung/bewertungen-daten.csv")
def click_judgements_data() -> Response:
    """Every judgement in plain comma-separated form (English column names, decimal
    points) for evaluation tools."""
    evaluation, _ = _evaluation()
    return _download(judgements_csv(evaluation.judged), "bewertungen-daten",
                     evaluation.data.start, evaluation.data.end)
