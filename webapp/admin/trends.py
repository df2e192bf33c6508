"""Statistics over time and per page: searches, zero hits and clicks per day or week, the most
clicked pages, queries with results nobody clicks, the queries that led to one page.

Days are Jena's local days: Solr buckets the UTC timestamps with ``TZ=Europe/Berlin``, so a
day stays a day across the change to and from summer time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from .repository import StatsStore
from .settings import LOCAL_ZONE
from .stats import period_filter

# Queries with hits are fetched this deep to find those without any click among them.
NO_CLICK_DEPTH = 1000


@dataclass(frozen=True)
class Bucket:
    """Searches, searches without hits and clicks in one day or week."""

    start: date
    searches: int
    zero_hits: int
    clicks: int

    @property
    def zero_rate(self) -> float:
        """Share of searches without hits (0–1)."""
        return self.zero_hits / self.searches if self.searches else 0.0


@dataclass(frozen=True)
class Clicked:
    """A page and how often visitors clicked it in the period."""

    doc_id: str
    clicks: int


def _utc(day: date) -> str:
    local = datetime.combine(day, time.min, tzinfo=LOCAL_ZONE)
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _range(start: date, end: date, days: int, domain: str, sub: dict[str, Any]) -> dict[str, Any]:
    return {"type": "range", "field": "ts", "start": _utc(start), "end": _utc(end),
            "gap": f"+{days}DAYS", "domain": {"filter": domain}, "facet": sub}


def buckets(store: StatsStore, start: date, end: date, days: int = 1) -> list[Bucket]:
    """One bucket per day (``days=1``) or week (``days=7``, from the Monday on or before
    ``start``) from ``start`` to ``end`` inclusive; empty buckets included."""
    if days == 7:
        start = start - timedelta(days=start.weekday())
    stop = end + timedelta(days=1)
    stop += timedelta(days=(-(stop - start).days) % days)
    facets = {"searches": _range(start, stop, days, "type:search",
                                 {"zero": {"type": "query", "q": "num_found:0"}}),
              "clicks": _range(start, stop, days, "type:click", {})}
    data = store.select({"q": "*:*", "rows": 0, "TZ": "Europe/Berlin",
                         "fq": f"ts:[{_utc(start)} TO {_utc(stop)}}}",
                         "json.facet": json.dumps(facets)})
    found = data.get("facets", {})
    clicks = [b.get("count", 0) for b in found.get("clicks", {}).get("buckets", [])]
    result = []
    for i, bucket in enumerate(found.get("searches", {}).get("buckets", [])):
        day = start + timedelta(days=i * days)
        result.append(Bucket(day, int(bucket.get("count", 0)),
                             int(bucket.get("zero", {}).get("count", 0)),
                             int(clicks[i]) if i < len(clicks) else 0))
    return result


def top_clicked(store: StatsStore, start: date, end: date, limit: int = 25) -> list[Clicked]:
    """The pages clicked most often in the period."""
    facets = {"pages": {"type": "terms", "field": "doc_id", "limit": limit,
                        "domain": {"filter": "type:click"}}}
    data = store.select({"q": "*:*", "rows": 0, "fq": period_filter(start, end),
                         "json.facet": json.dumps(facets)})
    return [Clicked(str(b["val"]), int(b["count"]))
            for b in data.get("facets", {}).get("pages", {}).get("buckets", [])]


def unclicked(store: StatsStore, start: date, end: date,
              limit: int = 25) -> list[tuple[str, int]]:
    """Queries that found pages but after which nobody clicked a result, most searched first."""
    facets = {"found": {"type": "terms", "field": "query", "limit": NO_CLICK_DEPTH,
                        "domain": {"filter": "type:search AND num_found:[1 TO *]"}},
              "clicked": {"type": "terms", "field": "query", "limit": -1,
                          "domain": {"filter": "type:click"}}}
    data = store.select({"q": "*:*", "rows": 0, "fq": period_filter(start, end),
                         "json.facet": json.dumps(facets)})
    found = data.get("facets", {})
    clicked = {b["val"] for b in found.get("clicked", {}).get("buckets", [])}
    rows = [(str(b["val"]), int(b["count"])) for b in found.get("found", {}).get("buckets", [])
            if b["val"] not in clicked]
    return rows[:limit]


def queries_for_page(store: StatsStore, doc_id: str, limit: int = 25) -> list[tuple[str, int]]:
    """The queries after which visitors clicked this page (all stored time), most first."""
    facets = {"queries": {"type": "terms", "field": "query", "limit": limit}}
    data = store.select({"q": "{!term f=doc_id v=$seite}", "seite": doc_id, "fq": "type:click",
                         "rows": 0, "json.facet": json.dumps(facets)})
    return [(str(b["val"]), int(b["count"]))
            for b in data.get("facets", {}).get("queries", {}).get("buckets", [])]
