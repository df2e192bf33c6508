"""ParsedPage -> Solr update document.

Every field is written as an atomic ``{"set": …}`` and ``clickCounter`` is never sent. For a
new page Solr creates the document and the schema default (0) applies; for an existing page
only the fields named here are replaced and the visitors' click count stays exactly as it is,
however often or completely the site is re-indexed. A field that a page no longer has is set
to null, which removes the old value.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from indexer.model import ParsedPage, RawPage, UnreadFile

# Bump when the document layout changes, so that the next run rewrites every page.
HASH_VERSION = "3"


def solr_date(moment: datetime) -> str:
    """Solr's UTC ISO form, e.g. ``2025-11-03T00:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def page_fields(page: ParsedPage) -> dict[str, object]:
    """The searchable fields of a page as plain Solr values (None for absent ones)."""
    fields: dict[str, object] = {
        "id": page.id,
        "url": page.url,
        "title": page.title,
        "teaser": page.teaser or None,
        "content": page.content or None,
        "keywords": list(page.keywords) or None,
        "category": page.category,
        "onlineDate": solr_date(page.online_date) if page.online_date else None,
        "onlineDateHasTime": page.online_time_known if page.online_date else None,
        "language": page.language,
        # Several sites, duplicates, languages (indexer/README.md).
        "host": page.host or None,
        "site": page.site or None,
        "source": page.source or None,
        "bodyLanguage": page.body_language,
        "signature": page.signature,
        "addressRank": page.address_rank,
        "canonical": page.canonical,
        "linkShare": page.link_share,
        "hub": page.hub,
        "boilerplate": page.boilerplate or None,
    }
    if page.file is not None:
        # Only documents carry these (pages keep their hashes); see indexer/files.
        fields.update({"fileType": page.file.kind, "fileSize": page.file.size,
                       "pageCount": page.file.pages, "linkedFrom": page.file.linked_from,
                       "linkedFromTitle": page.file.linked_from_title})
    return fields


def content_hash(page: ParsedPage) -> str:
    """Hash of the fields written to Solr: equal hash means nothing to update."""
    payload = json.dumps([HASH_VERSION, page_fields(page)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def body_digest(body: bytes) -> str:
    """Digest of a page's raw bytes (kept in the state for files skipped unread)."""
    return hashlib.sha256(body).hexdigest()


def fingerprint(digest: str, raw: RawPage | UnreadFile, settings: str) -> str:
    """Hash of everything parsing depends on: the bytes (by their ``body_digest``), transport
    dates, parser settings.

    Built on the bytes' digest rather than the bytes, so that a file skipped unread by its
    metadata gets the same fingerprint from the digest recorded with them.
    """
    parts = (digest, HASH_VERSION, settings, raw.url, raw.content_type or "",
             str(raw.http_last_modified or ""), str(raw.file_mtime or ""), raw.robots_header or "")
    return hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()


def to_solr_doc(page: ParsedPage, digest: str, indexed_at: datetime) -> dict[str, object]:
    """An atomic update that creates or refreshes the page and leaves clickCounter alone."""
    doc: dict[str, object] = {"id": page.id}
    for name, value in page_fields(page).items():
        if name != "id":
            doc[name] = {"set": value}
    doc["contentHash"] = {"set": digest}
    doc["indexedAt"] = {"set": solr_date(indexed_at)}
    return doc
