"""``python -m quality.synonyms``: write the managed synonyms from ``synonyms_de.txt``.

The reviewed list lives in ``quality/synonyms_de.txt`` (one group per line, readable and
commented by topic); Solr loads its managed resource from
``solr-config/conf/_schema_analysis_synonyms_de.json``, which this script writes. Every
word with an umlaut or ß also gets its ae/oe/ue/ss spelling and the one without dots
("mull"), because synonyms match the
word as typed, before the analyzer folds umlauts. The web team extends the list at run
time in the admin area; this file is what a fresh installation starts with.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "synonyms_de.txt"
TARGET = HERE.parent / "solr-config" / "conf" / "_schema_analysis_synonyms_de.json"
INITIALIZED_ON = "2026-11-25T00:00:00.000Z"
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_STRIP = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


@dataclass(frozen=True)
class Group:
    """One line: ``sources`` find ``targets`` (a two-way group has sources == targets)."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]


def _spellings(word: str) -> tuple[str, ...]:
    """The word, with ae/oe/ue and with plain vowels ("muell", "mull") where it has umlauts."""
    return tuple(dict.fromkeys((word, word.translate(_FOLD), word.translate(_STRIP))))


def _words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in text.split(","):
        word = " ".join(raw.strip().lower().split())
        if not word:
            raise ValueError(f"empty entry in {text!r}")
        out.extend(w for w in _spellings(word) if w not in out)
    return tuple(out)


def parse(text: str) -> tuple[Group, ...]:
    """The groups of a synonyms_de.txt text; a malformed line raises ValueError."""
    groups = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if "=>" in line:
                left, right = line.split("=>")
                sources = _words(left)
                groups.append(Group(sources, sources + tuple(w for w in _words(right)
                                                             if w not in sources)))
            else:
                words = _words(line)
                if len(words) < 2:
                    raise ValueError("a group needs at least two words")
                groups.append(Group(words, words))
        except ValueError as err:
            raise ValueError(f"{SOURCE.name} line {number}: {err}") from err
    return tuple(groups)


def managed_map(groups: tuple[Group, ...]) -> dict[str, list[str]]:
    """Solr's managedMap: each source word -> every word it finds (groups merged)."""
    found: dict[str, list[str]] = {}
    for group in groups:
        for source in group.sources:
            targets = found.setdefault(source, [])
            targets.extend(t for t in group.targets if t not in targets)
    return {key: found[key] for key in sorted(found)}


def managed_json(groups: tuple[Group, ...]) -> str:
    """The whole managed resource file, as Solr reads it."""
    data = {"initArgs": {"ignoreCase": True, "format": "solr"},
            "initializedOn": INITIALIZED_ON, "managedMap": managed_map(groups)}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    """Write the managed synonyms file; exit status 2 on a malformed line."""
    try:
        groups = parse(SOURCE.read_text(encoding="utf-8"))
    except ValueError as err:
        print(f"synonyms: {err}", file=sys.stderr)
        return 2
    TARGET.write_text(managed_json(groups), encoding="utf-8")
    print(f"{len(groups)} groups, {len(managed_map(groups))} words -> {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
