"""The admin start page: overview of index, runs, Solr and the last 30 days of searches."""

from __future__ import annotations

from datetime import datetime

from flask import render_template

from .blueprint import bp
from .chart import daily_chart
from .overview import build_overview
from .reindex import MODES
from .security import signed_in_user
from .services import services
from .settings import LOCAL_ZONE


@bp.get("/")
def index() -> str:
    """Start page with the overview and links to every tool."""
    svc = services()
    overview = build_overview(svc.search, svc.core, svc.stats, svc.runner,
                              datetime.now(LOCAL_ZONE).date())
    running = svc.runner.running_job() if not overview.health.problems else None
    return render_template("admin/index.html", user=signed_in_user(), ov=overview,
                           health=overview.health, chart=daily_chart(list(overview.days)),
                           modes=MODES, running=running)
