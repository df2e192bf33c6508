"""The compound parts of the visitor's words, found in the app as the index finds them.

The index splits German compounds with Lucene's hyphenation compound filter (text_de, index
side): a part is a piece of the word between two hyphenation points that the parts
dictionary knows ("Bewohnerparkausweis" -> bewohner, park, ausweis, ...). The relaxed
matching of a search adds these parts to the query. Asking Solr for them
(``/analysis/field``) cost a round trip per search of few hits; this module reads the same
three files of the configset (hyphenation patterns, parts dictionary, protected words) and
applies the same rule in the app, so a search needs one Solr request. A test compares both
on the sample site's vocabulary (tests/webapp/test_webapp_compound_split.py).

The rule, as Lucene's ``HyphenationCompoundWordTokenFilter`` applies it with the configset's
settings (minWordSize 6, minSubwordSize 3, maxSubwordSize 20, all matches, not only the
longest): hyphenation points by Liang's algorithm over the patterns, the word's start and
end counted as points; every piece between two points of allowed length is a part when the
dictionary has it, or else when the dictionary has it without its last letter (a linking
"s" or "n").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marisa_trie import Trie

_CONFIGSET_LANG = Path("solr-config") / "conf" / "lang"


def _lang_dir() -> Path:
    """The configset's lang folder: beside the package in a checkout, else under the working
    folder (the image installs the package and copies the folder to its working folder)."""
    beside = Path(__file__).resolve().parent.parent / _CONFIGSET_LANG
    return beside if beside.is_dir() else Path.cwd() / _CONFIGSET_LANG


LANG_DIR = _lang_dir()
MIN_WORD = 6
MIN_PART = 3
MAX_PART = 20
# Words whose parts each splitter remembers (a few hundred kB at most).
WORDS_REMEMBERED = 8192
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _word_list(path: Path) -> Trie:
    """Lower-cased lines of a word file, without comments and blank lines."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    # The parts dictionary's 33 000 words: a static trie of well under 1 MiB per worker
    # instead of 4 MiB as a frozenset; a lookup costs about 0.5 µs instead of 0.03 µs, paid
    # once per word and worker (WORDS_REMEMBERED).
    return Trie(words)


def _patterns(path: Path) -> tuple[dict[str, tuple[int, ...]], frozenset[str]]:
    """Liang patterns of the FOP hyphenation file: letters -> the value before each letter
    (and after the last); and the letters the file's classes know."""
    root = ET.parse(path).getroot()
    classes = root.findtext("classes") or ""
    letters = frozenset(ch.lower() for ch in classes if not ch.isspace())
    table: dict[str, tuple[int, ...]] = {}
    for pattern in (root.findtext("patterns") or "").split():
        chars: list[str] = []
        values = [0]
        for ch in pattern:
            if ch.isdigit():
                values[-1] = int(ch)
            else:
                chars.append(ch)
                values.append(0)
        table["".join(chars)] = tuple(values)
    return table, letters


@dataclass(frozen=True)
class CompoundSplitter:
    """Splits words into the parts the index knows; pure after construction."""

    patterns: dict[str, tuple[int, ...]]
    letters: frozenset[str]
    dictionary: Trie
    protected: Trie
    longest_pattern: int

    def __post_init__(self) -> None:
        # Visitors use the same words again in new queries: each word is split once per
        # process (and worker), then remembered while it is among the recent ones.
        object.__setattr__(self, "_parts_of", lru_cache(maxsize=WORDS_REMEMBERED)(self._parts))

    @classmethod
    def from_dir(cls, lang_dir: Path = LANG_DIR) -> CompoundSplitter:
        """The splitter of the configset files in ``lang_dir``."""
        patterns, letters = _patterns(lang_dir / "hyph_de.xml")
        return cls(patterns=patterns, letters=letters,
                   dictionary=_word_list(lang_dir / "compound_parts_de.txt"),
                   protected=_word_list(lang_dir / "compound_exceptions_de.txt"),
                   longest_pattern=max(map(len, patterns), default=1))

    def hyphenation_points(self, word: str) -> tuple[int, ...]:
        """Offsets in ``word`` where it may be hyphenated, with 0 and its length; empty when
        the patterns allow no inner point or the word has letters the patterns do not know."""
        if any(ch not in self.letters for ch in word):
            return ()
        dotted = f".{word}."
        values = [0] * (len(dotted) + 1)
        for start in range(len(dotted)):
            for end in range(start + 1, min(len(dotted), start + self.longest_pattern) + 1):
                found = self.patterns.get(dotted[start:end])
                if found:
                    for k, value in enumerate(found):
                        if value > values[start + k]:
                            values[start + k] = value
        inner = [i for i in range(1, len(word)) if values[i + 1] % 2]
        return (0, *inner, len(word)) if inner else ()

    def parts(self, word: str) -> tuple[str, ...]:
        """The dictionary pieces of one lower-case word, in the filter's order."""
        return self._parts_of(word)  # type: ignore[attr-defined,no-any-return]

    def _parts(self, word: str) -> tuple[str, ...]:
        if len(word) < MIN_WORD or word in self.protected:
            return ()
        points = self.hyphenation_points(word)
        longest = min(MAX_PART, len(word) - 1)
        found: list[str] = []
        for i, start in enumerate(points):
            for end in points[i + 1:]:
                size = end - start
                if size > longest:
                    break
                if size < MIN_PART:
                    continue
                piece = word[start:end]
                if piece in self.dictionary:
                    found.append(piece)
                elif piece[:-1] in self.dictionary:
                    found.append(piece[:-1])
        return tuple(found)

    def split_text(self, text: str) -> tuple[tuple[str, int, int], ...]:
        """Tokens of ``text`` and their parts as (term, start, end), like the analysis of the
        text_de_parts type: each token, then its parts with the token's offsets."""
        tokens: list[tuple[str, int, int]] = []
        for match in _TOKEN.finditer(text):
            word = match.group(0).lower()
            tokens.append((word, match.start(), match.end()))
            tokens.extend((p, match.start(), match.end()) for p in self.parts(word))
        return tuple(tokens)


@lru_cache(maxsize=1)
def default_splitter() -> CompoundSplitter:
    """The splitter of the project's configset, loaded once per process."""
    return CompoundSplitter.from_dir()


@lru_cache(maxsize=4096)
def compound_tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """``default_splitter().split_text(text)``, remembered for recent texts."""
    return default_splitter().split_text(text)


def vocabulary_parts(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each word's parts (for comparisons with Solr's analysis)."""
    splitter = default_splitter()
    return {w: splitter.parts(w.lower()) for w in words}
