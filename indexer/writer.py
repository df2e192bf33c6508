"""The indexer's only Solr I/O: read existing hashes, write batches, delete, build suggester.

Transport problems become ``SolrUnavailable`` (the run must stop and delete nothing); Solr
refusing a request becomes ``SolrRejected`` with Solr's own message.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Sequence

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

HASH_PAGE_ROWS = 10_000
DELETE_CHUNK = 1_000


class SolrError(Exception):
    """Base class of the writer's errors."""


class SolrUnavailable(SolrError):
    """Solr cannot be reached, timed out or answered with a server error."""


class SolrRejected(SolrError):
    """Solr understood the request and refused it (bad document, unknown field, …)."""


class SolrWriter:
    """Talks to one Solr core over a pooled HTTP session with explicit timeouts."""

    def __init__(self, core_url: str, timeout: float = 60.0, retries: int = 2) -> None:
        self.core_url = core_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        # Every request here is idempotent (atomic "set", delete by id), so POSTs may be retried.
        # Server errors get more patience than refused connections: right after a restart
        # Solr 9 can answer an atomic update with a passing NullPointerException in its update
        # log (HTTP 500) that is gone a few seconds later, while a refused connection means
        # Solr is down and the run should stop soon.
        retry = Retry(total=None, connect=retries, read=retries, other=0, status=retries + 2,
                      backoff_factor=0.5, status_forcelist=(500, 502, 503, 504),
                      allowed_methods=None, raise_on_status=False)
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def close(self) -> None:
        """Release pooled connections."""
        self.session.close()

    def ping(self) -> int:
        """Number of documents in the core; raises SolrUnavailable when Solr is down."""
        return int(self._request("GET", "select", params={"q": "*:*", "rows": 0})
                   ["response"]["numFound"])

    def existing_hashes(self) -> dict[str, str]:
        """id -> contentHash of every document, read in pages with a cursor (one bulk pass)."""
        hashes: dict[str, str] = {}
        cursor = "*"
        while True:
            data = self._request("GET", "select", params={
                "q": "*:*", "fl": "id,contentHash", "sort": "id asc", "rows": HASH_PAGE_ROWS,
                "cursorMark": cursor})
            for doc in data["response"]["docs"]:
                hashes[doc["id"]] = doc.get("contentHash", "")
            next_cursor = data.get("nextCursorMark", cursor)
            if next_cursor == cursor:
                return hashes
            cursor = next_cursor

    def add(self, docs: Sequence[dict[str, object]]) -> None:
        """Send one batch of (atomic update) documents; no commit, autoSoftCommit shows them."""
        if docs:
            self._request("POST", "update", body=list(docs))

    def delete(self, ids: Iterable[str]) -> None:
        """Delete documents by id, in chunks."""
        ids = list(ids)
        for start in range(0, len(ids), DELETE_CHUNK):
            self._request("POST", "update", body={"delete": ids[start:start + DELETE_CHUNK]})

    def commit(self) -> None:
        """Hard commit and open a new searcher, so the suggester sees every page."""
        self._request("POST", "update", params={"commit": "true", "waitSearcher": "true"},
                      body={})

    def build_suggester(self, dictionary: str = "titles") -> None:
        """Rebuild the title suggester from the committed index."""
        # suggest.q (even empty) is required on SolrCloud, where the build is distributed
        # and each shard answers with its suggestions.
        self._request("GET", "suggest", params={"suggest.build": "true", "suggest.q": "",
                                                "suggest.dictionary": dictionary})

    def _request(self, method: str, path: str, params: dict[str, object] | None = None,
                 body: object | None = None) -> dict:
        url = f"{self.core_url}/{path}"
        started = time.monotonic()
        try:
            response = self.session.request(
                method, url, params={**(params or {}), "wt": "json"},
                data=None if body is None else json.dumps(body, ensure_ascii=False).encode(),
                headers={"Content-Type": "application/json"} if body is not None else None,
                timeout=self.timeout)
        except requests.RequestException as err:
            raise SolrUnavailable(f"Solr unter {self.core_url} nicht erreichbar: {err}") from err
        log.debug("%s %s -> %s in %.3f s", method, url, response.status_code,
                  time.monotonic() - started)
        if response.status_code >= 500 or response.status_code == 404:
            raise SolrUnavailable(f"Solr antwortet mit HTTP {response.status_code} auf {path}: "
                                  f"{_solr_message(response)}")
        if response.status_code >= 400:
            raise SolrRejected(f"Solr lehnt {path} ab (HTTP {response.status_code}): "
                               f"{_solr_message(response)}")
        try:
            return response.json()
        except ValueError as err:
            raise SolrUnavailable(f"Solr-Antwort auf {path} ist kein JSON") from err


def _solr_message(response: requests.Response) -> str:
    try:
        return str(response.json()["error"]["msg"])
    except (ValueError, KeyError, TypeError):
        return response.text[:300]
