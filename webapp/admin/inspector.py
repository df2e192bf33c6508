"""The page inspector: what the index holds for one page, as visitors see it, plus when it
was indexed, its content fingerprint, whether it is excluded and which queries led to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .exclusions import Exclusion, load_exclusions
from .repository import CoreAdmin, StatsStore
from .settings import LOCAL_ZONE
from .trends import queries_for_page

EXCERPT = 600


@dataclass(frozen=True)
class InspectedPage:
    """One indexed page for the inspector (text fields only, nothing raw from Solr)."""

    id: str
    url: str
    title: str
    teaser: str
    excerpt: str
    keywords: tuple[str, ...]
    category: str
    online_date: str
    language: str
    clicks: int
    indexed_at: str
    content_hash: str
    excluded_by: tuple[Exclusion, ...]
    queries: tuple[tuple[str, int], ...]


def find_page(core: CoreAdmin, key: str) -> dict[str, Any] | None:
    """The stored page whose id or URL is ``key``."""
    doc = core.page(key)
    if doc is None:
        found = core.pages_with_url(key)
        doc = found[0] if found else None
    return doc


def date_text(doc: dict[str, Any]) -> str:
    """The page's date as visitors see it: with a time only where the page states one."""
    raw = doc.get("onlineDate")
    if not raw:
        return "ohne Datum"
    moment = datetime.fromisoformat(str(raw).replace("Z", "+00:00")).astimezone(LOCAL_ZONE)
    if doc.get("onlineDateHasTime") is True:
        return moment.strftime("%d.%m.%Y, %H:%M Uhr")
    return moment.strftime("%d.%m.%Y")


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + " …"


def inspect_page(core: CoreAdmin, store: StatsStore, doc: dict[str, Any]) -> InspectedPage:
    """The inspector's view of ``doc`` with its exclusions and the queries that led to it."""
    url = str(doc.get("url", ""))
    excluded = tuple(e for e in load_exclusions(store)
                     if (e.kind == "prefix" and url.startswith(e.target))
                     or (e.kind == "url" and (e.target == url or doc["id"] in e.doc_ids)))
    return InspectedPage(
        id=str(doc["id"]), url=url, title=str(doc.get("title", "")),
        teaser=str(doc.get("teaser", "") or ""), excerpt=_excerpt(str(doc.get("content", "") or "")),
        keywords=tuple(doc.get("keywords", []) or ()), category=str(doc.get("category", "")),
        online_date=date_text(doc), language=str(doc.get("language", "")),
        clicks=int(doc.get("clickCounter", 0) or 0), indexed_at=str(doc.get("indexedAt", "") or ""),
        content_hash=str(doc.get("contentHash", "") or ""), excluded_by=excluded,
        queries=tuple(queries_for_page(store, str(doc["id"]))))
