"""A change in the admin area reaches visitors at once, also where their results are kept in
memory (webapp/result_cache.py): on the worker that saved it and on every other one."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.admin.conftest import csrf, make_app, order
from tests.admin.test_admin_ranking import _form, _live


def _ids(app: Flask, query: str) -> list[str]:
    docs = app.test_client().get(f"/api/search?q={query}").get_json()["outData"]["response"]["docs"]
    return [d["id"] for d in docs]


def test_saved_ranking_voids_every_workers_kept_results(admin: FlaskClient, app: Flask,
                                                        solr_url: str, pages: list) -> None:
    # A second worker with the cache on, pins and default order cached as in production.
    other = make_app(solr_url, PINS_CACHE_SECONDS=2, RANKING_CACHE_SECONDS=2)
    before = _ids(other, "Ausweis")
    assert before[:2] == ["adm-personalausweis", "adm-fundbuero"]
    assert _ids(app, "Ausweis") == before  # both now keep this result
    admin.get("/admin/ranking")
    saved = admin.post("/admin/ranking", data=_form(
        _live(solr_url), popularity="8", aktion="speichern", csrf_token=csrf(admin)))
    assert saved.status_code == 302
    assert order(solr_url, "Ausweis")[:2] == ["adm-fundbuero", "adm-personalausweis"]
    # The very next search of either worker shows the new order.
    assert _ids(app, "Ausweis")[:2] == ["adm-fundbuero", "adm-personalausweis"]
    assert _ids(other, "Ausweis")[:2] == ["adm-fundbuero", "adm-personalausweis"]


def test_pin_shows_in_the_next_search_of_the_worker_that_saved_it(admin: FlaskClient,
                                                                 app: Flask, pages: list) -> None:
    assert _ids(app, "Ausweis")[0] != "adm-hundesteuer"
    admin.get("/admin/angepinnt")
    response = admin.post("/admin/angepinnt", data={"begriff": "Ausweis",
                                                    "seite": "adm-hundesteuer",
                                                    "csrf_token": csrf(admin)})
    assert response.status_code == 302
    assert _ids(app, "Ausweis")[0] == "adm-hundesteuer"
