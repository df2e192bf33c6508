"""Complete events: every search gets a random id carried by the form, the pager, the click
links and the widget JSON; search and click events name it, so a trail of result pages can be
followed without any visitor identifier."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from tests.support import Core
from webapp.admin.services import EXTENSION_KEY
from webapp.admin.stats import flush_all

pytestmark = pytest.mark.usefixtures("search_docs")

SID = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture(autouse=True)
def no_events(app: Flask) -> None:
    """Start without search and click events (other tests' events are written first)."""
    services = app.extensions[EXTENSION_KEY]
    flush_all()
    services.stats.delete_query("type:(search OR click)")
    services.stats.commit()


def _events(app: Flask) -> dict[str, dict]:
    services = app.extensions[EXTENSION_KEY]
    services.recorder.flush()
    services.stats.commit()
    docs = Core(services.stats.client.url).search("type:(search OR click)", rows=500).docs
    return {d["id"]: d for d in docs}


def _page(client: FlaskClient, url: str, **params: str) -> BeautifulSoup:
    response = client.get(url, query_string=params or None)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def _args(href: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}


def test_ids_travel_through_form_pager_and_click_links(app: Flask, client: FlaskClient,
                                                       solr_url: str) -> None:
    first = _page(client, "/suche", q="Jena", rows="10")
    sid1 = first.select_one("form.search-form input[name=sid]")["value"]
    assert SID.match(sid1)
    links = [a["href"] for a in first.select(".result__title a")]
    assert [_args(h)["pos"] for h in links] == [str(i) for i in range(1, len(links) + 1)]
    assert {_args(h)["sid"] for h in links} == {sid1}
    shown1 = [_args(h)["id"] for h in links]
    # Page 2 through the pager link: a search that follows the first.
    pager = first.select_one('.pager a[rel="next"]')["href"]
    assert _args(pager)["sid"] == sid1
    second = _page(client, pager)
    sid2 = second.select_one("input[name=sid]")["value"]
    second_links = [a["href"] for a in second.select(".result__title a")]
    assert _args(second_links[0])["pos"] == "11"
    # A new query typed into the form of page 2 (the hidden field goes with it).
    third = _page(client, "/suche", q="Parken", sid=sid2)
    sid3 = third.select_one("input[name=sid]")["value"]
    click = [a["href"] for a in third.select(".result__title a")][0]
    before = int(Core(solr_url).get(_args(click)["id"], fl="clickCounter")["clickCounter"])
    assert client.get(click).status_code == 303
    assert len({sid1, sid2, sid3}) == 3

    events = _events(app)
    s1, s2, s3 = events[sid1], events[sid2], events[sid3]
    assert s1["type"] == "search" and s1["search_id"] == sid1 and "follows" not in s1
    assert (s1["query"], s1["page"], s1["rows"], s1["start"]) == ("jena", 1, 10, 0)
    assert s1["shown"] == shown1 and s1["source"] == "page" and s1["exact"] is False
    assert s1["sort"] == "relevanz" and s1["ranking"] == 1
    assert (s2["follows"], s2["page"], s2["start"]) == (sid1, 2, 10)
    assert s2["shown"] == [_args(h)["id"] for h in second_links]
    assert (s3["follows"], s3["query"]) == (sid2, "parken")
    clicks = [e for e in events.values() if e["type"] == "click"]
    assert len(clicks) == 1
    assert clicks[0]["search_id"] == sid3 and clicks[0]["position"] == 1
    assert clicks[0]["doc_id"] == _args(click)["id"] and clicks[0]["query"] == "parken"
    assert SID.match(clicks[0]["id"]) and clicks[0]["id"] not in (sid1, sid2, sid3)
    after = int(Core(solr_url).get(_args(click)["id"], fl="clickCounter")["clickCounter"])
    assert after == before + 1


def test_widget_api_carries_the_same_ids(app: Flask, client: FlaskClient) -> None:
    out = client.get("/api/search", query_string={"q": "Jena", "rows": "10"}).get_json()["outData"]
    sid = out["searchId"]
    assert SID.match(sid)
    urls = [d["clickUrl"] for d in out["response"]["docs"]]
    assert [_args(u)["pos"] for u in urls] == [str(i) for i in range(1, len(urls) + 1)]
    assert {_args(u)["sid"] for u in urls} == {sid}
    # The widget's next search names this one; a widget click counts with its position.
    follow = client.get("/api/search", query_string={"q": "Parken", "sid": sid}).get_json()
    assert client.get(urls[2]).status_code == 303
    events = _events(app)
    assert events[sid]["source"] == "api"
    assert events[sid]["shown"] == [d["id"] for d in out["response"]["docs"]]
    assert events[follow["outData"]["searchId"]]["follows"] == sid
    (click,) = [e for e in events.values() if e["type"] == "click"]
    assert (click["search_id"], click["position"]) == (sid, 3)


def test_each_search_gets_a_new_id_also_from_the_cache(app: Flask, client: FlaskClient) -> None:
    ids = {client.get("/api/search", query_string={"q": "Jena"}).get_json()["outData"]["searchId"]
           for _ in range(3)}
    assert len(ids) == 3
    pages = {_page(client, "/suche", q="Jena").select_one("input[name=sid]")["value"]
             for _ in range(3)}
    assert len(pages) == 3
    assert set(_events(app)) >= ids | pages


@pytest.mark.parametrize("bad", ["<script>", "x" * 40, "ZZ" * 16, "{!lucene}a", "'; --"])
def test_bad_ids_are_ignored_and_stay_inert(app: Flask, client: FlaskClient, bad: str) -> None:
    page = client.get("/suche", query_string={"q": "Jena", "sid": bad})
    assert page.status_code == 200 and bad.encode() not in page.data
    response = client.get("/klick", query_string={"id": "t-parken", "sid": bad, "pos": bad})
    assert response.status_code == 303
    events = _events(app)
    (search,) = [e for e in events.values() if e["type"] == "search"]
    assert "follows" not in search
    (click,) = [e for e in events.values() if e["type"] == "click"]
    assert "search_id" not in click and "position" not in click


def test_no_search_no_id(client: FlaskClient) -> None:
    html = client.get("/suche").get_data(as_text=True)
    assert 'name="sid"' not in html and "sidmark" not in html
    assert client.get("/api/search").get_json()["outData"]["searchId"] == ""


def test_the_search_a_request_follows_is_its_first_well_formed_sid(app: Flask,
                                                                  client: FlaskClient) -> None:
    from webapp.signals import search_performed
    followed: list[str | None] = []

    def record(sender: Flask, follows: str | None = None, **_: object) -> None:
        followed.append(follows)

    search_performed.connect(record, sender=app)
    try:
        earlier = "0123456789abcdef" * 2
        for query in (f"q=Jena&sid={earlier}", f"q=Jena&sid={earlier}&sid={'f' * 32}",
                      "q=Jena", "q=Jena&sid=", "q=Jena&sid=nicht-hex", f"q=Jena&sid={'A' * 32}"):
            assert client.get(f"/api/search?{query}").status_code == 200
    finally:
        search_performed.disconnect(record, sender=app)
    assert followed == [earlier, earlier, None, None, None, None]
