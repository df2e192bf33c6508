"""Pure parts of document extraction: text clean-up, titles, dates, kinds, links."""

from __future__ import annotations

import pytest

from indexer.files.document import document_title, readable_file_name
from indexer.files.errors import FileSkipped
from indexer.files.kinds import detect, looks_like_document
from indexer.files.links import LinkingPage, document_links
from indexer.files.pdf import pdf_date
from indexer.files.text import cap, clean_extracted
from indexer.parse import PageSkipped


def test_clean_up_joins_line_end_hyphenation_only_inside_words() -> None:
    assert clean_extracted("Westbahnhof\x02straße") == "Westbahnhofstraße"
    assert clean_extracted("Stadt-\r\nrat tagt") == "Stadtrat tagt"
    assert clean_extracted("Haus-\nund Hofpflege") == "Haus-\nund Hofpflege"
    assert clean_extracted("Jena-\nLobeda") == "Jena-\nLobeda"  # a real hyphen before a noun
    assert clean_extracted("Ab\u00adsatz\u00a0 mit\t\tLücken") == "Absatz mit Lücken"


def test_clean_up_drops_form_blanks_and_control_characters() -> None:
    assert clean_extracted("Name: ________ Vorname:\x07 ____") == "Name: Vorname:"
    assert clean_extracted("Seite 1\fSeite 2") == "Seite 1\n\nSeite 2"


def test_cap_cuts_at_a_word() -> None:
    assert cap("eins zwei drei", 7) == ("eins", True)
    assert cap("eins", 9) == ("eins", False)


def test_titles_prefer_metadata_then_link_text_then_file_name() -> None:
    link = LinkingPage("https://www.jena.de/a.html", "A", "Soziales", None, "Formular Wohngeld")
    url = "https://www.jena.de/dokumente/antrag_wohngeld-2026.pdf"
    assert document_title("Antrag auf Wohngeld", link, url) == "Antrag auf Wohngeld"
    assert document_title("Microsoft Word - antrag.doc", link, url) == "Formular Wohngeld"
    assert document_title("  ", None, url) == "Antrag Wohngeld 2026"
    assert readable_file_name("https://www.jena.de/Satzung%20Hunde.odt") == "Satzung Hunde"


def test_pdf_dates() -> None:
    assert pdf_date("D:20260312090000+01'00'") == "2026-03-12T09:00:00+01:00"
    assert pdf_date("D:20260312090000Z") == "2026-03-12T09:00:00+00:00"
    assert pdf_date("D:2026") == "2026-01-01T00:00:00"
    assert pdf_date("gestern") is None


def test_kinds_by_bytes_not_by_name() -> None:
    assert looks_like_document("https://x.de/a.PDF") and looks_like_document(
        "https://x.de/download?id=3", "application/pdf; charset=binary")
    assert not looks_like_document("https://x.de/a.html", "text/html")
    assert detect(b"%PDF-1.7\n...", "https://x.de/download") == "pdf"
    with pytest.raises(FileSkipped, match="enthält HTML"):
        detect(b"  <!DOCTYPE html><html>", "https://x.de/a.pdf")
    with pytest.raises(FileSkipped, match="altes Office-Format"):
        detect(b"\xd0\xcf\x11\xe0rest", "https://x.de/a.docx")
    assert issubclass(FileSkipped, PageSkipped)  # the page loop reports it like a page


def test_document_links_same_host_with_text() -> None:
    body = ('<html><body><a href="/d/antrag.pdf">Antrag (PDF, 240 KB)</a>'
            '<a href="https://fremd.de/x.pdf">fremd</a><a href="seite.html">Seite</a>'
            '<a href="b.odt"><span>Satzung</span> [ODT]</a></body></html>').encode()
    assert document_links(body, "https://www.jena.de/amt/index.html") == [
        ("https://www.jena.de/d/antrag.pdf", "Antrag"),
        ("https://www.jena.de/amt/b.odt", "Satzung")]
    assert document_links(b"<html><a href='x.html'>x</a></html>", "https://www.jena.de/") == []
