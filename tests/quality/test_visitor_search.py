"""What visitors get on the search page: held-out thresholds and the cases the search must
handle (relaxed matching, everyday words, compounds on both sides, careful corrections)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from quality.golden import VISITOR_HELDOUT_FILE, load_visitor
from quality.indexing import BASE_URL
from quality.page import PageSearch
from quality.visitor import evaluate_visitor
from webapp import create_app
from webapp.result import PARTIAL_MATCHES_NOTICE


@pytest.fixture(scope="module")
def page(indexed_core: str) -> PageSearch:
    """Runs a query through the web app's own search service."""
    return PageSearch(indexed_core)


def url(path: str) -> str:
    """Absolute URL of a sample-site page as the indexer stores it."""
    return BASE_URL + path


def test_heldout_visitor_queries_meet_the_thresholds(page: PageSearch) -> None:
    report = evaluate_visitor("held-out", load_visitor(VISITOR_HELDOUT_FILE), page)
    # Only the rates: the held-out misses are not read while tuning.
    rates = f"top-1 {report.top1:.1%}, top-3 {report.top3:.1%}, zero-hit {report.zero_hit:.1%}"
    assert len(report.results) >= 100
    assert report.top3 >= 0.95, rates
    assert report.top1 >= 0.85, rates
    assert report.zero_hit <= 0.01, rates


@pytest.mark.parametrize("query, expected", [
    ("Personalausweis Kosten", "buergerservice/personalausweis.html"),
    ("Hundesteuer Kosten", "buergerservice/hundesteuer.html"),
    ("Müllkalender", "umwelt-abfall/abfallkalender.html"),
    ("Anwohnerparkausweis", "buergerservice/parkausweis-anwohner.html"),
    ("Perso", "buergerservice/personalausweis.html"),
])
def test_everyday_words_and_compounds_find_the_page_first(page: PageSearch, query: str,
                                                          expected: str) -> None:
    assert page(query).urls[0] == url(expected)


def test_kindergarten_fees_find_a_kita_fees_page(page: PageSearch) -> None:
    top = page("Kindergartengebühren").urls[:3]
    assert {url("familie-bildung/kita-platz.html"),
            url("aktuelles/kita-elternbeitraege-2027.html")} & set(top)


def test_question_words_do_not_decide(page: PageSearch) -> None:
    assert url("buergerservice/reisepass.html") in page("wo kann ich meinen Pass abholen").urls[:3]


def test_a_real_word_is_not_rewritten_into_another_form(page: PageSearch) -> None:
    shown = page("Reisepass verlängern")
    assert shown.replaced_query is None
    assert shown.suggestion is None  # not "Reisepass verlängert"
    assert url("buergerservice/reisepass.html") in shown.urls[:3]
    perso = page("Perso")
    assert perso.replaced_query is None and perso.suggestion != "Person"


def test_a_misspelling_keeps_its_did_you_mean(page: PageSearch) -> None:
    shown = page("Personalausweiss beantragen")
    assert shown.suggestion == "Personalausweis beantragen"
    assert url("buergerservice/personalausweis.html") in shown.urls[:3]


def test_a_typo_in_a_single_word_is_still_corrected(page: PageSearch) -> None:
    shown = page("Persnalausweis")
    assert shown.replaced_query == "Persnalausweis"
    assert shown.urls[0] == url("buergerservice/personalausweis.html")


def test_a_compound_the_pages_do_not_use_is_no_typo(page: PageSearch) -> None:
    # "Nachtbus" is made of two known parts: searched in parts, never "corrected".
    shown = page("Nachtbus")
    assert shown.replaced_query is None and shown.suggestion is None
    assert url("verkehr-mobilitaet/nahverkehr.html") in shown.urls[:3]


def test_relaxed_results_put_all_word_pages_first_and_are_marked(page: PageSearch) -> None:
    shown = page("Hundesteuer Ermäßigung Sozialpass")
    assert shown.num_found > 0 and shown.partial
    flags = list(shown.all_words)
    # Every page with all words comes before every page without.
    assert flags == sorted(flags, reverse=True)
    assert False in flags


def test_a_query_with_enough_all_word_pages_is_not_relaxed(page: PageSearch) -> None:
    shown = page("Personalausweis beantragen")
    assert not shown.partial and all(shown.all_words)


def test_partial_notice_on_the_search_page_and_in_the_api(indexed_core: str) -> None:
    app = create_app({"solr_url": indexed_core, "TESTING": True, "solr_timeout": 10,
                      "env": "development"})
    client = app.test_client()
    query = {"q": "Hundesteuer Ermäßigung Sozialpass"}
    html = BeautifulSoup(client.get("/suche", query_string=query).get_data(as_text=True),
                         "html.parser")
    notice = html.select_one(".partial-notice")
    assert notice is not None and notice.get_text(strip=True) == \
        "Ergebnisse, die nicht alle Suchbegriffe enthalten"
    # The notice stands between the pages with all words and the others.
    assert notice.find_next("li", class_="result--partial") is not None
    assert not notice.find_all_previous("li", class_="result--partial")
    out = client.get("/api/search", query_string=query).get_json()["outData"]
    assert out["partialMatches"] is True
    assert out["partialMatchesNotice"] == PARTIAL_MATCHES_NOTICE
    flags = [d["allWords"] for d in out["response"]["docs"]]
    assert False in flags and flags == sorted(flags, reverse=True)
    full = client.get("/api/search", query_string={"q": "Personalausweis"}).get_json()
    assert full["outData"]["partialMatches"] is False
    assert full["outData"]["partialMatchesNotice"] is None
