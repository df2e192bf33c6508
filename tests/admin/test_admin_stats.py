"""Search statistics from the web app's signals, stored in the stadtsuche_stats core."""

from __future__ import annotations

import json
from datetime import date, timedelta

from flask.testing import FlaskClient

from solrclient import SolrClient, Timeouts
from solrlauncher import StandaloneSolr
from tests.admin.conftest import make_app
from tests.admin.support import commit_statistics
from tests.support import Core
from webapp.admin.forms import period_from_args
from webapp.admin.settings import default_stats_url

ALLOWED_FIELDS = {"id", "type", "ts", "query", "category", "num_found", "page", "corrected",
                  "doc_id", "_version_", "search_id", "follows", "source", "sort", "rows",
                  "exact", "doc_type", "start", "ranking", "position", "shown"}


def _wait_for(client: FlaskClient, check) -> dict:
    """The statistics API after the recorder wrote and committed every queued event (in
    production they show within the statistics core's soft-commit interval)."""
    commit_statistics(client.application)
    data = client.get("/admin/api/statistik").json
    assert check(data), data
    return data


def test_zero_hit_query_appears_in_statistics_with_fix_links(admin: FlaskClient,
                                                             pages: list) -> None:
    visitor = admin.application.test_client()
    result = visitor.get("/api/search", query_string={"q": "Xylophonreparatur",
                                                      "autocorrect": "0"}).json
    assert result["outData"]["response"]["numFound"] == 0
    data = _wait_for(admin, lambda d: d["zeroHit"])
    assert data["zeroHit"] == [{"query": "xylophonreparatur", "searches": 1, "zero_hits": 1,
                                "clicks": 0}]
    page = admin.get("/admin/statistik").get_data(as_text=True)
    table = page.split('id="null-treffer"')[1].split("</table>")[0]
    assert "xylophonreparatur" in table
    assert "/admin/begriffe?begriff=xylophonreparatur" in table
    assert "/admin/angepinnt?begriff=xylophonreparatur" in table
    prefilled = admin.get("/admin/begriffe?begriff=xylophonreparatur").get_data(as_text=True)
    assert 'name="begriff" maxlength="100" value="xylophonreparatur"' in prefilled


def test_top_queries_and_click_through(admin: FlaskClient, pages: list) -> None:
    visitor = admin.application.test_client()
    for query in ("Ausweis", "ausweis ", "AUSWEIS", "Hundesteuer"):
        assert visitor.get("/suche", query_string={"q": query}).status_code == 200
    click = visitor.get("/klick/adm-personalausweis", query_string={"q": "Ausweis"})
    assert click.status_code == 303
    data = _wait_for(admin, lambda d: d["clicks"] == 1 and d["searches"] == 4)
    assert data["searches"] == 4 and data["clicks"] == 1
    top = {row["query"]: row for row in data["top"]}
    assert top["ausweis"]["searches"] == 3 and top["ausweis"]["clicks"] == 1
    assert top["ausweis"]["ctr"] == round(1 / 3, 4)
    assert top["hundesteuer"]["searches"] == 1 and top["hundesteuer"]["ctr"] == 0
    page = admin.get("/admin/statistik").get_data(as_text=True)
    assert "<td>ausweis</td><td>3</td><td>0</td><td>1</td>" in page and "33 %" in page
    # A period before today holds none of it.
    old = admin.get("/admin/api/statistik?von=2020-01-01&bis=2020-12-31").json
    assert old["searches"] == 0 and old["top"] == []


def test_statistics_store_no_personal_data(admin: FlaskClient, solr: StandaloneSolr,
                                           pages: list) -> None:
    visitor = admin.application.test_client()
    visitor.get("/suche", query_string={"q": "Ausweis"},
                headers={"User-Agent": "Testbrowser/1.0 (Max Mustermann)",
                         "X-Forwarded-For": "203.0.113.9"},
                environ_base={"REMOTE_ADDR": "198.51.100.7"})
    visitor.get("/klick/adm-personalausweis", query_string={"q": "Ausweis"},
                environ_base={"REMOTE_ADDR": "198.51.100.7"})
    _wait_for(admin, lambda d: d["clicks"] == 1 and d["searches"] == 1)
    docs = Core(solr.url_for("stadtsuche_stats")).search("*:*", rows=100).docs
    assert {d["type"] for d in docs} == {"search", "click"}
    for doc in docs:
        assert set(doc) <= ALLOWED_FIELDS, doc
    dumped = json.dumps(docs)
    for personal in ("198.51.100.7", "203.0.113.9", "Testbrowser", "Mustermann"):
        assert personal not in dumped


