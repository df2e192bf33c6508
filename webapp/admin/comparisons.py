"""The web team's ranking comparisons: which saved ranking is compared with the current one,
for which share of searches and how many, started and stopped by whom. Kept as records in
the statistics core (with the other admin state); every start and stop is in the audit trail.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from typing import Any

from .audit import record_change
from .evaluation.significance import Plan
from .ranking_store import list_versions
from .repository import CoreAdmin, StatsStore

KIND = "comparison"
DEFAULT_SHARE = 0.2
MAX_PLANNED = 100_000
STOP_REASONS = {"plan": "geplante Zahl der Suchen erreicht", "manual": "von Hand beendet"}


class ComparisonError(ValueError):
    """A comparison cannot be started or changed; the message says why, in German."""


@dataclass(frozen=True)
class ComparisonRecord:
    """One comparison of the current ranking with saved version ``candidate_version``."""

    id: str
    candidate_version: int
    share: float
    planned: int
    started_at: str
    started_by: str
    stopped_at: str | None = None
    stopped_by: str | None = None
    stop_reason: str | None = None
    adopted_as: int | None = None

    @property
    def running(self) -> bool:
        return self.stopped_at is None

    @property
    def plan(self) -> Plan:
        return Plan(self.planned, self.share)

    @property
    def stop_label(self) -> str:
        """Why it ended, in German ("" while it runs)."""
        return STOP_REASONS.get(self.stop_reason or "", self.stop_reason or "")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _save(stats: StatsStore, record: ComparisonRecord) -> None:
    stats.add([{"id": record.id, "type": KIND, "status": "running" if record.running else
                "stopped", "ts": record.started_at, "user": record.started_by[:100],
                "payload": json.dumps(asdict(record), ensure_ascii=False)}], 0)


def _record(doc: dict[str, Any]) -> ComparisonRecord:
    return ComparisonRecord(**json.loads(doc["payload"]))


def latest(stats: StatsStore) -> ComparisonRecord | None:
    """The running comparison, or else the last one."""
    data = stats.select({"q": "*:*", "fq": f"type:{KIND}", "rows": 1, "fl": "payload",
                         "sort": "status asc, ts desc"})  # "running" before "stopped"
    docs = data["response"]["docs"]
    return _record(docs[0]) if docs else None


def running(stats: StatsStore) -> ComparisonRecord | None:
    """The running comparison, or None."""
    record = latest(stats)
    return record if record is not None and record.running else None


def parse_plan(share_percent: str, planned: str) -> tuple[float, int]:
    """Share (from a percentage) and planned number of searches from the form; German errors."""
    try:
        share = float((share_percent or "20").strip().replace(",", ".")) / 100
        count = int((planned or "").strip())
    except ValueError as err:
        raise ComparisonError("Bitte den Anteil in Prozent und die geplante Zahl der Suchen "
                              "als Zahlen angeben.") from err
    if not 0 < share <= 1:
        raise ComparisonError("Der Anteil der Suchen muss über 0 % und höchstens 100 % liegen.")
    if not 1 <= count <= MAX_PLANNED:
        raise ComparisonError(f"Die geplante Zahl der Suchen muss zwischen 1 und "
                              f"{MAX_PLANNED:,} liegen.".replace(",", "."))
    return share, count


def start(stats: StatsStore, core: CoreAdmin, version: int, share: float, planned: int,
          user: str) -> ComparisonRecord:
    """Start comparing saved ``version`` with the current ranking; refused while another runs."""
    if running(stats) is not None:
        raise ComparisonError("Es läuft schon ein Vergleich. Beenden Sie ihn zuerst.")
    if version not in {v.number for v in list_versions(core)}:
        raise ComparisonError(f"Eine gespeicherte Version {version} gibt es nicht.")
    Plan(planned, share)  # the same checks as the form's
    record = ComparisonRecord(f"{KIND}:{uuid.uuid4().hex}", version, share, planned, _now(),
                              user)
    _save(stats, record)
    record_change(stats, KIND, user, f"Vergleich mit Version {version} gestartet: "
                  f"{share:.0%} der Suchen, {planned} Suchen geplant", None, asdict(record))
    return record


def stop(stats: StatsStore, record: ComparisonRecord, user: str,
         reason: str) -> ComparisonRecord:
    """End ``record`` (reason ``plan`` or ``manual``), audited; an ended one stays as it is."""
    if not record.running:
        return record
    stopped = replace(record, stopped_at=_now(), stopped_by=user, stop_reason=reason)
    _save(stats, stopped)
    record_change(stats, KIND, user, f"Vergleich mit Version {record.candidate_version} "
                  f"beendet: {stopped.stop_label}", asdict(record), asdict(stopped))
    return stopped


def mark_adopted(stats: StatsStore, record: ComparisonRecord, new_version: int) -> None:
    """Note on the record that its winner became the default (the audit entry is adopt's)."""
    _save(stats, replace(record, adopted_as=new_version))
