"""Widget JSON API, autocomplete, OpenAPI, OpenSearch and health."""

from __future__ import annotations

import socket

import pytest
from flask.testing import FlaskClient

from webapp.extensions import register_tuning, solr_repository
from webapp.tuning import NoTuning

pytestmark = pytest.mark.usefixtures("search_docs")


def test_api_search_widget_model(client: FlaskClient) -> None:
    body = client.get("/api/search?q=Jena&category=Verkehr&page=1&rows=20&sort=datum_neu").get_json()
    assert body["inData"] == {"KEYWORD": "Jena", "CATEGORY": "Verkehr", "PAGE": 1, "ROWS": 20,
                              "SORT": "datum_neu", "EXACT": False, "TYPE": ""}
    out = body["outData"]
    assert out["response"]["numFound"] == 5 and out["response"]["start"] == 0
    assert out["currentKeyword"] == "Jena"
    assert out["pager"]["numPages"] == 1 and out["pager"]["pages"][0]["currentPage"] == 1
    doc = out["response"]["docs"][0]
    assert doc == {
        "id": "t-baustellen", "title": "Baustellen und Sperrungen",
        "url": "https://www.jena.de/verkehr/baustellen",
        "clickUrl": f"/klick?id=t-baustellen&q=Jena&sid={out['searchId']}&pos=1",
        "category": "Verkehr",
        "onlineDate": "2025-05-30T06:00:00Z", "onlineDateHasTime": True,
        "clickCounter": doc["clickCounter"],
        "snippet": doc["snippet"], "file": None, "allWords": True,
        "otherUrls": [], "otherUrlsTotal": 0, "language": "de"}
    assert "<mark>Jena</mark>" in doc["snippet"]
    assert out["partialMatches"] is False and out["partialMatchesNotice"] is None
    counts = {f["value"]: f["count"] for f in out["facets"]["category"]}
    assert counts == {"Bürgerservice": 8, "Umwelt & Abfall": 6, "Kultur & Freizeit": 6,
                      "Verkehr": 5, "Bildung": 4, "Rathaus": 4}


def test_api_paging_clamps_and_reports_current_page(client: FlaskClient) -> None:
    out = client.get("/api/search?q=Jena&page=50").get_json()["outData"]
    assert out["pager"]["numPages"] == 4
    assert out["pager"]["currentPage"] == 4 and out["response"]["start"] == 30
    assert [p["page"] for p in out["pager"]["pages"]] == [1, 2, 3, 4]
    assert [p["isCurrent"] for p in out["pager"]["pages"]] == [False, False, False, True]


def test_api_spellcheck_collation(client: FlaskClient) -> None:
    body = client.get("/api/search?q=Persnalausweis&autocorrect=0").get_json()
    assert body["outData"]["response"]["numFound"] == 0
    assert body["outData"]["spellcheck"]["collation"] == "Personalausweis"
    assert body["outData"]["spellcheck"]["collationHits"] == 1
    replaced = client.get("/api/search?q=Persnalausweis").get_json()["outData"]
    assert replaced["replacedKeyword"] == "Persnalausweis"
    assert [d["id"] for d in replaced["response"]["docs"]] == ["t-personalausweis"]


def test_api_empty_query_does_not_search(client: FlaskClient) -> None:
    body = client.get("/api/search").get_json()
    assert body["outData"]["response"] == {"numFound": 0, "start": 0, "docs": []}
    assert body["inData"]["KEYWORD"] == ""


def test_suggest_returns_titles(client: FlaskClient) -> None:
    body = client.get("/api/suggest?q=Perso").get_json()
    assert body == {"query": "Perso", "suggestions": ["Personalausweis beantragen"]}
    assert client.get("/api/suggest?q=P").get_json()["suggestions"] == []
    assert client.get("/api/suggest?q=%7B%21lucene%7D").status_code == 200


def test_openapi_document(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert params >= {"q", "category", "page", "rows", "sort", "exact"}
    assert "/api/suggest" in spec["paths"]


def test_opensearch_description(client: FlaskClient) -> None:
    response = client.get("/opensearch.xml")
    assert response.mimetype == "application/opensearchdescription+xml"
    assert 'template="http://localhost/suche?q={searchTerms}"' in response.get_data(as_text=True)


def test_opensearch_uses_public_url(solr_url: str) -> None:
    from webapp import create_app
    app = create_app({"solr_url": solr_url, "public_url": "https://suche.jena.de/",
                      "env": "development"})
    text = app.test_client().get("/opensearch.xml").get_data(as_text=True)
    assert 'template="https://suche.jena.de/suche?q={searchTerms}"' in text


def test_health_ok(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.get_json()
    assert (data["status"], data["solr"], data["reachable"]) == ("ok", "ok", 1)
    assert list(data["nodes"].values()) == ["ok"]


def test_health_reports_each_configured_node(solr_url: str) -> None:
    from webapp import create_app
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/solr/stadtsuche"
    app = create_app({"solr_url": f"{dead},{solr_url}", "env": "development"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    data = response.get_json()
    assert data["reachable"] == 1 and data["nodes"][solr_url] == "ok"
    assert "nicht erreichbar" in data["nodes"][dead] or "not reachable" in data["nodes"][dead]
    solr_repository(app).watch.stop()


class _PinFundbuero(NoTuning):
    """A SearchTuning of the visitor search's own kind, standing in for the admin area."""

    def pinned_ids(self, query: str) -> tuple[str, ...]:
        return ("t-fundbuero",) if query.lower() == "jena" else ()


class _BrokenPins(NoTuning):
    def pinned_ids(self, query: str) -> tuple[str, ...]:
        raise RuntimeError("pin store down")


def test_pinned_pages_lead_relevance_order(app, search_docs: str) -> None:
    register_tuning(app, _PinFundbuero())
    client = app.test_client()
    docs = client.get("/api/search?q=Jena").get_json()["outData"]["response"]["docs"]
    assert docs[0]["id"] == "t-fundbuero"
    by_date = client.get("/api/search?q=Jena&sort=datum_neu").get_json()["outData"]
    assert by_date["response"]["docs"][0]["id"] == "t-stadtfest"

    register_tuning(app, _BrokenPins())
    assert client.get("/api/search?q=Jena").status_code == 200
