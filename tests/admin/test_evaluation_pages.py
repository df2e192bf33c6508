"""Click judgements end to end: visitors search and click through the app's own endpoints,
the statistics core keeps the events, and the admin page, its CSV and the ranking preview
show grades and nDCG that match values computed by hand."""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from datetime import datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.admin.conftest import csrf
from tests.admin.support import commit_statistics, html_table
from tests.admin.test_admin_ranking import _form, _live
from tests.admin.test_evaluation_store import click, search
from webapp.admin.evaluation.judgements import PRIOR_STRENGTH, build_judgements
from webapp.admin.evaluation.store import load_click_data
from webapp.admin.services import EXTENSION_KEY
from webapp.admin.settings import LOCAL_ZONE

HOSTILE = "=Fundbüro"
# query -> (searches, clicks); every query but "Ausweis" finds exactly one page (position
# 1), "Ausweis" finds two and its clicks go to position 2.
TRAFFIC = {"Hundesteuer": (12, 9), HOSTILE: (12, 1), "Holzmarkt": (12, 5),
           "Stadtbrücke": (5, 0), "Ausweis": (12, 9)}


def visit(app: Flask) -> dict[str, list[str]]:
    """Every search first (so that no click can change a later order), then the clicks;
    returns the ids each query showed."""
    visitor = app.test_client()
    shown: dict[str, list[str]] = {}
    links: dict[str, list[list[str]]] = defaultdict(list)
    for query, (searches, _) in TRAFFIC.items():
        for _ in range(searches):
            _, ids, urls = search(visitor, query)
            assert shown.setdefault(query, ids) == ids, f"{query}: order changed"
            links[query].append(urls)
    for query, (_, clicks) in TRAFFIC.items():
        for urls in links[query][:clicks]:
            click(visitor, urls[-1])
    commit_statistics(app)
    return shown


def test_grades_csv_and_ndcg_per_day_match_the_hand_computed_values(
        admin: FlaskClient, app: Flask, pages: list) -> None:
    shown = visit(app)
    assert [len(shown[q]) for q in TRAFFIC] == [1, 1, 1, 1, 2]
    perso, fund = shown["Ausweis"]
    today = datetime.now(LOCAL_ZONE).date()
    data = load_click_data(app.extensions[EXTENSION_KEY].stats, today, today)
    judged = build_judgements(data.impressions, data.clicks)

    # Only position 2 depends on the fitted examination: fundbuero was clicked 9 times of
    # 12, so any theta_2 >= 0.75 explains it equally (theta_2 < 0.75 explains it worse).
    theta2 = judged.examination[1]
    assert 0.75 - 1e-3 <= theta2 <= 1.0
    # Mean attractiveness: all clicks (9+1+5+0+9) over all expected examinations (41 at
    # position 1 for the one-page queries, 12 for personalausweis, 12 * theta_2).
    mean = 24 / (41 + 12 + 12 * theta2)

    def alpha(clicks: float, examined: float) -> float:
        return (clicks + PRIOR_STRENGTH * mean) / (examined + PRIOR_STRENGTH)

    expected = {  # (query, page) -> (grade, attractiveness, impressions, clicks)
        ("hundesteuer", "adm-hundesteuer"): (3, alpha(9, 12), 12, 9),       # ~0.66
        ("holzmarkt", "adm-baustelle-neu"): (2, alpha(5, 12), 12, 5),       # ~0.40
        ("=fundbüro", "adm-fundbuero"): (0, alpha(1, 12), 12, 1),           # ~0.13
        ("ausweis", perso): (0, alpha(0, 12), 12, 0),                       # ~0.06
        ("ausweis", fund): (3, alpha(9, 12 * theta2), 12, 9),               # >= 0.66
    }
    got = {(j.query, j.doc_id): j for j in judged.judgements}
    assert set(got) == set(expected)  # "stadtbrücke": 5 impressions, below the minimum
    for key, (grade, attractiveness, impressions, clicks) in expected.items():
        j = got[key]
        assert (j.grade, j.impressions, j.clicks) == (grade, impressions, clicks), key
        assert j.attractiveness == pytest.approx(attractiveness, abs=1e-4), key

    html = admin.get("/admin/bewertung").get_data(as_text=True)
    headers, rows = html_table(html, "bewertung")
    table = {(r[0], r[1]): dict(zip(headers, r)) for r in rows}
    row = table[("hundesteuer", "Hundesteuer")]
    assert (row["Note (0–3)"], row["Impressionen"], row["Klicks"]) == ("3", "12", "9")
    assert row["Adresse"] == "https://www.jena.de/test/hundesteuer"
    assert table[("ausweis", "Fundbüro")]["Note (0–3)"] == "3"
    assert table[("holzmarkt", "Sperrung am Holzmarkt")]["Note (0–3)"] == "2"
    assert len(rows) == 5
    assert "53 Trefferseiten mit Treffern und 24 Klicks" in " ".join(html.split())

    # nDCG per day: hundesteuer and holzmarkt 1.0 each (their one page is graded), ausweis
    # shows grade 0 before grade 3: (2^3 - 1) / log2(3) / (2^3 - 1); =fundbüro (grade 0
    # only) and stadtbrücke (unjudged) have no nDCG.
    ausweis = 1 / math.log2(3)
    _, days = html_table(html, "ndcg-tage")
    mean = (12 * 1.0 + 12 * 1.0 + 12 * ausweis) / 36
    assert days == [[today.strftime("%d.%m.%Y"), f"{mean:.3f}".replace(".", ","), "36", "3",
                     "1"]]

    response = admin.get("/admin/bewertung/bewertungen.csv")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = response.get_data(as_text=True).lstrip("\ufeff")
    cells = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert cells[0][:4] == ["Suchanfrage", "Seite", "Adresse", "Note (0–3)"]
    hostile = [r for r in cells[1:] if "fundbüro" in r[0]]
    assert [r[0] for r in hostile] == ["'=fundbüro"]  # shown as text, never run
    assert len(cells) == 6
    assert all(not c.startswith(("=", "+", "-", "@")) for r in cells for c in r)
    raw = list(csv.reader(io.StringIO(admin.get(
        "/admin/bewertung/bewertungen-daten.csv").get_data(as_text=True))))
    assert raw[0][:3] == ["query", "doc_id", "grade"] and len(raw) == 6
    assert [r[:3] for r in raw if r[1] == "adm-fundbuero"] == [["'=fundbüro", "adm-fundbuero", "0"],
                                                              ["ausweis", "adm-fundbuero", "3"]]


