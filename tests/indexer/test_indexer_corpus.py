"""The benchmark corpus: deterministic, parseable, with the sample site's chrome."""

from __future__ import annotations

from pathlib import Path

from indexer.config import IndexerConfig
from indexer.corpus import generate, main, make_page
from indexer.parse import parse_page


def test_same_seed_same_pages_other_seed_other_pages() -> None:
    first = list(generate(30, seed=7))
    assert first == list(generate(30, seed=7))
    assert make_page(17, seed=7) == first[17]
    other = list(generate(30, seed=8))
    assert [p.body for p in other] != [p.body for p in first]
    assert len({p.url for p in first}) == 30


def test_corpus_pages_parse_cleanly() -> None:
    cfg = IndexerConfig()
    sections = {name for name in cfg.sections.values()} | {"Soziales", "Wirtschaft", "Stadtrat"}
    for raw in generate(60, seed=1):
        assert b"[[ outData" in raw.body and b"cookie-consent" in raw.body  # chrome is there
        page = parse_page(raw, cfg.sections, cfg.max_content_chars)
        assert page.id == raw.url and page.title and len(page.content) > 200
        assert page.category in sections
        for leaked in ("[[", "Alle akzeptieren", "Hauptnavigation", "Stadtverwaltung Jena",
                       "jenaTracking", "Zum Inhalt springen"):
            assert leaked not in page.content
        if "/aktuelles/" in raw.url:
            assert page.date_source == "article:published_time"


def test_cli_writes_files(tmp_path: Path) -> None:
    assert main(["--pages", "12", "--seed", "3", "--out", str(tmp_path)]) == 0
    files = sorted(tmp_path.rglob("*.html"))
    assert len(files) == 12
    assert {f.parent.name for f in files} <= {"buergerservice", "soziales", "familie-bildung",
                                              "kultur-freizeit", "umwelt-abfall",
                                              "verkehr-mobilitaet", "wirtschaft", "stadtrat",
                                              "aktuelles"}
