"""The one reader of search and click events from the statistics core, shared by the
behaviour measures and the click evaluation: a period's events page by page (cursorMark,
oldest first), at most ``MAX_EVENTS`` of a kind, with only the fields asked for."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from .repository import StatsStore

MAX_EVENTS = 200_000
PAGE = 10_000


def parse_ts(value: str) -> datetime:
    """An event's stored time (UTC, whole seconds) as an aware datetime."""
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def read_events(store: StatsStore, fq: str, fl: str,
                limit: int = MAX_EVENTS) -> Iterator[dict[str, Any]]:
    """Documents matching ``fq`` with fields ``fl``, oldest first, at most ``limit``."""
    cursor, seen = "*", 0
    while seen < limit:
        data = store.select({"q": "*:*", "fq": fq, "fl": fl, "sort": "ts asc, id asc",
                             "rows": min(PAGE, limit - seen), "cursorMark": cursor})
        docs = data.get("response", {}).get("docs", [])
        yield from docs
        seen += len(docs)
        if not docs or data.get("nextCursorMark") in (None, cursor):
            return
        cursor = data["nextCursorMark"]
