"""Documents (PDF, DOCX, ODT) through the real indexer into the real Solr."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

from indexer_http import Served

from indexer.config import IndexerConfig
from indexer.pipeline import run
from tests.support import Core

BASE = "https://www.jena.de/"
WOHNGELD_PDF = BASE + "dokumente/soziales/antrag-wohngeld.pdf"
GAZETTE = BASE + "dokumente/amtsblatt/amtsblatt-2026-05.pdf"
SONDERNUTZUNG_ODT = BASE + "dokumente/verkehr/antrag-sondernutzung.odt"
CHECKLIST_DOCX = BASE + "dokumente/wirtschaft/checkliste-existenzgruendung.docx"
PARKING_PDF = BASE + "dokumente/verkehr/antrag-bewohnerparkausweis.pdf"


def _docs(core: Core) -> dict[str, dict]:
    core.commit(soft=True)
    return {d["id"]: d for d in core.search("*:*", fl="*,clickCounter", rows=1000).docs}


def _search(config: IndexerConfig, query: str) -> list[str]:
    return Core(config.solr_url).ids(query, handler="search")


def test_documents_become_search_documents(empty_core: Core, config: IndexerConfig,
                                           sample_site: Path) -> None:
    report = run([str(sample_site)], full=True, config=config)
    assert report.ok and report.failed == 0
    docs = _docs(empty_core)
    pdf = docs[WOHNGELD_PDF]
    assert pdf["title"] == "Antrag auf Wohngeld – Mietzuschuss"  # document metadata
    assert (pdf["fileType"], pdf["pageCount"]) == ("PDF", 1)
    assert pdf["fileSize"] == (sample_site / "dokumente/soziales/antrag-wohngeld.pdf").stat().st_size
    assert pdf["linkedFrom"] == BASE + "soziales/wohngeld.html"
    assert pdf["linkedFromTitle"] == "Wohngeld" and pdf["category"] == "Soziales"
    assert pdf["onlineDate"] == "2026-02-02T09:00:00Z"
    assert "Mietzuschuss" in pdf["content"] and "Haushaltsmitglieder" in pdf["content"]
    # Without a metadata title: the link text (its format hint dropped), else the file name.
    assert docs[PARKING_PDF]["title"] == "Antrag Bewohnerparkausweis (Anwohnerparken)"
    assert docs[CHECKLIST_DOCX]["title"] == "Checkliste Existenzgruendung"
    assert docs[CHECKLIST_DOCX]["category"] == "Dokumente"  # no linking page: URL section
    assert docs[SONDERNUTZUNG_ODT]["fileType"] == "ODT"
    assert "Baustelleneinrichtungen" in docs[SONDERNUTZUNG_ODT]["content"]
    assert "pageCount" not in docs[SONDERNUTZUNG_ODT]
    assert "fileType" not in docs[BASE + "soziales/wohngeld.html"]


def test_file_text_gets_german_analysis(empty_core: Core, config: IndexerConfig,
                                        sample_site: Path) -> None:
    run([str(sample_site)], full=True, config=config)
    assert WOHNGELD_PDF in _search(config, "Antrag Wohngeld")[:3]
    # Inflected and umlaut-free spellings find the two-column gazette's text.
    assert GAZETTE in _search(config, "Strassenreinigungssatzung")
    assert GAZETTE in _search(config, "Satzungen Schöffinnen")
    # Words PDFium found broken at a line end are joined again.
    text = _docs(empty_core)[GAZETTE]["content"]
    assert "Westbahnhofstraße" in text and "\x02" not in text and "Westbahnhof-" not in text


def test_click_count_of_a_document_survives_reindex(empty_core: Core,
                                                    config: IndexerConfig,
                                                    site_copy: Path) -> None:
    run([str(site_copy)], full=True, config=config)
    for _ in range(3):
        empty_core.add([{"id": WOHNGELD_PDF, "clickCounter": {"inc": 1}}], commit=False)
    pdf = site_copy / "dokumente/soziales/antrag-wohngeld.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n% zweite Fassung\n")
    changed = run([str(site_copy)], full=True, config=config)
    assert changed.ok and changed.indexed == 1
    forced = run([str(site_copy)], full=True, config=config, force=True)
    assert forced.ok and forced.indexed >= 100
    docs = _docs(empty_core)
    assert docs[WOHNGELD_PDF]["clickCounter"] == 3
    assert docs[WOHNGELD_PDF]["fileSize"] == pdf.stat().st_size


def test_unchanged_documents_are_skipped(empty_core: Core, config: IndexerConfig,
                                         sample_site: Path) -> None:
    first = run([str(sample_site)], full=True, config=config)
    second = run([str(sample_site)], full=True, config=config)
    assert second.ok and second.indexed == 0 and second.unchanged == first.indexed


def test_removed_document_is_deleted_after_a_full_run_only(empty_core: Core,
                                                           config: IndexerConfig,
                                                           site_copy: Path) -> None:
    run([str(site_copy)], full=True, config=config)
    (site_copy / "dokumente/soziales/antrag-wohngeld.pdf").unlink()
    partial = run([str(site_copy)], full=False, config=config)
    assert partial.ok and partial.deleted == 0 and WOHNGELD_PDF in _docs(empty_core)
    full = run([str(site_copy)], full=True, config=config)
    assert full.ok and full.deleted_urls == (WOHNGELD_PDF,)
    assert WOHNGELD_PDF not in _docs(empty_core)


def test_link_text_follows_the_linking_page(empty_core: Core, config: IndexerConfig,
                                            site_copy: Path) -> None:
    """A changed link text reaches an unchanged file, also when the page was skipped."""
    run([str(site_copy)], full=True, config=config)
    page = site_copy / "buergerservice/parkausweis-anwohner.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Antrag Bewohnerparkausweis (Anwohnerparken)", "Formular Bewohnerparken"),
        encoding="utf-8")
    report = run([str(site_copy)], full=True, config=dataclasses.replace(config))
    assert report.ok and report.indexed == 2  # the page and its document
    assert _docs(empty_core)[PARKING_PDF]["title"] == "Formular Bewohnerparken"


def test_crawl_and_single_url_index_linked_documents(empty_core: Core,
                                                     config: IndexerConfig, sample_site: Path,
                                                     serve: Callable[[Path], Served],
                                                     tmp_path: Path) -> None:
    """Over HTTP: a crawled page's document link is followed, the file fetched by its
    Content-Type, named by the link text where it has no title, and kept unchanged by 304."""
    root = tmp_path / "www"
    (root / "formulare").mkdir(parents=True)
    shutil.copy(sample_site / "dokumente/verkehr/antrag-bewohnerparkausweis.pdf",
                root / "formulare" / "parken.pdf")
    (root / "index.html").write_text(
        '<!DOCTYPE html><html lang="de"><head><title>Parken | Stadt Jena</title></head><body>'
        '<main><h1>Parken</h1><p>Anwohner beantragen den Ausweis mit dem Formular.</p>'
        '<a href="/formulare/parken.pdf">Formular Bewohnerparken (PDF)</a></main></body></html>',
        encoding="utf-8")
    site = serve(root)
    cfg = dataclasses.replace(config, crawl_delay=0.0, http_retries=0)
    first = run([site.url + "/"], full=False, crawl=True, config=cfg)
    assert first.ok and first.indexed == 2
    pdf_id = f"{site.url}/formulare/parken.pdf"
    doc = _docs(empty_core)[pdf_id]
    assert (doc["title"], doc["fileType"], doc["linkedFrom"]) == (
        "Formular Bewohnerparken", "PDF", f"{site.url}/")
    assert "Bewohnerparkausweis" in doc["content"]

    again = run([pdf_id], full=False, config=cfg)  # a single file URL, e.g. from the admin
    assert again.ok and again.unchanged == 1 and site.statuses("/formulare/parken.pdf")[-1] == 304
