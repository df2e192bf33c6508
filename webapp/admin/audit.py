"""Audit trail: every change to ranking, synonyms, stopwords, pins and exclusions, with who,
when, and the state before and after, kept as records in the statistics core."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from flask import current_app, has_app_context

from solrclient import SolrError
from webapp.signals import notify, search_tuning_changed

from .repository import StatsStore

log = logging.getLogger(__name__)

AREAS = {"ranking": "Ranking", "synonyms": "Synonyme", "stopwords": "Stoppwörter",
         "pins": "Angepinnt", "exclusions": "Ausschlüsse",
         "demotions": "Herabgestuft", "comparison": "Rankingvergleich"}
MAX_ENTRIES = 500


@dataclass(frozen=True)
class AuditEntry:
    """One change: where, what, by whom, when, and the values before and after."""

    ts: str
    user: str
    area: str
    summary: str
    before: Any
    after: Any

    @property
    def area_label(self) -> str:
        """German name of the changed area."""
        return AREAS.get(self.area, self.area)


def show(value: Any) -> str:
    """A before/after value as readable text (lists and maps as compact JSON)."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def record_change(store: StatsStore, area: str, user: str, summary: str,
                  before: Any, after: Any) -> None:
    """Keep one change; visible at once. A failure is logged and raised: a change that
    cannot be recorded is reported to the admin, not silently accepted."""
    if area not in AREAS:
        raise ValueError(f"unknown audit area {area!r}")
    doc = {"id": f"audit:{uuid.uuid4().hex}", "type": "audit", "mode": area,
           "user": user[:100], "message": summary[:500],
           "payload": json.dumps({"before": before, "after": after}, ensure_ascii=False),
           # Milliseconds: several changes within one second keep their order.
           "ts": datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace(
               "+00:00", "Z")}
    if has_app_context():
        # Every such change alters search results: results kept by the workers are void.
        notify(search_tuning_changed, current_app._get_current_object(),  # type: ignore[attr-defined]
               area=area)
    try:
        store.add([doc], 0)
    except SolrError:
        log.error("Audit record lost: %s %s by %s", area, summary, user)
        raise


def load_audit(store: StatsStore, area: str | None = None,
               rows: int = MAX_ENTRIES) -> list[AuditEntry]:
    """The latest changes, newest first (optionally of one area)."""
    fq = ["type:audit"]
    if area in AREAS:
        fq.append(f"mode:{area}")
    data = store.select({"q": "*:*", "fq": fq, "sort": "ts desc", "rows": rows,
                         "fl": "ts,user,mode,message,payload"})
    entries = []
    for doc in data["response"]["docs"]:
        try:
            values = json.loads(doc.get("payload") or "{}")
        except ValueError:
            values = {}
        entries.append(AuditEntry(doc.get("ts", ""), doc.get("user", ""), doc.get("mode", ""),
                                  doc.get("message", ""), values.get("before"),
                                  values.get("after")))
    return entries
