"""Pick the "Meinten Sie" suggestion from Solr's spellcheck answer and write it as the user would.

Pure functions (the dictionary of ``webapp.german_words`` is read once): the search result
and the evaluation (quality/) share them. Solr proposes whole-query collations (each already tried as a query, with its hit count); we offer one only when it
finds more pages than what the visitor typed. Among those we prefer, in this order: fewer
changed words (correctly spelled words survive), fewer edits (the closest spelling), more
hits, and the more frequent corrected word ("personalausweis" on 15 pages beats
"personalausweise" on 2 when both are one edit away). Solr's spellcheck field is lower-cased,
so corrected words come back in lower case; the visitor's own capitalisation is put back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .german_words import is_german_word

# Fewer pages than this: a query counts as finding little (also the search service's
# threshold for its relaxed second pass).
FEW_HITS = 5

# A word as the visitor typed it: letters (with umlauts and ß), digits, hyphens inside words.
_WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Collation:
    """One whole-query correction Solr tried: the corrected query, its hits, what changed."""

    query: str
    hits: int
    corrections: tuple[tuple[str, str], ...]
    support: int = 0  # pages containing the rarest corrected word (0: unknown)


def named_pairs(value: Any) -> list[tuple[str, Any]]:
    """Solr's named lists arrive flat (``[k, v, k, v]``), as maps, or as ``[[k, v], ...]``."""
    if isinstance(value, Mapping):
        return list(value.items())
    if isinstance(value, Sequence) and not isinstance(value, str):
        if value and all(isinstance(v, Sequence) and not isinstance(v, str) and len(v) == 2
                         for v in value):
            return [(str(k), v) for k, v in value]
        return [(str(value[i]), value[i + 1]) for i in range(0, len(value) - 1, 2)]
    return []


def _frequencies(spellcheck: Mapping[str, Any]) -> dict[str, int]:
    """Suggested word -> number of pages containing it (extended results only)."""
    freq: dict[str, int] = {}
    for _word, info in named_pairs(spellcheck.get("suggestions", [])):
        if not isinstance(info, Mapping):
            continue
        for entry in info.get("suggestion", []):
            if isinstance(entry, Mapping) and "word" in entry:
                freq[str(entry["word"])] = int(entry.get("freq", 0))
    return freq


def parse_collations(spellcheck: Mapping[str, Any] | None) -> tuple[Collation, ...]:
    """Collations from the ``spellcheck`` section of a Solr response (extended results)."""
    if not spellcheck:
        return ()
    freq = _frequencies(spellcheck)
    found: list[Collation] = []
    for name, entry in named_pairs(spellcheck.get("collations", [])):
        if name != "collation":
            continue
        if isinstance(entry, str):  # non-extended form: no hit count, cannot be judged
            continue
        fields = dict(named_pairs(entry))
        corrections = tuple((str(k), str(v))
                            for k, v in named_pairs(fields.get("misspellingsAndCorrections", [])))
        support = min((freq.get(right, 0) for wrong, right in corrections
                       if wrong.lower() != right.lower()), default=0)
        found.append(Collation(query=str(fields.get("collationQuery", "")),
                               hits=int(fields.get("hits", 0)), corrections=corrections,
                               support=support))
    return tuple(found)


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap of neighbours) that turn ``a`` into ``b``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def _same_for_search(wrong: str, right: str) -> bool:
    """True when the words differ at most in umlaut spelling ("schwimmbader"/"schwimmbäder"):
    the search folds umlauts, so such a "correction" finds nothing new."""
    return wrong.lower().translate(_FOLD) == right.lower().translate(_FOLD)


def _changed(collation: Collation) -> int:
    return sum(1 for wrong, right in collation.corrections if not _same_for_search(wrong, right))


def _edits(collation: Collation) -> int:
    return sum(edit_distance(wrong.lower(), right.lower()) for wrong, right in collation.corrections)


def _worth_offering(c: Collation, original_hits: int, word_forms: bool = False) -> bool:
    """Only for a query that found few pages, only when the collation finds more, and only
    for a change the visitor would call a fix.

    A query that finds plenty, through synonyms or compound parts the spellchecker does not
    know of, is not second-guessed ("Firma gründen" is not "Form gründen"); a collation
    that turns a word into another form of itself ("verlängern" -> "verlängert", "perso"
    -> "person") is never offered: the visitor chose that form. Nor is one that changes a
    correctly spelled German word (``webapp.german_words``): "Firma aufgeben" is not a
    misspelling of "Filme ausgaben" because the pages happen not to say "Firma".
    """
    if original_hits >= FEW_HITS or c.hits <= original_hits or _changed(c) == 0:
        return False
    real = [(w, r) for w, r in c.corrections if not _same_for_search(w, r)]
    if any(is_german_word(w) and not (word_forms and is_word_form_change(w, r))
           for w, r in real):
        return False
    return word_forms or not any(is_word_form_change(w, r) for w, r in real)


