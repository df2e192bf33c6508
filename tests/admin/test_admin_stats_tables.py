"""The statistics tables: trends, top queries with click-through, most clicked pages,
queries without clicks, zero-hit queries with follow-up links; each CSV export parses and
holds exactly what the page shows."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from flask import Flask
from flask.testing import FlaskClient

from tests.admin.support import commit_statistics, html_table
from webapp.admin.settings import LOCAL_ZONE
from webapp.admin.stats_tables import TABLES


def _visit(app: Flask) -> None:
    visitor = app.test_client()
    for query in ("Ausweis", "ausweis", "AUSWEIS", "Hundesteuer", "xylophonreparatur",
                  "Xylophonreparatur"):
        assert visitor.get("/suche", query_string={"q": query, "autocorrect": "0"}).status_code == 200
    assert visitor.get("/klick/adm-personalausweis", query_string={"q": "Ausweis"}).status_code == 303
    commit_statistics(app)


def _csv(client: FlaskClient, key: str) -> list[list[str]]:
    response = client.get(f"/admin/statistik/{key}.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig")), delimiter=";"))


def test_tables_answer_the_questions(admin: FlaskClient, app: Flask, pages: list) -> None:
    _visit(app)
    html = admin.get("/admin/statistik").get_data(as_text=True)
    today = datetime.now(LOCAL_ZONE).date().strftime("%d.%m.%Y")
    _, days = html_table(html, "verlauf-tage")
    assert len(days) == 30 and days[-1] == [today, "6", "2", "33 %", "1"]
    assert all(row[1:] == ["0", "0", "0 %", "0"] for row in days[:-1])
    _, weeks = html_table(html, "verlauf-wochen")
    assert sum(int(r[1]) for r in weeks) == 6 and sum(int(r[4]) for r in weeks) == 1
    _, top = html_table(html, "top-suchen")
    assert top == [["ausweis", "3", "0", "1", "33 %"], ["xylophonreparatur", "2", "2", "0", "0 %"],
                   ["hundesteuer", "1", "0", "0", "0 %"]]
    _, clicked = html_table(html, "top-seiten")
    assert clicked == [["Personalausweis beantragen", "https://www.jena.de/test/personalausweis",
                        "1"]]
    _, unclicked = html_table(html, "ohne-klick")
    assert unclicked == [["hundesteuer", "1"]]
    headers, zero = html_table(html, "null-treffer")
    assert headers[-1] == "Abhilfe" and zero[0][:2] == ["xylophonreparatur", "2"]
    assert "/admin/begriffe?begriff=xylophonreparatur" in html
    assert "/admin/angepinnt?begriff=xylophonreparatur" in html


def test_each_csv_export_matches_its_table(admin: FlaskClient, app: Flask, pages: list) -> None:
    _visit(app)
    html = admin.get("/admin/statistik").get_data(as_text=True)
    for key in TABLES:
        headers, rows = html_table(html, key)
        exported = _csv(admin, key)
        if key == "null-treffer":  # the follow-up links are for the page only
            headers, rows = headers[:-1], [r[:-1] for r in rows]
        assert exported[0] == headers, key
        assert exported[1:] == rows, key
        assert exported[1:], f"{key}: the test data should fill every table"
    assert admin.get("/admin/statistik/unbekannt.csv").status_code == 404


def test_statistics_keep_no_personal_data_in_the_export(admin: FlaskClient, app: Flask,
                                                        pages: list) -> None:
    visitor = app.test_client()
    visitor.get("/suche", query_string={"q": "Ausweis"},
                environ_base={"REMOTE_ADDR": "198.51.100.7"},
                headers={"User-Agent": "Testbrowser (Erika Mustermann)"})
    commit_statistics(app)
    for key in TABLES:
        text = admin.get(f"/admin/statistik/{key}.csv").get_data(as_text=True)
        assert "198.51.100.7" not in text and "Mustermann" not in text