def test_a_period_without_enough_impressions_says_so(admin: FlaskClient, app: Flask,
                                                     pages: list) -> None:
    visitor = app.test_client()
    _, _, urls = search(visitor, "Hundesteuer")
    click(visitor, urls[0])
    commit_statistics(app)
    html = admin.get("/admin/bewertung").get_data(as_text=True)
    assert 'id="zu-wenig"' in html and 'id="bewertung"' not in html
    assert "mindestens 10-mal gezeigt" in " ".join(html.split())
    assert "(1 Trefferseiten, 1 Klicks)" in " ".join(html.split())
    _, days = html_table(html, "ndcg-tage")
    assert days == [["Kein Tag mit Suchen zu bewerteten Suchanfragen im Zeitraum."]]


def test_the_ranking_preview_shows_ndcg_before_and_after(admin: FlaskClient, app: Flask,
                                                         solr_url: str, pages: list) -> None:
    shown = visit(app)
    assert shown["Ausweis"] == ["adm-personalausweis", "adm-fundbuero"]
    # "Beliebtheit" puts fundbuero (5000 clicks) first for "Ausweis"; the other judged
    # queries find one page, whatever the order.
    form = _form(_live(solr_url), sort="clickCounter desc, score desc", vorschau_q="Ausweis",
                 aktion="vorschau", csrf_token=csrf(admin))
    html = admin.post("/admin/ranking", data=form).get_data(as_text=True)
    _, rows = html_table(html, "klick-ndcg")
    before = (1.0 + 1.0 + 1 / math.log2(3)) / 3
    assert rows == [["Aktuell", f"{before:.3f}".replace(".", ","), "3"],
                    ["Vorschlag", "1,000", "3"]]


def test_the_ranking_preview_without_judgements_says_so(admin: FlaskClient, solr_url: str,
                                                        pages: list) -> None:
    form = _form(_live(solr_url), vorschau_q="Ausweis", aktion="vorschau",
                 csrf_token=csrf(admin))
    html = admin.post("/admin/ranking", data=form).get_data(as_text=True)
    assert 'id="klick-ndcg-leer"' in html and 'id="klick-ndcg"' not in html
    assert 'id="vorschau-aktuell"' in html  # the preview itself is whole


def test_bad_dates_get_a_german_message_and_visitors_a_login(admin: FlaskClient, app: Flask,
                                                             pages: list) -> None:
    response = admin.get("/admin/bewertung?von=gestern&bis=heute")
    html = " ".join(response.get_data(as_text=True).split())
    assert response.status_code == 200
    assert "Bitte Daten im Format JJJJ-MM-TT angeben." in html and "Traceback" not in html
    swapped = admin.get("/admin/bewertung?von=2026-03-10&bis=2026-03-01").get_data(as_text=True)
    assert "die Daten wurden getauscht" in swapped and "Vom 01.03.2026 bis 10.03.2026" in swapped
    for path in ("/admin/bewertung", "/admin/bewertung/bewertungen.csv",
                 "/admin/bewertung/bewertungen-daten.csv"):
        assert app.test_client().get(path).status_code == 302  # to the login
