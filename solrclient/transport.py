"""Keep-alive HTTP/1.1 connections to Solr nodes, on the standard library's http.client.

SolrClient needs little of an HTTP library: one request at a time per connection, bodies that
are bytes, answers read whole, and a precise account of failures (did the request reach the
node or not?). urllib3 cost about 0.4 ms CPU per Solr call more than http.client alone on the
benchmark's searches (0.8 against 0.4 ms, answer parsing included): on the visitor path that
was a fifth of the app's CPU per search. What it did beyond http.client, for these requests,
is done here: a pool of idle connections per node, a connect and a read timeout, dropping
connections the node has closed, and telling "never sent" from "may have reached Solr".
"""

from __future__ import annotations

import http.client
import select
import socket
import threading
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

# Idle connections kept per node; more are opened when more threads ask at once.
MAX_IDLE = 16


class NotSent(Exception):
    """No connection to the node (refused, unknown host, connect timeout): Solr never saw the
    request."""


class MaybeSent(Exception):
    """The node took the connection and then timed out or broke it: the request may have run."""


@dataclass(frozen=True)
class Answer:
    """Status and whole body of one HTTP answer."""

    status: int
    body: bytes


@dataclass(frozen=True)
class _Node:
    secure: bool
    host: str
    port: int
    path: str  # the URL's path, to which a request's tail is appended


@lru_cache(maxsize=256)
def _node(base: str) -> _Node:
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotSent(f"keine HTTP-Adresse: {base}")
    secure = parts.scheme == "https"
    return _Node(secure, parts.hostname, parts.port or (443 if secure else 80), parts.path)


def _closed_by_peer(conn: http.client.HTTPConnection) -> bool:
    """True when an idle connection can no longer be used: the node closed it (readable means
    end of stream, as nothing is expected between requests) or it has no socket."""
    sock = conn.sock
    if sock is None:
        return True
    # poll rather than select: select fails on descriptors above 1024, which a busy server
    # process reaches, and would then have every idle connection thrown away.
    poller = select.poll()
    try:
        poller.register(sock, select.POLLIN)
        return bool(poller.poll(0))
    except (OSError, ValueError):
        return True


class Transport:
    """Idle connections per node, shared by the threads of a process (thread-safe)."""

    def __init__(self, max_idle: int = MAX_IDLE) -> None:
        self.max_idle = max_idle
        self._idle: dict[_Node, list[http.client.HTTPConnection]] = {}
        self._lock = threading.Lock()

    def request(self, method: str, base: str, tail: str, body: bytes | None,
                headers: dict[str, str], connect_timeout: float, read_timeout: float) -> Answer:
        """Send one request to ``base + tail`` and read the whole answer.

        Raises :class:`NotSent` when no connection could be made, :class:`MaybeSent` when the
        request may have reached Solr but no complete answer came back within
        ``read_timeout`` (seconds without data, as a socket timeout).
        """
        node = _node(base)
        conn, reused = self._connection(node, connect_timeout)
        try:
            _send(conn, method, node.path + tail, body, headers, read_timeout)
        except OSError as err:
            conn.close()
            if not reused:
                raise MaybeSent(str(err)) from err
            # The node closed the idle connection as it was taken: a request that could not
            # be written whole cannot have run (Solr reads the full body first), so it goes
            # once more on a new connection.
            conn, _ = self._connection(node, connect_timeout, fresh=True)
            try:
                _send(conn, method, node.path + tail, body, headers, read_timeout)
            except OSError as again:
                conn.close()
                raise MaybeSent(str(again)) from again
        try:
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as err:
            conn.close()
            raise MaybeSent(_reason(err)) from err
        if response.will_close:
            conn.close()
        else:
            self._release(node, conn)
        return Answer(response.status, data)

    def _connection(self, node: _Node, connect_timeout: float,
                    fresh: bool = False) -> tuple[http.client.HTTPConnection, bool]:
        if not fresh:
            while True:
                with self._lock:
                    idle = self._idle.get(node)
                    conn = idle.pop() if idle else None
                if conn is None:
                    break
                if not _closed_by_peer(conn):
                    return conn, True
                conn.close()
        cls = http.client.HTTPSConnection if node.secure else http.client.HTTPConnection
        conn = cls(node.host, node.port, timeout=connect_timeout)
        try:
            conn.connect()
        except OSError as err:
            conn.close()
            raise NotSent(_reason(err)) from err
        return conn, False

    def _release(self, node: _Node, conn: http.client.HTTPConnection) -> None:
        with self._lock:
            idle = self._idle.setdefault(node, [])
            if len(idle) < self.max_idle:
                idle.append(conn)
                return
        conn.close()

    def clear(self) -> None:
        """Close every idle connection (requests afterwards open new ones)."""
        with self._lock:
            idle, self._idle = self._idle, {}
        for conns in idle.values():
            for conn in conns:
                conn.close()


def _send(conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None,
          headers: dict[str, str], read_timeout: float) -> None:
    conn.sock.settimeout(read_timeout)  # type: ignore[union-attr]
    conn.request(method, path, body=body, headers=headers)


def _reason(err: BaseException) -> str:
    if isinstance(err, socket.timeout):
        return "Zeitüberschreitung"
    return str(err) or type(err).__name__
