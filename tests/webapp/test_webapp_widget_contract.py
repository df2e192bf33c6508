"""The widget contract: /api/search answers exactly what the OpenAPI document describes."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from openapi_schema_validator import OAS30Validator

pytestmark = pytest.mark.usefixtures("search_docs")


@pytest.fixture()
def response_schema(client: FlaskClient) -> dict:
    document = client.get("/api/openapi.json").get_json()
    return document["paths"]["/api/search"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]


@pytest.mark.parametrize("query", [
    "q=Jena", "q=Jena&category=Verkehr&rows=20&sort=datum_neu&page=1",
    "q=Persnalausweis&autocorrect=0", "q=Persnalausweis", "q=xqzvw", "q=",
    "q=Jena&sort=unbekannt&rows=7&page=999", "q=%22Personalausweis%22&exact=1",
])
def test_every_answer_matches_the_openapi_document(client: FlaskClient, response_schema: dict,
                                                   query: str) -> None:
    body = client.get(f"/api/search?{query}").get_json()
    # Raises with the path of the first mismatch: missing, extra or mistyped fields.
    OAS30Validator(response_schema).validate(body)


def test_zero_hits_still_say_which_page_the_visitor_is_on(client: FlaskClient) -> None:
    out = client.get("/api/search?q=xqzvw").get_json()["outData"]
    assert out["response"]["numFound"] == 0 and out["pager"]["numPages"] == 0
    assert out["pager"]["pages"] == [{"page": 1, "currentPage": 1, "isCurrent": True}]


def test_the_schema_refuses_what_the_api_does_not_send(response_schema: dict) -> None:
    # The contract is strict both ways: a field the widget page expects but the API lacks
    # (the old doc.teaser) or suggestions as plain strings fail validation.
    validator = OAS30Validator(response_schema)
    doc = {"id": "a", "title": "T", "url": "https://www.jena.de/a", "clickUrl": "/klick?id=a",
           "category": None, "onlineDate": None, "onlineDateHasTime": None, "clickCounter": 0,
           "snippet": ""}
    assert list(validator.iter_errors({"inData": {}, "outData": {}}))  # required fields
    assert list(OAS30Validator(response_schema["properties"]["outData"]["properties"]
                               ["response"]["properties"]["docs"]["items"])
                .iter_errors({**doc, "teaser": "t"}))
    suggestions = response_schema["properties"]["outData"]["properties"]["spellcheck"]
    assert list(OAS30Validator(suggestions).iter_errors(
        {"collation": None, "collationHits": 0, "suggestions": ["Personalausweis"]}))



@pytest.mark.parametrize("prefix", ["Pe", "Personalaus", "x", ""])
def test_suggest_answers_match_the_openapi_document(client: FlaskClient, prefix: str) -> None:
    document = client.get("/api/openapi.json").get_json()
    schema = document["paths"]["/api/suggest"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    body = client.get("/api/suggest", query_string={"q": prefix}).get_json()
    OAS30Validator(schema).validate(body)
    if prefix == "Personalaus":
        assert "Personalausweis beantragen" in body["suggestions"]
