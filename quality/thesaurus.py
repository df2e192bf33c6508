"""``python -m quality.thesaurus``: write the word groups of the everyday-words lookup.

The source is OpenThesaurus as Debian packs it (``openthesaurus-de-text``,
``/usr/share/openthesaurus-de/openthesaurus.txt``): one group of words of the same meaning
per line, separated by ``;``, some words marked in parentheses ("Perso (ugs.)", "zumüllen
(ugs., negativ)"). Only this generator needs the package; the search reads the file written
here, ``webapp/thesaurus_de.txt``, which is part of the repository.

Kept, so that an expansion stays a word a page of the city would use for the same thing:

* single words of letters only (no phrases, no "Deputat..." fragments, no digits);
* words without a mark or with only the marks in ``KEPT_MARKS``; words marked vulgar,
  figurative, dated, regional, Swiss or Austrian are left out;
* groups that still have two to ``MAX_GROUP`` words after that (large groups are loose:
  "kaputt" has 35 neighbours).

Everyday words (marked "ugs.") are written with a leading ``~``, so that the lookup can map
them to the standard words of their group and never the other way round.
Licence of the source: GNU LGPL 2.1 or later (Debian copyright file), named in the header.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/openthesaurus-de/openthesaurus.txt")
PACKAGE = "openthesaurus-de-text"
OUT = REPO / "webapp" / "thesaurus_de.txt"
EVERYDAY_MARK = "ugs."
# Marks that keep a word: everyday, the main form, technical and elevated language (the
# city's pages use official terms), English loan words ("Ticket").
KEPT_MARKS = frozenset({EVERYDAY_MARK, "Hauptform", "fachspr.", "geh.", "engl."})
MAX_GROUP = 12
MIN_WORD = 3
_ENTRY = re.compile(r"^(?P<word>[^\W\d_]+)(?:\s*\((?P<marks>[^()]*)\))?$")


class ThesaurusError(RuntimeError):
    """The source file is missing or not in the expected format."""


@dataclass(frozen=True)
class Entry:
    """One word of a group and whether the thesaurus marks it as everyday language."""

    word: str
    everyday: bool


def parse_entry(text: str) -> Entry | None:
    """The word of one ``;``-separated entry, or None when it is not kept (phrase, other
    mark, fragment)."""
    match = _ENTRY.match(text.strip())
    if match is None or len(match["word"]) < MIN_WORD:
        return None
    marks = {m.strip() for m in (match["marks"] or "").split(",") if m.strip()}
    if not marks <= KEPT_MARKS:
        return None
    return Entry(match["word"], EVERYDAY_MARK in marks)


def parse_group(line: str) -> tuple[Entry, ...]:
    """The kept words of one line, each once (first mark wins)."""
    seen: dict[str, Entry] = {}
    for text in line.split(";"):
        entry = parse_entry(text)
        if entry is not None and entry.word.lower() not in seen:
            seen[entry.word.lower()] = entry
    return tuple(seen.values())


def groups(lines: Iterable[str]) -> list[tuple[Entry, ...]]:
    """Groups with two to MAX_GROUP kept words, without comment lines, each group once."""
    found: dict[tuple[str, ...], tuple[Entry, ...]] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        group = parse_group(line)
        if 2 <= len(group) <= MAX_GROUP:
            found.setdefault(tuple(sorted(e.word.lower() for e in group)), group)
    return sorted(found.values(), key=lambda g: [e.word.lower() for e in g])


def format_group(group: tuple[Entry, ...]) -> str:
    """One line of the output file: words separated by ``;``, everyday words with ``~``."""
    return ";".join(("~" if e.everyday else "") + e.word for e in group)


def package_version(name: str = PACKAGE) -> str:
    """The installed Debian version of ``name`` (for the file's header)."""
    done = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", name],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise ThesaurusError(f"Debian package {name} is not installed (apt-get install {name})")
    return done.stdout.strip()


def build(source: Path = SOURCE) -> str:
    """The whole output file from the installed package."""
    if not source.is_file():
        raise ThesaurusError(f"{source} is missing: apt-get install {PACKAGE}")
    kept = groups(source.read_text(encoding="utf-8").splitlines())
    header = (f"# Word groups of OpenThesaurus (www.openthesaurus.de) from the Debian package\n"
              f"# {PACKAGE} {package_version()}: single words, at most {MAX_GROUP} per group,\n"
              "# without vulgar, figurative, dated and regional words; ~ marks everyday words\n"
              "# (\"ugs.\"). Licence: GNU LGPL 2.1 or later, (C) Daniel Naber and the\n"
              "# OpenThesaurus contributors. Written by quality/thesaurus.py; do not edit:\n"
              "# regenerate with `make thesaurus`.\n")
    return header + "\n".join(format_group(g) for g in kept) + "\n"


def main() -> int:
    """Write the file; exit status 2 when the source package is missing."""
    try:
        text = build()
    except ThesaurusError as err:
        print(f"thesaurus: {err}", file=sys.stderr)
        return 2
    OUT.write_text(text, encoding="utf-8")
    lines = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"wrote {OUT} ({lines} groups, {len(text.encode()) // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
