"""SolrClient: HTTP to Solr through one pool, with failover across nodes and translated errors."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

import orjson
import urllib3

from solrclient.errors import SolrError, SolrUnavailable, error_for_status, solr_message
from solrclient.policy import RetryPolicy, Timeouts

log = logging.getLogger(__name__)

# Calls slower than this are logged at INFO (every call is logged at DEBUG).
SLOW_CALL_MS = 500
# A node that refused a connection or timed out is tried last for this long.
NODE_BACKOFF_S = 5.0


class SolrClient:
    """Talks to one Solr core, collection or alias, reachable under one or several URLs.

    ``urls`` are the same target on different nodes (``http://a:8983/solr/stadtsuche``,
    ``http://b:8983/solr/stadtsuche``): a node that refuses connections or times out is
    skipped for a few seconds and the request goes to the next. urllib3 directly rather than
    requests: per search the app's CPU is the limit next to Solr's.
    """

    def __init__(self, urls: str | Sequence[str], *, timeouts: Timeouts = Timeouts(),
                 retry: RetryPolicy | None = None, pool_size: int = 16,
                 _pool: urllib3.PoolManager | None = None,
                 _health: dict[str, float] | None = None) -> None:
        listed = [urls] if isinstance(urls, str) else list(urls)
        self.urls = [u.rstrip("/") for u in listed if u.strip()]
        if not self.urls:
            raise ValueError("SolrClient needs at least one Solr URL")
        self.timeouts = timeouts
        self.retry = retry
        self._pool = _pool or urllib3.PoolManager(num_pools=8, maxsize=pool_size, block=False,
                                                  retries=False)
        # node URL prefix -> monotonic time until which it is tried last
        self._down_until = _health if _health is not None else {}
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """The first (preferred) URL, for messages and for deriving sibling URLs."""
        return self.urls[0]

    @property
    def name(self) -> str:
        """Last path segment: the core, collection or alias name."""
        return self.url.rsplit("/", 1)[1]

    def core(self, name: str, **overrides: Any) -> SolrClient:
        """A client for another core/collection on the same nodes, sharing the pool."""
        return self._derive([u.rsplit("/", 1)[0] + "/" + name for u in self.urls], **overrides)

    def root(self, **overrides: Any) -> SolrClient:
        """A client for node-level APIs (``/admin/cores``, ``/admin/collections``, …)."""
        return self._derive([u.rsplit("/", 1)[0] for u in self.urls], **overrides)

    def at(self, url: str, **overrides: Any) -> SolrClient:
        """A client for an unrelated URL (one given node, a shard's core), sharing the pool."""
        return self._derive([url.rstrip("/")], **overrides)

    def with_options(self, **overrides: Any) -> SolrClient:
        """The same target with other ``timeouts`` or ``retry``, sharing the pool."""
        return self._derive(self.urls, **overrides)

    def _derive(self, urls: list[str], **overrides: Any) -> SolrClient:
        return SolrClient(urls, timeouts=overrides.get("timeouts", self.timeouts),
                          retry=overrides.get("retry", self.retry), _pool=self._pool,
                          _health=self._down_until)

    def close(self) -> None:
        """Close pooled connections (the client stays usable and reconnects when needed)."""
        self._pool.clear()

    # ------------------------------------------------------------------ requests
    def call(self, method: str, path: str = "", *, params: dict[str, Any] | None = None,
             form: dict[str, Any] | None = None, json: Any = None,
             timeouts: Timeouts | None = None) -> Any:
        """One request; returns Solr's JSON answer, raises a :class:`SolrError` subclass.

        ``path`` is appended to the URL (``/select``, ``/update``); ``form`` is sent as a
        form body (no URL length limit), ``json`` as a JSON body.
        """
        body = self.call_bytes(method, path, params={**(params or {}), "wt": "json"},
                               form=form, json=json, timeouts=timeouts)
        try:
            # orjson: about a third of the stdlib's time for a typical search answer.
            return orjson.loads(body)
        except orjson.JSONDecodeError as err:
            raise SolrUnavailable(f"Solr sandte kein JSON auf {path or '/'}") from err

    def call_bytes(self, method: str, path: str = "", *, params: dict[str, Any] | None = None,
                   form: dict[str, Any] | None = None, json: Any = None,
                   data: bytes | None = None, content_type: str | None = None,
                   timeouts: Timeouts | None = None) -> bytes:
        """One request; returns the raw body of a 2xx answer."""
        headers: dict[str, str] = {}
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
            data = urlencode(form, doseq=True).encode("utf-8")
        elif json is not None:
            headers["Content-Type"] = "application/json"
            data = orjson.dumps(json)
        elif content_type:
            headers["Content-Type"] = content_type
        query = f"?{urlencode(params, doseq=True)}" if params else ""
        timeout = timeouts or self.timeouts
        attempt = 0
        while True:
            try:
                return self._send_any_node(method, path + query, data, headers, timeout)
            except SolrError as err:
                if not self._retryable(err, attempt):
                    raise
                delay = self.retry.delay(attempt) if self.retry else 0.0
                log.info("Solr %s %s failed (%s), try %d again in %.1f s", method, path, err,
                         attempt + 2, delay)
                time.sleep(delay)
                attempt += 1

    def _retryable(self, err: SolrError, attempt: int) -> bool:
        if self.retry is None or attempt + 1 >= self.retry.attempts:
            return False
        if err.status is None:
            limit = self.retry.connection_attempts
            return self.retry.on_connection_error and (limit is None or attempt + 1 < limit)
        return err.status in self.retry.statuses

    def _send_any_node(self, method: str, tail: str, data: bytes | None,
                       headers: dict[str, str], timeout: Timeouts) -> bytes:
        last: SolrUnavailable | None = None
        for base in self._nodes_in_order():
            try:
                return self._send(method, base, tail, data, headers, timeout)
            except _NodeDown as err:
                self._mark_down(base)
                last = SolrUnavailable(str(err))
                last.__cause__ = err.__cause__
        assert last is not None
        raise last

    def _nodes_in_order(self) -> list[str]:
        if len(self.urls) == 1:
            return self.urls
        now = time.monotonic()
        with self._lock:
            up = [u for u in self.urls if self._down_until.get(u, 0.0) <= now]
            down = sorted((u for u in self.urls if u not in up),
                          key=lambda u: self._down_until[u])
        return up + down

    def _mark_down(self, base: str) -> None:
        if len(self.urls) > 1:
            with self._lock:
                self._down_until[base] = time.monotonic() + NODE_BACKOFF_S

    def _send(self, method: str, base: str, tail: str, data: bytes | None,
              headers: dict[str, str], timeout: Timeouts) -> bytes:
        url = base + tail
        started = time.perf_counter()
        try:
            response = self._pool.request(
                method, url, body=data, headers=headers, preload_content=True,
                timeout=urllib3.Timeout(connect=timeout.connect, read=timeout.read))
        except urllib3.exceptions.HTTPError as err:
            elapsed = (time.perf_counter() - started) * 1000
            log.warning("Solr %s %s failed after %.0f ms: %s", method, url, elapsed, err)
            raise _NodeDown(f"Solr unter {base} nicht erreichbar: {err}") from err
        elapsed = (time.perf_counter() - started) * 1000
        log.log(logging.INFO if elapsed > SLOW_CALL_MS else logging.DEBUG,
                "Solr %s %s -> %s in %.0f ms", method, url.split("?", 1)[0],
                response.status, elapsed)
        if 200 <= response.status < 300:
            return response.data
        path = tail.split("?", 1)[0] or "/"
        raise error_for_status(response.status, f"Solr antwortete {response.status} auf "
                               f"{base.rsplit('/', 1)[-1]}{path}: {solr_message(response.data)}")


class _NodeDown(Exception):
    """A node refused the connection or timed out; the next node may be asked."""
