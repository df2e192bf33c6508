"""Pinned results and golden queries, kept as small records in the statistics core."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from webapp.request import clean_text

from .repository import StatsStore
from .settings import LOCAL_ZONE

log = logging.getLogger(__name__)

MAX_RECORDS = 5000
MAX_IDS = 20
GOLDEN_SEEDED = "meta:golden-seeded"


def normalize_query(text: str | None) -> str:
    """The form queries are grouped and matched by: cleaned, lower-case, single spaces."""
    return clean_text(text or "")[:200].casefold()


def record_id(kind: str, query: str) -> str:
    """Stable id per kind and normalised query (hashed: ids stay short whatever was typed)."""
    return f"{kind}:{hashlib.sha1(query.encode()).hexdigest()}"


@dataclass(frozen=True)
class Pin:
    """Pages shown first, in this order, whenever the query is searched, optionally only
    from ``start`` to ``end`` (whole days in Jena's local time, both included)."""

    query: str
    doc_ids: tuple[str, ...]
    start: date | None = None
    end: date | None = None

    def active(self, moment: datetime) -> bool:
        """True when the pin applies at ``moment``."""
        if self.start is not None and moment < _day_start(self.start):
            return False
        return self.end is None or moment < _day_start(self.end + timedelta(days=1))

    def state(self, moment: datetime) -> str:
        """"aktiv", "geplant" (starts later) or "abgelaufen"."""
        if self.active(moment):
            return "aktiv"
        return "geplant" if self.start is not None and moment < _day_start(self.start) \
            else "abgelaufen"


def _day_start(day: date) -> datetime:
    """Midnight of ``day`` in Jena, as an aware moment."""
    return datetime.combine(day, time.min, tzinfo=LOCAL_ZONE)


def _solr_moment(day: date | None) -> str | None:
    if day is None:
        return None
    return _day_start(day).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _local_day(stamp: str | None) -> date | None:
    if not stamp:
        return None
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(LOCAL_ZONE).date()


@dataclass(frozen=True)
class GoldenQuery:
    """A query whose expected pages (ids or URLs) must stay in the top 3."""

    query: str
    expected: tuple[str, ...]
    note: str = ""


def _clean_ids(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    seen: list[str] = []
    for value in values:
        value = clean_text(str(value))[:500]
        if value and value not in seen:
            seen.append(value)
    return tuple(seen[:MAX_IDS])


def load_pins(store: StatsStore) -> list[Pin]:
    """Every pin."""
    data = store.select({"q": "*:*", "fq": "type:pin", "rows": MAX_RECORDS,
                         "fl": "query,doc_ids,valid_from,valid_until", "sort": "query asc"})
    return [Pin(d["query"], tuple(d.get("doc_ids", [])), _local_day(d.get("valid_from")),
                # valid_until is the first moment the pin no longer applies.
                _end_day(d.get("valid_until"))) for d in data["response"]["docs"]]


def _end_day(stamp: str | None) -> date | None:
    day = _local_day(stamp)
    return None if day is None else day - timedelta(days=1)


def save_pin(store: StatsStore, query: str, doc_ids: list[str], start: date | None = None,
             end: date | None = None) -> Pin:
    """Create or replace the pin for ``query`` (no ids: remove it)."""
    pin = Pin(normalize_query(query), _clean_ids(doc_ids), start, end)
    if not pin.query:
        raise ValueError("Bitte einen Suchbegriff angeben.")
    if any("," in doc_id for doc_id in pin.doc_ids):
        raise ValueError("Seiten-IDs dürfen kein Komma enthalten.")
    if start is not None and end is not None and end < start:
        raise ValueError("Das Ende liegt vor dem Beginn.")
    if not pin.doc_ids:
        store.delete(record_id("pin", pin.query))
    else:
        doc = {"id": record_id("pin", pin.query), "type": "pin", "query": pin.query,
               "doc_ids": list(pin.doc_ids), "valid_from": _solr_moment(start),
               "valid_until": _solr_moment(end + timedelta(days=1) if end else None)}
        store.add([{k: v for k, v in doc.items() if v is not None}], 0)
    return pin


def pin_as_dict(pin: Pin | None) -> dict[str, Any] | None:
    """A pin for the audit trail."""
    if pin is None:
        return None
    return {"query": pin.query, "seiten": list(pin.doc_ids),
            "von": pin.start.isoformat() if pin.start else None,
            "bis": pin.end.isoformat() if pin.end else None}


def load_golden(store: StatsStore) -> list[GoldenQuery]:
    """Every golden query."""
    data = store.select({"q": "*:*", "fq": "type:golden", "rows": MAX_RECORDS,
                         "fl": "query_text,expected,note", "sort": "query asc"})
    return [GoldenQuery(d["query_text"], tuple(d.get("expected", [])), d.get("note", ""))
            for d in data["response"]["docs"]]


def _golden_doc(golden: GoldenQuery) -> dict[str, Any]:
    query = normalize_query(golden.query)
    return {"id": record_id("golden", query), "type": "golden", "query": query,
            "query_text": clean_text(golden.query)[:200], "expected": list(golden.expected),
            "note": golden.note[:300]}


def save_golden(store: StatsStore, query: str, expected: list[str], note: str = "") -> None:
    """Create or replace one golden query (no expected pages: remove it)."""
    golden = GoldenQuery(clean_text(query)[:200], _clean_ids(expected), clean_text(note))
    if not golden.query:
        raise ValueError("Bitte einen Suchbegriff angeben.")
    if not golden.expected:
        store.delete(record_id("golden", normalize_query(golden.query)))
    else:
        store.add([_golden_doc(golden)], 0)


def parse_golden_file(raw: Any) -> list[GoldenQuery]:
    """Golden queries from JSON: a list of {query|q, expected|top3|ids|urls} or {query: [...]}."""
    items = raw.get("queries", raw) if isinstance(raw, dict) else raw
    if isinstance(items, dict):
        items = [{"query": q, "expected": e} for q, e in items.items()]
    found = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        query = item.get("query") or item.get("q") or ""
        expected = next((item[k] for k in ("expected", "expected_top3", "top3", "ids", "urls",
                                           "expected_ids", "expected_urls") if k in item), [])
        expected = [expected] if isinstance(expected, str) else list(expected)
        if query and expected:
            found.append(GoldenQuery(str(query), _clean_ids(expected),
                                     str(item.get("note", item.get("why", "")))))
    return found


def seed_golden(store: StatsStore, path: Path) -> int:
    """Import the file once (the web team edits the list in Solr afterwards); returns the count."""
    if store.get(GOLDEN_SEEDED) is not None or not path.is_file():
        return 0
    try:
        golden = parse_golden_file(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as err:
        log.warning("Golden queries in %s not readable: %s", path, err)
        return 0
    store.add([_golden_doc(g) for g in golden] +
              [{"id": GOLDEN_SEEDED, "type": "meta", "note": str(path)}], 0)
    log.info("Seeded %d golden queries from %s", len(golden), path)
    return len(golden)
