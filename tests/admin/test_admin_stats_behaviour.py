"""The behaviour measures against values computed by hand, and end to end through the app."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.admin.support import commit_statistics, html_table
from webapp.admin.stats_behaviour import ClickEvent, SearchEvent, group, local_day

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc)


def _s(sid: str, query: str, minute: float, page: int = 1, hits: int = 5,
       follows: str | None = None) -> SearchEvent:
    return SearchEvent(sid, query, T0 + timedelta(minutes=minute), page, hits, follows)


def _c(sid: str, position: int, minute: float) -> ClickEvent:
    return ClickEvent(sid, position, T0 + timedelta(minutes=minute))


# Five trails of result pages:
# a: "ausweis", clicks position 3, then position 1 -> first click 3
# b: "ausweis", no click; then "personalausweis" from b's page (a reformulation) = c
# c: "personalausweis", clicks position 1; 10 s later a new search from c's page = d (quick)
# d: "personalausweis" again (same query: not a reformulation), page 1, clicks position 2
# e: "xyz", no hits; page 2 of "ausweis" (f) follows a and is no first page.
SEARCHES = [_s("a", "ausweis", 0), _s("b", "ausweis", 1), _s("c", "personalausweis", 2, follows="b"),
            _s("d", "personalausweis", 3 + 10 / 60, follows="c"), _s("e", "xyz", 4, hits=0),
            _s("f", "ausweis", 5, page=2, follows="a")]
CLICKS = [_c("a", 3, 0.2), _c("a", 1, 0.5), _c("c", 1, 3), _c("d", 2, 3.5),
          _c("elsewhere", 1, 1)]


def test_measures_per_query_match_the_hand_computed_values() -> None:
    by_query = group(SEARCHES, CLICKS, lambda s: s.query)
    ausweis, perso, xyz = by_query["ausweis"], by_query["personalausweis"], by_query["xyz"]
    # ausweis: first pages with hits a, b (f is page 2): a's first click is 3, b none.
    assert (ausweis.searches, ausweis.top1, ausweis.top3, ausweis.without_click) == (2, 0, 1, 1)
    assert ausweis.ctr1 == 0 and ausweis.ctr3 == 0.5 and ausweis.no_click_rate == 0.5
    assert ausweis.mrr == pytest.approx((1 / 3 + 0) / 2)
    # Reformulated: b (followed by "personalausweis"); a is followed by its own page 2.
    assert (ausweis.all_searches, ausweis.reformulated) == (3, 1)
    assert (ausweis.clicks, ausweis.quick_returns) == (2, 0)
    # personalausweis: c first click 1, d first click 2.
    assert (perso.searches, perso.top1, perso.top3, perso.without_click) == (2, 1, 2, 0)
    assert perso.mrr == pytest.approx((1 + 1 / 2) / 2)
    assert perso.reformulation_rate == 0
    # c's click at minute 3, d searched from c's page 10 s later: one quick return of two.
    assert (perso.clicks, perso.quick_returns) == (2, 1) and perso.quick_return_rate == 0.5
    # No hits: no base for click measures (not 0 %: nothing to say).
    assert xyz.searches == 0 and xyz.ctr1 is None and xyz.mrr is None
    assert xyz.all_searches == 1 and xyz.reformulation_rate == 0


def test_measures_per_day_and_in_total() -> None:
    (day,) = group(SEARCHES, CLICKS, local_day).values()
    assert (day.searches, day.top1, day.top3, day.without_click) == (4, 1, 3, 1)
    assert day.mrr == pytest.approx((1 / 3 + 0 + 1 + 1 / 2) / 4)
    assert (day.all_searches, day.reformulated, day.clicks, day.quick_returns) == (6, 1, 4, 1)


def test_a_return_after_the_quick_window_is_not_quick() -> None:
    late = [_s("c", "personalausweis", 2), _s("d", "anderes", 2 + 31 / 60, follows="c")]
    (b,) = group(late, [_c("c", 1, 2)], lambda s: 1).values()
    assert (b.clicks, b.quick_returns, b.reformulated) == (1, 0, 1)


def _search(client: FlaskClient, query: str, sid: str | None = None) -> tuple[str, list[str]]:
    body = client.get("/api/search", query_string={"q": query, **({"sid": sid} if sid else {})})
    out = body.get_json()["outData"]
    return out["searchId"], [d["clickUrl"] for d in out["response"]["docs"]]


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} % von {whole}"


def test_measures_from_real_events_on_the_statistics_page(admin: FlaskClient, app: Flask,
                                                          pages: list) -> None:
    visitor = app.test_client()
    first, urls = _search(visitor, "Ausweis")
    assert visitor.get(urls[0]).status_code == 303          # ausweis: click on position 1
    _, other = _search(visitor, "Reisepass", sid=first)      # from ausweis' page: other query
    with_hits = 3 + (1 if other else 0)                      # first pages with hits today
    second, urls = _search(visitor, "Ausweis")
    assert len(urls) >= 2 and visitor.get(urls[1]).status_code == 303  # position 2
    _search(visitor, "Ausweis")                              # no click
    commit_statistics(app)
    html = admin.get("/admin/statistik").get_data(as_text=True)
    headers, rows = html_table(html, "verhalten-suchen")
    row = dict(zip(headers, next(r for r in rows if r[0] == "ausweis")))
    assert row["Suchen mit Treffern"] == "3"
    assert row["Klick auf Platz 1"] == "33 % von 3"
    assert row["Klick auf Platz 1–3"] == "67 % von 3"
    assert row["ohne Klick"] == "33 % von 3"
    assert row["MRR erster Klick"] == "0,50 von 3"          # (1 + 1/2 + 0) / 3
    assert row["umformuliert"] == "33 % von 3"
    # The Reisepass search came from the first page right after its click: a quick return.
    assert row["schnelle Rückkehr"] == "50 % von 2"
    _, days = html_table(html, "verhalten-tage")
    assert days[-1][1:4] == [str(with_hits), _share(1, with_hits), _share(2, with_hits)]
    overview = admin.get("/admin/").get_data(as_text=True)
    _, trend = html_table(overview, "verhalten-trend")
    assert trend[-1] == days[-1]
