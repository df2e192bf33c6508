"""Sign-in, CSRF, cookies, production refusal and the password hash tool."""

from __future__ import annotations

import subprocess
import sys

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.security import check_password_hash

from tests.admin.conftest import ADMIN_HASH, ADMIN_PASSWORD, ADMIN_USER, csrf, make_app, sign_in
from tests.support import Core
from webapp import create_app
from webapp.admin import AdminConfigError


def _admin_rules(app: Flask, method: str) -> list[str]:
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("admin.") and method in rule.methods and \
                rule.endpoint != "admin.login":
            urls.append(rule.rule.replace("<int:number>", "1").replace("<job_id>", "abc"))
    return sorted(set(urls))


def test_every_admin_page_and_api_needs_login(app: Flask, solr_url: str) -> None:
    client = app.test_client()
    pages = _admin_rules(app, "GET")
    assert {"/admin/", "/admin/ranking", "/admin/statistik", "/admin/api/ranking",
            "/admin/api/statistik", "/admin/begriffe", "/admin/reindex"} <= set(pages)
    for url in pages:
        response = client.get(url)
        if url.startswith("/admin/api/"):
            assert response.status_code == 401, url
            assert response.json == {"error": "Anmeldung erforderlich."}
        else:
            assert response.status_code == 302, url
            assert response.headers["Location"].startswith("/admin/login"), url


def test_every_admin_form_needs_login_even_with_a_token(app: Flask) -> None:
    client = app.test_client()
    client.get("/admin/login")
    token = csrf(client)
    forms = _admin_rules(app, "POST")
    assert "/admin/ranking" in forms and "/admin/begriffe/synonym" in forms
    for url in forms:
        response = client.post(url, data={"csrf_token": token, "begriff": "x", "synonyme": "y"})
        assert response.status_code == 302 and "/admin/login" in response.headers["Location"], url


def test_forms_refuse_missing_and_wrong_csrf_tokens(admin: FlaskClient, solr_url: str,
                                                    pages: list) -> None:
    form = {"begriff": "persokarte", "synonyme": "personalausweis"}
    missing = admin.post("/admin/begriffe/synonym", data=form)
    wrong = admin.post("/admin/begriffe/synonym", data={**form, "csrf_token": "falsch"})
    header_wrong = admin.post("/admin/begriffe/synonym", data=form,
                              headers={"X-CSRF-Token": "auch-falsch"})
    for response in (missing, wrong, header_wrong):
        assert response.status_code == 400
        assert "CSRF" in response.get_data(as_text=True)
    core = Core(solr_url)
    synonyms = core.managed("synonyms/de")
    assert "persokarte" not in synonyms["synonymMappings"]["managedMap"]
    # Saving a ranking without token changes nothing either.
    before = core.param_sets("ranking")
    assert admin.post("/admin/ranking", data={"aktion": "speichern", "qf_title": "1",
                                              "popularity": "9"}).status_code == 400
    assert core.param_sets("ranking") == before
    # The login form itself is protected as well.
    fresh = admin.application.test_client()
    assert fresh.post("/admin/login", data={"benutzer": ADMIN_USER,
                                            "passwort": ADMIN_PASSWORD}).status_code == 400


def test_login_with_wrong_password_fails_and_is_rate_limited(app: Flask) -> None:
    client = app.test_client()
    client.get("/admin/login")
    token = csrf(client)
    for _ in range(5):
        response = client.post("/admin/login", data={"benutzer": ADMIN_USER, "passwort": "falsch",
                                                     "csrf_token": token})
        assert response.status_code == 401
        assert "Benutzername oder Passwort ist falsch" in response.get_data(as_text=True)
    blocked = client.post("/admin/login", data={"benutzer": ADMIN_USER, "passwort": ADMIN_PASSWORD,
                                                "csrf_token": token})
    assert blocked.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in blocked.get_data(as_text=True)
    assert client.get("/admin/api/ranking").status_code == 401


def test_wrong_user_name_fails(app: Flask) -> None:
    client = app.test_client()
    client.get("/admin/login")
    response = client.post("/admin/login", data={"benutzer": "admin", "passwort": ADMIN_PASSWORD,
                                                 "csrf_token": csrf(client)})
    assert response.status_code == 401


