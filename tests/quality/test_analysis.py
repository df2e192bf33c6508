"""German analysis shown as Solr's own token streams (/analysis/field) and as search hits."""

from __future__ import annotations

import pytest

from quality.indexing import BASE_URL
from quality.solr import SearchClient
from tests.support import Core


def url(path: str) -> str:
    """Absolute URL of a sample-site page as the indexer stores it."""
    return BASE_URL + path


def index_stages(core_url: str, text: str) -> list[tuple[str, list[str]]]:
    """(filter class, tokens after it) for each stage of text_de's index analyzer."""
    flat = Core(core_url).analysis("text_de", text)["field_types"]["text_de"]["index"]
    return [(flat[i].rsplit(".", 1)[-1], [t["text"] for t in flat[i + 1]])
            for i in range(0, len(flat), 2)]


def test_amter_finds_gesundheitsaemter_through_the_unfolded_part(client: SearchClient) -> None:
    assert client.analyze("text_de", "Ämter", side="query") == ("amt",)
    assert "amt" in client.analyze("text_de", "Gesundheitsämter")
    assert "amt" in client.analyze("text_de", "Gesundheitsamt")
    assert "gesundheit" in client.analyze("text_de", "Gesundheitsamt")


def test_compounds_are_split_before_umlauts_are_folded(indexed_core: str) -> None:
    stages = index_stages(indexed_core, "Gesundheitsämter")
    names = [name for name, _ in stages]
    split = next(i for i, n in enumerate(names) if "ProtectedTerm" in n)
    folded = names.index("GermanNormalizationFilter")
    assert split < folded < names.index("GermanLightStemFilter")
    # The splitter sees the word as written and emits the part with its umlaut ...
    assert "ämter" in stages[split][1]
    # ... which folding and stemming then turn into the same token as the query "Ämter".
    assert stages[-1][1] == ["gesundheitsamt", "gesundheit", "amt"]


def test_ausweis_is_a_part_of_personalausweis(client: SearchClient) -> None:
    # "personal" (staff) is deliberately no part: a search for "Personal" wants jobs.
    assert client.analyze("text_de", "Personalausweis") == ("personalausweis", "ausweis")
    # A visitor's "Ausweis" means the Personalausweis too (managed synonyms).
    assert client.analyze("text_de", "Ausweis", side="query")[0] == "ausweis"


@pytest.mark.parametrize("written, typed", [
    ("Straße", "Strasse"), ("Strasse", "Straße"), ("Müll", "Muell"), ("Muell", "Müll"),
    ("Führerschein", "fuehrerschein"), ("Grünflächen", "gruenflaechen"),
])
def test_umlauts_and_sharp_s_match_both_ways(client: SearchClient, written: str,
                                             typed: str) -> None:
    page_token = client.analyze("text_de", written)[0]
    assert page_token in client.analyze("text_de", typed, "query")


def test_light_stemming_joins_singular_and_plural(client: SearchClient) -> None:
    for plural, singular in [("Personalausweise", "Personalausweis"), ("Ämter", "Amt"),
                             ("Straßen", "Straße"), ("Schwimmbäder", "Schwimmbad")]:
        assert client.analyze("text_de", plural, "query") == \
            client.analyze("text_de", singular, "query")


def test_stopwords_drop_function_words_but_keep_city_nouns(client: SearchClient) -> None:
    assert client.analyze("text_de", "für die Stadt", "query") == ("stadt",)
    assert client.analyze("text_de", "Weg zum Amt", "query") == ("weg", "amt")
    assert client.analyze("text_de", "Weg zum Amt") == ("weg", "amt")


@pytest.mark.parametrize("word, hidden", [
    ("insgesamt", "amt"), ("Gesamteinkommen", "amt"), ("Klimaanpassung", "pass"),
    ("passende", "pass"), ("Auswahl", "wahl"), ("Sparkassen", "park"),
    ("Kindergarten", "garten"), ("Steuerung", "steuer"),
])
def test_exception_words_are_not_split(client: SearchClient, word: str, hidden: str) -> None:
    assert hidden not in client.analyze("text_de", word)


def test_exact_field_forgives_spelling_but_not_grammar(client: SearchClient) -> None:
    assert client.analyze("text_exact", "Straße") == client.analyze("text_exact", "Strasse")
    assert client.analyze("text_exact", "Ämter") != client.analyze("text_exact", "Amt")


def test_autocomplete_field_folds_german_spellings(client: SearchClient) -> None:
    written = set(client.analyze("text_suggest", "Müllabfuhr"))
    assert set(client.analyze("text_suggest", "muellabfuhr", "query")) & written
    assert set(client.analyze("text_suggest", "mullabfuhr", "query")) & written


def test_search_amter_finds_the_gesundheitsamt_page(client: SearchClient) -> None:
    assert url("soziales/gesundheitsamt.html") in client.search("Ämter", rows=10).urls


def test_search_ausweis_finds_the_personalausweis_page_in_top_3(client: SearchClient) -> None:
    assert url("buergerservice/personalausweis.html") in client.search("Ausweis").urls


@pytest.mark.parametrize("one, other, page", [
    ("Straße", "Strasse", "umwelt-abfall/strassenreinigung.html"),
    ("Müll", "Muell", "umwelt-abfall/abfallkalender.html"),
])
def test_search_finds_the_same_pages_for_both_spellings(client: SearchClient, one: str,
                                                        other: str, page: str) -> None:
    first, second = client.search(one, rows=100), client.search(other, rows=100)
    assert first.hits == second.hits > 0
    assert set(first.urls) == set(second.urls)
    assert url(page) in first.urls[:3]


def test_synonyms_keep_the_word_itself(client: SearchClient) -> None:
    # "Kita" must still find pages that say "Kita" and not only those saying
    # "Kindertagesstätte" (a one-way mapping would drop the typed word).
    assert "kita" in client.analyze("text_de", "Kita", "query")
    assert url("familie-bildung/kita-platz.html") in client.search("Kita").urls
