"""SolrClient: HTTP to Solr through one pool, with failover across nodes and translated errors."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Sequence
from typing import Any
import orjson

from solrclient.form import encode as encode_form
from solrclient.errors import SolrError, SolrUnavailable, error_for_status, solr_message
from solrclient.health import SHARED_HEALTH, NodeHealth
from solrclient.policy import RetryPolicy, Timeouts
from solrclient.transport import MaybeSent, NotSent, Transport

log = logging.getLogger(__name__)

# Calls slower than this are logged at INFO (every call is logged at DEBUG).
SLOW_CALL_MS = 500
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD"})



def node_base(url: str) -> str:
    """``http://host:8983/solr/stadtsuche`` -> ``http://host:8983/solr``."""
    return url.rstrip("/").rsplit("/", 1)[0]

class SolrClient:
    """Talks to one Solr core, collection or alias, reachable under one or several URLs.

    ``urls`` are the same target on different nodes (``http://a:8983/solr/stadtsuche``,
    ``http://b:8983/solr/stadtsuche``), as a list or one comma-separated string (the form
    the settings use). Nodes are asked in the configured order; one that refuses connections,
    times out or breaks the connection is backed off (see :class:`NodeHealth`).

    Failover never counts a request twice: a request that could not be sent (connection
    refused, connect timeout) goes to the next node at once; one that may have reached Solr
    (read timeout, broken connection, 5xx) is sent again only when it is idempotent and the
    retry policy allows it (reads: to every node once without a policy). A non-idempotent
    update such as a click increment is therefore never sent twice. The connections are
    :mod:`solrclient.transport`'s: per search the app's CPU is the limit next to Solr's.
    """

    def __init__(self, urls: str | Sequence[str], *, timeouts: Timeouts = Timeouts(),
                 retry: RetryPolicy | None = None, pool_size: int = 16,
                 _pool: Transport | None = None,
                 _health: NodeHealth | None = None) -> None:
        listed = urls.split(",") if isinstance(urls, str) else list(urls)
        self.urls = [u.strip().rstrip("/") for u in listed if u.strip()]
        if not self.urls:
            raise ValueError("SolrClient needs at least one Solr URL")
        self.timeouts = timeouts
        self.retry = retry
        self._pool = _pool or Transport(max_idle=pool_size)
        # One per process unless given: what one part of the app learnt about a node (a
        # search timing out, the node watch) spares every other part the same wait.
        self.health = _health if _health is not None else SHARED_HEALTH

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
        return self._derive([node_base(u) + "/" + name for u in self.urls], **overrides)

    def root(self, **overrides: Any) -> SolrClient:
        """A client for node-level APIs (``/admin/cores``, ``/admin/collections``, …)."""
        return self._derive([node_base(u) for u in self.urls], **overrides)

    def at(self, url: str, **overrides: Any) -> SolrClient:
        """A client for an unrelated URL (one given node, a shard's core), sharing the pool."""
        return self._derive([url.rstrip("/")], **overrides)

    def with_options(self, **overrides: Any) -> SolrClient:
        """The same target with other ``timeouts`` or ``retry``, sharing the pool."""
        return self._derive(self.urls, **overrides)

    def _derive(self, urls: list[str], **overrides: Any) -> SolrClient:
        return SolrClient(urls, timeouts=overrides.get("timeouts", self.timeouts),
                          retry=overrides.get("retry", self.retry), _pool=self._pool,
                          _health=self.health)

    def close(self) -> None:
        """Close pooled connections (the client stays usable and reconnects when needed)."""
        self._pool.clear()

    # ------------------------------------------------------------------ requests
    def call(self, method: str, path: str = "", *, params: dict[str, Any] | None = None,
             form: dict[str, Any] | None = None, json: Any = None,
             timeouts: Timeouts | None = None, idempotent: bool | None = None,
             avoid: Sequence[str] = ()) -> Any:
        """One request; returns Solr's JSON answer, raises a :class:`SolrError` subclass.

        ``path`` is appended to the URL (``/select``, ``/update``); ``form`` is sent as a
        form body (no URL length limit), ``json`` as a JSON body. ``idempotent``: see
        :meth:`call_bytes`; ``avoid``: URLs to try only after all others.
        """
        body = self.call_bytes(method, path, params={**(params or {}), "wt": "json"},
                               form=form, json=json, timeouts=timeouts, idempotent=idempotent,
                               avoid=avoid)
        try:
            # orjson: about a third of the stdlib's time for a typical search answer.
            return orjson.loads(body)
        except orjson.JSONDecodeError as err:
            raise SolrUnavailable(f"Solr sandte kein JSON auf {path or '/'}") from err

    def call_bytes(self, method: str, path: str = "", *, params: dict[str, Any] | None = None,
                   form: dict[str, Any] | None = None, json: Any = None,
                   data: bytes | None = None, content_type: str | None = None,
                   timeouts: Timeouts | None = None, idempotent: bool | None = None,
                   avoid: Sequence[str] = ()) -> bytes:
        """One request; returns the raw body of a 2xx answer.

        ``idempotent`` allows sending the request again after it may have reached Solr;
        by default GET and HEAD are, and every call of a client that has a RetryPolicy (which
        is only given for idempotent calls). Pass True for searches sent as POST and atomic
        ``set`` updates; never for increments.
        """
        headers: dict[str, str] = {}
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
            data = encode_form(form).encode("ascii")
        elif json is not None:
            headers["Content-Type"] = "application/json"
            data = orjson.dumps(json)
        elif content_type:
            headers["Content-Type"] = content_type
        query = f"?{encode_form(params)}" if params else ""
        timeout = timeouts or self.timeouts
        if idempotent is None:
            # A RetryPolicy is only given for idempotent calls (see its docstring).
            idempotent = self.retry is not None or method.upper() in IDEMPOTENT_METHODS
        tried: list[str] = [u for u in avoid if u in self.urls]
        attempt = 0
        while True:
            try:
                return self._send_any_node(method, path + query, data, headers, timeout, tried)
            except SolrError as err:
                if not self._retryable(err, attempt, idempotent):
                    raise
                delay = self.retry.delay(attempt) if self.retry else 0.0
                log.info("Solr %s %s failed (%s), try %d in %.1f s", method, path, err,
                         attempt + 2, delay)
                time.sleep(delay)
                attempt += 1

    def _retryable(self, err: SolrError, attempt: int, idempotent: bool) -> bool:
        # Sending again is safe when no node took the request, whatever it does.
        if not idempotent and not getattr(err, "not_sent", False):
            return False
        if self.retry is None:
            # Without a policy a read goes to each node once when it timed out or broke.
            return err.status is None and attempt + 1 < len(self.urls)
        if attempt + 1 >= self.retry.attempts:
            return False
        if err.status is None:
            limit = self.retry.connection_attempts
            return self.retry.on_connection_error and (limit is None or attempt + 1 < limit)
        return err.status in self.retry.statuses

    def _send_any_node(self, method: str, tail: str, data: bytes | None,
                       headers: dict[str, str], timeout: Timeouts, tried: list[str]) -> bytes:
        """One attempt: nodes that cannot be connected to are passed over at once; the first
        node that takes the request decides the outcome (and is appended to ``tried``)."""
        last: SolrUnavailable | None = None
        for base in self._nodes_in_order(tried):
            try:
                body = self._send(method, base, tail, data, headers, timeout)
            except _NotSent as err:
                self._mark_down(base)
                last = SolrUnavailable(str(err))
                last.__cause__ = err.__cause__
                continue
            except _MaybeSent as err:
                self._mark_down(base)
                tried.append(base)
                failed = SolrUnavailable(str(err))
                raise failed from err.__cause__
            except SolrError:
                tried.append(base)
                raise
            self.health.mark_up(base)
            return body
        assert last is not None
        last.not_sent = True  # type: ignore[attr-defined]
        raise last

    def _nodes_in_order(self, tried: list[str] | None = None) -> list[str]:
        if len(self.urls) == 1:
            return self.urls
        return self.health.order(self.urls, tried or ())

    def _mark_down(self, base: str) -> None:
        if len(self.urls) > 1:
            self.health.mark_down(base)

    def probe(self, path: str, params: dict[str, Any] | None = None,
              timeouts: Timeouts | None = None) -> dict[str, SolrError | None]:
        """GET ``path`` on every node separately and at the same time; node URL -> None when
        it answered 2xx, else the error. Updates the back-off like any request."""
        query = f"?{encode_form({**(params or {}), 'wt': 'json'})}"
        timeout = timeouts or self.timeouts

        def one(base: str) -> SolrError | None:
            try:
                self._send("GET", base, path + query, None, {}, timeout)
            except (_NotSent, _MaybeSent) as err:
                self._mark_down(base)
                return SolrUnavailable(str(err))
            except SolrError as err:
                return err
            self.health.mark_up(base)
            return None

        with ThreadPoolExecutor(max_workers=len(self.urls)) as pool:
            return dict(zip(self.urls, pool.map(one, self.urls)))

    def _send(self, method: str, base: str, tail: str, data: bytes | None,
              headers: dict[str, str], timeout: Timeouts) -> bytes:
        url = base + tail
        started = time.perf_counter()
        try:
            response = self._pool.request(method, base, tail, data, headers,
                                          timeout.connect, timeout.read)
        except (NotSent, MaybeSent) as err:
            elapsed = (time.perf_counter() - started) * 1000
            log.warning("Solr %s %s failed after %.0f ms: %s", method, url.split("?", 1)[0],
                        elapsed, err)
            # A connect error means Solr never saw the request; anything later may have reached it.
            failure = _NotSent if isinstance(err, NotSent) else _MaybeSent
            raise failure(f"Solr unter {base} nicht erreichbar: {err}") from err
        elapsed = (time.perf_counter() - started) * 1000
        log.log(logging.INFO if elapsed > SLOW_CALL_MS else logging.DEBUG,
                "Solr %s %s -> %s in %.0f ms", method, url.split("?", 1)[0],
                response.status, elapsed)
        if 200 <= response.status < 300:
            return response.body
        path = tail.split("?", 1)[0] or "/"
        raise error_for_status(response.status, f"Solr antwortete {response.status} auf "
                               f"{base.rsplit('/', 1)[-1]}{path}: {solr_message(response.body)}")


class _NotSent(Exception):
    """No connection to the node (refused, connect timeout): the request never reached Solr."""


class _MaybeSent(Exception):
    """The node took the request and then timed out or broke the connection: it may have run."""
