"""The audit trail: who changed ranking, synonyms, stopwords, pins or exclusions, when, and
what the values were before and after."""

from __future__ import annotations

from flask import render_template, request

from .audit import AREAS, load_audit, show
from .blueprint import bp
from .services import services


@bp.get("/protokoll")
def audit() -> str:
    """The latest changes, newest first, optionally of one area."""
    area = request.args.get("bereich", "")
    return render_template("admin/audit.html", entries=load_audit(services().stats, area or None),
                           areas=AREAS, area=area if area in AREAS else "", show=show)
