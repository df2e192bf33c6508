"""What the indexer remembers about each source URL between runs, in one JSON file.

* Validators (ETag, Last-Modified) let the crawler ask "changed since?", so that a 304 answer
  counts as unchanged without downloading or parsing the page.
* A fingerprint of the raw bytes (plus file time and parser settings) and the resulting
  content hash let an unchanged page skip parsing, which is most of a run's time.
* For a folder file, its metadata key and the digest of its bytes let an unchanged file skip
  even reading (``indexer.sources.folder`` says when the key is trusted).

An entry is recorded only after its page is safely in Solr, and an entry is used only while
Solr still holds its document with the same content hash, so the state can never hide a page
that is missing from the index or differs there. Losing the file only costs time.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Validators:
    """What the server said about a page last time, and the page's document id."""

    page_id: str
    etag: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = None
    content_hash: str | None = None
    file_key: str | None = None
    body_digest: str | None = None


class ValidatorStore:
    """URL -> Validators; loaded from and saved to one JSON file (None: memory only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._loaded: dict[str, Validators] | None = None
        self._changed = False

    @property
    def _entries(self) -> dict[str, Validators]:
        # Read on first use: a run asks Solr for its hashes first and reads the file (tens of
        # MB for a large site) while Solr answers.
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded

    def _load(self) -> dict[str, Validators]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return {url: Validators(*v) for url, v in raw.items()
                    if isinstance(v, list) and 1 <= len(v) <= 7}
        except (OSError, ValueError, TypeError) as err:
            # A damaged state only costs full downloads; never a reason to stop.
            log.warning("ignoring unreadable crawler state %s: %s", self.path, err)
            return {}

    def get(self, url: str) -> Validators | None:
        """The validators for a URL, if any."""
        return self._entries.get(url)

    def known_file(self, url: str) -> tuple[str, str] | None:
        """The metadata key and bytes' digest recorded for a folder file, if any."""
        known = self._entries.get(url)
        if known is None or not known.file_key or not known.body_digest:
            return None
        return known.file_key, known.body_digest

    def keep_only(self, page_ids: set[str]) -> None:
        """Forget entries whose document is not in the index (any more)."""
        kept = {u: v for u, v in self._entries.items() if v.page_id in page_ids}
        self._changed |= len(kept) != len(self._entries)
        self._loaded = kept

    def remember(self, url: str, validators: Validators) -> None:
        """Record validators for a page that is now in Solr."""
        if ((validators.etag or validators.last_modified or validators.fingerprint)
                and self._entries.get(url) != validators):
            self._entries[url] = validators
            self._changed = True

    def save(self) -> None:
        """Write the file atomically (no-op without a path, or when nothing changed)."""
        if self.path is None or not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        # Compact rows (field order of Validators): a million pages stay around 400 MB.
        data = {u: (v.page_id, v.etag, v.last_modified, v.fingerprint, v.content_hash,
                    v.file_key, v.body_digest)
                for u, v in self._entries.items()}
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                       encoding="utf-8")
        os.replace(tmp, self.path)
