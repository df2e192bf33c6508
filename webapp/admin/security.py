"""Admin sign-in, per-session CSRF tokens and a small failed-login limiter."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque

from flask import session
from werkzeug.security import check_password_hash, generate_password_hash

from .settings import AdminSettings

SESSION_USER = "admin_user"
SESSION_CSRF = "admin_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
# Compared against when the user name is wrong, so that both cases take the same time.
_DUMMY_HASH = generate_password_hash("stadtsuche-no-such-user", method="scrypt")


def csrf_token() -> str:
    """The session's CSRF token, created on first use."""
    token = session.get(SESSION_CSRF)
    if not token:
        token = secrets.token_urlsafe(32)
        session[SESSION_CSRF] = token
    return token


def csrf_valid(sent: str | None) -> bool:
    """True when ``sent`` equals the session's token (constant-time comparison)."""
    expected = session.get(SESSION_CSRF)
    return bool(expected and sent and hmac.compare_digest(str(sent), str(expected)))


def check_credentials(settings: AdminSettings, user: str, password: str) -> bool:
    """True for the configured user and password; always False without configured credentials."""
    if not settings.has_credentials:
        return False
    user_ok = hmac.compare_digest(user.encode(), settings.admin_user.encode())
    try:
        password_ok = check_password_hash(
            settings.admin_password_hash if user_ok else _DUMMY_HASH, password)
    except ValueError:
        return False
    return user_ok and password_ok


def sign_in(user: str) -> None:
    """Start a fresh session (no fixation) for ``user`` with a new CSRF token."""
    session.clear()
    session.permanent = True
    session[SESSION_USER] = user
    session[SESSION_CSRF] = secrets.token_urlsafe(32)


def sign_out() -> None:
    """Forget the session."""
    session.clear()


def signed_in_user() -> str | None:
    """The signed-in admin's name, if any."""
    return session.get(SESSION_USER)


class LoginLimiter:
    """Counts failed logins per client in this process; nothing is written anywhere.

    With several workers each keeps its own count, so the effective limit is the per-worker
    limit times the number of workers, which still stops password guessing at any useful rate.
    """

    def __init__(self, max_failures: int, window_seconds: int) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked_for(self, key: str) -> int:
        """Seconds until ``key`` may try again (0: allowed now)."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(key, now)
            if len(times) < self.max_failures:
                return 0
            return max(1, int(times[0] + self.window - now))

    def failed(self, key: str) -> None:
        """Record one failed attempt."""
        with self._lock:
            self._recent(key, time.monotonic()).append(time.monotonic())

    def succeeded(self, key: str) -> None:
        """Forget the failures of ``key``."""
        with self._lock:
            self._failures.pop(key, None)
