"""Single parse stages: dates, titles, categories, decoding, content caps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from indexer.config import DEFAULT_SECTIONS
from indexer.model import RawPage
from indexer.parse import PageSkipped, parse_page
from indexer.parse.category import category
from indexer.parse.content import cap
from indexer.parse.dates import parse_date, visible_date
from indexer.parse.decoding import check_is_html, decode
from indexer.parse.title import strip_site_suffix, title_from_url
from indexer.parse.tree import parse_html
from indexer.urls import normalise_url


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-11-03", datetime(2025, 11, 3, tzinfo=UTC)),
    ("2025-11-03T10:15:00+01:00", datetime(2025, 11, 3, 9, 15, tzinfo=UTC)),
    ("2025-07-03T10:15:00+02:00", datetime(2025, 7, 3, 8, 15, tzinfo=UTC)),
    ("2025-11-03T23:30:00-05:00", datetime(2025, 11, 4, 4, 30, tzinfo=UTC)),
    ("2025-11-03T10:15:00Z", datetime(2025, 11, 3, 10, 15, tzinfo=UTC)),
    ("2025-07-03 12:00", datetime(2025, 7, 3, 10, 0, tzinfo=UTC)),  # naive = Jena summer time
    ("Mon, 03 Nov 2025 10:00:00 GMT", datetime(2025, 11, 3, 10, 0, tzinfo=UTC)),
    ("03.11.2025", datetime(2025, 11, 3, tzinfo=UTC)),
    ("3. März 2024", datetime(2024, 3, 3, tzinfo=UTC)),
])
def test_dates_become_utc(value: str, expected: datetime) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "morgen", "31.02.2025", "1850-01-01", "2025-13-01"])
def test_non_dates_are_none(value: str) -> None:
    assert parse_date(value) is None


def test_visible_date_phrases() -> None:
    assert visible_date("… Stand: 03.11.2025 …") == datetime(2025, 11, 3, tzinfo=UTC)
    assert visible_date("Zuletzt aktualisiert am 5. Mai 2026") == datetime(2026, 5, 5, tzinfo=UTC)
    assert visible_date("Aktualisiert am 01.12.2025, 14:30 Uhr") == datetime(2025, 12, 1, 13, 30,
                                                                             tzinfo=UTC)
    assert visible_date("Am 03.11.2025 fand ein Fest statt") is None  # not a page date


def test_meta_date_precedence_over_visible_and_mtime() -> None:
    html = (b'<html><head><meta name="last-modified" content="2024-01-02">'
            b'<meta name="dcterms.modified" content="2024-05-06"></head>'
            b'<body><main><h1>T</h1><p>Stand: 01.01.2023</p></main></body></html>')
    raw = RawPage("https://www.jena.de/a.html", html, file_mtime=datetime(2020, 1, 1, tzinfo=UTC))
    page = parse_page(raw, DEFAULT_SECTIONS, 1000)
    assert page.online_date == datetime(2024, 5, 6, tzinfo=UTC)
    assert page.date_source == "dcterms.modified"


def test_http_last_modified_before_file_mtime() -> None:
    raw = RawPage("https://www.jena.de/a.html", b"<html><body><h1>T</h1><p>x</p></body></html>",
                  http_last_modified=datetime(2025, 2, 3, 4, 5, tzinfo=UTC),
                  file_mtime=datetime(2020, 1, 1, tzinfo=UTC))
    page = parse_page(raw, DEFAULT_SECTIONS, 1000)
    assert (page.online_date, page.date_source) == (datetime(2025, 2, 3, 4, 5, tzinfo=UTC),
                                                    "http-last-modified")


@pytest.mark.parametrize(("title", "expected"), [
    ("Hundesteuer | Stadt Jena", "Hundesteuer"),
    ("Hundesteuer - Jena.de", "Hundesteuer"),
    ("Hundesteuer – Stadt Jena | Jena", "Hundesteuer"),
    ("Jena", "Jena"),
    ("Jena-Paradies: Park", "Jena-Paradies: Park"),
])
def test_site_suffix_is_removed(title: str, expected: str) -> None:
    assert strip_site_suffix(title) == expected


def test_title_from_url() -> None:
    url = "https://www.jena.de/abfall/abfall-kalender_2025.html"
    assert title_from_url(url) == "Abfall Kalender 2025"


def test_category_precedence() -> None:
    trail = '<nav class="breadcrumb"><ol><li>Startseite</li><li>Kultur</li></ol></nav>'
    tree = parse_html(trail)
    url = "https://www.jena.de/umwelt-abfall/x.html"
    assert category(tree, url, DEFAULT_SECTIONS) == "Kultur"
    assert category(parse_html("<p>x</p>"), url, DEFAULT_SECTIONS) == "Umwelt & Abfall"
    assert category(parse_html("<p>x</p>"), "https://www.jena.de/presse-archiv/x.html",
                    DEFAULT_SECTIONS) == "Presse Archiv"
    custom = {"umwelt-abfall": "Umwelt"}
    assert category(parse_html("<p>x</p>"), url, custom) == "Umwelt"
    with_meta = parse_html('<meta name="category" content="Bürgerservice"><p>x</p>')
    assert category(with_meta, url, DEFAULT_SECTIONS) == "Bürgerservice"


@pytest.mark.parametrize(("url", "expected"), [
    # A language segment is no section ("De" was shown as a category); the next one is.
    ("https://www.jena.de/de/aktuelles/pressemitteilungen/2026/612847", "Aktuelles"),
    ("https://www.jena.de/de/stadt_verwaltung/stadtverwaltung/284703", "Stadt & Verwaltung"),
    ("https://www.jena.de/en/leben_in_jena/285591", "Leben in Jena"),
    ("https://www.jena.de/en/citizens-service/x", "Citizens Service"),
    ("https://service.jena.de/zh-hans/leistungen/7", "Leistungen"),
    ("https://service.jena.de/pt-pt/buergerservice/x", "Bürgerservice"),
    ("https://www.jena.de/de/impressum", "Allgemein"),  # a language's root page
    ("https://www.jena.de/de", "Allgemein"),
    # Not a language: a section of its own.
    ("https://www.jena.de/ob/sprechstunde", "Ob"),
])
def test_a_language_segment_is_no_category(url: str, expected: str) -> None:
    assert category(parse_html("<p>x</p>"), url, DEFAULT_SECTIONS) == expected


@pytest.mark.parametrize(("body", "content_type"), [
    (b"", None), (b"   \n", None), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"), (b"just words", None),
])
def test_non_html_is_skipped(body: bytes, content_type: str | None) -> None:
    with pytest.raises(PageSkipped):
        check_is_html(body, content_type)


def test_decoding_order() -> None:
    assert decode("<p>Grüße</p>".encode())[0] == "<p>Grüße</p>"
    assert decode("<p>Grüße</p>".encode("cp1252"))[0] == "<p>Grüße</p>"
    assert decode(b"\xef\xbb\xbf<p>\xc3\xbc</p>")[0] == "<p>ü</p>"
    # A wrong declaration loses against bytes that are valid UTF-8.
    text, used = decode('<meta charset="us-ascii"><p>Grüße</p>'.encode())
    assert "Grüße" in text and used == "utf-8"
    declared = decode("<p>Grüße</p>".encode("cp1252"), "text/html; charset=ISO-8859-1")
    assert declared[1] == "windows-1252"


def test_cap_cuts_at_a_word_boundary() -> None:
    assert cap("eins zwei drei", 9) == "eins zwei"
    assert cap("eins zwei drei", 12) == "eins zwei"  # not "eins zwei dr"
    assert cap("kurz", 10) == "kurz"
    assert len(cap("x" * 50, 10)) == 10


def test_url_normalisation_is_the_id_rule() -> None:
    assert normalise_url("HTTPS://WWW.Jena.DE:443/a.html#oben") == "https://www.jena.de/a.html"
    assert normalise_url("http://www.jena.de") == "http://www.jena.de/"
    assert normalise_url("http://127.0.0.1:8080/x?b=1") == "http://127.0.0.1:8080/x?b=1"


@pytest.mark.parametrize(("href", "expected"), [
    ("https://www.jena.de/echt.html", "https://www.jena.de/echt.html"),
    ("https://jena.de/ohne-www.html", "https://jena.de/ohne-www.html"),
    ("/relativ.html#x", "https://www.jena.de/relativ.html"),
    ("https://evil.example/jena.html", "https://www.jena.de/seite.html"),
    ("https://www.jena.de.evil.example/x.html", "https://www.jena.de/seite.html"),
    ("javascript:alert(1)", "https://www.jena.de/seite.html"),
])
def test_canonical_link_only_on_the_same_site(href: str, expected: str) -> None:
    html = f'<html><head><link rel="canonical" href="{href}"></head><body><h1>T</h1></body></html>'
    raw = RawPage("https://www.jena.de/seite.html", html.encode())
    assert parse_page(raw, DEFAULT_SECTIONS, 1000).id == expected


def _page(head: str, body: str = "<h1>T</h1><p>Text</p>", **raw: object) -> object:
    html = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    return parse_page(RawPage("https://www.jena.de/a.html", html, **raw), DEFAULT_SECTIONS, 1000)


@pytest.mark.parametrize(("head", "body", "time_known"), [
    ('<meta name="dcterms.modified" content="2026-09-15">', "<p>x</p>", False),
    ('<meta property="article:published_time" content="2026-09-15T14:30:00+02:00">', "<p>x</p>",
     True),
    ("", "<p>Stand: 15.09.2026</p>", False),
    ("", "<p>Zuletzt aktualisiert am 15. September 2026</p>", False),
    ("", "<p>Aktualisiert am 15.09.2026, 14:30 Uhr</p>", True),
])
def test_a_time_is_known_only_where_the_page_states_one(head: str, body: str,
                                                        time_known: bool) -> None:
    page = _page(head, body)
    assert page.online_date is not None and page.online_date.date().isoformat() == "2026-09-15"
    assert page.online_time_known is time_known


def test_transport_dates_are_exact_but_not_a_stated_time() -> None:
    moment = datetime(2026, 9, 15, 21, 45, tzinfo=UTC)
    page = _page("", http_last_modified=moment)
    assert page.online_date == moment and page.online_time_known is False


def test_a_file_time_is_not_an_online_date() -> None:
    # Every undated saved page carries the day it was copied; that day is not shown.
    page = _page("", file_mtime=datetime(2026, 9, 15, 21, 45, tzinfo=UTC))
    assert page.online_date is None and page.date_source is None


def test_typo3search_cut_keeps_head_and_marked_parts_only() -> None:
    from indexer.parse.markers import searchable_part

    page = ("<html><head><title>T</title></head><body class='x'><nav>N</nav>"
            "<!--TYPO3SEARCH_begin--><p>A</p><!--TYPO3SEARCH_end--><aside>Z</aside>"
            "<!--TYPO3SEARCH_begin--><p>B</p>")  # the last part is never closed
    assert searchable_part(page) == ("<html><head><title>T</title></head><body class='x'>"
                                     "<p>A</p>\n<p>B</p>\n</body></html>")
    assert searchable_part("<p>ohne Marker</p>") == "<p>ohne Marker</p>"


@pytest.mark.parametrize(("value", "expected"), [
    ("noindex, nofollow", {"noindex", "nofollow"}),
    ("NONE", {"none"}),
    ("googlebot: noindex", set()),
    ("stadtsuche: noindex", {"noindex"}),
    ("unavailable_after: 25 Jun 2030 15:00:00 PST, nofollow", {"unavailable_after", "nofollow"}),
    (None, set()),
])
def test_robots_directives_meant_for_us(value: str | None, expected: set[str]) -> None:
    from indexer.parse.robots import parse_directives

    assert parse_directives(value) == expected
