"""The evaluation's input read from the statistics core: each search event of a period as
an ``Impression`` (the ids it showed, in order) and each click that names its search as a
``Click``. Read through the admin area's one event reader, bounded like the behaviour
measures; a period with more events is evaluated on its first ``MAX_EVENTS`` and says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from webapp.request import Sort

from ..event_reader import MAX_EVENTS, parse_ts, read_events
from ..repository import StatsStore
from ..settings import LOCAL_ZONE
from ..stats import period_filter
from .events import Click, Impression

# The only order whose list is the ranking's; anything else is "narrowed", and so is the
# merged first page of a live comparison (two rankings' pages, not the ranking's own list).
RELEVANCE = Sort.RELEVANCE.value
SEARCH_FIELDS = ("search_id,query,ts,start,ranking,shown,sort,category,doc_type,exact,"
                 "comparison")
CLICK_FIELDS = "search_id,doc_id,position"


@dataclass(frozen=True)
class ClickData:
    """A period's impressions and clicks; ``complete`` is False when either kind held more
    than ``MAX_EVENTS`` events and only the first ones were read."""

    start: date
    end: date
    impressions: tuple[Impression, ...]
    clicks: tuple[Click, ...]
    complete: bool


def impression_from(doc: dict[str, Any]) -> Impression:
    """One stored search event as the impression it was."""
    narrowed = (doc.get("sort", RELEVANCE) != RELEVANCE or bool(doc.get("category"))
                or bool(doc.get("doc_type")) or bool(doc.get("exact"))
                or bool(doc.get("comparison")))
    ranking = doc.get("ranking")
    return Impression(search_id=str(doc["search_id"]), query=str(doc.get("query", "")),
                      ranking="" if ranking is None else str(ranking),
                      shown=tuple(str(i) for i in doc.get("shown", ())),
                      day=parse_ts(doc["ts"]).astimezone(LOCAL_ZONE).date(),
                      offset=int(doc.get("start", 0)), narrowed=narrowed)


def click_from(doc: dict[str, Any]) -> Click:
    """One stored click event."""
    return Click(str(doc["search_id"]), str(doc["doc_id"]), int(doc["position"]))


def load_click_data(store: StatsStore, start: date, end: date,
                    limit: int = MAX_EVENTS) -> ClickData:
    """Searches that showed results within the period (Jena's local days, both included),
    and the clicks on them: clicks are read one day beyond ``end``, so that a click just
    after midnight still meets its search (clicks of other searches do not match any)."""
    searches = tuple(impression_from(d) for d in read_events(
        store, f"{period_filter(start, end)} AND type:search AND search_id:* AND shown:*",
        SEARCH_FIELDS, limit))
    clicks = tuple(click_from(d) for d in read_events(
        store, f"{period_filter(start, end + timedelta(days=1))} AND type:click"
        " AND search_id:* AND doc_id:* AND position:*", CLICK_FIELDS, limit))
    return ClickData(start, end, searches, clicks,
                     complete=len(searches) < limit and len(clicks) < limit)
