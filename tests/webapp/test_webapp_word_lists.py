"""The app's word lists (spelling check, compound parts) answer as the files say."""

from __future__ import annotations

from marisa_trie import Trie

from webapp.compound_split import LANG_DIR, _word_list, default_splitter
from webapp.german_words import WORDS, _words, is_german_word


def test_the_dictionary_knows_its_words_and_their_forms() -> None:
    words = _words()
    listed = [line for line in WORDS.read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    assert isinstance(words, Trie) and len(words) == len(set(listed)) > 50_000
    assert all(word in words for word in listed[::97])
    assert "gebühr" in words and "gebührx" not in words and "" not in words
    assert is_german_word("Gebühren") and is_german_word("beantragt")
    assert not is_german_word("Reisepasss")


def test_the_parts_dictionary_is_the_file_lower_cased() -> None:
    path = LANG_DIR / "compound_parts_de.txt"
    parts = _word_list(path)
    lines = {line.split("#", 1)[0].strip().lower()
             for line in path.read_text(encoding="utf-8").splitlines()} - {""}
    assert len(parts) == len(lines) > 10_000
    assert all(word in parts for word in sorted(lines)[::53])
    assert "bewohnerx" not in parts
    assert default_splitter().parts("bewohnerparkausweis")[:3] == ("bewohner", "park", "ausweis")
