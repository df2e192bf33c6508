"""The pure 'Meinten Sie' rule: parsing Solr's answer, choosing, writing it as typed."""

from __future__ import annotations

import pytest

from webapp.spelling import (FEW_HITS, Collation, best_collation, changes_a_word_of,
                             edit_distance, is_typo_fix, is_word_form_change, match_case,
                             parse_collations, restore_case, suggestion)

EXTENDED_FLAT = {
    "suggestions": ["personalausweiss", {"numFound": 2, "suggestion": [
        {"word": "personalausweise", "freq": 2}, {"word": "personalausweis", "freq": 15}]}],
    "collations": [
        "collation", {"collationQuery": "personalausweise beantragen", "hits": 9,
                      "misspellingsAndCorrections": ["personalausweiss", "personalausweise"]},
        "collation", {"collationQuery": "personalausweis beantragen", "hits": 9,
                      "misspellingsAndCorrections": ["personalausweiss", "personalausweis"]},
    ],
}


def _arrarr(flat: list) -> list:
    return [[flat[i], flat[i + 1]] for i in range(0, len(flat), 2)]


def test_all_three_json_shapes_of_solr_parse_alike() -> None:
    arrarr = {
        "suggestions": _arrarr(EXTENDED_FLAT["suggestions"]),
        "collations": [[name, {**entry, "misspellingsAndCorrections":
                               _arrarr(entry["misspellingsAndCorrections"])}]
                       for name, entry in _arrarr(EXTENDED_FLAT["collations"])],
    }
    as_map = {"collations": {"collation": EXTENDED_FLAT["collations"][3]}}
    flat = parse_collations(EXTENDED_FLAT)
    assert parse_collations(arrarr) == flat
    assert [c.query for c in flat] == ["personalausweise beantragen",
                                       "personalausweis beantragen"]
    assert [c.support for c in flat] == [2, 15]
    assert parse_collations(as_map)[0].corrections == (("personalausweiss", "personalausweis"),)


def test_missing_or_simple_spellcheck_gives_nothing() -> None:
    assert parse_collations(None) == ()
    assert parse_collations({}) == ()
    # Without extended results there is no hit count, so nothing can be judged.
    assert parse_collations({"collations": ["collation", "personalausweis"]}) == ()


def test_frequent_word_wins_a_tie() -> None:
    assert suggestion("Personalausweiss beantragen", EXTENDED_FLAT, 0) == \
        "Personalausweis beantragen"


def c(query: str, hits: int, *pairs: tuple[str, str], support: int = 1) -> Collation:
    return Collation(query=query, hits=hits, corrections=pairs, support=support)


def test_only_collations_with_more_hits_than_the_original_count() -> None:
    offer = c("wohngeld", 9, ("wohngled", "wohngeld"))
    assert best_collation([offer], original_hits=9) is None
    assert best_collation([offer], original_hits=3) == offer


def test_a_query_that_finds_plenty_is_not_second_guessed() -> None:
    # "Firma gründen" finds pages through synonyms the spellchecker does not know of.
    offer = c("form gründen", 21, ("firma", "form"), ("gründen", "gründen"))
    assert best_collation([offer], original_hits=FEW_HITS) is None


def test_umlaut_spellings_are_no_correction() -> None:
    assert best_collation([c("müll", 9, ("mull", "müll"))], original_hits=0) is None


@pytest.mark.parametrize("wrong, right, form_change", [
    ("verlängern", "verlängert", True), ("Perso", "Person", True),
    ("schwimmbader", "schwimmbad", True), ("meinen", "meinem", True),
    ("abholen", "abholung", True), ("Personalausweise", "Personalausweis", True),
    ("personalausweiss", "personalausweis", False), ("reisepas", "reisepass", False),
    ("hundesteur", "hundesteuer", False), ("geburtsurkunte", "geburtsurkunde", False),
    ("wohngled", "wohngeld", False), ("firma", "form", False),
])
def test_word_form_changes_are_told_from_typos(wrong: str, right: str,
                                               form_change: bool) -> None:
    assert is_word_form_change(wrong, right) is form_change


