"""Duplicates shown once (issue 23): one result per content signature, its other addresses
listed under it, and counts, pages and facets that agree with what is shown.

The documents carry the indexer's fields (signature, addressRank, language, bodyLanguage,
site, hub) and are written straight into the session's real Solr; the language and site
tests (test_webapp_languages.py, test_webapp_sites.py) use the same set.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from flask.testing import FlaskClient

from solrclient import SolrClient
from tests.support import Core
from webapp.builder import build_solr_params
from webapp.repository import SolrRepository
from webapp.request import parse_search_request
from webapp.result import SearchResult, parse_matchings, parse_search_response
from webapp.tuning import Exclusions

ID_PREFIX = "g-"
BS, RH, UA = "Bürgerservice", "Rathaus", "Umwelt & Abfall"
PERSO = "sig-personalausweis"


def _doc(slug: str, url: str, title: str, teaser: str, content: str, *, category: str = BS,
         signature: str | None = None, rank: int = 0, language: str = "de",
         body_language: str | None = None, site: str = "jena.de", hub: bool = False,
         date: str = "2025-01-10T09:00:00Z") -> dict[str, object]:
    doc: dict[str, object] = {
        "id": f"{ID_PREFIX}{slug}", "url": url, "title": title, "teaser": teaser,
        # Every page names the city, so that one query pages through all of them.
        "content": f"{content} Stadt Jena.", "category": category, "language": language,
        "bodyLanguage": body_language or language, "site": site, "host": url.split("/")[2],
        "source": "test", "hub": hub, "onlineDate": date, "onlineDateHasTime": True,
        "clickCounter": 0}
    if signature:
        doc.update(signature=signature, addressRank=rank)
    return doc


PERSO_TEXT = ("Den Personalausweis beantragen Sie persönlich im Bürgeramt. Bringen Sie ein "
              "biometrisches Passfoto mit. Die Gebühr beträgt 37 Euro.")

DOCS: list[dict[str, object]] = [
    # One page under three addresses: the city's page, the service portal's copy and a
    # print view; the rank is the indexer's choice of the address to show (0 is best).
    _doc("perso", "https://www.jena.de/buergerservice/personalausweis",
         "Personalausweis beantragen", "So beantragen Sie einen Personalausweis.", PERSO_TEXT,
         signature=PERSO, rank=0, date="2025-03-01T09:00:00Z"),
    _doc("perso-portal", "https://service.jena.de/leistungen/personalausweis",
         "Personalausweis beantragen", "So beantragen Sie einen Personalausweis.", PERSO_TEXT,
         signature=PERSO, rank=1, site="Serviceportal", date="2025-03-02T09:00:00Z"),
    _doc("perso-druck", "https://www.jena.de/buergerservice/personalausweis/druckansicht",
         "Personalausweis beantragen", "So beantragen Sie einen Personalausweis.", PERSO_TEXT,
         signature=PERSO, rank=2, category=RH, date="2025-03-03T09:00:00Z"),
    # The Italian section's copy, not translated yet: German body, same signature.
    _doc("perso-it", "https://www.jena.de/it/carta-d-identita",
         "Personalausweis beantragen", "So beantragen Sie einen Personalausweis.", PERSO_TEXT,
         signature=PERSO, rank=5, language="it", body_language="de"),
    # English pages: only in English; the first names the German word in its title too,
    # which the German-first boost must not let outrank the German page.
    _doc("perso-en", "https://www.jena.de/en/identity-card",
         "Personalausweis", "Personalausweis: the German identity card.",
         "Apply for an identity card (Personalausweis) at the Citizens' Office. "
         "Bring a biometric passport photo.", language="en", signature="sig-en-id"),
    _doc("anmelden-en", "https://www.jena.de/en/register-address",
         "Register your address", "Register your address after moving to Jena.",
         "Everyone who moves to Jena must register the new address at the Citizens' Office "
         "within two weeks.", language="en"),
    _doc("abfall-en", "https://www.jena.de/en/waste-collection",
         "Waste collection", "Dates of the waste collection.",
         "The waste collection calendar lists the dates for residual waste and the organic "
         "waste bin.", category=UA, language="en"),
    _doc("anmelden", "https://www.jena.de/buergerservice/wohnsitz-anmelden",
         "Wohnsitz anmelden", "Nach dem Umzug innerhalb von zwei Wochen anmelden.",
         "Wer nach Jena zieht, meldet den Wohnsitz im Bürgeramt an.",
         signature="sig-anmelden", rank=0),
    _doc("anmelden-portal", "https://service.jena.de/leistungen/wohnsitz-anmelden",
         "Wohnsitz anmelden", "Nach dem Umzug innerhalb von zwei Wochen anmelden.",
         "Wer nach Jena zieht, meldet den Wohnsitz im Bürgeramt an.",
         signature="sig-anmelden", rank=1, site="Serviceportal"),
    _doc("verlust", "https://www.jena.de/buergerservice/personalausweis-verlust",
         "Verlust des Ausweises melden",
         "Ist der Personalausweis weg, melden Sie den Verlust sofort.",
         "Melden Sie einen verlorenen oder gestohlenen Personalausweis im Bürgeramt oder bei "
         "der Polizei. Das Dokument wird dann gesperrt.", signature="sig-verlust"),
    # An overview page ("hub") that lists the link texts of many services.
    _doc("uebersicht", "https://www.jena.de/buergerservice",
         "Bürgerservice", "Personalausweis verloren, Reisepass beantragen, Wohnsitz "
         "anmelden und alle weiteren Leistungen des Bürgerservice.",
         "Personalausweis verloren. Personalausweis beantragen. Reisepass verloren. "
         "Reisepass beantragen. Wohnsitz anmelden. Führungszeugnis beantragen. "
         "Fundbüro: etwas verloren. Kfz-Zulassung. Hundesteuer. Parkausweis beantragen.",
         hub=True, signature="sig-uebersicht"),
    _doc("abfall", "https://www.jena.de/umwelt/abfallkalender", "Abfallkalender",
         "Abholtermine für Restmüll und Biotonne.",
         "Die Müllabfuhr leert Restmüll und Biotonne; den Abfallkalender gibt es als PDF.",
         category=UA),
    *(_doc(f"meldung-{n}", f"https://www.jena.de/aktuelles/meldung-{n}",
           f"Pressemitteilung {n}", "Aus dem Rathaus.", f"Meldung Nummer {n} der Stadt.",
           category=RH, date=f"2025-05-{n:02d}T08:00:00Z") for n in range(1, 7)),
]


def ensure_grouped_docs(core_url: str) -> None:
    """Make the core hold exactly DOCS (other test modules load their own documents)."""
    core = Core(core_url)
    if core.count() == len(DOCS) and core.count(f"id:{ID_PREFIX}*") == len(DOCS):
        return
    core.load(DOCS, suggester=True)


@pytest.fixture()
def grouped_docs(solr_url: str) -> str:
    """DOCS in the session's core; its URL."""
    ensure_grouped_docs(solr_url)
    return solr_url


