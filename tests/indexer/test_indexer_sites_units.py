"""Source lists, site names, signatures, address ranks, languages and online dates (no Solr)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from indexer.address import address_rank
from indexer.boilerplate import BoilerplateBook
from indexer.config import DEFAULT_SECTIONS, SourceConfigError, configured_source
from indexer.model import RawPage
from indexer.parse import parse_page
from indexer.parse.language import body_language, declared_language
from indexer.parse.tree import parse_html
from indexer.signature import body_without_title, signature
from indexer.sites import (SourceEntry, SourceListError, parse_hosts, parse_site_names,
                           parse_source_list, site_name)
from indexer.sources.http import online_date
from stadtsuche.settings import load_settings


def test_one_source_and_base_url_still_work(tmp_path: Path) -> None:
    assert parse_source_list(str(tmp_path), "https://www.jena.de") == (
        SourceEntry(str(tmp_path), "https://www.jena.de/"),)
    assert parse_source_list(["https://www.jena.de/sitemap.xml"], None) == (
        SourceEntry("https://www.jena.de/sitemap.xml"),)


def test_a_list_of_folders_and_urls(tmp_path: Path) -> None:
    for host in ("service.jena.de", "abfall.jena.de", ".versteckt"):
        (tmp_path / "web" / host).mkdir(parents=True)
    raw = (f"{tmp_path}/site=https://www.jena.de/ ; https://rathaus.jena.de/sitemap.xml\n"
           f"{tmp_path}/web/*=https://*/")
    entries = parse_source_list(raw, None)
    assert [(e.location, e.base_url) for e in entries] == [
        (f"{tmp_path}/site", "https://www.jena.de/"),
        ("https://rathaus.jena.de/sitemap.xml", None),
        (f"{tmp_path}/web/abfall.jena.de", "https://abfall.jena.de/"),
        (f"{tmp_path}/web/service.jena.de", "https://service.jena.de/")]
    assert [e.id for e in entries] == ["https://www.jena.de/",
                                       "https://rathaus.jena.de/sitemap.xml",
                                       "https://abfall.jena.de/", "https://service.jena.de/"]


def test_missing_folders_are_skipped_in_development_only(tmp_path: Path) -> None:
    notes: list[str] = []
    raw = f"{tmp_path}/fehlt=https://a.de/;{tmp_path}/auch-fehlt/*=https://*/"
    assert parse_source_list(raw, None, skip_missing=True, notes=notes) == ()
    assert len(notes) == 2 and all("fehlt" in n and "übersprungen" in n for n in notes)
    with pytest.raises(SourceListError, match="nicht gefunden"):
        parse_source_list(raw, None)
    with pytest.raises(SourceListError, match="ohne Basis-URL"):
        parse_source_list(str(tmp_path), None)


def test_production_lists_need_a_url_per_folder(tmp_path: Path) -> None:
    folder = {"STADTSUCHE_INDEX_SOURCE": f"https://www.jena.de/sitemap.xml;{tmp_path}"}
    with pytest.raises(SourceConfigError, match="STADTSUCHE_BASE_URL is not set"):
        configured_source(load_settings(folder))
    fine = {"STADTSUCHE_INDEX_SOURCE": f"https://www.jena.de/sitemap.xml;{tmp_path}=https://a.de/"}
    assert configured_source(load_settings(fine)).spec == fine["STADTSUCHE_INDEX_SOURCE"]


def test_site_names_and_hosts() -> None:
    names = parse_site_names("service.jena.de=Bürgerservice-Portal; www.jena.de = Rathaus;kaputt")
    assert dict(names) == {"service.jena.de": "Bürgerservice-Portal", "www.jena.de": "Rathaus"}
    assert site_name("service.jena.de", names) == "Bürgerservice-Portal"
    assert site_name("www.abfall-jena.de", names) == "abfall-jena.de"
    assert parse_hosts("Service.jena.de, www.jena.de") == ("service.jena.de", "www.jena.de")


def test_signature_ignores_case_spacing_and_punctuation_but_not_content() -> None:
    text = ("Den Personalausweis beantragen Sie persönlich im Bürgeramt. Bringen Sie Ihren "
            "alten Ausweis und ein aktuelles biometrisches Passfoto mit.")
    assert signature(text) == signature(text.upper().replace(".", "!").replace(" ", "  "))
    assert signature(text) != signature(text.replace("Passfoto", "Foto"))
    assert signature(text) != signature("Wohngeld ist ein Zuschuss zur Miete.")
    assert signature("") is None and signature(" – ") is None
    # The heading is not part of the body: a translated copy keeps the signature.
    assert (signature(body_without_title("Identity card " + text, "Identity card"))
            == signature(body_without_title("Personalausweis " + text, "Personalausweis")))


def test_address_rank_follows_the_stated_rule() -> None:
    hosts = ("service.jena.de",)
    portal = address_rank("https://service.jena.de/leistungen/a-lang.html", None, "de", hosts)
    www = address_rank("https://www.jena.de/a.html", None, "de", hosts)
    copy = address_rank("https://www.jena.de/a.html", "https://service.jena.de/x", "de", hosts)
    english = address_rank("https://service.jena.de/en/a.html", None, "en", hosts)
    assert portal < www < english < copy
    assert (address_rank("https://www.jena.de/a.html", None, "de", ())
            < address_rank("https://www.jena.de/ab.html", None, "de", ()))


def test_languages_declared_and_detected() -> None:
    def tree(lang: str) -> object:
        return parse_html(f"<html{lang}><body><p>x</p></body></html>")

    assert declared_language(tree(' lang="en-GB"'), "https://www.jena.de/it/a.html") == "en"
    assert declared_language(tree(""), "https://www.jena.de/it/a.html") == "it"
    assert declared_language(tree(""), "https://www.jena.de/entsorgung/a.html") == "de"
    assert declared_language(tree(""), "https://service.jena.de/zh-hans/node/3") == "zh"
    assert declared_language(tree(""), "https://www.jena.de/en-abc/node/3") == "de"  # no subtag
    english = "Please book an appointment online before you visit the citizens' office."
    assert body_language(english, "de") == "en"
    assert body_language("Bitte buchen Sie vorher online einen Termin im Bürgeramt.", "en") == "de"
    assert body_language("Kurz.", "it") == "it"


def test_last_modified_at_fetch_time_is_no_online_date() -> None:
    answered = "Sun, 06 Dec 2026 06:40:00 GMT"
    assert online_date("Sun, 06 Dec 2026 06:39:30 GMT", answered) is None
    assert online_date("Tue, 01 Dec 2026 10:00:00 GMT", answered) == datetime(
        2026, 12, 1, 10, tzinfo=UTC)
    assert online_date("kein Datum", answered) is None
    now = datetime(2026, 12, 6, 6, 40, tzinfo=UTC)
    assert online_date("Sun, 06 Dec 2026 06:40:00 GMT", None, now=now) is None


def test_blocks_repeated_on_many_pages_leave_content_and_teaser() -> None:
    book = BoilerplateBook(None)
    credit = "<p>Foto: Stadt Jena, alle Rechte vorbehalten, Nachdruck nur mit Erlaubnis</p>"

    def raw(n: int) -> RawPage:
        body = (f"<html><body>{credit}<h1>Seite {n}</h1><p>Eigener Text der Seite Nummer {n}, "
                f"lang genug für einen Teaser.</p></body></html>")
        return RawPage(f"https://www.jena.de/s{n}.html", body.encode())

    for n in range(10):
        book.record(raw(n).url, parse_page(raw(n), DEFAULT_SECTIONS, 10_000).block_prints)
    plain = parse_page(raw(1), DEFAULT_SECTIONS, 10_000)
    learned = parse_page(raw(1), DEFAULT_SECTIONS, 10_000, book.known("www.jena.de"))
    assert plain.teaser.startswith("Foto:") and plain.boilerplate == ""
    assert learned.teaser.startswith("Eigener Text") and "Foto" not in learned.content
    assert learned.boilerplate.startswith("Foto: Stadt Jena")
    # Headings repeat too ("Seite 1" is not one of them, but h1 never counts).
    assert learned.title == plain.title == "Seite 1"
    # A host with fewer pages than the minimum learns nothing.
    small = BoilerplateBook(None)
    for n in range(3):
        small.record(raw(n).url, plain.block_prints)
    assert small.known("www.jena.de") == frozenset()


def test_a_document_without_a_date_of_its_own_has_none() -> None:
    from indexer.files.document import _date
    from indexer.files.extracted import Extracted

    copied = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
    raw = RawPage("https://www.jena.de/a.pdf", b"%PDF", file_mtime=copied)
    assert _date(Extracted("pdf", "Text"), raw, None) == (None, None)
    dated = Extracted("pdf", "Text", date="2025-03-04")
    assert _date(dated, raw, None)[1] == "document-metadata"


_COPY = """<html lang="{lang}"><head><title>{title}</title></head><body><main>
<h1>{title}</h1><h2>{brief}</h2>
<p>Den Antrag stellen Sie persönlich im Bürgeramt am Anger, ein Termin ist erforderlich.</p>
<h2>{costs}</h2><p>Die Gebühr beträgt 37 Euro, für Personen unter 24 Jahren 22,80 Euro.</p>
</main></body></html>"""


def test_a_copy_with_translated_headings_keeps_the_german_pages_signature() -> None:
    def signed(url: str, **words: str) -> str | None:
        page = parse_page(RawPage(url=url, body=_COPY.format(**words).encode("utf-8"),
                                  content_type="text/html"), DEFAULT_SECTIONS, 100_000)
        return signature(page.signature_text)
    german = signed("https://service.jena.de/de/ausweis", lang="de",
                    title="Personalausweis beantragen", brief="In Kürze", costs="Kosten")
    english = signed("https://service.jena.de/en/node/1", lang="en",
                     title="Apply for an identity card", brief="In brief", costs="Costs")
    assert german is not None and german == english
    other = _COPY.replace("37 Euro", "59 Euro")
    assert signature(parse_page(RawPage(
        url="https://service.jena.de/de/pass", body=other.format(
            lang="de", title="Reisepass", brief="In Kürze", costs="Kosten").encode("utf-8"),
        content_type="text/html"), DEFAULT_SECTIONS, 100_000).signature_text) != german
