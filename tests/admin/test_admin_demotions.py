"""Demoted pages: a page ranked lower for one query or everywhere, in both matchings and in a
plain one-word search; previewed before saving, audited, lifted again; a pin wins."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from tests.admin.conftest import PAGES, csrf, page
from tests.admin.support import html_table
from tests.support import Core
from webapp.admin.records import save_golden
from webapp.admin.services import EXTENSION_KEY
from webapp.builder import DEMOTE_BOOST, DEMOTE_QUERY, add_demotion_to_solr, build_solr_params
from webapp.request import SearchRequest

PERSO, FUND = "adm-personalausweis", "adm-fundbuero"
HUB, LOST = "adm-buergerservice", "adm-ausweis-verloren"
# The case: an overview that links many services holds every word of a service query.
HUB_PAGES = [
    page("buergerservice", "Bürgerservice von A bis Z",
         "Ausweis verloren, Personalausweis beantragen, Reisepass, Meldebescheinigung, "
         "Fundbüro: alle Leistungen des Bürgerservice. Ausweis verloren? Ausweis verloren!",
         clicks=9000),
    page("ausweis-verloren", "Verlust des Ausweises melden",
         "Wer seinen Ausweis verloren hat, meldet den Verlust im Bürgeramt."),
]


def _ids(app: Flask, query: str) -> list[str]:
    data = app.test_client().get("/api/search", query_string={"q": query}).json
    return [d["id"] for d in data["outData"]["response"]["docs"]]


def _post(admin: FlaskClient, **form: str) -> tuple[int, str]:
    admin.get("/admin/herabgestuft")
    response = admin.post("/admin/herabgestuft", data={"csrf_token": csrf(admin), **form})
    return response.status_code, response.get_data(as_text=True)


def _demote(admin: FlaskClient, **form: str) -> None:
    status, _ = _post(admin, aktion="speichern", **form)
    assert status == 302


def _list(admin: FlaskClient) -> list[list[str]]:
    _, rows = html_table(admin.get("/admin/herabgestuft").get_data(as_text=True),
                         "herabgestuft-liste")
    return rows


def _audit(admin: FlaskClient) -> list[list[str]]:
    html = admin.get("/admin/protokoll", query_string={"bereich": "demotions"})
    return html_table(html.get_data(as_text=True), "protokoll")[1]


def test_builder_step_names_ids_in_their_own_parameter() -> None:
    assert add_demotion_to_solr(SearchRequest(query="perso")) == {}
    params = build_solr_params(SearchRequest(query="perso verloren", relaxed_terms=(),
                                             demoted_ids=("a", "bad,id", "b} {!x")))
    assert params["demoteids"] == "a,b} {!x"
    assert params["demoteq"] == DEMOTE_QUERY == "{!terms f=id v=$demoteids}"
    assert params["demoteboost"] == DEMOTE_BOOST
    only_bad = SearchRequest(query="perso", demoted_ids=("bad,id",))
    assert "demoteboost" not in build_solr_params(only_bad)


def test_demoted_everywhere_in_plain_and_relaxed_search_then_lifted(
        admin: FlaskClient, app: Flask, solr_url: str) -> None:
    Core(solr_url).load(PAGES + HUB_PAGES)
    one_word, two_words = _ids(app, "Ausweis"), _ids(app, "Ausweis verloren")
    assert two_words == [HUB, LOST, FUND, PERSO] and one_word.index(HUB) < len(one_word) - 1
    _demote(admin, bereich="all", seite=HUB, grund="Übersicht verdrängt Dienstleistung")
    assert _ids(app, "Ausweis")[-1] == HUB
    # With both matchings the hub gives way to the other pages with every word, and stays
    # above the one that lacks "verloren" (a demotion ranks lower within its matching).
    assert _ids(app, "Ausweis verloren") == [LOST, FUND, HUB, PERSO]

    rows = _list(admin)
    assert len(rows) == 1 and rows[0][0] == "Bürgerservice von A bis Z"
    assert rows[0][1] == "bei jeder Suche" and rows[0][2] == "Übersicht verdrängt Dienstleistung"
    entry = _audit(admin)[0]
    assert entry[1:4] == ["redaktion", "Herabgestuft", f"Herabgestuft bei jeder Suche: {HUB}"]
    assert entry[4] == "—" and json.loads(entry[5])["seite"] == HUB

    html = admin.get("/admin/herabgestuft").get_data(as_text=True)
    record = BeautifulSoup(html, "lxml").find("input", attrs={"name": "eintrag"})["value"]
    admin.post("/admin/herabgestuft/aufheben", data={"eintrag": record,
                                                      "csrf_token": csrf(admin)})
    assert _ids(app, "Ausweis") == one_word and _ids(app, "Ausweis verloren") == two_words
    assert _list(admin)[0][0] == "Keine herabgestuften Seiten."
    lifted = _audit(admin)[0]
    assert lifted[3] == f"Herabstufung aufgehoben (bei jeder Suche): {HUB}"
    assert json.loads(lifted[4])["bereich"] == "all" and lifted[5] == "—"


def test_demoted_for_one_query_only(admin: FlaskClient, app: Flask, pages: list) -> None:
    other = _ids(app, "Ausweis beantragen")
    _demote(admin, bereich="query", begriff="  AUSWEIS ", seite=PERSO)
    assert _ids(app, "ausweis")[0] != PERSO and PERSO in _ids(app, "ausweis")
    assert _ids(app, "Ausweis beantragen") == other
    assert _list(admin)[0][1] == "„ausweis“"


def test_pin_wins_over_demotion_of_the_same_page(admin: FlaskClient, app: Flask,
                                                 pages: list) -> None:
    _demote(admin, bereich="all", seite=PERSO)
    assert _ids(app, "Ausweis")[0] != PERSO
    admin.post("/admin/angepinnt", data={"begriff": "Ausweis", "seite": PERSO,
                                         "csrf_token": csrf(admin)})
    assert _ids(app, "Ausweis")[0] == PERSO
    admin.post("/admin/angepinnt", data={"begriff": "Ausweis", "csrf_token": csrf(admin)})
    assert _ids(app, "Ausweis")[0] != PERSO


def test_preview_shows_the_effect_before_anything_is_saved(admin: FlaskClient, app: Flask,
                                                           solr_url: str) -> None:
    Core(solr_url).load(PAGES + HUB_PAGES)  # four pages with "Ausweis": one leaves the top 3
    save_golden(app.extensions[EXTENSION_KEY].stats, "Ausweis", [PERSO])
    save_golden(app.extensions[EXTENSION_KEY].stats, "Hundesteuer", ["adm-hundesteuer"])
    before = _ids(app, "Ausweis")
    status, html = _post(admin, aktion="vorschau", bereich="all", seite=PERSO,
                         vorschau_q="Ausweis")
    assert status == 200
    soup = BeautifulSoup(html, "lxml")
    now = [li["data-id"] for li in soup.select("#vorschau-aktuell li")]
    later = [li["data-id"] for li in soup.select("#vorschau-vorschlag li")]
    assert now == before and now[0] == PERSO
    assert later[0] != PERSO and later[-1] == PERSO and sorted(later) == sorted(now)
    assert f"heute Platz 1, herabgestuft Platz {len(later)}" in soup.select_one(
        "#vorschau-ergebnis").get_text(" ", strip=True)
    broken = " ".join(soup.select_one("#vorschau-golden").get_text(" ", strip=True).split())
    assert "1 goldene Suchanfrage(n) brechen: „Ausweis“" in broken
    assert _ids(app, "Ausweis") == before and _list(admin)[0][0] == "Keine herabgestuften Seiten."
    assert _audit(admin) == [["Noch keine Änderungen aufgezeichnet."]]


def test_bad_input_gets_german_errors_and_stays_inert(admin: FlaskClient, app: Flask,
                                                      pages: list) -> None:
    for form, message in (({"bereich": "all", "seite": ""}, "Bitte eine Seite"),
                          ({"bereich": "query", "seite": PERSO, "begriff": " "},
                           "Bitte die Suchanfrage angeben"),
                          ({"bereich": "irgendwo", "seite": PERSO}, "Bitte wählen Sie"),
                          ({"bereich": "all", "seite": "a,b"}, "kein Komma"),
                          ({"bereich": "all", "seite": PERSO}, "Suchanfrage für die Vorschau")):
        status, html = _post(admin, aktion="vorschau" if "Vorschau" in message else "speichern",
                             **form)
        assert status == 400 and message in html
    evil = '<script>alert(1)</script> {!func}x) OR id:*'
    _demote(admin, bereich="query", begriff=evil, seite=evil, grund=evil)
    html = admin.get("/admin/herabgestuft").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    _demote(admin, bereich="all", seite=evil)
    # The odd id is one more term of the demotion query, nothing else: searches go on as before.
    response = app.test_client().get("/api/search", query_string={"q": evil})
    assert response.status_code == 200
    assert _ids(app, "Ausweis")[0] == PERSO and len(_list(admin)) == 2
