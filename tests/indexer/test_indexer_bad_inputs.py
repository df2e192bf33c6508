"""Bad input never crashes a run: each file becomes a document or a skip with a reason."""

from __future__ import annotations

import json
from pathlib import Path


from indexer.config import IndexerConfig
from indexer.model import Outcome
from indexer.pipeline import run
from tests.support import Core

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
BASE = "https://www.jena.de/"
PARAGRAPH = ("<p>Die Stadtverwaltung Jena informiert über Straßenbau, Müllabfuhr und "
             "Öffnungszeiten im Bürgeramt am Anger.</p>\n")


def _bad_folder(root: Path) -> Path:
    root.mkdir()
    (root / "binaer.html").write_bytes(bytes(range(256)) * 64)
    (root / "leer.html").write_bytes(b"")
    (root / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "text-ohne-markup.html").write_text("nur ein Satz ohne Auszeichnung", encoding="utf-8")
    for name in ("latin1-undeclared.html", "broken-markup.html", "no-title.html", "no-date.html"):
        (root / name).write_bytes((FIXTURES / name).read_bytes())
    repeats = 20_000_000 // len(PARAGRAPH.encode())
    huge = ("<html><head><title>Sehr große Seite | Stadt Jena</title></head><body>"
            "<nav>NAVTEXT</nav><main><h1>Sehr große Seite</h1>" + PARAGRAPH * repeats +
            "</main></body></html>")
    (root / "riesig.html").write_text(huge, encoding="utf-8")
    assert (root / "riesig.html").stat().st_size >= 20_000_000
    return root


def test_bad_files_are_indexed_or_skipped_with_reasons(empty_core: Core,
                                                      config: IndexerConfig,
                                                      tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path / "bad")
    report = run([str(folder)], full=True, config=config)

    assert report.ok and report.failed == 0
    assert report.reasons(Outcome.SKIPPED) == {
        BASE + "binaer.html": "Binärdatei, kein HTML",
        BASE + "leer.html": "leere Datei",
        BASE + "bild.png": "kein HTML (Dateiendung .png)",
        BASE + "text-ohne-markup.html": "kein HTML-Markup gefunden",
    }
    assert report.indexed == 5
    empty_core.commit(soft=True)
    docs = {d["id"]: d for d in empty_core.search("*:*", rows=20, fl="id,title,content").docs}
    assert set(docs) == {BASE + n for n in ("latin1-undeclared.html", "broken-markup.html",
                                            "no-title.html", "no-date.html", "riesig.html")}
    huge = docs[BASE + "riesig.html"]
    assert huge["title"] == "Sehr große Seite"
    assert 900_000 < len(huge["content"]) <= config.max_content_chars
    assert "NAVTEXT" not in huge["content"]
    assert docs[BASE + "no-title.html"]["title"] == "No Title"
    hits = empty_core.search("Laubsäcke", handler="search")
    assert [d["id"] for d in hits.docs] == [BASE + "latin1-undeclared.html"]


def test_dry_run_needs_no_solr(offline_config: IndexerConfig, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("news.html", "latin1-undeclared.html", "utf8-bom.html"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "leer.html").write_bytes(b"")
    out = tmp_path / "docs.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        report = run([str(folder)], full=True, dry_run=True, jsonl=handle, config=offline_config)
    assert report.ok and report.dry_run and (report.indexed, report.skipped) == (3, 1)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    by_id = {r["id"]: r for r in records}
    news = by_id["https://www.jena.de/aktuelles/strassenbahn-lobeda.html"]
    assert news["onlineDate"] == "2025-11-03T08:30:00Z"
    assert news["dateSource"] == "article:published_time"
    assert news["sourceUrl"] == "https://www.jena.de/news.html"
    assert all("clickCounter" not in r and len(r["contentHash"]) == 64 for r in records)