def test_statistics_survive_a_new_app_instance(admin: FlaskClient, solr_url: str,
                                               pages: list) -> None:
    admin.application.test_client().get("/api/search", query_string={"q": "Hundesteuer"})
    _wait_for(admin, lambda d: d["searches"] == 1)
    from tests.admin.conftest import sign_in
    other = sign_in(make_app(solr_url).test_client())
    assert other.get("/admin/api/statistik").json["top"][0]["query"] == "hundesteuer"


def test_period_parsing() -> None:
    today = date(2026, 11, 25)
    assert period_from_args({}, today) == (today - timedelta(days=29), today, None)
    assert period_from_args({"von": "2026-11-01", "bis": "2026-11-10"}, today) == (
        date(2026, 11, 1), date(2026, 11, 10), None)
    start, end, error = period_from_args({"von": "gestern"}, today)
    assert error == "Bitte Daten im Format JJJJ-MM-TT angeben." and end == today
    assert period_from_args({"von": "2026-11-10", "bis": "2026-11-01"}, today)[2].startswith(
        "Der Beginn lag nach dem Ende")


def test_bad_period_is_explained_not_a_traceback(admin: FlaskClient) -> None:
    response = admin.get("/admin/statistik?von=%27%3B--&bis=x")
    assert response.status_code == 200
    assert "Bitte Daten im Format JJJJ-MM-TT angeben." in response.get_data(as_text=True)


def test_stats_url_defaults_to_the_same_solr() -> None:
    assert default_stats_url("http://solr:8983/solr/stadtsuche") == \
        "http://solr:8983/solr/stadtsuche_stats"


def test_old_events_are_purged(solr: StandaloneSolr) -> None:
    from webapp.admin.repository import StatsStore
    from webapp.admin.stats import purge_old_events
    store = StatsStore(SolrClient(solr.url_for("stadtsuche_stats"), timeouts=Timeouts.reading(10)))
    store.add([{"id": "alt", "type": "search", "query": "alt", "ts": "2020-01-01T00:00:00Z"},
               {"id": "neu", "type": "search", "query": "neu", "ts": "NOW"},
               {"id": "pin:x", "type": "pin", "query": "x", "doc_ids": ["a"],
                "ts": "2020-01-01T00:00:00Z"}], 0)
    purge_old_events(store, 365)
    left = store.select({"q": "*:*", "fl": "id", "sort": "id asc"})["response"]["docs"]
    assert [d["id"] for d in left] == ["neu", "pin:x"]


def test_visitor_search_goes_on_without_the_statistics_core(solr: StandaloneSolr,
                                                            pages: list) -> None:
    app = make_app(solr.core_url, STATS_SOLR_URL=f"{solr.base_url}/gibt_es_nicht")
    visitor = app.test_client()
    for _ in range(2):
        response = visitor.get("/api/search", query_string={"q": "Ausweis"})
        assert response.status_code == 200
        assert response.json["outData"]["response"]["numFound"] == 2
    from tests.admin.conftest import sign_in
    admin = sign_in(app.test_client())
    page = admin.get("/admin/statistik")
    assert page.status_code == 503
    assert "gibt_es_nicht" in page.get_data(as_text=True)
    assert "Traceback" not in page.get_data(as_text=True)


def test_period_days_are_local_days() -> None:
    from webapp.admin.stats import period_filter
    # Winter: Berlin is UTC+1; summer: UTC+2.
    assert period_filter(date(2026, 1, 10), date(2026, 1, 10)) == \
        "ts:[2026-01-09T23:00:00Z TO 2026-01-10T23:00:00Z}"
    assert period_filter(date(2026, 7, 1), date(2026, 7, 31)) == \
        "ts:[2026-06-30T22:00:00Z TO 2026-07-31T22:00:00Z}"
