"""Arbitrary input never crashes the parser: a page, or PageSkipped with a reason."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.config import IndexerConfig
from indexer.model import RawPage
from indexer.parse import PageSkipped, dates, parse_page

CONFIG = IndexerConfig()
FRAGMENTS = st.sampled_from([
    "<html>", "<head>", "<title>", "</title>", "<body>", "<main>", "</main>", "<nav>", "<h1>",
    "</h1>", "<p>", "</div>", "<script>", "</script>", "<!--", "-->", "[[ outData.x ]]", "[[",
    "]]", "Stand: 31.12.2025", "Stand: 99.99.9999", "Grüße", "\x00", "&amp;", "&#xFFFF;",
    '<meta name="dcterms.modified" content="2025-13-45">', '<link rel="canonical" href="http://[::1">',
    '<link rel="canonical" href="https://x:99999/">', '<meta charset="klingon">',
    '<html lang="ÿÿ">', '<nav class="breadcrumb"><li>', "<aside class='search-widget'>",
])


def _check(body: bytes, content_type: str | None = None) -> None:
    raw = RawPage("https://www.jena.de/fuzz/seite.html", body, content_type=content_type)
    try:
        page = parse_page(raw, CONFIG.sections, 5_000)
    except PageSkipped as why:
        assert str(why)
        return
    assert page.id.startswith("http") and page.title
    assert "[[" not in page.content + page.title + page.teaser
    assert len(page.content) <= 5_000


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([None, "text/html", "text/html; charset=x"]))
def test_random_bytes(body: bytes, content_type: str | None) -> None:
    _check(body, content_type)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=60),
       st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_random_markup(parts: list[str], encoding: str) -> None:
    _check("".join(parts).encode(encoding, errors="replace"))


PHRASE_PARTS = st.sampled_from([
    "Stand", "STAND", "stand", "\u017ftand", "Zuletzt", "zuletzt  aktualisiert", "Aktualisiert",
    "GEÄNDERT", "Veröffentlicht", "VERÖFFENTLICHT", "Erstellt", "Letzte Änderung", "DATUM",
    " am ", ":", " ", "03.11.2025", "3. März 2024", "1.2.2025, 14:30", "31.02.2025", "Standard",
    "\u0130", "\u212a", "\u0131", "Ä", "ẞ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PHRASE_PARTS, st.text(max_size=5)), max_size=30))
def test_visible_date_scan_finds_what_the_plain_scan_finds(parts: list[str]) -> None:
    text = "".join(parts)
    plain = [(m.span(), m.groupdict()) for m in dates._VISIBLE.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in dates.visible_matches(text)] == plain
