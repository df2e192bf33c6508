"""Synonyms, stopwords and pinned results take effect at once, without a restart."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from tests.admin.conftest import csrf, order
from webapp.admin.pins import elevation_params, pinned_ids


def _public_ids(client: FlaskClient, query: str) -> list[str]:
    data = client.get("/api/search", query_string={"q": query, "autocorrect": "0"}).json
    return [doc["id"] for doc in data["outData"]["response"]["docs"]]


def test_synonym_perso_finds_the_personalausweis_page(admin: FlaskClient, solr_url: str,
                                                      pages: list) -> None:
    visitor = admin.application.test_client()
    assert _public_ids(visitor, "Persokarte") == []
    admin.get("/admin/begriffe")
    response = admin.post("/admin/begriffe/synonym", data={
        "begriff": "Persokarte", "synonyme": "Personalausweis", "csrf_token": csrf(admin)})
    assert response.status_code == 302
    # Back on the list filtered to the saved word, which shows its row.
    page = admin.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 von " in page and "enthalten „persokarte“" in page
    assert "Synonym gespeichert: persokarte → personalausweis" in page
    assert "<td>persokarte</td><td>persokarte, personalausweis</td>" in page
    assert _public_ids(visitor, "Persokarte")[0] == "adm-personalausweis"
    assert order(solr_url, "persokarte")[0] == "adm-personalausweis"

    admin.post("/admin/begriffe/synonym/entfernen", data={"begriff": "persokarte",
                                                          "csrf_token": csrf(admin)})
    assert _public_ids(visitor, "Persokarte") == []


def test_synonyms_both_ways(admin: FlaskClient, solr_url: str, pages: list) -> None:
    # A word the shipped synonyms do not know.
    assert order(solr_url, "Verlustanzeige") == []
    admin.get("/admin/begriffe")
    admin.post("/admin/begriffe/synonym", data={"begriff": "Verlustanzeige",
                                                "synonyme": "Fundbüro",
                                                "beidseitig": "1", "csrf_token": csrf(admin)})
    assert order(solr_url, "Verlustanzeige") == ["adm-fundbuero"]
    # The other direction, and the word itself still finds its own page.
    assert order(solr_url, "Fundbüro") == ["adm-fundbuero"]
    page = admin.get("/admin/begriffe?suche=fundbuero").get_data(as_text=True)
    # The shipped synonyms of "fundbüro" stay; the new word joins them.
    assert re.search(r"<td>fundbüro</td><td>[^<]*verlustanzeige[^<]*</td>", page)


def test_stopword_added_and_removed(admin: FlaskClient, solr_url: str, pages: list) -> None:
    # Both words must match (mm of /search itself); "tja" is on no page and, unlike
    # "bitte", no shipped stopword.
    assert order(solr_url, "Hundesteuer tja") == []
    admin.get("/admin/begriffe")
    admin.post("/admin/begriffe/stoppwort", data={"woerter": "tja, danke",
                                                  "csrf_token": csrf(admin)})
    assert order(solr_url, "Hundesteuer tja") == ["adm-hundesteuer"]
    admin.post("/admin/begriffe/stoppwort/entfernen", data={"wort": "tja",
                                                            "csrf_token": csrf(admin)})
    assert order(solr_url, "Hundesteuer tja") == []


def test_empty_synonym_form_is_refused_in_german(admin: FlaskClient) -> None:
    admin.get("/admin/begriffe")
    response = admin.post("/admin/begriffe/synonym", data={"begriff": " ", "synonyme": "",
                                                           "csrf_token": csrf(admin)},
                          follow_redirects=True)
    assert "Bitte einen Begriff und mindestens ein Synonym angeben" in response.get_data(as_text=True)


def test_pinned_page_leads_the_query_without_restart(admin: FlaskClient, app: Flask,
                                                     solr_url: str, pages: list) -> None:
    assert order(solr_url, "Ausweis")[0] == "adm-personalausweis"
    admin.get("/admin/angepinnt")
    admin.post("/admin/angepinnt", data={"begriff": "AUSWEIS", "seiten": "adm-hundesteuer, adm-fehlt",
                                         "csrf_token": csrf(admin)})
    page = admin.get("/admin/angepinnt").get_data(as_text=True)
    assert "Angepinnt für „ausweis“" in page and ">Hundesteuer</a>" in page
    assert "Diese IDs gibt es im Index (noch) nicht: adm-fehlt" in page
    with app.test_request_context():
        ids = pinned_ids("  Ausweis ")
        assert ids == ("adm-hundesteuer", "adm-fehlt")
        assert pinned_ids("Ausweis beantragen") == ()
    assert order(solr_url, "Ausweis", **elevation_params(ids))[:2] == [
        "adm-hundesteuer", "adm-personalausweis"]
    # Visitors see it on their next search, in the relevance order only.
    visitor = app.test_client()
    assert _public_ids(visitor, "Ausweis")[:2] == ["adm-hundesteuer", "adm-personalausweis"]
    by_date = visitor.get("/api/search", query_string={"q": "Ausweis", "sort": "datum_neu"}).json
    assert "adm-hundesteuer" not in [d["id"] for d in by_date["outData"]["response"]["docs"]]
    # A second worker (another app) sees the pin too.
    from tests.admin.conftest import make_app
    with make_app(solr_url).test_request_context():
        assert pinned_ids("ausweis") == ("adm-hundesteuer", "adm-fehlt")
    admin.post("/admin/angepinnt", data={"begriff": "Ausweis", "seiten": "",
                                         "csrf_token": csrf(admin)})
    with app.test_request_context():
        assert pinned_ids("Ausweis") == ()
    assert _public_ids(visitor, "Ausweis")[0] == "adm-personalausweis"


def test_pin_form_splits_ids_on_commas(admin: FlaskClient) -> None:
    admin.get("/admin/angepinnt")
    response = admin.post("/admin/angepinnt", data={"begriff": "x", "seiten": "a,b",
                                                    "csrf_token": csrf(admin)})
    # Commas separate ids in the form, so "a,b" are two ids; both are kept in order.
    assert response.status_code == 302
    with admin.application.test_request_context():
        assert pinned_ids("x") == ("a", "b")
