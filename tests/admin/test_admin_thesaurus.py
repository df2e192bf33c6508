"""Thesaurus suggestions on the synonyms page: the web team confirms them, nothing is automatic."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.admin.conftest import csrf


def _suggestions(page: str) -> str:
    return page.split('id="thesaurus-vorschlaege"')[1].split("</div>")[0]


def test_zero_hit_words_get_suggestions_the_web_team_can_confirm(admin: FlaskClient,
                                                                 pages: list) -> None:
    page = admin.get("/admin/begriffe?begriff=Gehweg <b>räumen</b>").get_data(as_text=True)
    offered = _suggestions(page)
    assert 'name="begriff" value="gehweg"' in offered
    assert "Bürgersteig" in offered and "<b>" not in page.split("<h1>")[1]
    listed = admin.get("/admin/begriffe?suche=gehweg").get_data(as_text=True)
    assert "<td>gehweg</td>" not in listed  # only offered, not saved
    try:
        admin.post("/admin/begriffe/synonym", data={"begriff": "gehweg",
                                                    "synonyme": "Bürgersteig, Gehsteig",
                                                    "csrf_token": csrf(admin)})
        saved = admin.get("/admin/begriffe?suche=gehweg").get_data(as_text=True)
        assert "<td>gehweg</td><td>bürgersteig, gehsteig, gehweg</td>" in saved
    finally:
        admin.post("/admin/begriffe/synonym/entfernen", data={"begriff": "gehweg",
                                                              "csrf_token": csrf(admin)})


def test_words_without_neighbours_get_no_suggestions(admin: FlaskClient) -> None:
    page = admin.get("/admin/begriffe?begriff=xylophonreparatur").get_data(as_text=True)
    assert 'id="thesaurus-vorschlaege"' not in page
