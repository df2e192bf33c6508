"""How the city-web evaluation counts repeated content and reads its query files (no Solr)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quality.cityweb_corpus import CitywebQuery, load_queries, load_web
from quality.cityweb_report import duplicate_lists, repeated_content, top3_by_kind
from quality.page import PageOutcome
from quality.visitor import VisitorReport, VisitorResult

WEB = load_web()
PORTAL_DE = "https://service.jena.de/de/wohnung-ummelden"
PORTAL_ALIAS = "https://service.jena.de/wohnung-ummelden"
ITALIAN = next(a.url for a in WEB.addresses
               if a.content == "svc:wohnung-ummelden" and a.lang == "it")
OTHER = "https://service.jena.de/de/personalausweis"


def _result(urls: tuple[str, ...], kind: str = "everyday", rank: int | None = 1) -> VisitorResult:
    item = CitywebQuery(query="q", expected_urls=(PORTAL_DE,), answers=("svc:x",), kind=kind)
    return VisitorResult(item=item, rank=rank,
                         outcome=PageOutcome(urls=urls, num_found=len(urls), replaced_query=None,
                                             suggestion=None))


def test_a_second_address_of_the_same_content_is_repeated() -> None:
    assert repeated_content(_result((PORTAL_DE, OTHER, PORTAL_ALIAS)), WEB) == (PORTAL_ALIAS,)


def test_a_language_copy_with_the_german_body_repeats_its_german_page() -> None:
    assert repeated_content(_result((ITALIAN, PORTAL_DE)), WEB) == (PORTAL_DE,)


def test_distinct_contents_repeat_nothing_and_unknown_urls_are_their_own() -> None:
    assert repeated_content(_result((PORTAL_DE, OTHER, "https://example.org/a",
                                     "https://example.org/b")), WEB) == ()


def test_lists_are_counted_once_however_many_repeats_they_show() -> None:
    report = VisitorReport("t", (_result((PORTAL_DE, PORTAL_ALIAS, ITALIAN)),
                                 _result((PORTAL_DE, OTHER))))
    assert duplicate_lists(report, WEB) == 1


def test_top3_per_kind() -> None:
    report = VisitorReport("t", (_result((PORTAL_DE,), "typo"), _result((), "typo", None),
                                 _result((PORTAL_DE,), "english")))
    assert top3_by_kind(report) == {"english": (1, 1.0), "typo": (2, 0.5)}


def test_a_query_naming_an_unknown_answer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    path.write_text(json.dumps([{"query": "x", "expected": ["svc:nope"], "kind": "typo"}]))
    with pytest.raises(ValueError, match="svc:nope"):
        load_queries(path, WEB)
    path.write_text(json.dumps([{"query": "x"}]))
    with pytest.raises(ValueError, match="needs 'query'"):
        load_queries(path, WEB)
