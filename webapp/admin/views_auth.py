"""Sign-in and sign-out."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from .blueprint import bp
from .security import check_credentials, sign_in, sign_out
from .services import services


def _safe_next(target: str | None) -> str:
    """Only paths inside the admin area; never another host."""
    parts = urlsplit(target or "")
    if parts.scheme or parts.netloc or not parts.path.startswith("/admin"):
        return url_for("admin.index")
    return parts.path


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str | tuple[str, int]:
    """Show the form; check credentials with a limit on failed attempts."""
    svc = services()
    if request.method == "GET":
        return render_template("admin/login.html", configured=svc.settings.has_credentials,
                               next=request.args.get("next", ""))
    client = request.remote_addr or "?"
    wait = svc.limiter.blocked_for(client)
    if wait:
        return render_template("admin/login.html", configured=True, next="",
                               error=f"Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie "
                                     f"{(wait + 59) // 60} Minute(n)."), 429
    user = request.form.get("benutzer", "")[:100]
    if not check_credentials(svc.settings, user, request.form.get("passwort", "")[:200]):
        svc.limiter.failed(client)
        return render_template("admin/login.html", configured=svc.settings.has_credentials,
                               next=request.form.get("next", ""),
                               error="Benutzername oder Passwort ist falsch."), 401
    svc.limiter.succeeded(client)
    sign_in(user)
    return redirect(_safe_next(request.form.get("next")))


@bp.post("/logout")
def logout() -> Response:
    """End the session."""
    sign_out()
    flash("Sie wurden abgemeldet.")
    return redirect(url_for("admin.login"))
