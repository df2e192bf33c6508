"""Pins with start and end dates: an expired pin no longer applies, a planned one not yet;
pages are picked by searching titles; a pin whose page left the index is flagged."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from flask import Flask
from flask.testing import FlaskClient

from tests.admin.conftest import csrf
from tests.admin.support import html_table
from tests.support import Core
from webapp.admin.records import Pin
from webapp.admin.settings import LOCAL_ZONE


def _first_title(app: Flask, query: str) -> str:
    data = app.test_client().get("/api/search", query_string={"q": query}).json
    return data["outData"]["response"]["docs"][0]["title"]


def _pin(admin: FlaskClient, **dates: str) -> None:
    admin.get("/admin/angepinnt")
    response = admin.post("/admin/angepinnt", data={"begriff": "Ausweis", "seite": "adm-hundesteuer",
                                                    "csrf_token": csrf(admin), **dates})
    assert response.status_code == 302


def test_pin_applies_only_within_its_dates(admin: FlaskClient, app: Flask, pages: list) -> None:
    today = datetime.now(LOCAL_ZONE).date()
    assert _first_title(app, "Ausweis") == "Personalausweis beantragen"
    _pin(admin, von=(today - timedelta(days=10)).isoformat(),
         bis=(today - timedelta(days=1)).isoformat())
    assert _first_title(app, "Ausweis") == "Personalausweis beantragen"
    _, rows = html_table(admin.get("/admin/angepinnt").get_data(as_text=True), "pin-liste")
    assert rows[0][0] == "ausweis" and rows[0][3] == "abgelaufen"

    _pin(admin, bis=today.isoformat())
    assert _first_title(app, "Ausweis") == "Hundesteuer"
    _, rows = html_table(admin.get("/admin/angepinnt").get_data(as_text=True), "pin-liste")
    assert rows[0][2] == f"sofort – {today.strftime('%d.%m.%Y')}" and rows[0][3] == "aktiv"

    _pin(admin, von=(today + timedelta(days=1)).isoformat())
    assert _first_title(app, "Ausweis") == "Personalausweis beantragen"
    _, rows = html_table(admin.get("/admin/angepinnt").get_data(as_text=True), "pin-liste")
    assert rows[0][3] == "geplant"


def test_pin_ends_at_local_midnight() -> None:
    pin = Pin("ausweis", ("a",), end=date(2026, 3, 28))  # the night summer time begins
    last = datetime(2026, 3, 28, 23, 59, 59, tzinfo=LOCAL_ZONE)
    assert pin.active(last.astimezone(timezone.utc))
    assert not pin.active((last + timedelta(seconds=1)).astimezone(timezone.utc))
    assert pin.state(datetime(2026, 4, 1, tzinfo=timezone.utc)) == "abgelaufen"


def test_bad_dates_are_refused_in_german(admin: FlaskClient, pages: list) -> None:
    admin.get("/admin/angepinnt")
    for dates, message in (({"von": "2026-05-02", "bis": "2026-05-01"}, "Das Ende liegt vor"),
                           ({"bis": "morgen"}, "JJJJ-MM-TT")):
        admin.post("/admin/angepinnt", data={"begriff": "x", "seite": "adm-fundbuero",
                                             "csrf_token": csrf(admin), **dates})
        assert message in admin.get("/admin/angepinnt").get_data(as_text=True)


def test_page_picker_and_missing_page_flag(admin: FlaskClient, solr_url: str,
                                          pages: list) -> None:
    html = admin.get("/admin/angepinnt", query_string={"seite_suche": "Fundbüro",
                                                       "begriff": "verloren"}).get_data(as_text=True)
    assert 'value="adm-fundbuero"' in html and 'value="verloren"' in html
    admin.post("/admin/angepinnt", data={"begriff": "verloren", "seite": "adm-fundbuero",
                                         "csrf_token": csrf(admin)})
    Core(solr_url).delete(id="adm-fundbuero", commit=True)
    _, rows = html_table(admin.get("/admin/angepinnt").get_data(as_text=True), "pin-liste")
    row = next(r for r in rows if r[0] == "verloren")
    assert "nicht mehr im Index" in row[1] and "Seite fehlt im Index" in row[3]
