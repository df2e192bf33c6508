"""The generator of webapp/thesaurus_de.txt and the committed file it wrote."""

from __future__ import annotations

from quality.thesaurus import MAX_GROUP, OUT, format_group, groups

LINES = [
    "# OpenThesaurus - German Thesaurus in text format",
    "Personalausweis;Perso (ugs.);Lichtbildausweis",
    "Lichtbildausweis;Personalausweis;Perso (ugs.)",  # the same group again
    "Abfallbehälter;Mülleimer;Mistkübel (österr.);im Eimer (ugs.)",
    "Deputat...;Konzessions...",
    ";".join(f"Wort{'abcdefghijklmn'[i]}" for i in range(MAX_GROUP + 1)),
    "Einzelwort;(sich) ärgern",
]


def test_generator_keeps_small_groups_of_single_words_once() -> None:
    kept = [format_group(g) for g in groups(LINES)]
    assert kept == ["Abfallbehälter;Mülleimer", "Personalausweis;~Perso;Lichtbildausweis"]


def test_committed_file_names_its_source_and_licence_and_parses_back() -> None:
    text = OUT.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("openthesaurus-de-text 20160424" in line for line in header)
    assert any("LGPL 2.1 or later" in line for line in header)
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert len(body) > 20000 and len(body) == len(set(body))
    for line in body:
        words = line.split(";")
        assert 2 <= len(words) <= MAX_GROUP
        assert all(w.lstrip("~").isalpha() for w in words), line
