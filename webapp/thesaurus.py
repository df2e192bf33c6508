"""Everyday words of the whole city: other words of the same meaning from OpenThesaurus.

``webapp/thesaurus_de.txt`` (written by ``quality/thesaurus.py`` from Debian's
openthesaurus-de-text) holds groups of words of the same meaning, everyday words marked with
``~``. For a visitor's words this module gives a few other words to search as well, with a
low weight, on the relaxed side of a search only (see webapp.builder.add_thesaurus_to_solr):

* an everyday word ("Perso") gives the standard words of its groups ("Personalausweis"),
  a standard word gives the other standard words of the groups where it is standard itself;
  never an everyday word, which a city page rarely uses;
* only words of at most ``MAX_GROUPS`` groups: a word of many groups has many meanings
  ("Karte", "Zug") and its neighbours would be noise;
* the smallest groups first (close meaning), ``PER_WORD`` words per visitor word and
  ``MAX_EXPANSIONS`` in all, so that the query stays small (Solr's clause limit).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "thesaurus_de.txt"
EVERYDAY = "~"
MIN_WORD = 4
MAX_GROUPS = 3
PER_WORD = 3
MAX_EXPANSIONS = 8
# Off: measured on the city web's held-out queries the expansions changed nothing (81.5 %
# top-1, 88.5 % top-3 with and without; see QUALITY.md), so they do not go to visitors yet.
ENABLED = False
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Thesaurus:
    """Groups of words of the same meaning; ``index`` maps a lower-case word to its groups."""

    groups: tuple[tuple[tuple[str, bool], ...], ...]
    index: dict[str, tuple[int, ...]]

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Thesaurus:
        """The thesaurus of the file format: ``;``-separated words, ``~`` before everyday ones."""
        groups: list[tuple[tuple[str, bool], ...]] = []
        index: dict[str, list[int]] = {}
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            group = tuple((w.lstrip(EVERYDAY), w.startswith(EVERYDAY))
                          for w in line.split(";") if w.lstrip(EVERYDAY))
            for word, _ in group:
                index.setdefault(word.lower(), []).append(len(groups))
            groups.append(group)
        return cls(tuple(groups), {w: tuple(ids) for w, ids in index.items()})

    def related(self, word: str) -> tuple[str, ...]:
        """Standard words of the same meaning as ``word``, closest first (see module doc)."""
        key = word.lower()
        ids = self.index.get(key, ())
        if len(key) < MIN_WORD or not ids or len(ids) > MAX_GROUPS:
            return ()
        groups = [self.groups[i] for i in ids]
        # A word that is standard somewhere keeps to those meanings: "Schnee" is weather,
        # not the slang for a drug of another group.
        standard = [g for g in groups if (key, False) in ((w.lower(), e) for w, e in g)]
        found: dict[str, str] = {}
        for group in sorted(standard or groups, key=len):
            for other, everyday in group:
                if not everyday and other.lower() != key:
                    found.setdefault(other.lower(), other)
        return tuple(found.values())

    def expansions(self, text: str) -> tuple[str, ...]:
        """Words to search besides the visitor's ``text``: none that the visitor typed,
        at most PER_WORD per word and MAX_EXPANSIONS in all."""
        words = [w.lower() for w in _WORD.findall(text)]
        typed = set(words)
        found: dict[str, str] = {}
        for word in dict.fromkeys(words):
            new = [o for o in self.related(word) if o.lower() not in typed | found.keys()]
            found.update((o.lower(), o) for o in new[:PER_WORD])
        return tuple(found.values())[:MAX_EXPANSIONS]


@lru_cache(maxsize=1)
def default_thesaurus() -> Thesaurus:
    """The thesaurus of the repository's file, loaded once per process."""
    return Thesaurus.from_lines(DATA.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=4096)
def expansions(text: str) -> tuple[str, ...]:
    """``default_thesaurus().expansions(text)``, remembered for recent texts."""
    return default_thesaurus().expansions(text)


def expansions_for(text: str) -> tuple[str, ...]:
    """The expansions of ``text`` when ``ENABLED``; none when off or when the file cannot be
    read (an extra must never cost the visitor the search)."""
    if not ENABLED:
        return ()
    try:
        return expansions(text)
    except (OSError, ValueError):
        log.exception("Thesaurus lookup failed for %r", text)
        return ()


def candidates(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For the admin area, switched on or not: each word of ``text`` with up to
    MAX_EXPANSIONS words of the same meaning, for the web team to confirm as synonyms."""
    try:
        found = default_thesaurus()
    except (OSError, ValueError):
        log.exception("Thesaurus could not be read")
        return ()
    words = dict.fromkeys(w.lower() for w in _WORD.findall(text))
    pairs = ((word, found.related(word)[:MAX_EXPANSIONS]) for word in words)
    return tuple((word, related) for word, related in pairs if related)
