"""Is a word German as written? The visitor's words against a real dictionary.

Solr's spellchecker knows only the words of the index, so a correct German word that the
pages happen not to use ("Firma aufgeben") looks misspelled to it and would be "corrected"
into some other word of the index ("Filme ausgaben"). ``webapp/words_de.txt`` lists the
words of igerman98 (Debian's hunspell-de-de, written by ``quality.german_dictionary``); a
word counts as German when it is listed, or is a listed word with an inflection ending
("beantragt", "Gebühren"). The test is deliberately narrow:
a typo that merely looks like an inflected form is still corrected as before.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from marisa_trie import Trie

WORDS = Path(__file__).resolve().parent / "words_de.txt"
# Inflection endings and what the listed word ends in instead. Verb endings replace the
# infinitive's "-en"/"-n" ("beantrag-t" from "beantragen"); noun and adjective endings are
# added to the listed word or its final "e" ("Gebühr-en", "Aufgabe-n"). Not "-s": a doubled
# or added "s" is the commonest typo ("Reisepasss"); and a verb ending "-n" after a
# consonant is a letter left out ("beantragn"), not a form.
_VERB = ("en", "n", "")
_NOUN = ("", "e")
ENDINGS = {"t": _VERB, "st": _VERB, "et": _VERB, "est": _VERB, "te": _VERB, "ten": _VERB,
           "e": _VERB, "n": _NOUN, "en": _NOUN, "er": _NOUN, "ern": _NOUN}
MIN_STEM = 3


@cache
def _words() -> Trie:
    try:
        lines = WORDS.read_text(encoding="utf-8").splitlines()
    except OSError:
        # Without the list every word counts as unknown: spelling fixes work as before.
        return Trie()
    # 57 000 words: a static trie of well under 1 MiB per worker, 5.5 MiB as a frozenset.
    return Trie(line for line in lines if line and not line.startswith("#"))


def is_german_word(word: str) -> bool:
    """True when ``word`` (any case) is a dictionary word or one with an inflection ending."""
    w = word.lower()
    words = _words()
    if w in words:
        return True
    return any(w[: -len(end)] + base in words
               for end, bases in ENDINGS.items()
               if w.endswith(end) and len(w) - len(end) >= MIN_STEM
               for base in bases)