def search(core_url: str, **args: str) -> SearchResult:
    """One Solr request as the app builds it for these URL parameters, parsed."""
    request = parse_search_request(args)
    repo = SolrRepository.for_url(core_url, 10)
    return parse_search_response(repo.search(build_solr_params(request)), request)


def api(client: FlaskClient, **args: str) -> dict:
    """outData of /api/search."""
    response = client.get("/api/search", query_string=args)
    assert response.status_code == 200
    return response.get_json()["outData"]


pytestmark = pytest.mark.usefixtures("grouped_docs")


def test_a_page_under_three_addresses_appears_once_with_the_others_listed(
        client: FlaskClient) -> None:
    out = api(client, q="Personalausweis beantragen")
    urls = [d["url"] for d in out["response"]["docs"]]
    assert urls.count("https://www.jena.de/buergerservice/personalausweis") == 1
    for other in ("https://service.jena.de/leistungen/personalausweis",
                  "https://www.jena.de/buergerservice/personalausweis/druckansicht",
                  "https://www.jena.de/it/carta-d-identita"):
        assert other not in urls
    head = out["response"]["docs"][urls.index(
        "https://www.jena.de/buergerservice/personalausweis")]
    # Best address first (the indexer's rank), every address of the group listed.
    assert head["otherUrls"] == ["https://service.jena.de/leistungen/personalausweis",
                                 "https://www.jena.de/buergerservice/personalausweis/druckansicht",
                                 "https://www.jena.de/it/carta-d-identita"]
    assert head["otherUrlsTotal"] == 3


