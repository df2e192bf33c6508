"""Every statistics CSV is safe to open in a spreadsheet: visitor queries that begin with a
formula character arrive as plain text (OWASP CSV injection guidance)."""

from __future__ import annotations

import csv
import io

from flask import Flask
from flask.testing import FlaskClient

from tests.admin.support import commit_statistics
from webapp.admin.records import normalize_query
from webapp.admin.stats_csv import FORMULA_LEADS, neutralise, to_csv
from webapp.admin.stats_tables import TABLES

# One query per character a spreadsheet reads as the start of a formula.
HOSTILE = ('=HYPERLINK("http://example.org/x";"Klick")', "+Ausweis", "-Hundesteuer",
           "@SUMME(1;2)", "\t=1+2", "\r=3+4")


def _rows(admin: FlaskClient, key: str) -> tuple[str, list[list[str]]]:
    response = admin.get(f"/admin/statistik/{key}.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data().decode("utf-8-sig")
    return text, list(csv.reader(io.StringIO(text), delimiter=";"))


def test_hostile_queries_are_plain_text_in_every_csv(admin: FlaskClient, app: Flask,
                                                     pages: list) -> None:
    visitor = app.test_client()
    for query in HOSTILE:
        assert visitor.get("/suche", query_string={"q": query, "autocorrect": "0"}).status_code == 200
    commit_statistics(app)
    stored = {normalize_query(q) for q in HOSTILE}
    # Tab and carriage return are dropped from a query before it is stored; what remains
    # still begins with a formula character.
    assert all(q.startswith(FORMULA_LEADS) for q in stored), stored
    seen: set[str] = set()
    for key in TABLES:
        text, rows = _rows(admin, key)
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA_LEADS), (key, cell)
                if cell.startswith("'") and cell[1:] in stored:
                    seen.add(cell[1:])
        # Every field is quoted, so a cell never begins unquoted in the raw text either.
        # (Tab and carriage return are checked on the parsed cells above: "\r" also ends
        # every line.)
        for lead in "=+-@":
            assert f'"{lead}' not in text and f";{lead}" not in text, (key, lead)
    assert seen == stored
    _, top = _rows(admin, "top-suchen")
    assert {row[0] for row in top[1:]} == {"'" + q for q in stored}


def test_neutralise_covers_editor_text_and_leaves_numbers() -> None:
    assert neutralise("=1+1") == "'=1+1" and neutralise("\tx") == "'\tx"
    assert neutralise("\r@a") == "'\r@a" and neutralise("Ausweis") == "Ausweis"
    assert neutralise("12") == "12" and neutralise("33 %") == "33 %"
    text = to_csv(("Seite", "Klicks"), [("-Titel einer Redaktion", "3")])
    assert text == '"Seite";"Klicks"\r\n"\'-Titel einer Redaktion";"3"\r\n'
