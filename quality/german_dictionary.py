"""``python -m quality.german_dictionary``: write the compound-splitting files of the configset.

Solr splits German compounds with ``HyphenationCompoundWordTokenFilter``: a word is cut
only where German hyphenation allows a break, and a piece between two breaks becomes a
token only when it is a noun of a German dictionary. Both files come from Debian packages
(installed by ``tools/system-deps.sh test``, which ``make test`` and ``.ci/run`` use) and
are written here, so the configset that production runs unchanged carries them:

* ``solr-config/conf/lang/hyph_de.xml`` — the syllable patterns of ``hyphen-de``
  (``/usr/share/hyphen/hyph_de_DE.dic``, the level after ``NEXTLEVEL``), converted to the
  XML format Lucene reads. Licence: LGPL-2.0-or-later (Debian copyright file; from the
  LPPL TeX patterns
  ``dehyphn.tex``); redistribution is permitted with the licence named, which the file's
  header does.
* ``solr-config/conf/lang/compound_parts_de.txt`` — the nouns of ``hunspell-de-de``
  (``/usr/share/hunspell/de_DE.dic``, the igerman98 dictionary), lower-cased, with the
  plural forms its affix flags give in "-en" and "-er" and the "-ung" nouns of its verbs
  (the splitter itself tries a piece one letter shorter, which covers the linking "s",
  "n" and "e"), without ``quality/compound_parts_excluded.txt``. Licence:
  GPL-2.0-or-later; a word list derived
  from it may be redistributed under the same licence, named in the header.
* ``webapp/words_de.txt`` — every word of the same dictionary, lower-cased, with the noun
  forms above: the web app's test whether a word the visitor typed is German as written
  (``webapp.german_words``), so that a correct word the pages happen not to use is not
  "corrected" into another word of the index. Same licence, named in its header.

Nouns shorter than five letters are kept only where igerman98 marks them as compound
parts, plus the few in ``CITY_PARTS``; see ``noun_forms``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LANG = REPO / "solr-config" / "conf" / "lang"
HYPHEN_DIC = Path("/usr/share/hyphen/hyph_de_DE.dic")
HUNSPELL_DIC = Path("/usr/share/hunspell/de_DE.dic")
EXCLUDED = Path(__file__).resolve().parent / "compound_parts_excluded.txt"
PATTERNS_OUT = LANG / "hyph_de.xml"
PARTS_OUT = LANG / "compound_parts_de.txt"
WORDS_OUT = Path(__file__).resolve().parents[1] / "webapp" / "words_de.txt"
# Short nouns a city site's compounds end in that igerman98 does not mark as compound
# parts ("Gesundheitsamt", "Freibad", "Hundesteuer", "Kinderarzt", "Kita-Gutschein").
CITY_PARTS = ("amt", "ämter", "bad", "bäder", "hund", "kind", "kita", "kitas", "arzt", "ehe")
# Three-letter compound parts of igerman98 worth splitting off; the others it marks are
# mostly prefixes or verb stems ("ein", "mit", "seh", "end") that would match anywhere.
THREE_LETTER_PARTS = ("bau", "bus", "hof", "rad", "see", "tor", "tür", "weg", "zoo", "zug")
MIN_PART = 5
# Affix flags of igerman98 nouns that add "-en" (P) or "-er" (R) to the stem; the splitter
# tries a piece one letter shorter by itself, which covers "-s", "-n" and "-e".
PLURAL_FLAGS = {"P": "en", "R": "er"}
_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"


class DictionaryError(RuntimeError):
    """A source file is missing or not in the expected format."""


def package_version(name: str) -> str:
    """The installed Debian version of ``name`` (for the files' headers)."""
    done = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", name],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise DictionaryError(f"Debian package {name} is not installed "
                              f"(apt-get install {name})")
    return done.stdout.strip()


def syllable_patterns(text: str) -> list[str]:
    """The patterns after NEXTLEVEL in a libhyphen file (the first level marks compounds
    of a fixed word list; the second is the general syllable grammar we want)."""
    lines = text.splitlines()
    try:
        start = lines.index("NEXTLEVEL") + 1
    except ValueError as err:
        raise DictionaryError("no NEXTLEVEL line in the hyphenation file") from err
    patterns = []
    for line in lines[start:]:
        line = line.strip()
        if not line or line.startswith("#") or line.isupper():
            continue
        if re.fullmatch(r"[.0-9a-zäöüß]+", line):
            patterns.append(line)
    return patterns