def test_word_form_changes_are_never_offered() -> None:
    other_form = c("reisepass verlängert", 3, ("reisepass", "reisepass"),
                   ("verlängern", "verlängert"))
    assert best_collation([other_form], original_hits=0) is None


def test_only_typo_fixes_of_unknown_words_may_replace_a_query() -> None:
    typo = c("personalausweis", 4, ("persnalausweis", "personalausweis"))
    assert is_typo_fix(typo)
    assert not is_typo_fix(c("person", 9, ("perso", "person")))
    # A compound of known parts is a word the pages happen not to use, not a typo.
    nachts = c("nachts", 5, ("nachtbus", "nachts"))
    assert not is_typo_fix(nachts, composed_words={"nachtbus"})
    assert changes_a_word_of(nachts, {"Nachtbus"})


def test_fewer_changed_words_beat_more_hits() -> None:
    one = c("personalausweis beantragen", 9, ("personalausweiss", "personalausweis"),
            ("beantragen", "beantragen"))
    two = c("personalausweis beantragt", 20, ("personalausweiss", "personalausweis"),
            ("beantragen", "beantragt"))
    assert best_collation([two, one], 0) == one


def test_closer_spelling_beats_more_hits() -> None:
    near = c("gebühren", 22, ("gebüren", "gebühren"))
    far = c("gehören", 40, ("gebüren", "gehören"))
    assert best_collation([far, near], 0) == near


def test_a_collation_that_changes_nothing_is_never_offered() -> None:
    same = c("Straße", 48, ("straße", "straße"))
    assert best_collation([same], 0) is None


@pytest.mark.parametrize("model, word, expected", [
    ("Strase", "straße", "Straße"), ("strase", "straße", "straße"),
    ("STRASE", "straße", "STRASSE"), ("A", "amt", "Amt"),
])
def test_match_case(model: str, word: str, expected: str) -> None:
    assert match_case(model, word) == expected


def test_restore_case_changes_only_corrected_words() -> None:
    chosen = c("personalausweis beantragen jena", 9, ("personalausweiss", "personalausweis"))
    assert restore_case("Personalausweiss  beantragen, JENA!", chosen) == \
        "Personalausweis  beantragen, JENA!"


@pytest.mark.parametrize("a, b, distance", [
    ("", "", 0), ("amt", "amt", 0), ("", "amt", 3), ("reisepsas", "reisepass", 1),
    ("personalausweiss", "personalausweis", 1), ("kitten", "sitting", 3),
    ("gebüren", "gebühren", 1), ("strase", "straße", 1),
])
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance == edit_distance(b, a)


def test_correct_german_words_are_not_corrected_into_other_words_of_the_index() -> None:
    # The pages happen not to say "Firma" or "aufgeben"; the index's nearest words are others.
    other_words = c("filme ausgaben", 4, ("firma", "filme"), ("aufgeben", "ausgaben"))
    assert best_collation([other_words], original_hits=0) is None
    one_of_two = c("firma abgeben", 4, ("firma", "firma"), ("aufgeben", "abgeben"))
    assert best_collation([one_of_two], original_hits=0) is None
    # A typo beside a correct word is still fixed, and inflected words count as correct.
    typo = c("hundesteuer beantragt", 4, ("hundesteur", "hundesteuer"),
             ("beantragt", "beantragt"))
    assert best_collation([typo], original_hits=0) == typo
    assert best_collation([c("gebühr", 4, ("gebühren", "gebühr"))], 0) is None
    # In a word-for-word phrase the form typed may be what is wrong: still offered.
    form = c("reisepass verlängert", 3, ("verlängern", "verlängert"))
    assert best_collation([form], original_hits=0, word_forms=True) == form
