"""The pure reading of the compound splitter's tokens (parts, words made of parts)."""

from __future__ import annotations

from webapp.compounds import split_result


def test_parts_are_the_tokens_that_are_not_typed_words() -> None:
    tokens = [("müllkalender", 0, 12), ("müll", 0, 12), ("kalender", 0, 12), ("kosten", 13, 19)]
    split = split_result("Müllkalender Kosten", tokens)
    assert split.parts == ("müll", "kalender")
    assert split.composed_words == {"müllkalender"}


def test_linking_letters_between_parts_are_allowed() -> None:
    tokens = [("geburtsurkunde", 0, 14), ("geburt", 0, 14), ("urkunde", 0, 14)]
    assert split_result("Geburtsurkunde", tokens).composed_words == {"geburtsurkunde"}


def test_a_word_with_an_unknown_piece_is_not_composed() -> None:
    tokens = [("persnalausweis", 0, 14), ("ausweis", 0, 14)]
    split = split_result("Persnalausweis", tokens)
    assert split.parts == ("ausweis",)
    assert not split.composed_words
