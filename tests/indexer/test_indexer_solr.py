"""Indexing into the real Solr: the sample site, reindexing, click counts, deletions, failures."""

from __future__ import annotations

import dataclasses
import re
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from indexer.config import IndexerConfig
from indexer.model import Outcome, ProgressEvent
from indexer.pipeline import delete_urls, run
from solrlauncher import StandaloneSolr
from tests.support import Core

FUNDBUERO = "https://www.jena.de/buergerservice/fundbuero.html"
AUSWEIS = "https://www.jena.de/buergerservice/personalausweis.html"


def _indexed_files(site: Path) -> list[Path]:
    """The files of a folder that become documents: pages and PDF/DOCX/ODT files."""
    return [p for p in site.rglob("*") if p.suffix in (".html", ".pdf", ".docx", ".odt")]


def _all_docs(client: Core) -> dict[str, dict]:
    client.commit(soft=True)
    res = client.search("*:*", fl="*,clickCounter", rows=10_000)
    return {d["id"]: d for d in res.docs}


def _click(client: Core, page_id: str, times: int) -> None:
    for _ in range(times):
        client.add([{"id": page_id, "clickCounter": {"inc": 1}}], commit=False)
    client.commit(soft=True)


def test_sample_site_every_page_indexed(empty_core: Core, config: IndexerConfig,
                                        sample_site: Path) -> None:
    events: list[ProgressEvent] = []
    report = run([str(sample_site)], full=True, config=config, progress=events.append)
    pages = _indexed_files(sample_site)
    assert report.ok and report.failed == 0
    assert report.indexed == len(pages) >= 66
    assert report.suggester_built
    docs = _all_docs(empty_core)
    assert len(docs) == len(pages)
    for doc in docs.values():
        for name in ("id", "url", "title", "content", "category", "contentHash", "site",
                     "host", "source", "signature", "bodyLanguage"):
            assert doc.get(name), f"{doc['id']} has no {name}"
        assert doc["clickCounter"] == 0
        assert "[[" not in doc["content"] and "Alle akzeptieren" not in doc["content"]
    assert docs[AUSWEIS]["title"] == "Personalausweis beantragen"
    assert docs[AUSWEIS]["category"] == "Bürgerservice"
    # A page without a date of its own has none: the file's time is the day of the copy.
    undated = docs["https://www.jena.de/buergerservice/fundbuero.html"]
    assert "onlineDate" not in undated and "onlineDateHasTime" not in undated
    assert sum(1 for doc in docs.values() if doc.get("onlineDate")) >= len(docs) - 10
    assert events[-1].done == report.total and events[-1].total == report.total
    assert "Personalausweis beantragen" in Core(config.solr_url).suggestions("Personalaus")


def test_sample_site_dates_agree_with_its_sitemap(empty_core: Core, config: IndexerConfig,
                                                  sample_site: Path) -> None:
    """The sitemap's lastmod (a day) is written independently of the pages' date markup."""
    run([str(sample_site)], full=True, config=config)
    docs = _all_docs(empty_core)
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<loc>(.*?)</loc>\s*(?:<lastmod>(.*?)</lastmod>)?", sitemap)
    assert len(entries) == len(docs)
    dated = 0
    for loc, lastmod in entries:
        if not lastmod:
            continue
        dated += 1
        stored = datetime.fromisoformat(docs[loc]["onlineDate"].replace("Z", "+00:00"))
        day = datetime.fromisoformat(lastmod[:10]).replace(tzinfo=UTC)
        assert abs(stored - day) <= timedelta(days=1), (loc, lastmod, docs[loc]["onlineDate"])
    assert dated >= 60


def test_unchanged_reindex_reports_all_unchanged(empty_core: Core, config: IndexerConfig,
                                                  sample_site: Path) -> None:
    first = run([str(sample_site)], full=True, config=config)
    before = _all_docs(empty_core)
    second = run([str(sample_site)], full=True, config=config)
    assert second.ok
    assert (second.indexed, second.deleted, second.failed) == (0, 0, 0)
    assert second.unchanged == first.indexed
    assert not second.suggester_built  # nothing changed, nothing rebuilt
    after = _all_docs(empty_core)
    assert {i: d["indexedAt"] for i, d in after.items()} == \
        {i: d["indexedAt"] for i, d in before.items()}


