"""The app's compound splitter gives the parts Solr's index analysis gives (real Solr)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support import Core
from webapp.compound_split import CompoundSplitter, compound_tokens, default_splitter
from webapp.compounds import split_result

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{6,}")


def _sample_words(site: Path) -> list[str]:
    words: set[str] = set()
    for page in site.rglob("*.html"):
        words.update(w.lower() for w in _WORD.findall(page.read_text(encoding="utf-8")))
    return sorted(words)


def _solr_parts(core: Core, words: list[str]) -> dict[str, set[str]]:
    """Each word's tokens from Solr's text_de_parts analysis (the index side's splitter)."""
    found: dict[str, set[str]] = {}
    for i in range(0, len(words), 300):
        chunk = words[i:i + 300]
        stages = core.analysis("text_de_parts", " ".join(chunk))["field_types"][
            "text_de_parts"]["index"]
        tokens = stages[-1]
        by_start: dict[int, set[str]] = {}
        for token in tokens:
            by_start.setdefault(int(token["start"]), set()).add(str(token["text"]))
        offset = 0
        for word in chunk:
            found[word] = by_start.get(offset, set())
            offset += len(word) + 1
    return found


def test_the_parts_are_solrs_for_the_sample_sites_words(solr_url: str, sample_site: Path) -> None:
    words = _sample_words(sample_site)
    assert len(words) > 3000
    solr = _solr_parts(Core(solr_url), words)
    splitter = default_splitter()
    differ = [w for w in words
              if solr[w] and solr[w] != {t for t, _, _ in splitter.split_text(w)}]
    # Both read the same files; the hyphenation of a few words differs at the edges.
    assert len(differ) <= len(words) // 500, differ[:20]
    assert "ausweis" in {t for t, _, _ in splitter.split_text("bewohnerparkausweis")}


def test_protected_words_short_words_and_unknown_letters_stay_whole() -> None:
    splitter = default_splitter()
    assert splitter.parts("insgesamt") == ()  # protected: not "samt"
    assert splitter.parts("hund") == ()  # shorter than six letters
    assert splitter.parts("café2000") == ()  # letters the patterns do not know
    assert set(splitter.parts("müllkalender")) >= {"müll", "kalender"}


def test_split_result_marks_composed_words_and_keeps_offsets() -> None:
    tokens = compound_tokens("Müllkalender Termine")
    assert ("kalender", 0, 12) in tokens and ("termine", 13, 20) in tokens
    split = split_result("Müllkalender Termine", tokens)
    assert "müllkalender" in split.composed_words and "kalender" in split.parts
    assert "termine" not in split.parts


def test_a_splitter_from_other_files_uses_them(tmp_path: Path) -> None:
    lang = Path(__file__).resolve().parents[2] / "solr-config" / "conf" / "lang"
    (tmp_path / "hyph_de.xml").write_text((lang / "hyph_de.xml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    (tmp_path / "compound_parts_de.txt").write_text("kalender\n", encoding="utf-8")
    (tmp_path / "compound_exceptions_de.txt").write_text("# none\n", encoding="utf-8")
    only_kalender = CompoundSplitter.from_dir(tmp_path)
    assert only_kalender.parts("müllkalender") == ("kalender",)


def test_a_remembered_split_is_the_split_made_anew(sample_site: Path) -> None:
    remembering = CompoundSplitter.from_dir()
    words = _sample_words(sample_site)[:2000]
    first = [remembering.parts(w) for w in words]
    again = [remembering.parts(w) for w in words]
    # The same words a second time come from memory, and equal what the rule gives.
    assert remembering._parts_of.cache_info().hits >= len(words)  # type: ignore[attr-defined]
    assert first == again == [remembering._parts(w) for w in words]
    assert any(first)