def best_collation(collations: Iterable[Collation], original_hits: int,
                   word_forms: bool = False) -> Collation | None:
    """The collation to offer, or None when none is worth offering (``_worth_offering``;
    ``word_forms``: other forms of a word count too, for word-for-word phrase searches,
    where the form typed is the only thing that can be wrong).

    Fewest changed words, then fewest edits, then the most frequent correction (its page
    count; synonyms do not inflate it as they do hits), then most hits; Solr's own order
    breaks the remaining ties.
    """
    useful = [c for c in collations if _worth_offering(c, original_hits, word_forms)]
    if not useful:
        return None
    ranked = sorted(enumerate(useful), key=lambda ic: (
        _changed(ic[1]), _edits(ic[1]), -ic[1].support, -ic[1].hits, ic[0]))
    return ranked[0][1]


def match_case(model: str, word: str) -> str:
    """``word`` in the capitalisation of ``model``: UPPER, Capitalised or as given."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def restore_case(user_query: str, collation: Collation) -> str:
    """The collation written over the visitor's own text: only corrected words change.

    Each word of the query that Solr corrected is replaced by its correction in the
    visitor's capitalisation; spacing, punctuation and all other words stay as typed.
    """
    fixes = {wrong.lower(): right for wrong, right in collation.corrections}

    def fix(match: re.Match[str]) -> str:
        typed = match.group(0)
        right = fixes.get(typed.lower())
        return typed if right is None else match_case(typed, right)

    return _WORD.sub(fix, user_query)


def offer(user_query: str, collations: Iterable[Collation], original_hits: int) -> str | None:
    """The "Meinten Sie" text among parsed ``collations``, or None when nothing is better."""
    chosen = best_collation(collations, original_hits)
    if chosen is None:
        return None
    text = restore_case(user_query, chosen)
    return None if text.lower() == user_query.lower() else text


def suggestion(user_query: str, spellcheck: Mapping[str, Any] | None,
               original_hits: int) -> str | None:
    """The "Meinten Sie" text for ``user_query`` from Solr's raw ``spellcheck`` section."""
    return offer(user_query, parse_collations(spellcheck), original_hits)


# Endings German inflection adds or swaps ("verlängern"/"verlängert", "Perso"/"Person").
_INFLECTION_ENDINGS = frozenset({"", "e", "n", "en", "er", "ern", "es", "s", "t", "et",
                                 "st", "est", "te", "ten", "em", "ens", "m", "r", "ung", "ungen"})
_MIN_SHARED_STEM = 4


def is_word_form_change(wrong: str, right: str) -> bool:
    """True when ``right`` is ``wrong`` with another inflection ending, not a typo fix.

    Both share their beginning and differ only in endings German grammar adds
    ("verlängern" -> "verlängert", "perso" -> "person", "schwimmbader" -> "schwimmbad").
    A doubled or dropped last letter is a typo, not grammar ("personalausweiss",
    "reisepas"), and so is a letter missing inside the ending ("hundesteur"). Replacing
    another form would change what the visitor asked for.
    """
    a, b = wrong.lower(), right.lower()
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    tail_a, tail_b = a[shared:], b[shared:]
    doubled = shared > 0 and len(tail_a + tail_b) == 1 and (tail_a + tail_b) == a[shared - 1]
    # The same ending with a letter left out or added ("hundesteur") is a typo as well.
    same_end = bool(tail_a and tail_b) and tail_a[-1] == tail_b[-1]
    return (a != b and not doubled and not same_end and shared >= _MIN_SHARED_STEM
            and tail_a in _INFLECTION_ENDINGS and tail_b in _INFLECTION_ENDINGS)


def is_typo_fix(suggestion: Any, composed_words: Iterable[str] = ()) -> bool:
    """True when every word a suggestion changes is a spelling fix; only such a suggestion
    may replace a query that found nothing.

    Not a fix: another form of the same word, and a word made entirely of known compound
    parts ("Nachtbus" is a word the pages do not happen to use, not a typo).
    """
    changed = [(w, r) for w, r in getattr(suggestion, "corrections", ()) if w.lower() != r.lower()]
    return (bool(changed) and not changes_a_word_of(suggestion, composed_words)
            and not any(is_word_form_change(w, r) for w, r in changed))


def changes_a_word_of(suggestion: Any, words: Iterable[str]) -> bool:
    """True when the suggestion changes one of ``words`` (compared in lower case)."""
    wanted = {w.lower() for w in words}
    return any(w.lower() in wanted and w.lower() != r.lower()
               for w, r in getattr(suggestion, "corrections", ()))
