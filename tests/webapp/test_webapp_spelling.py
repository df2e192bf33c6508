"""The pure 'Meinten Sie' rule: parsing Solr's answer, choosing, writing it as typed."""

from __future__ import annotations

import pytest

from webapp.spelling import (Collation, best_collation, edit_distance, match_case,
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
    offer = c("müll", 9, ("mull", "müll"))
    assert best_collation([offer], original_hits=9) is None
    assert best_collation([offer], original_hits=8) == offer


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
