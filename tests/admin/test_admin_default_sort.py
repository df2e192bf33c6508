"""The default order saved in the ranking form reaches visitors who choose none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from solrclient import SolrClient, Timeouts
from tests.admin.conftest import csrf, make_app, page
from tests.admin.test_admin_ranking import _form, _live
from tests.support import Core
from webapp.admin.default_sort import DefaultSortLookup
from webapp.admin.repository import CoreAdmin
from webapp.admin.services import EXTENSION_KEY as ADMIN_KEY
from webapp.request import Sort

# Older pages name the word more often, so relevance and date order disagree.
DOCS = [page(f"bau-{i:02d}", f"Straßenarbeiten Abschnitt {i}",
             " ".join(["Baustelle"] * (i + 1)) + f" im Abschnitt {i}.", days_old=5 + 40 * i)
        for i in range(14)]
BY_DATE = [str(d["id"]) for d in sorted(DOCS, key=lambda d: str(d["onlineDate"]), reverse=True)]


@pytest.fixture()
def bau_pages(solr_url: str) -> list[dict[str, object]]:
    """The core holds exactly DOCS (14 pages: two result pages of 10)."""
    Core(solr_url).load(DOCS)
    return DOCS


@pytest.fixture()
def original_ranking(solr_url: str) -> Iterator[dict[str, object]]:
    """The live ranking ParamSet, put back exactly after the test."""
    core = Core(solr_url)
    ranking = {k: v for k, v in core.param_set("ranking").items() if k}
    try:
        yield ranking
    finally:
        core.set_param_set("ranking", ranking)


def _soup(client: FlaskClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.data[:500]
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def _ids(soup: BeautifulSoup) -> list[str]:
    links = soup.select(".result__title a")
    return [parse_qs(urlsplit(str(a["href"])).query)["id"][0] for a in links]


def _selected(soup: BeautifulSoup) -> str:
    return str(soup.select_one("#sortierung option[selected]")["value"])


def _next_href(soup: BeautifulSoup) -> str:
    return str(soup.select_one(".pager a[rel=next]")["href"])


def _api(client: FlaskClient, **args: str) -> dict:
    return client.get("/api/search", query_string={"q": "Baustelle", **args}).get_json()


def test_saved_default_sort_applies_to_visitors_who_choose_none(
        admin: FlaskClient, app: Flask, solr_url: str, bau_pages: list,
        original_ranking: dict) -> None:
    visitor = app.test_client()
    relevance = [d["id"] for d in _api(visitor, rows="50")["outData"]["response"]["docs"]]
    assert sorted(relevance) == sorted(BY_DATE) and relevance != BY_DATE
    assert _selected(_soup(visitor, "/suche?q=Baustelle")) == "relevanz"

    admin.get("/admin/ranking")
    saved = admin.post("/admin/ranking", data=_form(
        _live(solr_url), sort="onlineDate desc, score desc", aktion="speichern",
        csrf_token=csrf(admin)))
    assert saved.status_code == 302
    assert _live(solr_url).default_sort == "onlineDate desc, score desc"

    # No order chosen: the web team's date order, shown as selected, left out of the links.
    first = _soup(visitor, "/suche?q=Baustelle")
    assert _selected(first) == "datum_neu"
    assert _ids(first) == BY_DATE[:10]
    assert "sort" not in parse_qs(urlsplit(_next_href(first)).query)
    second = _soup(visitor, _next_href(first))
    assert _ids(second) == BY_DATE[10:] and _selected(second) == "datum_neu"
    body = _api(visitor, rows="50")
    assert body["inData"]["SORT"] == "datum_neu"
    dates = [d["onlineDate"] for d in body["outData"]["response"]["docs"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == len(DOCS)

    # "Relevanz" chosen explicitly: relevance order, kept in the pager links.
    chosen = _soup(visitor, "/suche?q=Baustelle&sort=relevanz")
    assert _selected(chosen) == "relevanz"
    assert _ids(chosen) == relevance[:10]
    assert parse_qs(urlsplit(_next_href(chosen)).query)["sort"] == ["relevanz"]
    chosen_second = _soup(visitor, _next_href(chosen))
    assert _ids(chosen_second) == relevance[10:] and _selected(chosen_second) == "relevanz"
    assert _api(visitor, sort="relevanz")["inData"]["SORT"] == "relevanz"

    # Restoring the starting values brings relevance back for everybody.
    first_version = admin.get("/admin/api/ranking").json["versions"][-1]["number"]
    admin.post(f"/admin/ranking/version/{first_version}", data={"csrf_token": csrf(admin)})
    assert _selected(_soup(visitor, "/suche?q=Baustelle")) == "relevanz"
    assert _api(visitor, rows="50")["outData"]["response"]["docs"][0]["id"] == relevance[0]


def test_custom_default_clause_is_shown_as_relevance_and_applied_by_solr(
        solr_url: str, tmp_path: Path, bau_pages: list, original_ranking: dict) -> None:
    # The ParamSet is changed behind the admin area's back, which announces no change:
    # results kept in memory (webapp/result_cache.py) would hide it for their cache time.
    app = make_app(solr_url, RANKING_CACHE_SECONDS=0, RESULT_CACHE_SECONDS=0,
                   GOLDEN_QUERIES_FILE=str(tmp_path / "none.json"))
    visitor = app.test_client()
    relevance = [d["id"] for d in _api(visitor, rows="50")["outData"]["response"]["docs"]]
    Core(solr_url).set_param_set("ranking", {**original_ranking, "sort": "id asc"})
    by_id = sorted(relevance)
    assert by_id != relevance

    body = _api(visitor, rows="50")
    assert body["inData"]["SORT"] == "relevanz"
    assert [d["id"] for d in body["outData"]["response"]["docs"]] == by_id
    soup = _soup(visitor, "/suche?q=Baustelle")
    assert _selected(soup) == "relevanz" and _ids(soup) == by_id[:10]
    # The visitor's own choice is sent as the app's clause and beats the custom one.
    explicit = _api(visitor, sort="relevanz", rows="50")["outData"]["response"]["docs"]
    assert [d["id"] for d in explicit] == relevance


def test_lookup_keeps_the_last_known_default_when_solr_fails(
        app: Flask, solr_url: str, bau_pages: list, original_ranking: dict) -> None:
    Core(solr_url).set_param_set("ranking", {**original_ranking,
                                             "sort": "clickCounter desc, score desc"})
    lookup: DefaultSortLookup = app.extensions[ADMIN_KEY].default_sort
    lookup.invalidate()
    assert lookup() is Sort.POPULAR
    # Port 9 (discard) on localhost: nothing listens, the connection is refused.
    lookup.core = CoreAdmin(SolrClient("http://127.0.0.1:9/solr/none", timeouts=Timeouts.reading(2.0)))
    lookup.invalidate()
    assert lookup() is Sort.POPULAR
    body = _api(app.test_client())
    assert body["inData"]["SORT"] == "beliebtheit"
    assert body["outData"]["response"]["numFound"] == len(DOCS)


def test_saved_date_order_keeps_the_pages_with_every_word_first(
        admin: FlaskClient, app: Flask, solr_url: str, original_ranking: dict) -> None:
    """Two words under the web team's date order: the pages with both come first, newest
    first, not the newer pages with only one of the words (which left the page empty)."""
    both = [page(f"beide-{i}", f"Antrag Formular {i}", "Antrag und Formular.", days_old=300 + i)
            for i in range(6)]
    one = [page(f"eines-{i}", f"Antrag {i}", "Nur der Antrag.", days_old=1 + i)
           for i in range(12)]
    Core(solr_url).load(both + one)
    admin.get("/admin/ranking")
    saved = admin.post("/admin/ranking", data=_form(
        _live(solr_url), sort="onlineDate desc, score desc", aktion="speichern",
        csrf_token=csrf(admin)))
    assert saved.status_code == 302
    visitor = app.test_client()
    body = _api(visitor, q="Antrag Formular")
    assert body["inData"]["SORT"] == "datum_neu"
    assert [d["id"] for d in body["outData"]["response"]["docs"]] == \
        [f"adm-beide-{i}" for i in range(6)]
    assert _ids(_soup(visitor, "/suche?q=Antrag+Formular")) == [f"adm-beide-{i}" for i in range(6)]
