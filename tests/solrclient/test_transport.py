"""The connections under SolrClient: reused while the node keeps them open, replaced when it
has closed them, every failure told apart as "never sent" or "may have run", and a request
written at most once."""

from __future__ import annotations

import gc
import os
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pycurl
import pytest

from solrclient import transport as transport_module
from solrclient.transport import MaybeSent, NotSent, Transport, _node

PING = "/admin/ping?wt=json"


def _connections(transport: Transport, base: str) -> list[tuple[int, int]]:
    """(socket, local port) of each idle connection to the node of ``base``."""
    return [(c.fd, c.curl.getinfo(pycurl.LOCAL_PORT))
            for c in transport._idle.get(_node(base), [])]


def test_one_connection_serves_request_after_request(solr_url: str) -> None:
    transport = Transport()
    first = transport.request("GET", solr_url, PING, None, {}, 1.0, 5.0)
    assert first.status == 200 and b'"OK"' in first.body
    [conn] = _connections(transport, solr_url)
    for _ in range(3):
        assert transport.request("GET", solr_url, PING, None, {}, 1.0, 5.0).status == 200
    assert _connections(transport, solr_url) == [conn]
    transport.clear()
    assert _connections(transport, solr_url) == []


def test_a_connection_the_node_has_closed_is_replaced_before_use(solr_url: str) -> None:
    transport = Transport()
    transport.request("GET", solr_url, PING, None, {}, 1.0, 5.0)
    [(fd, port)] = _connections(transport, solr_url)
    # As when the node's idle timeout closed it: the peer end is gone, the socket says EOF.
    ours, theirs = socket.socketpair()
    theirs.close()
    os.dup2(ours.fileno(), fd)
    ours.close()
    answer = transport.request("POST", solr_url, "/select?wt=json", b"q=*:*&rows=0",
                               {"Content-Type": "application/x-www-form-urlencoded"}, 1.0, 5.0)
    assert answer.status == 200
    assert [p for _, p in _connections(transport, solr_url)] != [port]


def test_a_refused_connection_was_never_sent() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}/solr/stadtsuche"
    with pytest.raises(NotSent):
        Transport().request("GET", base, PING, None, {}, 1.0, 1.0)


class Node:
    """A node on a real socket that records every request it reads and answers as told:
    ``answer(n)`` gives the reply to the n-th request (1-based), None to close the connection
    without one; ``close_after`` closes a connection after each answer (idle timeout)."""

    def __init__(self, answer, close_after: bool = False, stop_on_drop: bool = False,
                 tls: ssl.SSLContext | None = None) -> None:
        self.answer = answer
        self.close_after = close_after
        self.stop_on_drop = stop_on_drop
        self.requests: list[bytes] = []
        self.closed = threading.Semaphore(0)  # released for each connection closed after an answer
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}/solr/stadtsuche"
        if tls is not None:
            self.server = tls.wrap_socket(self.server, server_side=True)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            while data := conn.recv(65536):
                self.requests.append(data)
                reply = self.answer(len(self.requests))
                if reply is None:
                    if self.stop_on_drop:  # the node goes down with the request
                        self.stop()
                    return
                if data.startswith(b"HEAD "):  # the head of the answer only
                    reply = reply.partition(b"\r\n\r\n")[0] + b"\r\n\r\n"
                conn.sendall(reply)
                if self.close_after:
                    conn.close()
                    self.closed.release()
                    return

    def bodies(self) -> list[bytes]:
        return [r.partition(b"\r\n\r\n")[2] for r in self.requests]

    def stop(self) -> None:
        try:
            self.server.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.server.close()


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"


@pytest.fixture()
def dropping_node() -> Iterator[str]:
    """Accepts connections, reads what comes and closes without an answer (a crashing node)."""
    node = Node(lambda n: None)
    yield node.base
    node.stop()


def test_a_request_taken_and_dropped_may_have_run(dropping_node: str) -> None:
    with pytest.raises(MaybeSent):
        Transport().request("POST", dropping_node, "/update?wt=json", b"[]",
                            {"Content-Type": "application/json"}, 1.0, 1.0)


def test_an_answer_that_does_not_come_in_time_may_have_run() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        base = f"http://127.0.0.1:{silent.getsockname()[1]}/solr/stadtsuche"
        with pytest.raises(MaybeSent, match="Zeitüberschreitung"):
            Transport().request("GET", base, PING, None, {}, 1.0, 0.3)


