"""'Meinten Sie' on the indexed sample site: whole-query collations, umlauts, the hit rule."""

from __future__ import annotations

from quality.evaluate import offered_suggestion
from quality.page import PageSearch
from quality.solr import SearchClient


def test_personalausweiss_beantragen_keeps_the_correct_word(client: SearchClient) -> None:
    outcome = client.search("Personalausweiss beantragen")
    assert outcome.hits == 0
    assert offered_suggestion("Personalausweiss beantragen", outcome) == \
        "Personalausweis beantragen"
    assert client.search("Personalausweis beantragen").hits > 0


def test_two_typos_in_one_query_are_both_corrected(client: SearchClient) -> None:
    outcome = client.search("Personalausweiss beantragn")
    assert offered_suggestion("Personalausweiss beantragn", outcome) == \
        "Personalausweis beantragen"


def test_suggestions_are_written_with_umlauts_and_sharp_s(client: SearchClient) -> None:
    strase = client.search("Strase")
    assert strase.hits == 0
    assert strase.suggestions["strase"][0] == "straße"
    assert offered_suggestion("Strase", strase) == "Straße"
    # "Mull" already finds the Müll pages through folding; the dictionary still knows the
    # word as the pages write it.
    mull = client.search("Mull")
    assert mull.hits > 0
    assert mull.suggestions["mull"][0] == "müll"


def test_no_suggestion_when_it_would_not_find_more(client: SearchClient) -> None:
    # "Muell" finds every Müll page already: Solr's collation "müll" finds the same.
    muell = client.search("Muell")
    assert muell.collations and all(c.hits == muell.hits for c in muell.collations)
    assert offered_suggestion("Muell", muell) is None


def test_spelling_without_umlaut_dots_needs_no_suggestion(client: SearchClient) -> None:
    # "Mull" is folded to the Müll pages, and the synonyms list the spelling without dots,
    # so it finds what "Müll" finds; a "Meinten Sie: Müll" would add nothing.
    mull, muell = client.search("Mull", rows=100), client.search("Müll", rows=100)
    assert mull.hits == muell.hits > 0
    assert offered_suggestion("Mull", mull) is None


def test_correct_queries_get_no_suggestion(client: SearchClient) -> None:
    for query in ("Personalausweis beantragen", "Hundesteuer", "Öffnungszeiten Bürgeramt",
                  "Straße", "Müll", "Ämter", "Kita"):
        outcome = client.search(query)
        assert outcome.hits > 0, query
        assert offered_suggestion(query, outcome) is None, query


def test_lower_case_typing_stays_lower_case(client: SearchClient) -> None:
    outcome = client.search("personalausweiss")
    assert offered_suggestion("personalausweiss", outcome) == "personalausweis"


def test_collations_are_whole_queries_checked_against_the_index(client: SearchClient) -> None:
    outcome = client.search("Wohnsitz anmleden")
    assert outcome.hits == 0
    assert outcome.collations, "Solr offered no collation"
    for collation in outcome.collations:
        assert collation.hits > 0
        assert len(collation.query.split()) == 2


def test_correct_german_words_the_pages_do_not_use_are_not_replaced(indexed_core: str) -> None:
    # Solr's nearest index words for "Firma aufgeben" are others ("filme ausgaben"); the
    # visitor's correct words are searched as typed, and a real typo is still fixed.
    page = PageSearch(indexed_core)
    for query in ("Firma aufgeben", "Gewerbe aufgeben"):
        outcome = page(query)
        assert outcome.replaced_query is None and outcome.suggestion is None, (query, outcome)
    typo = page("Hundesteur")
    assert typo.replaced_query == "Hundesteur" and typo.num_found > 0
