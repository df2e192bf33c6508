"""What an unchanged run still asks of Solr and of the folder, against the real Solr."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from indexer.config import IndexerConfig
from indexer.model import Outcome, RawPage, Report
from indexer.pipeline import run
from indexer.sources import folder
from indexer.state import ValidatorStore
from indexer.writer import SolrWriter
from tests.support import Core

AUSWEIS = "https://www.jena.de/buergerservice/personalausweis.html"
PARKING_PDF = "https://www.jena.de/dokumente/verkehr/antrag-bewohnerparkausweis.pdf"


@pytest.mark.parametrize("docs", [0, 1, 6, 7, 14])
def test_hash_read_pages_end_on_a_short_page_or_the_cursor_end(
        empty_core: Core, config: IndexerConfig, docs: int) -> None:
    """Pages of 7 rows: fewer, exactly one or two pages' worth, and a short last page."""
    empty_core.add([{"id": f"https://www.jena.de/s{n:02}.html", "contentHash": f"h{n}"}
                    for n in range(docs)], commit=True)
    writer = SolrWriter(config.solr_url, timeout=config.solr_timeout)
    try:
        hashes = writer.existing_hashes(page_rows=7)
    finally:
        writer.close()
    assert hashes == {f"https://www.jena.de/s{n:02}.html": f"h{n}" for n in range(docs)}


def _state(config: IndexerConfig) -> ValidatorStore:
    return ValidatorStore(config.state_path)


@pytest.fixture()
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a file's metadata right after it was written (the tests' files are all new)."""
    monkeypatch.setattr(folder, "SETTLED_NS", 0)


def _reads_nothing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file the folder source opens."""
    opened: list[str] = []
    real = folder._file

    def counting(path: str, max_bytes: int) -> object:
        opened.append(path)
        return real(path, max_bytes)

    monkeypatch.setattr(folder, "_file", counting)
    return opened


def test_unchanged_files_are_not_read_again(empty_core: Core, config: IndexerConfig,
                                            site_copy: Path, settled_at_once: None,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    first = run([str(site_copy)], full=True, config=config)
    rows = json.loads(config.state_path.read_text(encoding="utf-8")).values()
    assert len(rows) == first.indexed and all(len(row) == 7 and row[5] for row in rows)
    opened = _reads_nothing(monkeypatch)
    second = run([str(site_copy)], full=True, config=config)
    assert second.ok and (second.unchanged, second.indexed) == (first.indexed, 0)
    # Only the files that never became a document (noindex, duplicates, …) are read again.
    read_again = len(opened)
    assert read_again == first.skipped - _by_ending(first)
    forced = run([str(site_copy)], full=True, config=config, force=True)
    assert forced.indexed == first.indexed
    assert len(opened) == read_again + first.indexed + read_again  # --force reads every file


def test_a_file_rewritten_with_its_old_size_and_time_is_read(
        empty_core: Core, config: IndexerConfig, site_copy: Path, settled_at_once: None) -> None:
    run([str(site_copy)], full=True, config=config)
    page = site_copy / "buergerservice" / "personalausweis.html"
    before = page.stat()
    body = page.read_bytes()
    changed = body.replace(b"Papierfotos", b"Quittenfoto", 1)
    assert len(changed) == len(body) and changed != body
    page.write_bytes(changed)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and mtime as before
    assert (page.stat().st_size, page.stat().st_mtime_ns) == (before.st_size,
                                                              before.st_mtime_ns)
    report = run([str(site_copy)], full=True, config=config)
    assert report.ok and report.indexed == 1
    empty_core.commit(soft=True)
    assert empty_core.ids("Quittenfoto", handler="search") == [AUSWEIS]


def test_a_file_changed_just_before_the_run_gets_no_key(tmp_path: Path) -> None:
    """Its change time is too close to the read to stand for its bytes."""
    (tmp_path / "neu.html").write_bytes(b"<html><p>neu</p></html>")
    [item] = folder.folder_source(tmp_path, "https://www.jena.de/", 1000).items
    assert isinstance(item, RawPage) and item.file_key is None


def test_a_page_skipped_unread_is_read_when_solr_lost_it(
        empty_core: Core, config: IndexerConfig, site_copy: Path, settled_at_once: None) -> None:
    first = run([str(site_copy)], full=True, config=config)
    empty_core.delete(id=AUSWEIS, commit=True)
    report = run([str(site_copy)], full=True, config=config)
    assert (report.indexed, report.unchanged) == (1, first.indexed - 1)
    assert AUSWEIS in _urls(empty_core)


def test_a_document_skipped_unread_follows_its_link_text(
        empty_core: Core, config: IndexerConfig, site_copy: Path, settled_at_once: None) -> None:
    run([str(site_copy)], full=True, config=config)
    page = site_copy / "buergerservice/parkausweis-anwohner.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Antrag Bewohnerparkausweis (Anwohnerparken)", "Formular Bewohnerparken"),
        encoding="utf-8")
    report = run([str(site_copy)], full=True, config=config)
    assert report.ok and report.indexed == 2  # the page and its document, read after all
    assert empty_core.get(PARKING_PDF, fl="title") == {"title": "Formular Bewohnerparken"}


def test_state_rows_of_the_old_layout_still_load(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"https://www.jena.de/a.html": [
        "https://www.jena.de/a.html", None, None, "f" * 64, "c" * 64]}), encoding="utf-8")
    store = ValidatorStore(path)
    known = store.get("https://www.jena.de/a.html")
    assert known is not None and known.content_hash == "c" * 64
    assert store.known_file("https://www.jena.de/a.html") is None  # read again, then keyed


def _by_ending(report: Report) -> int:
    """Files skipped by their name alone (never opened)."""
    return sum(reason.startswith("kein HTML (Dateiendung")
               for reason in report.reasons(Outcome.SKIPPED).values())


def _urls(core: Core) -> set[str]:
    core.commit(soft=True)
    return set(core.ids("*:*", rows=1000))
