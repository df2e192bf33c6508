"""The configset's German files are exactly what the repository's scripts make of their sources."""

from __future__ import annotations

from pathlib import Path

from quality.german_dictionary import PARTS_OUT, PATTERNS_OUT, WORDS_OUT, build
from quality.synonyms import SOURCE, TARGET, managed_json, managed_map, parse

CONF = Path(__file__).resolve().parents[2] / "solr-config" / "conf"
# ZooKeeper refuses files of 1 MB and more (SolrCloud keeps the configset there).
ZK_LIMIT = 1024 * 1024


def test_compound_files_are_generated_from_the_debian_packages() -> None:
    xml, parts, all_words = build()
    assert PATTERNS_OUT.read_text(encoding="utf-8") == xml
    assert PARTS_OUT.read_text(encoding="utf-8") == parts
    assert WORDS_OUT.read_text(encoding="utf-8") == all_words
    dictionary = set(all_words.splitlines())
    assert len(dictionary) > 50_000
    # Verbs and short words too, which the splitter's noun list leaves out.
    assert {"aufgeben", "firma", "beantragen", "wohnung", "hund", "zeit"} <= dictionary
    words = set(parts.splitlines())
    # Real German nouns at scale, the city's short heads, and no word known to mislead.
    assert len(words) > 20_000
    assert {"müll", "kalender", "ausweis", "gebühren", "anwohner", "amt", "park"} <= words
    assert not {"personal", "person", "hunde", "lende", "zeit"} & words


def test_managed_synonyms_are_generated_from_the_reviewed_list() -> None:
    groups = parse(SOURCE.read_text(encoding="utf-8"))
    assert len(groups) >= 150
    assert TARGET.read_text(encoding="utf-8") == managed_json(groups)
    mapping = managed_map(groups)
    assert "personalausweis" in mapping["perso"]
    assert "verwarnungsgeld" in mapping["knöllchen"]
    assert "bürgergeld" in mapping["hartz iv"]  # multi-word entries
    assert "muell" in mapping and "mull" in mapping  # spellings without umlauts


def test_configset_files_fit_into_zookeeper() -> None:
    for path in CONF.rglob("*"):
        if path.is_file():
            assert path.stat().st_size < ZK_LIMIT, path
