"""Live comparison of two rankings through the app and real Solr: the merged page of the
share, the sides recorded with each search, clicks credited by position, pins and exclusions
on both sides, the plan, the refusals, and a failing candidate that changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from solrclient import SolrClient, Timeouts
from tests.admin.conftest import csrf
from tests.admin.support import commit_statistics, html_table
from tests.support import Core
from webapp.admin.audit import load_audit
from webapp.admin.comparison_tally import read_comparison
from webapp.admin.comparisons import latest
from webapp.admin.evaluation.interleave import (Outcome, Side, coin_for, credit_positions,
                                                team_draft, winner)
from webapp.admin.preview import search_as_visitor
from webapp.admin.ranking_store import current_ranking, list_versions, save_ranking
from webapp.admin.repository import CoreAdmin
from webapp.admin.services import EXTENSION_KEY

QUERY = "Antrag"
PINNED, EXCLUDED = "cmp-05", "cmp-07"


def _page(i: int) -> dict[str, object]:
    # Text relevance falls with i (fewer mentions), popularity rises with i: the current
    # ranking (no popularity) and the candidate (strong popularity) order them differently.
    return {"id": f"cmp-{i:02d}", "url": f"https://www.jena.de/antrag/{i:02d}",
            "title": f"Antrag Nummer {i}", "content": " ".join(["Antrag stellen."] * (14 - i)
                                                               + ["Weitere Hinweise."] * i),
            "category": "Bürgerservice", "language": "de", "clickCounter": 10 ** (i % 7) * i,
            "onlineDate": "2024-01-01T00:00:00Z"}


PAGES = [_page(i) for i in range(14)]


@pytest.fixture()
def antrag(solr_url: str) -> list[dict[str, object]]:
    Core(solr_url).load(PAGES)
    return PAGES


@pytest.fixture()
def versions(solr_url: str, antrag: list) -> Iterator[tuple[int, int]]:
    """(candidate, live): the candidate ranks by popularity, the live ranking does not."""
    core = CoreAdmin(SolrClient(solr_url, timeouts=Timeouts.reading(30)))
    base = current_ranking(core)
    candidate = save_ranking(core, base.with_changes(popularity=10.0), "redaktion", "Kandidat")
    live = save_ranking(core, base.with_changes(popularity=0.0), "redaktion", "ohne Beliebtheit")
    yield candidate, live


def _api(client: FlaskClient, query: str = QUERY, **args: str) -> dict[str, Any]:
    response = client.get("/api/search", query_string={"q": query, **args})
    assert response.status_code == 200
    return response.get_json()["outData"]


def _ids(out: dict[str, Any]) -> list[str]:
    return [doc["id"] for doc in out["response"]["docs"]]


def _start(admin: FlaskClient, version: int, share: str, planned: str) -> Any:
    admin.get("/admin/vergleich")
    return admin.post("/admin/vergleich/start", data={"version": str(version), "anteil": share,
                                                      "geplant": planned,
                                                      "csrf_token": csrf(admin)})


def _tune(admin: FlaskClient) -> None:
    admin.get("/admin/angepinnt")
    assert admin.post("/admin/angepinnt", data={"begriff": QUERY, "seite": PINNED,
                                                "csrf_token": csrf(admin)}).status_code == 302
    assert admin.post("/admin/ausschluesse", data={
        "art": "url", "url": f"https://www.jena.de/antrag/{EXCLUDED[-2:]}",
        "grund": "veraltet", "csrf_token": csrf(admin)}).status_code == 302


def _events(app: Flask, search_ids: list[str]) -> dict[str, dict[str, Any]]:
    commit_statistics(app)
    stats = app.extensions[EXTENSION_KEY].stats
    docs = stats.select({"q": "*:*", "fq": "type:search", "rows": 100,
                         "fl": "search_id,comparison,sides,shown"})["response"]["docs"]
    return {d["search_id"]: d for d in docs if d["search_id"] in search_ids}


def test_the_share_sees_the_merge_and_clicks_count_for_the_side_that_placed_them(
        app: Flask, admin: FlaskClient, solr_url: str, versions: tuple[int, int]) -> None:
    candidate_version, _ = versions
    visitor = app.test_client()
    _tune(admin)
    current = _ids(_api(visitor))
    svc = app.extensions[EXTENSION_KEY]
    candidate_settings = next(v.settings for v in list_versions(svc.core)
                              if v.number == candidate_version)
    candidate = [h.id for h in search_as_visitor(svc.search, QUERY, candidate_settings,
                                                 pins=svc.tuning).hits]
    # Both sides carry the pin first and leave the excluded page out, and they differ.
    for ranked in (current, candidate):
        assert ranked[0] == PINNED and EXCLUDED not in ranked and len(ranked) == 10
    assert current != candidate

    assert _start(admin, candidate_version, "100", "4").status_code == 302
    shown: dict[str, dict[str, Any]] = {}
    for _ in range(4):
        out = _api(visitor)
        shown[out["searchId"]] = out
    html = visitor.get("/suche", query_string={"q": QUERY}).get_data(as_text=True)
    page_sid = BeautifulSoup(html, "lxml").find("input", {"name": "sid"})["value"]
    comparison_id = latest(svc.stats).id
    events = _events(app, [*shown, page_sid])
    assert len(events) == 5
    for sid, out in shown.items():
        merged = team_draft(current, candidate, coin_for(sid, comparison_id), 10)
        assert _ids(out) == list(merged.ids)
        # Whichever side picks first, the pinned page leads and the excluded one is absent.
        assert _ids(out)[0] == PINNED and EXCLUDED not in _ids(out)
        assert events[sid]["comparison"] == comparison_id
        assert events[sid]["sides"] == [s.value for s in merged.sides]
        assert events[sid]["shown"] == _ids(out)
        # Same layout and counts as the current ranking.
        assert out["response"]["numFound"] == 13
    # The HTML page took part too (the same hook), with its sides recorded.
    assert events[page_sid]["comparison"] == comparison_id
    assert len(events[page_sid]["sides"]) == 10

    # Clicks through the app's own click links: one search for each outcome.
    sids = list(shown)
    sides = {sid: events[sid]["sides"] for sid in sids}

    def click(sid: str, side: str, nth: int = 0) -> None:
        positions = [i for i, s in enumerate(sides[sid]) if s == side]
        doc = shown[sid]["response"]["docs"][positions[nth]]
        assert visitor.get(doc["clickUrl"]).status_code == 303

    click(sids[0], "candidate")                               # candidate wins
    click(sids[1], "current"), click(sids[1], "current", 1)   # current wins
    click(sids[1], "candidate")
    click(sids[2], "current"), click(sids[2], "candidate")    # tie
    click(sids[2], "candidate")                               # the same position again: once
    # sids[3]: no click, a tie
    commit_statistics(app)
    result = read_comparison(svc.stats, comparison_id)
    assert (result.candidate_wins, result.current_wins, result.ties) == (1, 1, 3)

    # The plan (4) is reached: the page ends the comparison and shows the figures.
    page = admin.get("/admin/vergleich").get_data(as_text=True)
    rows = [[" ".join(cell.split()) for cell in row]
            for row in html_table(page, "vergleich-stand")[1]]
    assert rows[0][:2] == ["1", "5 Suchen"] and rows[1][:2] == ["3", "5 Suchen"]
    assert rows[2][:2] == ["1", "5 Suchen"]
    assert rows[3] == ["50 % (95-%-Intervall 9 % bis 91 %)", "2 entschiedenen Suchen"]
    assert rows[4] == ["1,000", "2 entschiedenen Suchen"]
    assert "Kein Unterschied nachgewiesen" in rows[5][0]
    assert not latest(svc.stats).running
    assert "geplante Zahl der Suchen erreicht" in page
    # No winner: adopting is refused in German, the live ranking stays.
    before = current_ranking(svc.core)
    refused = admin.post("/admin/vergleich/uebernehmen", data={"csrf_token": csrf(admin)})
    assert refused.status_code == 400
    assert "nicht gewonnen" in refused.get_data(as_text=True)
    assert current_ranking(svc.core) == before
    # Ended: a new search is the plain current ranking, outside any comparison.
    out = _api(visitor)
    assert _ids(out) == current
    assert "comparison" not in _events(app, [out["searchId"]])[out["searchId"]]
    audit = [e.summary for e in load_audit(svc.stats, "comparison")]
    assert any(s.startswith(f"Vergleich mit Version {candidate_version} gestartet") for s in audit)
    assert any("geplante Zahl der Suchen erreicht" in s for s in audit)


def test_searches_outside_the_share_and_later_pages_are_untouched(
        app: Flask, admin: FlaskClient, versions: tuple[int, int]) -> None:
    visitor = app.test_client()
    plain = _ids(_api(visitor))
    second = _ids(_api(visitor, page="2"))
    assert _start(admin, versions[0], "0,5", "1000").status_code == 302
    outs = [_api(visitor) for _ in range(30)]
    events = _events(app, [o["searchId"] for o in outs])
    outside = [o for o in outs if "comparison" not in events[o["searchId"]]]
    assert len(outside) >= 25  # 0.5 % of searches take part
    assert all(_ids(o) == plain for o in outside)
    later = _api(visitor, page="2")
    assert _ids(later) == second
    assert "comparison" not in _events(app, [later["searchId"]])[later["searchId"]]


def test_a_failing_candidate_shows_the_current_result(
        app: Flask, admin: FlaskClient, solr_url: str, antrag: list,
        caplog: pytest.LogCaptureFixture) -> None:
    core = CoreAdmin(SolrClient(solr_url, timeouts=Timeouts.reading(30)))
    base = current_ranking(core)
    # A field Solr does not know: every search under this ranking is refused.
    broken = save_ranking(core, base.with_changes(
        field_weights=base.field_weights + (("gibtesnicht", 2.0),)), "redaktion", "kaputt")
    save_ranking(core, base, "redaktion", "zurück")
    visitor = app.test_client()
    plain = _ids(_api(visitor))
    assert _start(admin, broken, "100", "50").status_code == 302
    out = _api(visitor)
    assert _ids(out) == plain
    assert "Comparison page failed, showing the current ranking" in caplog.text
    assert "comparison" not in _events(app, [out["searchId"]])[out["searchId"]]


def test_start_and_stop_are_checked_and_audited(app: Flask, admin: FlaskClient,
                                                versions: tuple[int, int]) -> None:
    candidate, _ = versions
    for share, planned, version, message in (
            ("0", "100", candidate, "über 0 %"), ("20", "", candidate, "als Zahlen"),
            ("20", "100", 999, "Version 999 gibt es nicht"),
            ("=1+1", "100", candidate, "als Zahlen")):
        response = _start(admin, version, share, planned)
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert _start(admin, candidate, "", "100").status_code == 302  # share: default 20 %
    svc = app.extensions[EXTENSION_KEY]
    assert latest(svc.stats).share == 0.2
    again = _start(admin, candidate, "20", "100")
    assert again.status_code == 400 and "schon ein Vergleich" in again.get_data(as_text=True)
    refused = admin.post("/admin/vergleich/uebernehmen", data={"csrf_token": csrf(admin)})
    assert refused.status_code == 400 and "100 Suchen fehlen" in refused.get_data(as_text=True)
    assert admin.post("/admin/vergleich/stop",
                      data={"csrf_token": csrf(admin)}).status_code == 302
    record = latest(svc.stats)
    assert not record.running and record.stop_reason == "manual"
    refused = admin.post("/admin/vergleich/uebernehmen", data={"csrf_token": csrf(admin)})
    assert "vor der geplanten Zahl beendet" in refused.get_data(as_text=True)
    audit = load_audit(svc.stats, "comparison")
    assert [e.user for e in audit] == ["redaktion", "redaktion"]
    assert "von Hand beendet" in audit[0].summary


def test_credit_goes_by_position_once_each() -> None:
    sides = (Side.CURRENT, Side.CANDIDATE, Side.CURRENT)
    # Position 1 twice, positions outside the page (0, 7) not at all.
    assert credit_positions(sides, [1, 1, 2, 3, 7, 0]) == {Side.CURRENT: 2, Side.CANDIDATE: 1}
    assert winner(credit_positions(sides, [2])) is Outcome.CANDIDATE
    assert winner(credit_positions(sides, [1, 2])) is Outcome.TIE
    assert winner(credit_positions(sides, [])) is Outcome.TIE
