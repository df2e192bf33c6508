"""Languages (issue 23): German pages first, English words find the English page, and a
language filter ("sprache") on /suche and in the API with German names."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from solrclient import SolrClient
# grouped_docs: imported for pytest, which finds fixtures by name in the module.
from tests.webapp.test_webapp_duplicates import api, grouped_docs, search  # noqa: F401
from webapp.builder import build_solr_params
from webapp.request import UNKNOWN_LANGUAGE_NOTICE, parse_search_request

pytestmark = pytest.mark.usefixtures("grouped_docs")


@pytest.mark.parametrize(("query", "page"), [
    ("identity card", "https://www.jena.de/en/identity-card"),
    ("register address", "https://www.jena.de/en/register-address"),
    ("waste collection", "https://www.jena.de/en/waste-collection"),
])
def test_english_words_find_the_page_in_the_language_it_exists_in(
        client: FlaskClient, query: str, page: str) -> None:
    docs = api(client, q=query)["response"]["docs"]
    assert docs and docs[0]["url"] == page
    assert docs[0]["language"] == "en"


def test_a_german_search_ranks_the_german_page_above_the_english_one(
        solr_url: str) -> None:
    result = search(solr_url, q="Personalausweis")
    ids = [hit.id for hit in result.hits]
    assert ids[:2] == ["g-perso", "g-perso-en"]  # the English page is kept, below
    # Without the German-first boost the English page (shorter, the word in its title)
    # would lead: the order above is the boost's doing.
    params = build_solr_params(parse_search_request({"q": "Personalausweis"}))
    raw = SolrClient(solr_url).call("POST", "/search", form={**params, "langboost": "1"})
    assert raw["response"]["docs"][0]["id"] == "g-perso-en"


def test_the_language_filter_shows_only_pages_in_that_language(client: FlaskClient) -> None:
    out = api(client, q="Personalausweis", sprache="en")
    assert [d["url"] for d in out["response"]["docs"]] == ["https://www.jena.de/en/identity-card"]
    assert client.get("/api/search?q=Personalausweis&sprache=en").get_json()[
        "inData"]["LANGUAGE"] == "en"


def test_the_italian_filter_shows_the_italian_copy_with_its_german_original_listed(
        solr_url: str) -> None:
    result = search(solr_url, q="Personalausweis", sprache="it")
    assert [hit.id for hit in result.hits] == ["g-perso-it"]
    assert "https://www.jena.de/buergerservice/personalausweis" in result.hits[0].other_urls


def test_language_counts_are_what_choosing_the_language_shows(solr_url: str) -> None:
    result = search(solr_url, q="Personalausweis")
    counts = {f.value: f.count for f in result.languages}
    assert counts == {"de": 3, "en": 1, "it": 1}
    for value, count in counts.items():
        assert search(solr_url, q="Personalausweis", sprache=value).num_found == count


def test_the_language_facet_on_the_page_has_german_names(client: FlaskClient) -> None:
    html = client.get("/suche", query_string={"q": "Personalausweis"}).get_data(as_text=True)
    assert '<h3 id="sprache-titel">Sprache</h3>' in html
    assert "Englisch <span class=\"count\">(1)</span>" in html
    assert "Italienisch <span class=\"count\">(1)</span>" in html
    # The English hit is marked as such, its title in its own language for screen readers.
    assert 'lang="en"' in html and '<dd class="result__language">Englisch</dd>' in html
    chosen = client.get("/suche", query_string={"q": "Personalausweis", "sprache": "en"})
    page = chosen.get_data(as_text=True)
    assert 'aria-current="true" class="is-current">Englisch' in page
    assert '<option value="en" selected>Englisch</option>' in page


def test_the_language_facet_in_the_api_has_german_labels(client: FlaskClient) -> None:
    facet = api(client, q="Personalausweis")["facets"]["language"]
    assert {"value": "en", "label": "Englisch", "count": 1} in facet
    assert {"value": "de", "label": "Deutsch", "count": 3} in facet


@pytest.mark.parametrize("value", ["xx", "{!lucene}*:*", "de OR en", "<script>alert(1)</script>"])
def test_an_unknown_language_is_ignored_with_a_german_notice(client: FlaskClient,
                                                             value: str) -> None:
    body = client.get("/api/search", query_string={"q": "Personalausweis", "sprache": value})
    assert body.status_code == 200
    data = body.get_json()
    assert "LANGUAGE" not in data["inData"]
    assert data["outData"]["notices"] == [UNKNOWN_LANGUAGE_NOTICE]
    page = client.get("/suche", query_string={"q": "Personalausweis", "sprache": value})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and UNKNOWN_LANGUAGE_NOTICE in html
    assert "<script>alert(1)</script>" not in html


def test_the_language_filter_is_kept_by_the_links_of_the_page(client: FlaskClient) -> None:
    html = client.get("/suche", query_string={"q": "Jena", "sprache": "de"}).get_data(
        as_text=True)
    assert "sprache=de&amp;page=2" in html or "page=2&amp;sprache=de" in html


def test_the_language_travels_in_its_own_parameter_and_german_first_gives_way() -> None:
    params = build_solr_params(parse_search_request({"q": "card", "sprache": "EN "}))
    assert "{!term f=language tag=sprache v=$sprache}" in params["fq"]
    assert params["sprache"] == "en"
    assert "langboost" not in params  # a chosen language needs no German-first order
    assert "langboost" in build_solr_params(parse_search_request({"q": "card"}))
    assert parse_search_request({"q": "card", "sprache": "en"}).to_args(page=2) == {
        "q": "card", "page": "2", "sprache": "en"}


def test_answers_with_language_and_site_filters_match_the_openapi_document(
        client: FlaskClient) -> None:
    from openapi_schema_validator import OAS30Validator
    schema = client.get("/api/openapi.json").get_json()["paths"]["/api/search"]["get"][
        "responses"]["200"]["content"]["application/json"]["schema"]
    for args in ({"q": "Personalausweis", "sprache": "en"},
                 {"q": "Personalausweis", "sprache": "xx", "bereich": "Serviceportal"},
                 {"q": "identity card"}):
        OAS30Validator(schema).validate(client.get("/api/search", query_string=args).get_json())
