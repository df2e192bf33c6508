"""The evaluation's events read back from the real statistics core, written through the
app's own search and click endpoints."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from flask import Flask
from flask.testing import FlaskClient

from tests.admin.support import commit_statistics
from webapp.admin.evaluation.events import Click
from webapp.admin.evaluation.store import load_click_data
from webapp.admin.services import EXTENSION_KEY
from webapp.admin.settings import LOCAL_ZONE


def search(client: FlaskClient, query: str, **args: str) -> tuple[str, list[str], list[str]]:
    """One widget search: its search id, the ids shown and their click links."""
    out = client.get("/api/search", query_string={"q": query, **args}).get_json()["outData"]
    docs = out["response"]["docs"]
    return out["searchId"], [d["id"] for d in docs], [d["clickUrl"] for d in docs]


def click(client: FlaskClient, url: str) -> None:
    """Follow one result's click link as a visitor's browser does."""
    assert client.get(url).status_code == 303


def test_impressions_and_clicks_come_back_as_shown_and_clicked(app: Flask, pages: list) -> None:
    visitor = app.test_client()
    first, shown, links = search(visitor, "Ausweis")
    assert len(shown) >= 2
    click(visitor, links[1])
    narrowed, _, _ = search(visitor, "Ausweis", sort="datum_neu")
    second, shown_again, links_again = search(visitor, "Ausweis")
    click(visitor, links_again[0])
    commit_statistics(app)

    today = datetime.now(LOCAL_ZONE).date()
    data = load_click_data(app.extensions[EXTENSION_KEY].stats, today, today)
    assert data.complete
    by_id = {imp.search_id: imp for imp in data.impressions}
    assert set(by_id) == {first, narrowed, second}
    imp = by_id[first]
    assert imp.query == "ausweis" and imp.shown == tuple(shown) and imp.offset == 0
    assert imp.day == today and imp.ranking == "1" and not imp.narrowed
    assert by_id[narrowed].narrowed
    position = int(parse_qs(urlsplit(links[1]).query)["pos"][0])
    assert sorted(data.clicks, key=lambda c: c.search_id != first) == [
        Click(first, shown[1], position), Click(second, shown_again[0], 1)]
    assert position == 2
    # Another period holds none of them.
    empty = load_click_data(app.extensions[EXTENSION_KEY].stats, today - timedelta(days=9),
                            today - timedelta(days=2))
    assert empty.impressions == () and empty.clicks == ()


def test_a_bounded_read_says_it_is_incomplete(app: Flask, pages: list) -> None:
    visitor = app.test_client()
    for _ in range(3):
        search(visitor, "Ausweis")
    commit_statistics(app)
    today = datetime.now(LOCAL_ZONE).date()
    data = load_click_data(app.extensions[EXTENSION_KEY].stats, today, today, limit=2)
    assert len(data.impressions) == 2 and not data.complete
