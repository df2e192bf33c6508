"""Documents (PDF, DOCX, ODT) of the sample site on /suche, /api/search and /klick."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from openapi_schema_validator import OAS30Validator

from tests.support import Core
from webapp.presenters import file_label, pages_label

WOHNGELD_PDF = "https://www.jena.de/dokumente/soziales/antrag-wohngeld.pdf"
WOHNGELD_PAGE = "https://www.jena.de/soziales/wohngeld.html"


def _api(client: FlaskClient, **args: str) -> dict:
    response = client.get("/api/search", query_string=args)
    assert response.status_code == 200
    return response.get_json()["outData"]


def test_antrag_wohngeld_finds_the_form_with_type_and_size(client: FlaskClient,
                                                          sample_index: str) -> None:
    docs = _api(client, q="Antrag Wohngeld")["response"]["docs"]
    top = [d["id"] for d in docs[:3]]
    assert WOHNGELD_PDF in top
    pdf = next(d for d in docs if d["id"] == WOHNGELD_PDF)
    stored = Core(sample_index).get(WOHNGELD_PDF)
    assert stored is not None
    assert pdf["file"] == {"type": "PDF", "size": stored["fileSize"],
                           "label": f"PDF, {round(stored['fileSize'] / 1024)} KB",
                           "pages": 1, "linkedFrom": WOHNGELD_PAGE,
                           "linkedFromTitle": "Wohngeld"}
    page_hit = next((d for d in docs if d["id"] == WOHNGELD_PAGE), None)
    assert page_hit is None or page_hit["file"] is None

    html = client.get("/suche?q=Antrag+Wohngeld").get_data(as_text=True)
    assert re.search(r'class="result__filetype">\[PDF, \d+ KB\]</span>', html)
    assert "Verlinkt auf:" in html and f'href="{WOHNGELD_PAGE}"' in html


def test_file_text_is_highlighted(client: FlaskClient, sample_index: str) -> None:
    docs = _api(client, q="Schöffinnen")["response"]["docs"]
    gazette = next(d for d in docs if d["file"])
    assert gazette["id"].endswith("amtsblatt-2026-05.pdf")
    assert "<mark>Schöffinnen</mark>" in gazette["snippet"]
    assert gazette["file"]["pages"] == 2


def test_document_facet_and_type_filter(client: FlaskClient, sample_index: str) -> None:
    everything = _api(client, q="Antrag")
    counts = {f["value"]: f["count"] for f in everything["facets"]["fileType"]}
    assert counts["PDF"] >= 4 and counts["ODT"] >= 1
    only_pdf = _api(client, q="Antrag", typ="pdf")
    assert only_pdf["response"]["numFound"] == counts["PDF"]
    assert all(d["file"]["type"] == "PDF" for d in only_pdf["response"]["docs"])
    # The facet ignores its own filter, so the other choices stay visible with their counts.
    assert {f["value"]: f["count"] for f in only_pdf["facets"]["fileType"]} == counts
    documents = _api(client, q="Antrag", typ="dokumente")
    assert documents["response"]["numFound"] == sum(counts.values())
    assert _api(client, q="Antrag", typ="<script>")["response"]["numFound"] == \
        everything["response"]["numFound"]

    html = client.get("/suche?q=Antrag&typ=pdf").get_data(as_text=True)
    assert ">Dokumente</h3>" in html
    assert f'PDF <span class="count">({counts["PDF"]})</span>' in html
    assert 'name="typ" value="pdf"' in html
    assert "Webseiten und Dokumente" in html


def test_click_on_a_document_counts_and_redirects_to_the_file(client: FlaskClient,
                                                              sample_index: str) -> None:
    def clicks() -> int:
        doc = Core(sample_index).get(WOHNGELD_PDF, fl="clickCounter")
        assert doc is not None
        return int(doc["clickCounter"])

    before = clicks()
    response = client.get("/klick", query_string={"id": WOHNGELD_PDF, "q": "Antrag Wohngeld"})
    assert response.status_code == 303
    assert response.headers["Location"] == WOHNGELD_PDF
    assert clicks() == before + 1


def test_openapi_describes_documents(client: FlaskClient) -> None:
    operation = client.get("/api/openapi.json").get_json()["paths"]["/api/search"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert params["typ"]["schema"]["enum"] == ["dokumente", "pdf", "docx", "odt"]
    out = operation["responses"]["200"]["content"]["application/json"]["schema"][
        "properties"]["outData"]["properties"]
    doc = out["response"]["properties"]["docs"]["items"]["properties"]
    assert set(doc["file"]["properties"]) == {"type", "size", "label", "pages", "linkedFrom",
                                              "linkedFromTitle"}
    assert "fileType" in out["facets"]["properties"]


def test_labels() -> None:
    assert file_label("PDF", 245_760) == "PDF, 240 KB"
    assert file_label("DOCX", 900) == "DOCX, 900 Bytes"
    assert file_label("PDF", 3 * 1024 * 1024 + 400_000) == "PDF, 3,4 MB"
    assert file_label("ODT", None) == "ODT"
    assert (pages_label(1), pages_label(12), pages_label(None)) == ("1 Seite", "12 Seiten", "")


@pytest.mark.parametrize("query", ["q=Antrag+Wohngeld", "q=Antrag&typ=odt",
                                   "q=Antrag&typ=dokumente&category=Soziales"])
def test_answers_with_documents_match_the_openapi_document(client: FlaskClient,
                                                           sample_index: str,
                                                           query: str) -> None:
    document = client.get("/api/openapi.json").get_json()
    schema = document["paths"]["/api/search"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    body = client.get(f"/api/search?{query}").get_json()
    assert any(doc["file"] for doc in body["outData"]["response"]["docs"])
    OAS30Validator(schema).validate(body)
