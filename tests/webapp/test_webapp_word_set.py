"""WordSet answers ``in`` exactly as a frozenset of the same words does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from webapp.german_words import _words, is_german_word
from webapp.word_set import WordSet

WORD = st.text(alphabet="abcäöüßxyzẞ", max_size=8)


@given(st.lists(WORD, max_size=60), st.lists(WORD, max_size=30))
def test_membership_is_that_of_a_frozenset(words: list[str], others: list[str]) -> None:
    kept, plain = WordSet(words), frozenset(words)
    assert len(kept) == len(plain)
    for word in words + others:
        assert (word in kept) == (word in plain)


class _SameHash(str):
    """Words whose hashes collide, to reach the comparison of equal hashes."""

    def __hash__(self) -> int:
        return 7


def test_words_with_equal_hashes_are_told_apart_by_their_text() -> None:
    kept = WordSet([_SameHash("amt"), _SameHash("antrag"), _SameHash("bad")])
    assert _SameHash("antrag") in kept and _SameHash("bad") in kept
    assert _SameHash("ant") not in kept and _SameHash("") not in kept
    assert 7 not in kept and None not in kept


def test_the_dictionary_knows_its_words_and_their_forms() -> None:
    words = _words()
    assert isinstance(words, WordSet) and len(words) > 50_000
    assert "gebühr" in words and "gebührx" not in words
    assert is_german_word("Gebühren") and is_german_word("beantragt")
    assert not is_german_word("Reisepasss")
