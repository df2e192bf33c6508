"""The indexer's only Solr I/O: read existing hashes, write batches, delete, build suggester.

Built on :mod:`solrclient`. Transport problems, server errors and a missing core become
``SolrUnavailable`` (the run must stop and delete nothing); Solr refusing a request becomes
``SolrRejected`` with Solr's own message. Both are ``SolrError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from solrclient import (RetryPolicy, SolrClient, SolrError, SolrNotFound, SolrRejected,
                        SolrUnavailable, Timeouts)

__all__ = ["SolrWriter", "SolrError", "SolrUnavailable", "SolrRejected", "WRITE_RETRIES"]

# Rows per page of the hash read. Every page of a cursor walks all documents again, so few
# large pages are cheaper than many small ones; 50 000 pairs are about 6 MB of JSON.
HASH_PAGE_ROWS = 50_000
DELETE_CHUNK = 1_000

# Every request here is idempotent (atomic "set", delete by id), so POSTs may be retried.
# Server errors get more patience than refused connections: right after a restart Solr 9 can
# answer an atomic update with a passing NullPointerException in its update log (HTTP 500)
# that is gone a few seconds later, while a refused connection means Solr is down and the run
# should stop soon.
WRITE_RETRIES = RetryPolicy(attempts=5, backoff_s=0.5, connection_attempts=3)


class SolrWriter:
    """Talks to one Solr core through the project's Solr client, with explicit timeouts."""

    def __init__(self, core_url: str, timeout: float = 60.0,
                 retry: RetryPolicy | None = WRITE_RETRIES,
                 client: SolrClient | None = None) -> None:
        self.client = client or SolrClient(core_url, timeouts=Timeouts.reading(timeout),
                                           retry=retry, pool_size=4)
        self.core_url = self.client.url

    def close(self) -> None:
        """Release pooled connections."""
        self.client.close()

    def ping(self) -> int:
        """Number of documents in the core; raises SolrUnavailable when Solr is down."""
        return int(self._call("GET", "/select", params={"q": "*:*", "rows": 0})
                   ["response"]["numFound"])

    def existing_hashes(self, page_rows: int = HASH_PAGE_ROWS,
                        sources: dict[str, str] | None = None) -> dict[str, str]:
        """id -> contentHash of every document, read in pages with a cursor (one bulk pass).

        Both fields have docValues, so Solr answers from them without touching the stored
        pages. A page with fewer rows than asked for is the last: the cursor's own end
        marker would cost one more walk over every document. With ``sources``, the same pass
        fills it with id -> source (the configured source that wrote the page, if any).
        """
        hashes: dict[str, str] = {}
        cursor = "*"
        while True:
            data = self._call("GET", "/select", params={
                "q": "*:*", "fl": "id,contentHash" + (",source" if sources is not None else ""),
                "sort": "id asc", "rows": page_rows,
                "cursorMark": cursor})
            docs = data["response"]["docs"]
            for doc in docs:
                hashes[doc["id"]] = doc.get("contentHash", "")
                if sources is not None and doc.get("source"):
                    sources[doc["id"]] = doc["source"]
            next_cursor = data.get("nextCursorMark", cursor)
            if next_cursor == cursor or len(docs) < page_rows:
                return hashes
            cursor = next_cursor

    def add(self, docs: Sequence[dict[str, object]]) -> None:
        """Send one batch of (atomic update) documents; no commit, autoSoftCommit shows them."""
        if docs:
            self._call("POST", "/update", json=list(docs))

    def delete(self, ids: Iterable[str]) -> None:
        """Delete documents by id, in chunks."""
        ids = list(ids)
        for start in range(0, len(ids), DELETE_CHUNK):
            self._call("POST", "/update", json={"delete": ids[start:start + DELETE_CHUNK]})

    def commit(self) -> None:
        """Hard commit and open a new searcher, so the suggester sees every page."""
        self._call("POST", "/update", params={"commit": "true", "waitSearcher": "true"}, json={})

    def build_suggester(self, dictionary: str = "titles") -> None:
        """Rebuild the title suggester from the committed index."""
        # suggest.q (even empty) is required on SolrCloud, where the build is distributed
        # and each shard answers with its suggestions.
        self._call("GET", "/suggest", params={"suggest.build": "true", "suggest.q": "",
                                              "suggest.dictionary": dictionary})

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            return self.client.call(method, path, **kwargs)
        except SolrNotFound as err:
            # For a run, a core that is not there is a Solr that is not there.
            raise SolrUnavailable(str(err), err.status) from err
