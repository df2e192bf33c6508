"""SolrRepository: the web app's only Solr I/O, with timeouts and translated errors."""

from __future__ import annotations

import json as json_module
import logging
import time
from typing import Any
from urllib.parse import urlencode

import urllib3

log = logging.getLogger(__name__)

# Solr applies the increment itself and makes it visible with its next soft commit.
CLICK_COMMIT_WITHIN_MS = 1000
# Solr calls slower than this are logged at INFO.
SLOW_CALL_MS = 500


class SolrError(Exception):
    """Base of the errors the repository raises."""


class SolrUnavailable(SolrError):
    """Solr could not be reached, timed out or failed on its side (→ 503)."""


class InvalidQuery(SolrError):
    """Solr rejected the request as malformed (→ 400)."""


class DocumentNotFound(SolrError):
    """No document with the given id exists."""


class SolrRepository:
    """Talks to one Solr core over HTTP through one thread-safe pool of kept-alive connections.

    urllib3 directly rather than requests: per search the app's CPU is the limit next to
    Solr's, and requests' session machinery cost about a seventh of it in the benchmark.
    """

    def __init__(self, core_url: str, timeout: float) -> None:
        self.core_url = core_url.rstrip("/")
        # Connecting should be quick on a local network; reading may wait for a busy Solr.
        self.timeout = urllib3.Timeout(connect=min(timeout, 3.0), read=timeout)
        self._pool = urllib3.PoolManager(num_pools=4, maxsize=16, block=False, retries=False,
                                         timeout=self.timeout)

    def _call(self, method: str, path: str, *, params: dict[str, Any] | None = None,
              data: dict[str, str] | None = None, json: Any = None) -> dict[str, Any]:
        url = f"{self.core_url}{path}?{urlencode({**(params or {}), 'wt': 'json'}, doseq=True)}"
        headers, body = {}, None
        if data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
            body = urlencode(data, doseq=True).encode("utf-8")
        elif json is not None:
            headers["Content-Type"] = "application/json"
            body = json_module.dumps(json).encode("utf-8")
        started = time.perf_counter()
        try:
            response = self._pool.request(method, url, body=body, headers=headers)
        except urllib3.exceptions.HTTPError as err:
            log.warning("Solr %s %s failed after %.0f ms: %s", method, path,
                        (time.perf_counter() - started) * 1000, err)
            raise SolrUnavailable(f"Solr at {self.core_url} is not reachable: {err}") from err
        elapsed = (time.perf_counter() - started) * 1000
        # Every call at DEBUG; slow ones at INFO, where production logging looks.
        log.log(logging.INFO if elapsed > SLOW_CALL_MS else logging.DEBUG,
                "Solr %s %s -> %s in %.0f ms", method, path, response.status, elapsed)
        if response.status == 409:
            raise DocumentNotFound(_solr_message(response))
        if response.status == 400:
            raise InvalidQuery(_solr_message(response))
        if response.status != 200:
            raise SolrUnavailable(f"Solr answered {response.status} on {path}: "
                                  f"{_solr_message(response)}")
        try:
            return json_module.loads(response.data)
        except ValueError as err:
            raise SolrUnavailable(f"Solr sent no JSON on {path}") from err

    def search(self, params: dict[str, str]) -> dict[str, Any]:
        """Run the /search handler with ready-built parameters (form body: no URL length limit)."""
        return self._call("POST", "/search", data=params)

    def suggest(self, prefix: str, count: int = 8,
                context_filter: str | None = None) -> list[str]:
        """Title suggestions for what the visitor has typed so far; ``context_filter``
        (``suggest.cfq`` on the pages' URLs) leaves out excluded pages."""
        params = {"suggest.q": prefix, "suggest.count": str(count)}
        if context_filter:
            params["suggest.cfq"] = context_filter
        data = self._call("GET", "/suggest", params=params)
        found: list[str] = []
        for by_query in data.get("suggest", {}).values():
            for entry in by_query.values():
                for item in entry.get("suggestions", []):
                    term = str(item.get("term", ""))
                    if term and term not in found:
                        found.append(term)
        return found[:count]

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """The stored document by id via real-time get (sees updates not yet committed)."""
        data = self._call("GET", "/get", params={"id": doc_id, "fl": "id,url,title"})
        return data.get("doc")

    def increment_clicks(self, doc_id: str) -> None:
        """Add one to the document's clickCounter atomically (in place in Solr)."""
        # _version_ 1 means "must exist": a click on a deleted page must not create a stub.
        update = [{"id": doc_id, "clickCounter": {"inc": 1}, "_version_": 1}]
        self._call("POST", "/update", params={"commitWithin": str(CLICK_COMMIT_WITHIN_MS)},
                   json=update)

    def ping(self) -> bool:
        """True when Solr answers its ping handler with OK."""
        try:
            return self._call("GET", "/admin/ping").get("status") == "OK"
        except SolrError:
            return False


def _solr_message(response: urllib3.BaseHTTPResponse) -> str:
    try:
        return str(json_module.loads(response.data).get("error", {}).get("msg", ""))[:500]
    except (ValueError, AttributeError):
        return response.data[:200].decode("utf-8", "replace")