def test_the_other_addresses_are_listed_under_the_hit_on_the_page(client: FlaskClient) -> None:
    html = client.get("/suche", query_string={"q": "Personalausweis beantragen"}).get_data(
        as_text=True)
    assert html.count('href="https://service.jena.de/leistungen/personalausweis"') == 1
    assert "Dieselbe Seite auch unter:" in html
    # The list is named by its label for screen readers.
    assert 'aria-labelledby="weitere-adressen-1"' in html and 'id="weitere-adressen-1"' in html


def test_an_untranslated_language_copy_does_not_appear_next_to_its_german_page(
        grouped_docs: str) -> None:
    result = search(grouped_docs, q="Personalausweis")
    ids = [hit.id for hit in result.hits]
    assert "g-perso" in ids and "g-perso-it" not in ids
    # No two hits share a signature, and the count is the number of hits shown.
    assert result.num_found == len(ids)
    assert len(set(ids)) == len(ids)


def test_counts_pages_and_facets_agree_with_what_is_shown(grouped_docs: str) -> None:
    # 18 pages name Jena; the two other addresses of the Personalausweis page, its Italian
    # copy and the service portal's Wohnsitz copy are not shown apart: 14 results, 2 pages.
    assert Core(grouped_docs).count("content:jena") == 18
    first = search(grouped_docs, q="Jena", rows="10")
    second = search(grouped_docs, q="Jena", rows="10", page="2")
    assert first.num_found == second.num_found == 14 and first.num_pages == 2
    shown = [hit.id for hit in (*first.hits, *second.hits)]
    assert len(shown) == len(set(shown)) == 14
    assert not {"g-perso-portal", "g-perso-druck", "g-perso-it", "g-anmelden-portal"} & set(
        shown)
    # Each category count is what choosing the category shows.
    assert sum(f.count for f in first.facets) >= first.num_found
    for facet in first.facets:
        assert search(grouped_docs, q="Jena", category=facet.value).num_found == facet.count


def test_a_chosen_category_still_counts_groups_and_lists_all_addresses(
        grouped_docs: str) -> None:
    # The print view is filed under "Rathaus": choosing it shows that address, with the
    # others listed, and the counts stay those of groups.
    result = search(grouped_docs, q="Personalausweis beantragen", category=RH)
    assert [hit.id for hit in result.hits] == ["g-perso-druck"]
    assert result.hits[0].other_urls[0] == "https://www.jena.de/buergerservice/personalausweis"
    counts = {f.value: f.count for f in result.facets}
    assert counts[RH] == 1
    assert counts[BS] == search(grouped_docs, q="Personalausweis beantragen",
                                category=BS).num_found


@pytest.mark.parametrize("sort", ["relevanz", "datum_neu", "datum_alt", "beliebtheit"])
def test_every_order_shows_the_group_once(grouped_docs: str, sort: str) -> None:
    result = search(grouped_docs, q="Personalausweis beantragen", sort=sort)
    perso = [hit for hit in result.hits if hit.id.startswith("g-perso")
             and hit.id != "g-perso-en"]
    assert [hit.id for hit in perso] == ["g-perso"]


def test_exact_phrase_search_collapses_too(grouped_docs: str) -> None:
    result = search(grouped_docs, q="Personalausweis beantragen", exact="1")
    assert [hit.id for hit in result.hits].count("g-perso") == 1
    assert not {"g-perso-portal", "g-perso-druck", "g-perso-it"} & {h.id for h in result.hits}


