"""Rows of a real Solr answer become the same Hit as through the dataclass's own __init__."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from webapp.repository import SolrRepository
from webapp.request import SearchRequest
from webapp.result import Hit, _file_info, _hit, _other_addresses, parse_date
from webapp.highlight import safe_highlight
from webapp.service import solr_params_for

QUERIES = ["Reisepass", "Planetarium", "Jena Rathaus Öffnungszeiten", "Bürgeramt",
           "Antrag Formular pdf", "Kita Anmeldung", "Wohngeld", "Stadtbibliothek"]


def _by_init(doc: dict[str, Any], highlights: dict[str, Any],
             expanded: dict[str, Any] | None) -> Hit:
    """The row as the dataclass's __init__ makes it, field by field from the document."""
    title = str(doc.get("title") or doc.get("url") or doc["id"])
    marked = highlights.get(str(doc["id"]), {})
    others = _other_addresses(doc, expanded or {})
    return Hit(id=str(doc["id"]), url=str(doc.get("url") or ""), title=title,
               title_html=safe_highlight(marked.get("title"), title),
               snippet_html=safe_highlight(marked.get("content"), doc.get("teaser")),
               category=doc.get("category"), online_date=parse_date(doc.get("onlineDate")),
               online_date_raw=doc.get("onlineDate"),
               click_counter=int(doc.get("clickCounter") or 0), file=_file_info(doc),
               online_time_known=doc.get("onlineDateHasTime") is True,
               all_words=doc.get("allwords") is not False, other_urls=others[0],
               other_count=others[1],
               language=str(doc["language"]) if doc.get("language") else None)


@pytest.mark.usefixtures("search_docs")
def test_every_row_equals_the_hit_made_by_init(solr_url: str) -> None:
    repo = SolrRepository.for_url(solr_url, 10.0, 10.0)
    rows = 0
    for query in QUERIES:
        raw = repo.search(solr_params_for(SearchRequest(query=query, rows=50)))
        highlights, expanded = raw.get("highlighting", {}), raw.get("expanded")
        for doc in raw["response"]["docs"]:
            fast, plain = _hit(doc, highlights, expanded), _by_init(doc, highlights, expanded)
            assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
            assert vars(fast).keys() == {f.name for f in dataclasses.fields(Hit)}
            rows += 1
    assert rows >= 20
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.title = "anders"  # type: ignore[misc]


def test_a_row_without_optional_fields_gets_the_defaults_of_init() -> None:
    doc = {"id": "https://www.jena.de/a"}
    assert _hit(doc, {}) == _by_init(doc, {}, None) == Hit(
        id="https://www.jena.de/a", url="", title="https://www.jena.de/a",
        title_html=safe_highlight(None, "https://www.jena.de/a"),
        snippet_html=safe_highlight(None, None), category=None, online_date=None,
        online_date_raw=None, click_counter=0)
