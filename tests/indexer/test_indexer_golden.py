"""Golden parser fixtures: saved pages with the fields the parser must extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.config import IndexerConfig
from indexer.document import solr_date
from indexer.model import RawPage
from indexer.parse import parse_page

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
# Marker words placed in page chrome of the fixtures; none may reach an indexed field.
CHROME_MARKERS = ("NAVTEXT", "SCRIPTTEXT", "STYLETEXT", "COOKIETEXT", "HEADERTEXT", "FOOTERTEXT",
                  "BREADCRUMBTEXT", "WIDGETTEXT", "FORMTEXT", "APPTEXT", "DATAAPPTEXT",
                  "Wir verwenden Cookies", "Zum Inhalt springen", "[[", "]]", "outData", "inData")


def _parse(name: str):
    expected = EXPECTED[name]
    cfg = IndexerConfig()
    raw = RawPage(url=expected["url"], body=(PAGES / name).read_bytes())
    return parse_page(raw, cfg.sections, cfg.max_content_chars), expected


def test_every_fixture_has_expectations() -> None:
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields_match_golden(name: str) -> None:
    page, expected = _parse(name)
    assert page.id == expected.get("id", expected["url"])
    assert page.url == page.id
    assert page.title == expected["title"]
    assert page.category == expected["category"]
    date = solr_date(page.online_date) if page.online_date else None
    assert date == expected["onlineDate"]
    if "teaser" in expected:
        assert page.teaser == expected["teaser"]
    if "keywords" in expected:
        assert list(page.keywords) == expected["keywords"]
    for snippet in expected["present"]:
        assert snippet in page.content
    assert page.language == "de"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_chrome_never_reaches_the_index(name: str) -> None:
    page, _ = _parse(name)
    indexed_text = " ".join([page.title, page.teaser, page.content, *page.keywords])
    for marker in CHROME_MARKERS:
        assert marker not in indexed_text, f"{marker!r} leaked from {name}"


def test_latin1_umlauts_are_decoded_not_mangled() -> None:
    page, _ = _parse("latin1-undeclared.html")
    assert "Ã" not in page.content and "\ufffd" not in page.content
    assert "Grünschnitt" in page.content and "€" in page.content
