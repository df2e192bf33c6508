"""Hostile documents (tests/fixtures/documents): each is reported with a reason, none is fatal."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.cli import main
from indexer.config import IndexerConfig
from indexer.files.errors import FileSkipped
from indexer.files.kinds import detect
from indexer.files.limits import FileLimits
from indexer.files.office import check_archive
from indexer.files.worker import ExtractorProcess
from indexer.model import Outcome
from indexer.pipeline import run
from tests.support import Core

HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
BASE = "https://www.jena.de/"
SAMPLE_PDF = (Path(__file__).resolve().parents[2] / "sample-site" / "dokumente" / "soziales"
              / "antrag-wohngeld.pdf")

EXPECTED_SKIPS = {
    "verschluesselt.pdf": "verschlüsseltes PDF",
    "nur-bild.pdf": "PDF ohne Textebene",
    "abgeschnitten.pdf": "PDF unvollständig",
    "kaputt.pdf": "beschädigtes PDF",
    "fehlerseite.pdf": "kein PDF: die Datei enthält HTML",
    "leer.pdf": "leere Datei",
    "zu-gross.pdf": "Datei zu groß",
    "zip-bombe.docx": "verdächtig stark komprimiert",
    "zip-bombe.odt": "verdächtig stark komprimiert",
    "kein-zip.docx": "kein lesbares DOCX",
    # Inflates to 300 MB inside PDFium: the worker's address-space limit ends it.
    "speicherbombe.pdf": "Lesen abgebrochen (Speichergrenze von 256 MB",
}


def _limited(config: IndexerConfig) -> IndexerConfig:
    return dataclasses.replace(config, max_file_bytes=100_000, max_file_pages=10,
                               file_memory_mb=256)


def test_every_hostile_file_is_reported_and_the_run_completes(empty_core: Core,
                                                              config: IndexerConfig) -> None:
    report = run([str(HOSTILE)], full=True, config=_limited(config))
    assert report.ok and report.failed == 0
    skipped = report.reasons(Outcome.SKIPPED)
    for name, reason in EXPECTED_SKIPS.items():
        assert reason in skipped.get(BASE + name, ""), (name, skipped.get(BASE + name))
    # Longer than the page limit: indexed in part, with a note saying so.
    assert f"{BASE}viele-seiten.pdf: nur die ersten 10 von 40 Seiten gelesen" in report.notes
    empty_core.commit(soft=True)
    ids = {d["id"] for d in empty_core.search("*:*", fl="id", rows=50).docs}
    assert ids == {BASE + "index.html", BASE + "viele-seiten.pdf"}


def test_cli_exits_normally_on_hostile_files(solr_url: str, empty_core: Core,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STADTSUCHE_FILE_MAX_BYTES", "100000")
    monkeypatch.setenv("STADTSUCHE_FILE_MEMORY_MB", "256")
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "state.json"))
    assert main(["index", str(HOSTILE), "--full", "--solr-url", solr_url, "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert f"übersprungen: {len(EXPECTED_SKIPS)}" in printed
    assert "zu-gross.pdf – Datei zu groß" in printed


def test_a_hostile_file_replacing_a_good_one_keeps_the_run_going(
        empty_core: Core, config: IndexerConfig, sample_site: Path,
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    target = site / "dokumente/soziales/antrag-wohngeld.pdf"
    shutil.copy(HOSTILE / "kaputt.pdf", target)
    report = run([str(site)], full=True, config=config)
    assert report.ok
    assert "beschädigtes PDF" in report.reasons(Outcome.SKIPPED)[
        BASE + "dokumente/soziales/antrag-wohngeld.pdf"]
    assert report.indexed >= 100


# Reasons that would mean the extractor itself failed (a crash, a stall, an exception our
# code did not classify), rather than a file that was judged and reported.
EXTRACTOR_FAILURES = ("Lesefehler", "Lesen abgebrochen", "Zeitlimit")


def test_archive_larger_than_the_unpacked_limit_is_refused() -> None:
    body = (SAMPLE_PDF.parents[1] / "buergerservice" / "vollmacht-meldebescheinigung.docx"
            ).read_bytes()
    with pytest.raises(FileSkipped, match="entpackt zu groß"):
        check_archive(body, FileLimits(max_unzipped_bytes=10_000))
    check_archive(body, FileLimits())  # the real limit lets an ordinary document through


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractorProcess]:
    process = ExtractorProcess(FileLimits(seconds=20, memory_mb=512))
    yield process
    process.close()


def _fuzzed(seed: bytes, data: st.DataObject) -> bytes:
    body = bytearray(seed)
    for _ in range(data.draw(st.integers(1, 40))):
        at = data.draw(st.integers(0, len(body) - 1))
        body[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(body) // 3, len(body)))
    return bytes(body[:cut])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_pdf_is_read_or_skipped_with_a_reason(worker: ExtractorProcess,
                                                     data: st.DataObject) -> None:
    body = _fuzzed(SAMPLE_PDF.read_bytes(), data)
    try:
        extracted = worker.extract(detect(body, "x.pdf"), body)
    except FileSkipped as why:
        assert str(why) and not str(why).startswith(EXTRACTOR_FAILURES), str(why)
    else:
        assert extracted.kind == "pdf" and extracted.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=st.sampled_from([
    "dokumente/verkehr/antrag-sondernutzung.odt",
    "dokumente/buergerservice/vollmacht-meldebescheinigung.docx"]))
def test_fuzzed_office_file_is_read_or_skipped_with_a_reason(worker: ExtractorProcess,
                                                             data: st.DataObject,
                                                             name: str) -> None:
    body = _fuzzed((SAMPLE_PDF.parents[2] / name).read_bytes(), data)
    try:
        extracted = worker.extract(detect(body, name), body)
    except FileSkipped as why:
        assert str(why) and not str(why).startswith(EXTRACTOR_FAILURES), str(why)
    else:
        assert extracted.text