def test_click_counts_survive_changes_rebuilds_and_removal(empty_core: Core,
                                                           config: IndexerConfig,
                                                           site_copy: Path) -> None:
    run([str(site_copy)], full=True, config=config)
    _click(empty_core, AUSWEIS, 5)
    _click(empty_core, FUNDBUERO, 2)

    page = site_copy / "buergerservice" / "personalausweis.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Papierfotos werden nicht mehr angenommen.",
        "Papierfotos werden nicht mehr angenommen. Neu: Expressabholung am Zitronenfalter."),
        encoding="utf-8")
    changed = run([str(site_copy)], full=True, config=config)
    assert (changed.indexed, changed.deleted) == (1, 0)
    docs = _all_docs(empty_core)
    assert "Zitronenfalter" in docs[AUSWEIS]["content"]
    assert docs[AUSWEIS]["clickCounter"] == 5

    rebuilt = run([str(site_copy)], full=True, config=config, force=True)
    assert rebuilt.indexed == changed.indexed + changed.unchanged
    docs = _all_docs(empty_core)
    assert docs[AUSWEIS]["clickCounter"] == 5 and docs[FUNDBUERO]["clickCounter"] == 2

    (site_copy / "buergerservice" / "fundbuero.html").unlink()
    partial = run([str(site_copy / "buergerservice")], full=False,
                  config=dataclasses.replace(config, base_url="https://www.jena.de/buergerservice/"))
    assert partial.deleted == 0 and FUNDBUERO in _all_docs(empty_core)  # not a full run

    removed = run([str(site_copy)], full=True, config=config)
    assert removed.deleted == 1 and removed.deleted_urls == (FUNDBUERO,)
    docs = _all_docs(empty_core)
    assert FUNDBUERO not in docs
    assert docs[AUSWEIS]["clickCounter"] == 5
    search = empty_core.search("Zitronenfalter", handler="search")
    assert [d["id"] for d in search.docs] == [AUSWEIS]


def test_run_interrupted_by_stopped_solr_deletes_nothing(solr: StandaloneSolr,
                                                          empty_core: Core,
                                                          config: IndexerConfig,
                                                          site_copy: Path) -> None:
    run([str(site_copy)], full=True, config=config)
    pages = sorted(_indexed_files(site_copy))
    for page in pages:  # change every page so that the run writes batch after batch
        page.write_bytes(page.read_bytes().replace(b"</main>", b"<p>Neuer Absatz.</p></main>"))
    (site_copy / "buergerservice" / "fundbuero.html").unlink()

    def stop_solr_midway(event: ProgressEvent) -> None:
        if event.done == len(pages) // 2 and solr.running:
            solr.stop()

    try:
        report = run([str(site_copy)], full=True, progress=stop_solr_midway,
                     config=dataclasses.replace(config, solr_timeout=5))
    finally:
        solr.start()
    assert not report.ok and report.error
    assert "nicht erreichbar" in report.error or "HTTP" in report.error
    assert report.deleted == 0
    assert 0 < report.indexed < len(pages)  # batches before the stop were written
    client = Core(solr.core_url)
    docs = _all_docs(client)
    assert FUNDBUERO in docs and len(docs) == len(pages)  # pages still lists the removed one

    healed = run([str(site_copy)], full=True, config=config)
    assert healed.ok and healed.deleted == 1 and FUNDBUERO not in _all_docs(client)


def test_cancel_stops_without_deleting(empty_core: Core, config: IndexerConfig,
                                       site_copy: Path) -> None:
    run([str(site_copy)], full=True, config=config)
    (site_copy / "buergerservice" / "fundbuero.html").unlink()
    cancel = threading.Event()

    def cancel_after_ten(event: ProgressEvent) -> None:
        if event.done == 10:
            cancel.set()

    report = run([str(site_copy)], full=True, config=config, progress=cancel_after_ten,
                 cancel=cancel)
    assert report.cancelled and not report.ok and report.deleted == 0
    assert report.total == 10
    assert FUNDBUERO in _all_docs(empty_core)


def test_empty_source_in_full_run_deletes_nothing(empty_core: Core, config: IndexerConfig,
                                                  sample_site: Path, tmp_path: Path) -> None:
    run([str(sample_site)], full=True, config=config)
    (tmp_path / "leer").mkdir()
    report = run([str(tmp_path / "leer")], full=True, config=config)
    assert report.deleted == 0 and report.notes
    assert len(_all_docs(empty_core)) == len(_indexed_files(sample_site))


def test_delete_single_urls(empty_core: Core, config: IndexerConfig,
                            sample_site: Path) -> None:
    run([str(sample_site)], full=True, config=config)
    report = delete_urls([FUNDBUERO + "#oben", "https://www.jena.de/gibt-es-nicht.html"],
                         config=config)
    assert report.deleted == 1 and report.skipped == 1
    missing = "https://www.jena.de/gibt-es-nicht.html"
    assert report.reasons(Outcome.SKIPPED) == {missing: "nicht im Index"}
    assert FUNDBUERO not in _all_docs(empty_core)


def test_unchanged_pages_skip_parsing_but_never_hide_missing_docs(
        empty_core: Core, config: IndexerConfig, site_copy: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = run([str(site_copy)], full=True, config=config)

    def parser_must_not_run(*_args: object) -> None:
        raise AssertionError("an unchanged page was parsed")

    monkeypatch.setattr("indexer.page_loop.parse_page", parser_must_not_run)
    second = run([str(site_copy)], full=True, config=config)
    assert second.ok and second.unchanged == first.indexed and second.failed == 0
    monkeypatch.undo()

    # Someone removed a page in Solr behind the indexer's back: the state must not hide it.
    empty_core.delete(id=AUSWEIS, commit=True)
    third = run([str(site_copy)], full=True, config=config)
    assert (third.indexed, third.unchanged) == (1, first.indexed - 1)
    assert AUSWEIS in _all_docs(empty_core)
