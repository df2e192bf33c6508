"""Sites and overview pages (issue 23): a facet and filter ("bereich") of the site a page
belongs to, and overview ("hub") pages below the service pages they list."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from solrclient import SolrClient
# grouped_docs: imported for pytest, which finds fixtures by name in the module.
from tests.webapp.test_webapp_duplicates import api, grouped_docs, search  # noqa: F401
from webapp.builder import build_solr_params
from webapp.request import parse_search_request

pytestmark = pytest.mark.usefixtures("grouped_docs")


def test_site_counts_are_what_choosing_the_site_shows(solr_url: str) -> None:
    result = search(solr_url, q="Personalausweis beantragen")
    counts = {f.value: f.count for f in result.sites}
    assert counts == {"jena.de": 2, "Serviceportal": 1}
    for value, count in counts.items():
        assert search(solr_url, q="Personalausweis beantragen",
                      bereich=value).num_found == count


def test_the_site_filter_shows_the_service_portals_address(client: FlaskClient) -> None:
    out = api(client, q="Personalausweis beantragen", bereich="Serviceportal")
    docs = out["response"]["docs"]
    assert [d["url"] for d in docs] == ["https://service.jena.de/leistungen/personalausweis"]
    assert docs[0]["otherUrls"][0] == "https://www.jena.de/buergerservice/personalausweis"
    assert {"value": "Serviceportal", "count": 1} in out["facets"]["site"]


def test_the_site_facet_on_the_page(client: FlaskClient) -> None:
    html = client.get("/suche", query_string={"q": "Personalausweis beantragen"}).get_data(
        as_text=True)
    assert '<h3 id="bereich-titel">Bereich</h3>' in html
    assert "Serviceportal <span class=\"count\">(1)</span>" in html
    chosen = client.get("/suche", query_string={"q": "Personalausweis beantragen",
                                                "bereich": "Serviceportal"}).get_data(
        as_text=True)
    assert 'aria-current="true" class="is-current">Serviceportal' in chosen
    assert '<input type="hidden" name="bereich" value="Serviceportal">' in chosen
    assert "Alle Bereiche" in chosen


@pytest.mark.parametrize("value", ["{!lucene}*:*", "*", "jena.de OR Serviceportal",
                                   '"><script>alert(1)</script>'])
def test_a_hostile_site_value_finds_nothing_and_stays_inert(client: FlaskClient,
                                                            value: str) -> None:
    out = api(client, q="Personalausweis", bereich=value)
    assert out["response"]["numFound"] == 0
    page = client.get("/suche", query_string={"q": "Personalausweis", "bereich": value})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "Einschränkung auf den Bereich aufheben" in html


def test_an_overview_page_does_not_outrank_the_service_page_it_lists(
        solr_url: str) -> None:
    query = "Personalausweis verloren"
    assert [hit.id for hit in search(solr_url, q=query).hits][:2] == [
        "g-verlust", "g-uebersicht"]
    # The overview holds every word, twice in its teaser: without the demotion it leads.
    params = build_solr_params(parse_search_request({"q": query}))
    raw = SolrClient(solr_url).call("POST", "/search", form={**params, "hubboost": "1"})
    assert raw["response"]["docs"][0]["id"] == "g-uebersicht"


def test_an_overview_page_leads_when_the_visitor_names_it(solr_url: str) -> None:
    assert search(solr_url, q="Bürgerservice").hits[0].id == "g-uebersicht"


def test_the_site_and_the_overview_words_travel_as_plain_values() -> None:
    params = build_solr_params(parse_search_request(
        {"q": "perso {!lucene}verloren", "bereich": "{!lucene}*:*"}))
    assert params["bereich"] == "{!lucene}*:*"
    assert "{!term f=site tag=bereich v=$bereich}" in params["fq"]
    # The overview test sees only words; Solr's syntax is gone from them.
    assert params["hubq"] == "perso lucene verloren"
    assert params["hubtitle"] == "{!edismax qf=title mm=100% boost=1 v=$hubq}"
