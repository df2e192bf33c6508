"""Flask's signed-cookie sessions with the signing serializer made once per key, not per
request.

Only flash messages and the admin login use the session; Flask's own interface builds a new
serializer (key list, salt, signer options) on every request, also for every visitor search
that carries no cookie at all. The serializer holds nothing per request, so one per secret key
(and fallback keys) serves every request of the worker.
"""

from __future__ import annotations

from flask import Flask
from flask import Request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer


class WorkerSessionInterface(SecureCookieSessionInterface):
    """Flask's session interface, remembering the serializer of the app's current keys."""

    def __init__(self) -> None:
        self._made: tuple[tuple[object, ...], URLSafeTimedSerializer | None] | None = None

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """The serializer Flask would make for the app's keys, made again only when they
        change (a test or the config may set another key)."""
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        made = self._made
        if made is None or made[0] != keys:
            made = self._made = (keys, super().get_signing_serializer(app))
        return made[1]


    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        """Flask's session; without a Cookie header (every visitor search) the new empty
        one at once, without parsing cookies."""
        if request.environ.get("HTTP_COOKIE"):
            return super().open_session(app, request)
        return self.session_class() if self.get_signing_serializer(app) is not None else None


def init_app(app: Flask) -> None:
    """Use the remembering session interface."""
    app.session_interface = WorkerSessionInterface()
