"""Exclusions: pages (one URL) or whole path prefixes kept out of everything visitors see.

Kept as records in the statistics core (they survive restarts and reindexing, and every
worker sees the same list); each worker rereads them at most every few seconds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

from webapp.request import clean_text
from webapp.tuning import Exclusions

from .cached import CachedValue
from .repository import StatsStore

KINDS = {"url": "Einzelne Seite", "prefix": "Pfad-Präfix"}
# Each exclusion is one clause of a boolean query; Solr allows 1024 (maxBooleanClauses).
MAX_EXCLUSIONS = 1000
MAX_URL = 2000
MAX_REASON = 300


@dataclass(frozen=True)
class Exclusion:
    """One page or path prefix that visitors must not see, with why, who and when."""

    kind: str
    target: str
    reason: str
    user: str
    ts: str
    # Ids of the indexed pages with this URL when it was excluded (a page's id is usually
    # its normalised URL, which is excluded as an id anyway).
    doc_ids: tuple[str, ...] = ()

    @property
    def record_id(self) -> str:
        """Stable per kind and target: excluding the same thing twice replaces the record."""
        digest = hashlib.sha1(f"{self.kind}\0{self.target}".encode()).hexdigest()
        return f"exclusion:{digest}"

    @property
    def kind_label(self) -> str:
        """German name of the kind."""
        return KINDS[self.kind]


def check_target(kind: str, raw: str) -> str:
    """The URL or prefix as stored; ValueError with a German message for bad input."""
    if kind not in KINDS:
        raise ValueError("Bitte wählen Sie, ob eine einzelne Seite oder ein Pfad-Präfix "
                         "ausgeschlossen wird.")
    target = clean_text(raw or "").strip()
    if len(target) > MAX_URL:
        raise ValueError(f"Die Adresse ist länger als {MAX_URL} Zeichen.")
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("Bitte eine vollständige Adresse angeben, z. B. "
                         "https://www.jena.de/aktuelles/ .")
    if kind == "prefix" and not parts.path.strip("/"):
        # A whole host as prefix would empty the search; that is a reindex matter.
        raise ValueError("Ein Präfix muss mindestens einen Pfad enthalten "
                         "(nicht die ganze Website).")
    return target


def load_exclusions(store: StatsStore) -> list[Exclusion]:
    """Every exclusion, newest first."""
    data = store.select({"q": "*:*", "fq": "type:exclusion", "rows": MAX_EXCLUSIONS,
                         "fl": "mode,target,note,user,ts,doc_ids", "sort": "ts desc"})
    return [Exclusion(d.get("mode", ""), d.get("target", ""), d.get("note", ""),
                      d.get("user", ""), d.get("ts", ""), tuple(d.get("doc_ids", [])))
            for d in data["response"]["docs"] if d.get("mode") in KINDS]


def save_exclusion(store: StatsStore, kind: str, target: str, reason: str, user: str,
                   doc_ids: tuple[str, ...] = ()) -> Exclusion:
    """Create (or renew) an exclusion; visible to every worker within its cache time."""
    reason = clean_text(reason or "")[:MAX_REASON]
    if not reason:
        raise ValueError("Bitte einen Grund angeben; er hilft später bei der Entscheidung, "
                         "ob der Ausschluss noch nötig ist.")
    target = check_target(kind, target)
    known = load_exclusions(store)
    if len(known) >= MAX_EXCLUSIONS and all(e.target != target for e in known):
        raise ValueError(f"Es gibt bereits {MAX_EXCLUSIONS} Ausschlüsse. Bitte fassen Sie "
                         "Seiten zu einem Pfad-Präfix zusammen oder heben Sie alte auf.")
    exclusion = Exclusion(kind, target, reason, user[:100],
                          datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                          tuple(doc_ids) if kind == "url" else ())
    doc = {"id": exclusion.record_id, "type": "exclusion", "mode": exclusion.kind,
           "target": exclusion.target, "note": exclusion.reason, "user": exclusion.user,
           "ts": exclusion.ts}
    if exclusion.doc_ids:
        doc["doc_ids"] = list(exclusion.doc_ids)
    store.add([doc], 0)
    return exclusion


def lift_exclusion(store: StatsStore, kind: str, target: str) -> Exclusion | None:
    """Remove an exclusion; returns what was removed (None if there was none)."""
    for exclusion in load_exclusions(store):
        if exclusion.kind == kind and exclusion.target == target:
            store.delete(exclusion.record_id)
            return exclusion
    return None


def as_filter(exclusions: list[Exclusion]) -> Exclusions:
    """What the visitor search needs: single pages by id (their URL, which is the id of an
    indexed page, and the ids found for it when excluded) and path prefixes of the URL."""
    ids: list[str] = []
    for exclusion in exclusions:
        if exclusion.kind == "url":
            ids.extend([exclusion.target, *exclusion.doc_ids])
    prefixes = tuple(e.target for e in exclusions if e.kind == "prefix")
    return Exclusions(ids=tuple(dict.fromkeys(ids)), url_prefixes=prefixes)


class ExclusionLookup:
    """All exclusions, cached per worker for ``ttl`` seconds (the last list when Solr fails)."""

    def __init__(self, store: StatsStore, ttl: float) -> None:
        self._cached: CachedValue[Exclusions] = CachedValue(
            lambda: as_filter(load_exclusions(store)), Exclusions(), ttl, "Exclusions")

    def invalidate(self) -> None:
        """Reload on the next lookup (after this worker changed the list)."""
        self._cached.invalidate()

    def __call__(self) -> Exclusions:
        """The current exclusions."""
        return self._cached.get()
