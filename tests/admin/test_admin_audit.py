"""The audit trail records changes to synonyms, stopwords, ranking, pins and exclusions with
time, user and the values before and after."""

from __future__ import annotations

import json

from flask.testing import FlaskClient

from tests.admin.conftest import csrf
from tests.admin.support import html_table
from tests.admin.test_admin_ranking import _form
from webapp.admin.ranking_store import current_ranking
from webapp.admin.services import EXTENSION_KEY


def _rows(admin: FlaskClient, area: str = "") -> list[list[str]]:
    html = admin.get("/admin/protokoll", query_string={"bereich": area}).get_data(as_text=True)
    _, rows = html_table(html, "protokoll")
    return rows


def test_synonym_change_is_recorded_with_before_and_after(admin: FlaskClient, pages: list) -> None:
    admin.get("/admin/begriffe")
    admin.post("/admin/begriffe/synonym", data={"begriff": "perso", "synonyme": "personalausweis",
                                                "csrf_token": csrf(admin)})
    admin.post("/admin/begriffe/synonym", data={"begriff": "perso", "synonyme": "ausweis",
                                                "csrf_token": csrf(admin)})
    admin.post("/admin/begriffe/synonym/entfernen", data={"begriff": "perso",
                                                          "csrf_token": csrf(admin)})
    removed, changed, added = _rows(admin, "synonyms")[:3]
    assert added[1:4] == ["redaktion", "Synonyme", "Synonym gespeichert: perso"]
    assert added[4] == "—" and json.loads(added[5]) == {"perso": ["perso", "personalausweis"]}
    assert json.loads(changed[4]) == {"perso": ["perso", "personalausweis"]}
    assert json.loads(changed[5]) == {"perso": ["perso", "ausweis"]}
    assert removed[3] == "Synonym entfernt: perso" and removed[5] == "—"
    # Solr merges a mapping into what exists: "before" is what Solr held then.
    assert set(json.loads(removed[4])["perso"]) >= {"ausweis"}
    assert added[0].endswith("Uhr")


def test_other_areas_are_recorded(admin: FlaskClient, pages: list) -> None:
    admin.get("/admin/begriffe")
    token = csrf(admin)
    admin.post("/admin/begriffe/stoppwort", data={"woerter": "bitte", "csrf_token": token})
    admin.post("/admin/angepinnt", data={"begriff": "ausweis", "seite": "adm-fundbuero",
                                         "bis": "2030-01-31", "csrf_token": token})
    admin.post("/admin/ausschluesse", data={"art": "prefix", "url": "https://www.jena.de/alt/",
                                            "grund": "Archiv", "csrf_token": token})
    live = current_ranking(admin.application.extensions[EXTENSION_KEY].core)
    saved = admin.post("/admin/ranking", data={**_form(live, qf_title="9"), "aktion": "speichern",
                                               "csrf_token": token})
    assert saved.status_code == 302
    areas = [row[2] for row in _rows(admin)]
    assert areas[:4] == ["Ranking", "Ausschlüsse", "Angepinnt", "Stoppwörter"]
    ranking, exclusion, pin, stop = _rows(admin)[:4]
    assert "bitte" in json.loads(stop[5]) and "bitte" not in json.loads(stop[4])
    assert pin[4] == "—" and json.loads(pin[5]) == {"query": "ausweis", "seiten": ["adm-fundbuero"],
                                                    "von": None, "bis": "2030-01-31"}
    assert json.loads(exclusion[5])["grund"] == "Archiv"
    assert "title^9" in json.loads(ranking[5])["qf"]
    assert json.loads(ranking[4])["qf"] != json.loads(ranking[5])["qf"]
    assert [row[2] for row in _rows(admin, "pins")] == ["Angepinnt"]
