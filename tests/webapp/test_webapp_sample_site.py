"""Acceptance on the sample city site, indexed by the real indexer."""

from __future__ import annotations

import math
import re
from datetime import datetime
from pathlib import Path
from tests.support import Core
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

pytestmark = pytest.mark.usefixtures("sample_index")
BERLIN = ZoneInfo("Europe/Berlin")


def soup_of(client: FlaskClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def solr_count(core_url: str, words: str, category: str | None = None) -> int:
    params = {"rows": 0, "spellcheck": "false"}
    if category:
        params["fq"] = "{!term f=category v=$c}"
        params["c"] = category
    return Core(core_url).search(words, handler="search", **params).hits


@pytest.mark.parametrize("words, category", [
    ("Antrag", None), ("Antrag", "Bürgerservice"), ("Stadt Jena", None),
])
def test_summary_sentence_matches_solr(client: FlaskClient, sample_index: str, words: str,
                                       category: str | None) -> None:
    total = solr_count(sample_index, words, category)
    assert total > 1
    url = f"/suche?q={words}" + (f"&category={category}" if category else "")
    text = " ".join(soup_of(client, url).select_one("#trefferzahl").get_text().split())
    pages = math.ceil(total / 10)
    where = f"in Kategorie {category}" if category else "in allen Kategorien"
    seiten = "1 Seite" if pages == 1 else f"{pages} Seiten"
    assert text == (f"{total} Suchergebnisse für {words} {where} auf insgesamt {seiten}. "
                    "Sie befinden sich auf Seite 1.")


def test_misspelled_personalausweis_on_sample_site(client: FlaskClient) -> None:
    soup = soup_of(client, "/suche?q=Persnalausweis&autocorrect=0")
    link = soup.select_one(".did-you-mean a")
    assert link.get_text() == "Personalausweis"
    found = soup_of(client, link["href"])
    urls = [p.get_text() for p in found.select(".result__url")]
    assert "https://www.jena.de/buergerservice/personalausweis.html" in urls[:3]


def test_category_and_sort_on_sample_site(client: FlaskClient) -> None:
    soup = soup_of(client, "/suche?q=Jena&category=Aktuelles&sort=datum_neu&rows=50")
    cats = {dd.get_text() for dd in soup.select(".result__meta div:first-child dd")}
    assert cats == {"Aktuelles"}
    dates = [dd.get_text() for dd in soup.select(".result__meta dd") if "Uhr" in dd.get_text()]
    as_iso = [f"{d[6:10]}{d[3:5]}{d[0:2]}{d[11:16]}" for d in dates]
    assert len(as_iso) > 3 and as_iso == sorted(as_iso, reverse=True)


def test_nonsense_on_sample_site(client: FlaskClient) -> None:
    soup = soup_of(client, "/suche?q=Blubberquatschwort")
    assert not soup.select(".result")
    assert "Keine Treffer für „Blubberquatschwort“" in soup.select_one("#trefferzahl").get_text()


def test_click_on_url_id_redirects_and_counts(client: FlaskClient, sample_index: str) -> None:
    page_url = "https://www.jena.de/buergerservice/personalausweis.html"
    soup = soup_of(client, "/suche?q=Personalausweis")
    link = next(a["href"] for a in soup.select(".result__title a")
                if "personalausweis.html" in a["href"])
    before = Core(sample_index).get(page_url)
    assert before is not None, "the indexer's ids are canonical URLs"
    response = client.get(link)
    assert response.status_code == 303 and response.headers["Location"] == page_url
    # The path form with the URL as id keeps its double slash.
    response = client.get(f"/klick/{page_url}")
    assert response.status_code == 303 and response.headers["Location"] == page_url
    after = Core(sample_index).get(page_url, fl="clickCounter")
    assert after is not None
    assert after["clickCounter"] == int(before.get("clickCounter") or 0) + 2



def _stated_times(html: str) -> set[str]:
    """Times of day a page states: in its text ("14:30 Uhr") or in a date meta tag, there
    converted to Berlin time (meta times carry offsets)."""
    text = set(re.findall(r"\b(\d{1,2}:\d{2})\s*Uhr", html))
    meta = {datetime.fromisoformat(value).astimezone(BERLIN).strftime("%H:%M")
            for value in re.findall(r'content="(\d{4}-\d{2}-\d{2}T[^"]+)"', html)}
    return text | meta


def test_no_result_shows_a_time_its_page_does_not_state(client: FlaskClient,
                                                        sample_site: Path) -> None:
    rows, with_time = 0, 0
    for number in range(1, 20):
        results = soup_of(client, f"/suche?q=Jena&rows=50&page={number}").select(".result")
        for row in results:
            url = row.select_one(".result__url").get_text().strip()
            source = sample_site / url.removeprefix("https://www.jena.de/")
            if source.is_dir():
                source = source / "index.html"
            text = " ".join(row.get_text(" ").split())
            if "Onlinedatum: " not in text:  # a page without a date of its own shows none
                continue
            shown = text.split("Onlinedatum: ", 1)[1]
            shown = shown.split(" Aufrufe", 1)[0]
            rows += 1
            if "Uhr" in shown:
                with_time += 1
                clock = shown.split(", ", 1)[1].removesuffix(" Uhr")
                assert clock in _stated_times(source.read_text(encoding="utf-8")), (url, shown)
            else:
                assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", shown), (url, shown)
        if len(results) < 50:
            break
    # Both kinds occur on the sample site: pages with a stated time and pages with a day only.
    assert rows > 50 and 0 < with_time < rows


def test_widget_json_keeps_a_valid_date_and_says_whether_a_time_is_known(
        client: FlaskClient) -> None:
    docs = client.get("/api/search?q=Jena&rows=50").get_json()["outData"]["response"]["docs"]
    kinds = set()
    for doc in docs:
        if doc["onlineDate"] is None:  # a page without a date of its own has none
            assert doc["onlineDateHasTime"] is None
            continue
        assert datetime.fromisoformat(doc["onlineDate"].replace("Z", "+00:00")).tzinfo
        assert doc["onlineDateHasTime"] in (True, False)
        kinds.add(doc["onlineDateHasTime"])
    assert kinds == {True, False}
