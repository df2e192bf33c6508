"""Keep-alive HTTP/1.1 connections to Solr nodes, on libcurl (pycurl).

SolrClient needs little of an HTTP library: one request at a time per connection, bodies that
are bytes, answers read whole, and a precise account of failures (did the request reach the
node or not?). libcurl does the exchange in C: 0.1-0.2 ms less CPU per Solr call than the
standard library's http.client (solrclient/README.md). Around it, this module keeps what the
failover rules rest on:

- one ``Curl`` handle per connection, idle handles pooled per node (thread-safe);
- connections are opened here (``socket.create_connection`` with the connect timeout) and
  handed to libcurl, so that a refused or timed-out connect is "never sent", and the read
  timeout counts from an open connection;
- a pooled connection the node has closed is dropped before use (``poll`` says readable);
- the request is written at most once per call. libcurl on its own sends a request again on
  a new connection when a reused one died before any answer byte, also after the node has
  read it: that second write is refused (``PREREQFUNCTION``, ``OPENSOCKETFUNCTION``), and the
  call ends as "may have run";
- every failure is either :class:`NotSent` (no connection) or :class:`MaybeSent` (libcurl
  was about to write the request, or had written it).
"""

from __future__ import annotations

import select
import socket
import ssl
import threading
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import pycurl

# Idle connections kept per node; more are opened when more threads ask at once.
MAX_IDLE = 16

# No proxy from the environment (http_proxy and the like): Solr is asked directly.
_NO_PROXY = ""


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
    path: str  # the URL's path: connections are pooled per core, collection or root


@lru_cache(maxsize=256)
def _node(base: str) -> _Node:
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotSent(f"keine HTTP-Adresse: {base}")
    secure = parts.scheme == "https"
    return _Node(secure, parts.hostname, parts.port or (443 if secure else 80), parts.path)


@lru_cache(maxsize=1)
def _trust() -> tuple[str | None, str | None]:
    """The CA file and folder Python's default TLS context trusts (SSL_CERT_FILE/DIR or the
    system's): libcurl in pycurl's wheel looks for a bundle under another distribution's
    path."""
    paths = ssl.get_default_verify_paths()
    return paths.cafile, paths.capath


class _Sending:
    """What libcurl's callbacks of one handle need: the connection to hand over and whether
    the current request was written already. Kept apart from the handle so that no reference
    cycle (handle -> callback -> connection -> handle) keeps a dropped handle, and with it its
    socket, open until the garbage collector runs."""

    def __init__(self, node: _Node) -> None:
        self.node = node
        self.writes = 0  # times libcurl was about to write the current request
        self.resend_refused = False  # libcurl wanted a new connection to send it again
        self.fresh: socket.socket | None = None  # connected, not yet handed to libcurl
        self.connect_timeout = 0.0

    def open_socket(self, purpose: int, address: tuple) -> int:
        if self.writes:
            # libcurl wants to send the request again on a new connection: it may have run.
            self.resend_refused = True
            return pycurl.SOCKET_BAD
        sock, self.fresh = self.fresh, None
        if sock is None:
            # libcurl dropped the pooled connection itself (its own liveness check).
            try:
                sock = _connect(self.node, self.connect_timeout)
            except NotSent:
                return pycurl.SOCKET_BAD
        return sock.detach()

    def before_request(self, *_info: object) -> int:
        self.writes += 1
        return pycurl.PREREQFUNC_OK if self.writes == 1 else pycurl.PREREQFUNC_ABORT