def test_a_pinned_address_is_the_one_shown_for_its_group(grouped_docs: str) -> None:
    request = replace(parse_search_request({"q": "Personalausweis beantragen"}),
                      pinned_ids=("g-perso-portal",))
    raw = SolrRepository.for_url(grouped_docs, 10).search(build_solr_params(request))
    result = parse_search_response(raw, request)
    assert result.hits[0].id == "g-perso-portal"
    ids = [hit.id for hit in result.hits]
    assert "g-perso" not in ids and "g-perso-druck" not in ids


def test_an_excluded_address_is_not_listed_and_an_excluded_head_gives_way(
        grouped_docs: str) -> None:
    repo = SolrRepository.for_url(grouped_docs, 10)
    base = parse_search_request({"q": "Personalausweis beantragen"})
    request = replace(base, exclusions=Exclusions(
        url_prefixes=("https://service.jena.de/",), ids=("g-perso",)))
    result = parse_search_response(repo.search(build_solr_params(request)), request)
    ids = [hit.id for hit in result.hits]
    # The best address left leads its group; the excluded ones appear nowhere.
    assert "g-perso-druck" in ids and "g-perso" not in ids and "g-perso-portal" not in ids
    head = result.hits[ids.index("g-perso-druck")]
    assert head.other_urls == ("https://www.jena.de/it/carta-d-identita",)
    assert head.other_count == 1


def test_highlighting_marks_the_shown_address(grouped_docs: str) -> None:
    result = search(grouped_docs, q="Passfoto")
    assert [hit.id for hit in result.hits] == ["g-perso"]
    assert "<mark>Passfoto</mark>" in str(result.hits[0].snippet_html)


def test_meinten_sie_counts_groups(grouped_docs: str) -> None:
    result = search(grouped_docs, q="Personalauswies")
    assert result.suggestion is not None
    assert result.suggestion.text.lower() == "personalausweis"
    corrected = search(grouped_docs, q=result.suggestion.text)
    assert result.suggestion.hits == corrected.num_found


def test_the_strict_count_of_the_one_request_search_counts_groups(grouped_docs: str) -> None:
    # With both matchings in one request, a {"type":"query"} facet counts the strict
    # matching; on the collapsed result it counts groups, not addresses.
    request = replace(parse_search_request({"q": "Personalausweis beantragen"}),
                      relaxed_terms=())
    raw = SolrClient(grouped_docs).call("POST", "/search", form=build_solr_params(request))
    everywhere = Core(grouped_docs).count("content:personalausweis AND content:beantragen")
    assert everywhere == 5
    assert raw["facets"]["strict"]["count"] == 2  # the Personalausweis group and the overview
    views = parse_matchings(raw, request)
    assert views.strict.num_found == 2
    perso = next(hit for hit in views.strict.hits if hit.id == "g-perso")
    assert len(perso.other_urls) == 3
    # The strict view's facets count groups among the strict pages too.
    assert {f.value: f.count for f in views.strict.sites} == {"jena.de": 2, "Serviceportal": 1}
    assert {f.value: f.count for f in views.strict.languages} == {"de": 2, "it": 1}


def test_the_widget_json_of_the_duplicates_matches_the_openapi_document(
        client: FlaskClient) -> None:
    from openapi_schema_validator import OAS30Validator
    document = client.get("/api/openapi.json").get_json()
    schema = document["paths"]["/api/search"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    body = client.get("/api/search", query_string={"q": "Personalausweis"}).get_json()
    OAS30Validator(schema).validate(body)
    assert any(doc["otherUrls"] for doc in body["outData"]["response"]["docs"])


def test_the_builder_collapses_on_the_signature_and_expands_every_address() -> None:
    params = build_solr_params(parse_search_request({"q": "Ausweis", "category": "Rathaus"}))
    fqs = params["fq"] if isinstance(params["fq"], list) else [params["fq"]]
    assert "{!collapse tag=dubletten field=signature nullPolicy=expand min=addressRank}" in fqs
    assert (params["expand"], params["expand.q"], params["expand.fq"]) == ("true", "*:*", "*:*")
    assert params["expand.rows"] == "5" and params["expand.sort"] == "addressRank asc"
    assert params["fl"].startswith("signature,language,")
    facet = json.loads(params["json.facet.kategorien"])
    assert facet["domain"] == {"excludeTags": "kategorie,dubletten"}
