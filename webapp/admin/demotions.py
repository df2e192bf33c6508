"""Demoted pages: a page ranked lower, for one query or for every search.

A demotion multiplies the page's score by the /search handler's ``demotefactor`` (see
``webapp.builder.add_demotion_to_solr``): the page stays findable and stays in its matching,
it only gives way to the pages around it. Kept as records in the statistics core like pins,
each worker rereads them at most every few seconds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from webapp.request import clean_text

from .cached import CachedValue
from .records import normalize_query
from .repository import StatsStore

# Each demoted id is one term of the demotion query; a few hundred stay cheap.
MAX_DEMOTIONS = 500
MAX_REASON = 300
MAX_ID = 500
SCOPES = {"query": "Nur für eine Suchanfrage", "all": "Bei jeder Suche"}


@dataclass(frozen=True)
class Demotion:
    """One page ranked lower for ``query`` (scope "query") or everywhere (scope "all")."""

    scope: str
    doc_id: str
    query: str = ""
    reason: str = ""
    user: str = ""
    ts: str = ""

    @property
    def record_id(self) -> str:
        """Stable per scope, query and page: demoting the same page again replaces it."""
        digest = hashlib.sha1(f"{self.scope}\0{self.query}\0{self.doc_id}".encode()).hexdigest()
        return f"demotion:{digest}"

    @property
    def scope_label(self) -> str:
        """German description of where it applies."""
        return f"„{self.query}“" if self.scope == "query" else "bei jeder Suche"

    def applies_to(self, query: str) -> bool:
        """True when a search for ``query`` (already normalised) ranks the page lower."""
        return self.scope == "all" or self.query == query


def check_demotion(scope: str, doc_id: str, query: str, reason: str) -> Demotion:
    """The demotion as it would be stored; ValueError with a German message for bad input."""
    if scope not in SCOPES:
        raise ValueError("Bitte wählen Sie, ob die Seite nur für eine Suchanfrage oder bei "
                         "jeder Suche herabgestuft wird.")
    doc_id = clean_text(doc_id or "")[:MAX_ID]
    if not doc_id:
        raise ValueError("Bitte eine Seite (ihre ID) angeben.")
    if "," in doc_id:
        raise ValueError("Seiten-IDs dürfen kein Komma enthalten.")
    query = normalize_query(query) if scope == "query" else ""
    if scope == "query" and not query:
        raise ValueError("Bitte die Suchanfrage angeben, für die die Seite herabgestuft wird.")
    return Demotion(scope, doc_id, query, clean_text(reason or "")[:MAX_REASON])


def load_demotions(store: StatsStore) -> list[Demotion]:
    """Every demotion, newest first."""
    data = store.select({"q": "*:*", "fq": "type:demotion", "rows": MAX_DEMOTIONS,
                         "fl": "mode,doc_id,query,note,user,ts", "sort": "ts desc"})
    return [Demotion(d["mode"], d.get("doc_id", ""), d.get("query", ""), d.get("note", ""),
                     d.get("user", ""), d.get("ts", ""))
            for d in data["response"]["docs"] if d.get("mode") in SCOPES]


def save_demotion(store: StatsStore, demotion: Demotion, user: str) -> Demotion:
    """Store ``demotion`` (from check_demotion) with who and when."""
    known = load_demotions(store)
    if len(known) >= MAX_DEMOTIONS and all(d.record_id != demotion.record_id for d in known):
        raise ValueError(f"Es gibt bereits {MAX_DEMOTIONS} Herabstufungen. Bitte heben Sie "
                         "alte auf.")
    saved = Demotion(demotion.scope, demotion.doc_id, demotion.query, demotion.reason,
                     user[:100], datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    doc = {"id": saved.record_id, "type": "demotion", "mode": saved.scope,
           "doc_id": saved.doc_id, "note": saved.reason, "user": saved.user, "ts": saved.ts}
    if saved.query:
        doc["query"] = saved.query
    store.add([doc], 0)
    return saved


def lift_demotion(store: StatsStore, record_id: str) -> Demotion | None:
    """Remove one demotion by its record id; returns what was removed (None if none)."""
    for demotion in load_demotions(store):
        if demotion.record_id == record_id:
            store.delete(record_id)
            return demotion
    return None


def demotion_as_dict(demotion: Demotion | None) -> dict[str, Any] | None:
    """A demotion for the audit trail."""
    if demotion is None:
        return None
    return {"seite": demotion.doc_id, "bereich": demotion.scope,
            "suchanfrage": demotion.query or None, "grund": demotion.reason}


def demoted_for(demotions: list[Demotion], query: str) -> tuple[str, ...]:
    """Ids demoted for a search for ``query``: its own and the everywhere ones, each once."""
    wanted = normalize_query(query)
    ids: list[str] = []
    for demotion in demotions:
        if demotion.applies_to(wanted) and demotion.doc_id not in ids:
            ids.append(demotion.doc_id)
    return tuple(sorted(ids))


class DemotionLookup:
    """All demotions of the statistics core, cached per worker for ``ttl`` seconds."""

    def __init__(self, store: StatsStore, ttl: float) -> None:
        self.store = store
        self._cached: CachedValue[list[Demotion]] = CachedValue(
            lambda: load_demotions(store), [], ttl, "Demoted pages")

    def invalidate(self) -> None:
        """Reload on the next lookup (after this worker saved a change)."""
        self._cached.invalidate()

    def __call__(self, query: str) -> tuple[str, ...]:
        """Ids ranked lower for ``query`` (sorted, so equal lookups give equal cache keys)."""
        return demoted_for(self._cached.get(), query)