class _Connection:
    """One libcurl handle holding at most one connection to one node."""

    def __init__(self, node: _Node) -> None:
        self.node = node
        self.fd = -1  # the connection's socket while libcurl keeps it open
        self.sending = _Sending(node)
        # What the handle was last set to: options are set again only when they change (each
        # call into pycurl costs as much as a small part of the exchange).
        self._url = ""
        self._shape: tuple[str, bool] = ("", False)
        self._headers: dict[str, str] | None = None
        self._timeouts = (0, 0)
        self._watched = -1  # the socket self._poller watches
        self._poller = select.poll()
        self._chunks: list[bytes] = []
        curl = self.curl = pycurl.Curl()
        curl.setopt(pycurl.NOSIGNAL, 1)
        curl.setopt(pycurl.USERAGENT, "stadtsuche")
        curl.setopt(pycurl.PROXY, _NO_PROXY)
        curl.setopt(pycurl.HTTP_VERSION, pycurl.CURL_HTTP_VERSION_1_1)
        curl.setopt(pycurl.MAXCONNECTS, 1)
        # Idle connections live as long as the node keeps them (checked before each use).
        curl.setopt(pycurl.MAXAGE_CONN, 86400)
        curl.setopt(pycurl.OPENSOCKETFUNCTION, self.sending.open_socket)
        curl.setopt(pycurl.SOCKOPTFUNCTION, _already_connected)
        curl.setopt(pycurl.PREREQFUNCTION, self.sending.before_request)
        curl.setopt(pycurl.WRITEFUNCTION, self._chunks.append)
        if node.secure:
            cafile, capath = _trust()
            if cafile:
                curl.setopt(pycurl.CAINFO, cafile)
            if capath:
                curl.setopt(pycurl.CAPATH, capath)

    @property
    def writes(self) -> int:
        """Times libcurl was about to write the current request."""
        return self.sending.writes

    @property
    def resend_refused(self) -> bool:
        """Whether libcurl wanted a new connection to send the current request again."""
        return self.sending.resend_refused

    def connect(self, timeout: float) -> None:
        """Open a new connection for the next request (:class:`NotSent` if that fails)."""
        self.sending.connect_timeout = timeout
        if self.sending.fresh is not None:
            self.sending.fresh.close()
        self.sending.fresh = _connect(self.node, timeout)

    def exchange(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
                 connect_timeout: float, read_timeout: float) -> Answer:
        """One request on this handle; raises ``pycurl.error``."""
        curl = self.curl
        sending = self.sending
        sending.writes = 0
        sending.resend_refused = False
        sending.connect_timeout = connect_timeout
        if url != self._url:
            curl.setopt(pycurl.URL, url)
            self._url = url
        shape = (method, body is None)
        if shape != self._shape:
            self._set_method(method, body is None)
            self._shape = shape
        if body is not None:
            curl.setopt(pycurl.POSTFIELDS, body)
        if headers != self._headers:
            # No "Expect: 100-continue" before large bodies: Solr reads them at once.
            curl.setopt(pycurl.HTTPHEADER, [*(f"{k}: {v}" for k, v in headers.items()),
                                            "Expect:"])
            self._headers = dict(headers)
        # The read timeout counts from an open connection (opened by connect() before this
        # call); a TLS handshake still to come has the connect timeout on top.
        handshake = connect_timeout if self.node.secure and self.fd < 0 else 0.0
        timeouts = (max(1, int(connect_timeout * 1000)),
                    max(1, int((read_timeout + handshake) * 1000)))
        if timeouts != self._timeouts:
            curl.setopt(pycurl.CONNECTTIMEOUT_MS, timeouts[0])
            curl.setopt(pycurl.TIMEOUT_MS, timeouts[1])
            self._timeouts = timeouts
        chunks = self._chunks
        chunks.clear()
        try:
            curl.perform()
        finally:
            self.fd = curl.getinfo(pycurl.ACTIVESOCKET)
        data = b"".join(chunks)
        chunks.clear()
        return Answer(curl.getinfo(pycurl.RESPONSE_CODE), data)

    def _set_method(self, method: str, bodiless: bool) -> None:
        curl = self.curl
        if not bodiless:
            curl.setopt(pycurl.NOBODY, 0)
            curl.setopt(pycurl.POST, 1)
            curl.setopt(pycurl.CUSTOMREQUEST, None if method == "POST" else method)
        elif method == "HEAD":
            curl.setopt(pycurl.CUSTOMREQUEST, None)
            curl.setopt(pycurl.NOBODY, 1)
        else:
            curl.setopt(pycurl.HTTPGET, 1)
            curl.setopt(pycurl.CUSTOMREQUEST, None if method == "GET" else method)

    def usable(self) -> bool:
        """Whether libcurl still holds an open connection the node has not closed."""
        fd = self.fd
        if fd < 0:
            return False
        if fd != self._watched:
            if self._watched >= 0:
                self._poller.unregister(self._watched)
            self._poller.register(fd, select.POLLIN)
            self._watched = fd
        # Readable means end of stream (or an error): nothing is expected between requests.
        # poll rather than select: select fails on descriptors above 1024, which a busy
        # server process reaches.
        try:
            return not self._poller.poll(0)
        except OSError:
            return False

    def close(self) -> None:
        """Close the handle and its connection."""
        self.curl.close()
        self.fd = -1
        if self.sending.fresh is not None:
            self.sending.fresh.close()
            self.sending.fresh = None


def _already_connected(fd: int, purpose: int) -> int:
    return pycurl.SOCKOPT_ALREADY_CONNECTED


def _connect(node: _Node, timeout: float) -> socket.socket:
    try:
        sock = socket.create_connection((node.host, node.port), timeout)
    except OSError as err:
        raise NotSent(_reason(err)) from err
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


class Transport:
    """Idle connections per node, shared by the threads of a process (thread-safe)."""

    def __init__(self, max_idle: int = MAX_IDLE) -> None:
        self.max_idle = max_idle
        self._idle: dict[_Node, list[_Connection]] = {}
        self._lock = threading.Lock()

    def request(self, method: str, base: str, tail: str, body: bytes | None,
                headers: dict[str, str], connect_timeout: float, read_timeout: float) -> Answer:
        """Send one request to ``base + tail`` and read the whole answer.

        Raises :class:`NotSent` when no connection could be made, :class:`MaybeSent` when the
        request may have reached Solr but no complete answer came back within
        ``read_timeout`` seconds of waiting for it.
        """
        node = _node(base)
        conn = self._take(node)
        if conn is None:
            conn = _Connection(node)
            try:
                conn.connect(connect_timeout)
            except NotSent:
                conn.close()
                raise
        try:
            answer = conn.exchange(method, base + tail, body, headers, connect_timeout,
                                   read_timeout)
        except pycurl.error as err:
            conn.close()
            if not conn.writes:
                raise NotSent(_curl_reason(err)) from err
            if conn.resend_refused or conn.writes > 1:
                raise MaybeSent("Verbindung nach dem Senden verloren, die Anfrage wird nicht "
                                "wiederholt") from err
            raise MaybeSent(_curl_reason(err)) from err
        self._release(node, conn)
        return answer

    def _take(self, node: _Node) -> _Connection | None:
        while True:
            with self._lock:
                idle = self._idle.get(node)
                conn = idle.pop() if idle else None
            if conn is None or conn.usable():
                return conn
            conn.close()

    def _release(self, node: _Node, conn: _Connection) -> None:
        if conn.fd >= 0:  # libcurl closes a connection the answer said to close
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


def _curl_reason(err: pycurl.error) -> str:
    code, message = err.args if len(err.args) == 2 else (None, str(err))
    if code == pycurl.E_OPERATION_TIMEDOUT:
        return "Zeitüberschreitung"
    return str(message) or f"libcurl-Fehler {code}"


def _reason(err: BaseException) -> str:
    if isinstance(err, socket.timeout):
        return "Zeitüberschreitung"
    return str(err) or type(err).__name__