@pytest.mark.parametrize("node_goes_down", [False, True], ids=["node-up", "node-down"])
def test_a_request_dropped_on_a_kept_alive_connection_is_not_sent_again(
        node_goes_down: bool) -> None:
    # libcurl itself would write it once more on a new connection (no answer byte came on a
    # reused one); when the node is down by then, libcurl reports a refused connection, which
    # would read as "never sent" and let failover send a click to the next node.
    node = Node(lambda n: OK if n == 1 else None, stop_on_drop=node_goes_down)
    transport = Transport()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    try:
        assert transport.request("POST", node.base, "/update", b"click=1", headers,
                                 1.0, 1.0).status == 200
        with pytest.raises(MaybeSent):
            transport.request("POST", node.base, "/update", b"click=2", headers, 1.0, 1.0)
        assert node.bodies() == [b"click=1", b"click=2"]
    finally:
        node.stop()


def test_a_node_that_closes_idle_connections_gets_each_request_once() -> None:
    # Closed after each answer, before the next request: libcurl would reuse such a
    # connection without a look within a second of its last use.
    node = Node(lambda n: OK, close_after=True)
    transport = Transport()
    try:
        for n in range(20):
            assert transport.request("POST", node.base, "/select", f"n={n}".encode(), {},
                                     1.0, 1.0).body == b"ok"
            assert node.closed.acquire(timeout=5)
        assert node.bodies() == [f"n={n}".encode() for n in range(20)]
    finally:
        node.stop()


def test_methods_bodies_and_headers_on_one_reused_connection() -> None:
    node = Node(lambda n: OK)
    transport = Transport()
    calls = [("POST", b"a=1&b=\x00\xff"), ("GET", None), ("PUT", b'{"x": 1}'),
             ("DELETE", None), ("POST", b""), ("HEAD", None), ("GET", None)]
    try:
        for method, body in calls:
            assert transport.request(method, node.base, "/schema?wt=json", body,
                                     {"Content-Type": "application/json"}, 1.0, 1.0).status == 200
        assert len(_connections(transport, node.base)) == 1
        lines = [r.split(b"\r\n", 1)[0] for r in node.requests]
        assert lines == [f"{m} /solr/stadtsuche/schema?wt=json HTTP/1.1".encode()
                         for m, _ in calls]
        assert node.bodies() == [b or b"" for _, b in calls]
        assert all(b"Expect:" not in r for r in node.requests)
    finally:
        node.stop()


def test_threads_share_the_pool_of_idle_connections(solr_url: str) -> None:
    transport = Transport(max_idle=4)

    def search(n: int) -> int:
        return transport.request("POST", solr_url, "/select?wt=json", f"q=id:{n}".encode(),
                                 {"Content-Type": "application/x-www-form-urlencoded"},
                                 1.0, 5.0).status

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(search, range(200))) == {200}
    assert 1 <= len(_connections(transport, solr_url)) <= 4


@pytest.fixture()
def tls_node(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An HTTPS node whose certificate the process trusts through SSL_CERT_FILE, as Python's
    default TLS context does."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    transport_module._trust.cache_clear()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    node = Node(lambda n: OK, tls=context)
    yield f"https://localhost:{node.port}/solr/stadtsuche"
    node.stop()
    transport_module._trust.cache_clear()


def test_https_with_the_trusted_certificates_of_python(tls_node: str) -> None:
    transport = Transport()
    for _ in range(2):
        assert transport.request("GET", tls_node, PING, None, {}, 2.0, 2.0).body == b"ok"


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_a_dropped_transport_closes_its_connections_at_once(solr_url: str) -> None:
    """Without the garbage collector: a transport (or client) that goes out of use closes its
    sockets when its last reference goes, as many short-lived clients do (a rebuild, the
    indexer). A reference cycle through libcurl's callbacks kept 3 descriptors per dropped
    transport open until a collection, and past 1024 ``select`` fails."""
    gc.collect()
    gc.disable()
    try:
        before = _open_descriptors()
        for _ in range(100):
            transport = Transport()
            assert transport.request("GET", solr_url, PING, None, {}, 1.0, 5.0).status == 200
            del transport
        assert _open_descriptors() - before < 10
    finally:
        gc.enable()
