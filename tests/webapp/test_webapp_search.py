"""The German search page against the real Solr with the fixture documents."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from tests.webapp.support import DOCS

pytestmark = pytest.mark.usefixtures("search_docs")


def page(client: FlaskClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def summary(soup: BeautifulSoup) -> str:
    return " ".join(soup.select_one("#trefferzahl").get_text().split())


def result_ids(soup: BeautifulSoup) -> list[str]:
    return [parse_qs(urlsplit(a["href"]).query)["id"][0] for a in soup.select(".result__title a")]


def test_root_redirects_to_search_page(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/suche")


def test_empty_search_page_has_form_and_no_results(client: FlaskClient) -> None:
    soup = page(client, "/suche")
    assert soup.html["lang"] == "de"
    assert soup.select_one("label[for=suchfeld]").get_text() == "Suchbegriff"
    assert soup.select_one("label[for=wortwoertlich]").get_text() == "wortwörtlich"
    assert soup.select_one("a.skip-link")["href"] == "#inhalt"
    assert soup.select_one('link[rel=search]')["href"] == "/opensearch.xml"
    assert not soup.select(".result")


def test_summary_sentence_is_exact(client: FlaskClient) -> None:
    soup = page(client, "/suche?q=Jena")
    assert summary(soup) == ("33 Suchergebnisse für Jena in allen Kategorien auf insgesamt "
                             "4 Seiten. Sie befinden sich auf Seite 1.")
    soup = page(client, "/suche?q=Jena&category=Verkehr")
    assert summary(soup) == ("5 Suchergebnisse für Jena in Kategorie Verkehr auf insgesamt "
                             "1 Seite. Sie befinden sich auf Seite 1.")
    soup = page(client, "/suche?q=Personalausweis")
    assert summary(soup) == ("1 Suchergebnis für Personalausweis in allen Kategorien auf "
                             "insgesamt 1 Seite. Sie befinden sich auf Seite 1.")
    assert soup.select_one(".summary")["aria-live"] == "polite"


def test_category_filter_keeps_other_counts(client: FlaskClient) -> None:
    soup = page(client, "/suche?q=Jena&category=Umwelt+%26+Abfall")
    hits = soup.select(".result")
    assert len(hits) == 6
    assert {dd.get_text() for dd in soup.select(".result__meta dd")} >= {"Umwelt & Abfall"}
    assert all("Umwelt & Abfall" in li.get_text() for li in hits)
    facets = {re.sub(r"\s*\(\d+\).*", "", a.get_text(" ", strip=True)): a
              for a in soup.select(".facet-list a")}
    assert set(facets) == {"Alle Kategorien", "Bürgerservice", "Umwelt & Abfall",
                           "Kultur & Freizeit", "Verkehr", "Bildung", "Rathaus"}
    assert facets["Umwelt & Abfall"]["aria-current"] == "true"
    assert "(8)" in facets["Bürgerservice"].get_text()


def test_unknown_category_finds_nothing_and_offers_all_categories(client: FlaskClient) -> None:
    soup = page(client, "/suche?q=Jena&category=%7B%21lucene%7D*%3A*")
    assert not soup.select(".result")
    links = [a.get_text() for a in soup.select(".no-results a")]
    assert any("allen Kategorien" in text for text in links)


@pytest.mark.parametrize("sort, key, reverse", [
    ("datum_neu", "onlineDate", True), ("datum_alt", "onlineDate", False),
])
def test_sort_by_date(client: FlaskClient, sort: str, key: str, reverse: bool) -> None:
    soup = page(client, f"/suche?q=Jena&sort={sort}&rows=50")
    expected = [d["id"] for d in sorted(DOCS, key=lambda d: str(d[key]), reverse=reverse)]
    assert result_ids(soup) == expected


def test_sort_by_popularity(client: FlaskClient) -> None:
    soup = page(client, "/suche?q=Jena&sort=beliebtheit&rows=10")
    counts = [int(dd.get_text()) for dd in soup.select(".result__clicks")]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 90


def test_rows_and_paging(client: FlaskClient) -> None:
    first = result_ids(page(client, "/suche?q=Jena&sort=datum_neu"))
    second = page(client, "/suche?q=Jena&sort=datum_neu&page=2")
    assert len(first) == 10 and len(result_ids(second)) == 10
    assert not set(first) & set(result_ids(second))
    assert summary(second).endswith("Sie befinden sich auf Seite 2.")
    current = second.select('.pager a[aria-current="page"]')
    assert [a.get_text() for a in current] == ["2"]
    labels = [a["aria-label"] for a in second.select(".pager a")]
    assert labels[:2] == ["Erste Seite", "Vorherige Seite"]
    assert labels[-2:] == ["Nächste Seite", "Letzte Seite"]
    assert len(result_ids(page(client, "/suche?q=Jena&rows=20"))) == 20
    assert len(result_ids(page(client, "/suche?q=Jena&rows=50"))) == 33


def test_out_of_range_parameters_are_normalised(client: FlaskClient) -> None:
    last = page(client, "/suche?q=Jena&page=99")
    assert summary(last).endswith("Sie befinden sich auf Seite 4.")
    assert len(last.select(".result")) == 3
    assert summary(page(client, "/suche?q=Jena&page=-3")).endswith("Seite 1.")
    assert len(page(client, "/suche?q=Jena&rows=7").select(".result")) == 10
    soup = page(client, "/suche?q=Jena&sort=%3Bdrop")
    assert soup.select_one("#sortierung option[selected]")["value"] == "relevanz"


def test_overlong_query_is_cut_with_message(client: FlaskClient) -> None:
    soup = page(client, "/suche?q=" + "Jena%20" * 60)
    assert "wurde gekürzt" in soup.select_one(".notice").get_text()
    assert len(soup.select_one("#suchfeld")["value"]) <= 200


def test_did_you_mean_and_replaced_results(client: FlaskClient) -> None:
    soup = page(client, "/suche?q=Persnalausweis")
    assert " ".join(soup.select_one(".did-you-mean").get_text().split()) == \
        "Meinten Sie: Personalausweis"
    note = soup.select_one(".replaced").get_text(" ", strip=True)
    assert "Keine Treffer für „Persnalausweis“. Stattdessen Ergebnisse für „Personalausweis“." in note
    assert result_ids(soup) == ["t-personalausweis"]
    follow = soup.select_one(".did-you-mean a")["href"]
    assert result_ids(page(client, follow)) == ["t-personalausweis"]
    back = soup.select_one(".replaced a")["href"]
    original = page(client, back)
    assert not original.select(".result")
    assert original.select_one(".did-you-mean a").get_text() == "Personalausweis"


def test_nonsense_word_shows_help_links(client: FlaskClient) -> None:
    soup = page(client, "/suche?q=Jena+Xqzvbrtlk&category=Verkehr&exact=1")
    assert "Keine Treffer für „Jena Xqzvbrtlk“ in Kategorie Verkehr." in summary(soup)
    links = {a.get_text(): a["href"] for a in soup.select(".no-results a")}
    assert links["Mit weniger Suchbegriffen suchen: Jena"] == \
        "/suche?q=Jena&category=Verkehr&exact=1"
    assert "/suche?q=Jena+Xqzvbrtlk&exact=1" in links.values()
    assert "/suche?q=Jena+Xqzvbrtlk&category=Verkehr" in links.values()
    assert page(client, "/suche?q=Jena&category=Verkehr&exact=1").select(".result")


def test_result_row_shows_highlight_date_url_category_and_clicks(client: FlaskClient) -> None:
    soup = page(client, "/suche?q=Personalausweis")
    row = soup.select_one(".result")
    sid = soup.select_one("input[name=sid]")["value"]
    assert row.select_one(".result__title a")["href"] == \
        f"/klick?id=t-personalausweis&q=Personalausweis&sid={sid}&pos=1"
    assert row.select_one(".result__snippet mark").get_text() == "Personalausweis"
    assert "Onlinedatum: 01.03.2025, 10:00 Uhr" in " ".join(row.get_text(" ").split())
    assert row.select_one(".result__url").get_text() == \
        "https://www.jena.de/buergerservice/personalausweis"
    assert "Bürgerservice" in row.select_one(".result__meta").get_text()


def test_snippet_escapes_indexed_markup(client: FlaskClient) -> None:
    html = client.get("/suche?q=Teilhabe").get_data(as_text=True)
    assert "<b>" not in html
    assert "&lt;b&gt;<mark>Teilhabe</mark>" in html


@pytest.mark.parametrize("attack", [
    "*:*", "{!lucene}*:*", "id:t-personalausweis", "_query_:\"{!term f=id}t-reisepass\"",
    "Jena AND NOT Jena", "\"Jena", "Jena)", "title:[* TO *]", "<script>alert(1)</script>",
])
def test_query_syntax_never_reaches_solr(client: FlaskClient, attack: str) -> None:
    response = client.get("/suche", query_string={"q": attack})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "<script>alert" not in text
    soup = BeautifulSoup(text, "html.parser")
    ids = result_ids(soup)
    # Treated as words: never every page, never a page picked by id. A page may still be
    # found through one of the words ("personalausweis"), then only as a partial match.
    assert len(ids) < len(DOCS) and soup.select_one("#trefferzahl") is not None
    if attack.startswith(("id:", "_query_")):
        assert len(soup.select(".result--partial")) == len(ids)
    assert unescape(soup.select_one("#suchfeld")["value"]) == attack


def test_exact_phrase_finds_only_word_for_word(client: FlaskClient) -> None:
    stemmed = result_ids(page(client, "/suche?q=Personalausweise+beantragen"))
    assert "t-personalausweis" in stemmed
    assert not result_ids(page(client, "/suche?q=Personalausweise+beantragen&exact=1"
                                       "&autocorrect=0"))
    corrected = page(client, "/suche?q=Personalausweise+beantragen&exact=1")
    assert "Stattdessen Ergebnisse für „Personalausweis beantragen“" in \
        corrected.select_one(".replaced").get_text()
    exact = result_ids(page(client, "/suche?q=%22Personalausweis+beantragen%22&exact=1"))
    assert exact == ["t-personalausweis"]