def patterns_xml(patterns: list[str], version: str) -> str:
    """The patterns in the XML format of Lucene's hyphenation compound filter."""
    classes = " ".join(ch + ch.upper() if ch != "ß" else ch for ch in _LETTERS)
    body = "\n".join(patterns)
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            f"<!-- German syllable patterns from the Debian package hyphen-de {version}\n"
            "     (hyph_de_DE.dic, second level), converted by quality/german_dictionary.py.\n"
            "     Licence: GNU LGPL 2 or later; based on the TeX patterns dehyphn.tex (LPPL).\n"
            "     Do not edit: regenerate with `make german-dictionary`. -->\n"
            "<hyphenation-info>\n<hyphen-char value=\"-\"/>\n"
            "<hyphen-min before=\"2\" after=\"2\"/>\n"
            f"<classes>\n{classes}\n</classes>\n<patterns>\n{body}\n</patterns>\n"
            "</hyphenation-info>\n")


def _ung_forms(verb: str) -> tuple[str, ...]:
    """The -ung noun (and plural) that igerman98's J flag derives from ``verb``."""
    for ending, noun in (("eln", "lung"), ("ern", "erung"), ("en", "ung")):
        if verb.endswith(ending):
            stem = verb[: -len(ending)] + noun
            return stem, stem + "en"
    return ()


def noun_forms(text: str) -> set[str]:
    """Lower-cased nouns of a hunspell .dic: capitalised stems with their "-en" plural,
    and the "-ung" nouns derived from verbs. Nouns shorter than five letters only when
    igerman98 marks them as compound parts (flags i/j: "Park", "Müll", "Bahn"), so that
    rare short nouns ("Laus", "Lende") do not turn up inside unrelated words."""
    forms: set[str] = set()
    for line in text.splitlines()[1:]:
        if not line or line[0].isspace():
            continue
        word, _, flags = line.partition("/")
        if not word.isalpha():
            continue
        if word[:1].islower():
            if "J" in flags:
                forms.update(_ung_forms(word))
            continue
        stem = word.lower()
        if len(stem) < MIN_PART and not ({"i", "j"} & set(flags)):
            continue
        forms.add(stem)
        forms.update(stem + ending for flag, ending in PLURAL_FLAGS.items() if flag in flags)
    return forms


def parts(nouns: set[str], excluded: set[str]) -> list[str]:
    """The dictionary for the splitter: city nouns added, excluded words and foreign
    letters removed, three-letter words only from the two short lists."""
    keep = {w for w in nouns | set(CITY_PARTS)
            if (len(w) > 3 or w in THREE_LETTER_PARTS or w in CITY_PARTS)
            and w not in excluded and set(w) <= set(_LETTERS)}
    return sorted(keep)


def all_words(text: str) -> list[str]:
    """Every word of a hunspell .dic in lower case (its stems as listed, whatever their
    flags), with the noun forms of ``noun_forms``: words, not yet their inflections."""
    words = noun_forms(text)
    for line in text.splitlines()[1:]:
        if not line or line[0].isspace():
            continue
        word = line.partition("/")[0].strip().lower()
        if word.isalpha() and set(word) <= set(_LETTERS):
            words.add(word)
    return sorted(words)


def read_excluded(path: Path = EXCLUDED) -> set[str]:
    """Words listed in ``path`` (comments and blank lines ignored)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def build() -> tuple[str, str, str]:
    """(hyphenation XML, parts list, word list) from the installed packages."""
    for path in (HYPHEN_DIC, HUNSPELL_DIC):
        if not path.is_file():
            raise DictionaryError(f"{path} is missing: apt-get install hyphen-de hunspell-de-de")
    hyphen = HYPHEN_DIC.read_bytes().decode("iso-8859-1")
    xml = patterns_xml(syllable_patterns(hyphen), package_version("hyphen-de"))
    dic = HUNSPELL_DIC.read_text(encoding="utf-8")
    words = parts(noun_forms(dic), read_excluded())
    source = (f"the Debian package hunspell-de-de {package_version('hunspell-de-de')} "
              "(igerman98)")
    regenerate = ("# Licence: GNU GPL 2 or later. Written by quality/german_dictionary.py;\n"
                  "# do not edit: regenerate with `make german-dictionary`.\n")
    header = (f"# German nouns from {source},\n"
              "# lower-cased, with -en/-er plurals, minus quality/compound_parts_excluded.txt.\n"
              + regenerate)
    word_header = (f"# German words from {source}, lower-cased, with noun plurals.\n"
                   + regenerate)
    return (xml, header + "\n".join(words) + "\n",
            word_header + "\n".join(all_words(dic)) + "\n")


def main() -> int:
    """Write the three files; exit status 2 when a source package is missing."""
    try:
        xml, parts_text, words_text = build()
    except DictionaryError as err:
        print(f"german_dictionary: {err}", file=sys.stderr)
        return 2
    for path, text in ((PATTERNS_OUT, xml), (PARTS_OUT, parts_text), (WORDS_OUT, words_text)):
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text.encode()) // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
