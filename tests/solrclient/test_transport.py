"""The connections under SolrClient: reused while the node keeps them open, replaced when it
has closed them, and every failure told apart as "never sent" or "may have run"."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from solrclient.transport import MaybeSent, NotSent, Transport, _node

PING = "/admin/ping?wt=json"


def _idle(transport: Transport, base: str) -> list:
    return transport._idle.get(_node(base), [])


def test_one_connection_serves_request_after_request(solr_url: str) -> None:
    transport = Transport()
    first = transport.request("GET", solr_url, PING, None, {}, 1.0, 5.0)
    assert first.status == 200 and b'"OK"' in first.body
    [conn] = _idle(transport, solr_url)
    sock = conn.sock
    for _ in range(3):
        assert transport.request("GET", solr_url, PING, None, {}, 1.0, 5.0).status == 200
    assert [c.sock for c in _idle(transport, solr_url)] == [sock]
    transport.clear()
    assert _idle(transport, solr_url) == []


def test_a_connection_the_node_has_closed_is_replaced_before_use(solr_url: str) -> None:
    transport = Transport()
    transport.request("GET", solr_url, PING, None, {}, 1.0, 5.0)
    [conn] = _idle(transport, solr_url)
    # As when the node's idle timeout closed it: the peer end is gone, the socket says EOF.
    ours, theirs = socket.socketpair()
    theirs.close()
    conn.sock.close()
    conn.sock = ours
    answer = transport.request("POST", solr_url, "/select?wt=json", b"q=*:*&rows=0",
                               {"Content-Type": "application/x-www-form-urlencoded"}, 1.0, 5.0)
    assert answer.status == 200
    assert [c.sock for c in _idle(transport, solr_url)] != [ours]


def test_a_refused_connection_was_never_sent() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}/solr/stadtsuche"
    with pytest.raises(NotSent):
        Transport().request("GET", base, PING, None, {}, 1.0, 1.0)


@pytest.fixture()
def dropping_node() -> Iterator[str]:
    """Accepts connections, reads what comes and closes without an answer (a crashing node)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/solr/stadtsuche"
    server.close()


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
