"""What the app sets up once per worker behaves as Flask's per-request defaults did:
security headers, the signed session cookie."""

from __future__ import annotations

from flask import Flask, Response, flash, get_flashed_messages
from flask.sessions import SecureCookieSessionInterface

from webapp.security import HEADERS, add_security_headers
from webapp.sessions import WorkerSessionInterface


def test_security_headers_are_added_in_order_and_a_views_own_value_is_kept() -> None:
    plain = add_security_headers(Response("x"))
    assert [(k, v) for k, v in plain.headers.items() if k in HEADERS] == list(HEADERS.items())
    own = Response("x")
    own.headers["x-frame-options"] = "SAMEORIGIN"  # header names are case-insensitive
    own.headers["Content-Security-Policy"] = "default-src 'none'"
    added = add_security_headers(own).headers
    assert added.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert added.getlist("Content-Security-Policy") == ["default-src 'none'"]
    assert added["Referrer-Policy"] == HEADERS["Referrer-Policy"]
    # Twice is the same as once (an error handler's response may pass through again).
    assert list(add_security_headers(add_security_headers(Response("x"))).headers.items()) \
        == list(plain.headers.items())


def _flashing_app(secret: str) -> Flask:
    app = Flask(__name__)
    app.secret_key = secret
    app.session_interface = WorkerSessionInterface()

    @app.get("/set")
    def set_message() -> str:
        flash("Gespeichert.")
        return "ok"

    @app.get("/read")
    def read_message() -> str:
        return "|".join(get_flashed_messages())

    return app


def test_the_session_cookie_is_flasks_and_a_new_key_voids_it() -> None:
    app = _flashing_app("erster-schluessel" * 3)
    client = app.test_client()
    client.get("/set")
    cookie = client.get_cookie("session")
    assert cookie is not None
    # Flask's own interface reads the cookie: the format and signature are unchanged.
    with app.test_request_context(headers={"Cookie": f"session={cookie.value}"}):
        from flask import request
        plain = SecureCookieSessionInterface().open_session(app, request)
        assert plain is not None and plain["_flashes"] == [("message", "Gespeichert.")]
    serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    assert client.get("/read").text == "Gespeichert."
    # The same serializer for every request while the key stays...
    assert app.session_interface.get_signing_serializer(app) is serializer  # type: ignore[attr-defined]
    client.get("/set")
    app.secret_key = "zweiter-schluessel" * 3
    # ...and a cookie signed with the old key no longer counts after the key changed.
    assert client.get("/read").text == ""
    assert app.session_interface.get_signing_serializer(app) is not serializer  # type: ignore[attr-defined]


def test_a_request_without_cookie_gets_a_new_empty_session_and_none_without_key() -> None:
    app = _flashing_app("dritter-schluessel" * 3)
    with app.test_request_context("/read"):
        from flask import request
        opened = app.session_interface.open_session(app, request)
        assert opened is not None and dict(opened) == {} and not opened.modified
        assert type(opened) is type(SecureCookieSessionInterface().open_session(app, request))
    app.secret_key = None
    with app.test_request_context("/read"):
        from flask import request
        assert app.session_interface.open_session(app, request) is None
    # Flask answers a request without a key with its null session, as before.
    assert app.test_client().get("/read").text == ""