def test_login_session_cookie_logout_and_safe_redirect(app: Flask, solr_url: str) -> None:
    client = app.test_client()
    client.get("/admin/login")
    response = client.post("/admin/login", data={
        "benutzer": ADMIN_USER, "passwort": ADMIN_PASSWORD, "csrf_token": csrf(client),
        "next": "https://evil.example/admin"})
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # development over plain http
    page = client.get("/admin/")
    assert page.status_code == 200 and "Verwaltung der Stadtsuche" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    client.post("/admin/logout", data={"csrf_token": csrf(client)})
    assert client.get("/admin/").status_code == 302


def test_production_refuses_to_start_without_credentials_or_secret(
        solr_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("STADTSUCHE_ADMIN_USER", "STADTSUCHE_ADMIN_PASSWORD_HASH", "STADTSUCHE_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(AdminConfigError) as no_credentials:
        create_app({"solr_url": solr_url, "env": "production"})
    message = str(no_credentials.value)
    assert "STADTSUCHE_ADMIN_USER" in message and "STADTSUCHE_ADMIN_PASSWORD_HASH" in message
    assert "STADTSUCHE_SECRET_KEY" in message and "no default password" in message
    monkeypatch.setenv("STADTSUCHE_ADMIN_USER", ADMIN_USER)
    monkeypatch.setenv("STADTSUCHE_ADMIN_PASSWORD_HASH", ADMIN_HASH)
    with pytest.raises(AdminConfigError, match="STADTSUCHE_SECRET_KEY"):
        create_app({"solr_url": solr_url, "env": "production"})
    monkeypatch.setenv("STADTSUCHE_ADMIN_PASSWORD_HASH", "klartext-passwort")
    monkeypatch.setenv("STADTSUCHE_SECRET_KEY", "x" * 48)
    with pytest.raises(AdminConfigError, match="not a werkzeug password hash"):
        create_app({"solr_url": solr_url, "env": "production"})
    monkeypatch.setenv("STADTSUCHE_ADMIN_PASSWORD_HASH", ADMIN_HASH)
    app = create_app({"solr_url": solr_url, "env": "production", "SECRET_KEY": "x" * 48})
    client = app.test_client()
    client.get("/admin/login")
    response = client.post("/admin/login", data={"benutzer": ADMIN_USER, "passwort": ADMIN_PASSWORD,
                                                 "csrf_token": csrf(client)})
    assert response.status_code == 302
    assert "Secure" in response.headers["Set-Cookie"]


def test_development_without_credentials_lets_nobody_in(solr_url: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("STADTSUCHE_ADMIN_USER", "STADTSUCHE_ADMIN_PASSWORD_HASH"):
        monkeypatch.delenv(name, raising=False)
    client = create_app({"solr_url": solr_url, "env": "development"}).test_client()
    page = client.get("/admin/login").get_data(as_text=True)
    assert "keine Zugangsdaten eingerichtet" in page
    for user, password in (("", ""), ("admin", "admin"), (ADMIN_USER, ADMIN_PASSWORD)):
        response = client.post("/admin/login", data={"benutzer": user, "passwort": password,
                                                     "csrf_token": csrf(client)})
        assert response.status_code == 401


def test_hash_tools_make_hashes_that_log_in(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["admin-hash"],
                                          input="ein-langes-passwort\nein-langes-passwort\n")
    assert result.exit_code == 0, result.output
    made = result.output.strip().splitlines()[-1]
    assert made.startswith("scrypt:") and check_password_hash(made, "ein-langes-passwort")
    piped = subprocess.run([sys.executable, "-m", "webapp.admin.hash"], input="noch-ein-passwort\n",
                           capture_output=True, text=True, timeout=60, check=True)
    assert check_password_hash(piped.stdout.strip(), "noch-ein-passwort")
    short = subprocess.run([sys.executable, "-m", "webapp.admin.hash"], input="kurz\n",
                           capture_output=True, text=True, timeout=60)
    assert short.returncode == 1 and "mindestens 12 Zeichen" in short.stderr


def test_bad_admin_settings_are_refused_precisely(solr_url: str) -> None:
    with pytest.raises(AdminConfigError, match="STATS_SOLR_URL must be an http"):
        make_app(solr_url, STATS_SOLR_URL="ftp://solr/stats")
    with pytest.raises(AdminConfigError, match="LOGIN_MAX_FAILURES must be a whole number"):
        make_app(solr_url, LOGIN_MAX_FAILURES="viele")


def test_signed_in_api_answers(admin: FlaskClient) -> None:
    data = admin.get("/admin/api/ranking").json
    assert "qf" in data["live"] and data["versions"] == []
    assert sign_in(admin).get("/admin/ranking").status_code == 200
