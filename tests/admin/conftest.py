"""Fixtures for the admin area: a signed-in client on the session's real Solr, test pages,
and a clean slate (ranking ParamSet, synonyms, stopwords, statistics) after every test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.security import generate_password_hash

from solrlauncher import StandaloneSolr
from tests.webapp.support import LiveServer
from webapp import create_app
from webapp.admin.stats import flush_all

ADMIN_USER = "redaktion"
ADMIN_PASSWORD = "Saale-Paradies-2026"
# scrypt is deliberately slow; one hash for the whole session keeps the tests quick.
ADMIN_HASH = generate_password_hash(ADMIN_PASSWORD, method="scrypt")


def _days_ago(days: int) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def page(slug: str, title: str, content: str, category: str = "Bürgerservice", clicks: int = 0,
         days_old: int = 400, teaser: str = "") -> dict[str, object]:
    """One test page as a Solr document."""
    return {"id": f"adm-{slug}", "url": f"https://www.jena.de/test/{slug}", "title": title,
            "teaser": teaser, "content": content, "category": category,
            "onlineDate": _days_ago(days_old), "language": "de", "clickCounter": clicks}


PAGES = [
    page("personalausweis", "Personalausweis beantragen",
         "Den Personalausweis beantragen Sie im Bürgeramt. Der Ausweis gilt zehn Jahre.",
         teaser="Ausweis für Erwachsene und Kinder"),
    page("fundbuero", "Fundbüro", "Verlorene Dinge, auch einen Ausweis, geben Sie im Fundbüro ab.",
         clicks=5000),
    page("hundesteuer", "Hundesteuer", "Hunde müssen angemeldet werden.", clicks=10),
    page("baustelle-neu", "Sperrung am Holzmarkt",
         "Wegen einer Baustelle ist die Straße am Holzmarkt bis Freitag gesperrt.",
         category="Aktuelles", days_old=2),
    page("baustelle-alt", "Baustelle an der Stadtbrücke",
         "Die Baustelle an der Stadtbrücke ist gesperrt.", category="Aktuelles",
         days_old=700, teaser="Baustelle und Umleitung"),
]


def order(core_url: str, query: str, **params: str) -> list[str]:
    """Ids of the live /search answer for ``query``, in order."""
    response = requests.get(f"{core_url}/search", params={"q": query, "fl": "id", "wt": "json",
                                                          "spellcheck": "false", **params},
                            timeout=30)
    response.raise_for_status()
    return [d["id"] for d in response.json()["response"]["docs"]]


@pytest.fixture()
def pages(solr_url: str) -> list[dict[str, object]]:
    """The core holds exactly PAGES."""
    session = requests.Session()
    session.post(f"{solr_url}/update", params={"commit": "true"},
                 json={"delete": {"query": "*:*"}}, timeout=60).raise_for_status()
    session.post(f"{solr_url}/update", params={"commit": "true"}, json=PAGES,
                 timeout=60).raise_for_status()
    session.close()
    return PAGES


@pytest.fixture(autouse=True)
def clean_slate(solr: StandaloneSolr) -> Iterator[None]:
    """Undo every change an admin test makes to the shared Solr (other folders rely on it)."""
    core, stats = solr.core_url, solr.url_for("stadtsuche_stats")
    before = requests.get(f"{core}/config/params", timeout=30).json()["response"]["params"]
    synonyms = requests.get(f"{core}/schema/analysis/synonyms/de", timeout=30).json()
    stopwords = requests.get(f"{core}/schema/analysis/stopwords/de", timeout=30).json()
    _empty_statistics(stats)
    yield
    if not solr.running:
        solr.start()
    after = requests.get(f"{core}/config/params", timeout=30).json()["response"]["params"]
    added = [name for name in after if name not in before]
    ranking = {k: v for k, v in before.get("ranking", {}).items() if k}
    requests.post(f"{core}/config/params", json={"set": {"ranking": ranking}},
                  timeout=30).raise_for_status()
    if added:
        requests.post(f"{core}/config/params", json={"delete": added},
                      timeout=30).raise_for_status()
    old_syn = synonyms["synonymMappings"]["managedMap"]
    old_stop = set(stopwords["wordSet"]["managedList"])
    now_syn = requests.get(f"{core}/schema/analysis/synonyms/de", timeout=30).json()
    now_stop = requests.get(f"{core}/schema/analysis/stopwords/de", timeout=30).json()
    changed = False
    for term in set(now_syn["synonymMappings"]["managedMap"]) - set(old_syn):
        requests.delete(f"{core}/schema/analysis/synonyms/de/{term}", timeout=30)
        changed = True
    for word in set(now_stop["wordSet"]["managedList"]) - old_stop:
        requests.delete(f"{core}/schema/analysis/stopwords/de/{word}", timeout=30)
        changed = True
    if old_stop - set(now_stop["wordSet"]["managedList"]):
        requests.put(f"{core}/schema/analysis/stopwords/de",
                     json=sorted(old_stop - set(now_stop["wordSet"]["managedList"])), timeout=30)
        changed = True
    if changed:
        requests.get(f"{solr.base_url}/admin/cores", params={"action": "RELOAD", "core": solr.core},
                     timeout=60).raise_for_status()
    _empty_statistics(stats)


def _empty_statistics(stats: str) -> None:
    """No statistics or admin records; events any app of this process still holds (also
    other folders' tests) are written first: written later, they would count here."""
    flush_all()
    requests.post(f"{stats}/update", params={"commit": "true"},
                  json={"delete": {"query": "*:*"}}, timeout=30).raise_for_status()


def make_app(solr_url: str, **config: object) -> Flask:
    """The web app with admin credentials, on the session's Solr."""
    return create_app({"solr_url": solr_url, "solr_timeout": 10, "env": "development",
                       "TESTING": True, "ADMIN_USER": ADMIN_USER, "ADMIN_PASSWORD_HASH": ADMIN_HASH,
                       "PINS_CACHE_SECONDS": 0, **config})


@pytest.fixture()
def app(solr_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    """The web app with the admin area; indexer state goes to a temporary folder."""
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "indexer-state.json"))
    yield make_app(solr_url, GOLDEN_QUERIES_FILE=str(tmp_path / "no-golden.json"))


def csrf(client: FlaskClient) -> str:
    """The CSRF token of the client's session (created by a GET of any admin form)."""
    with client.session_transaction() as session:
        return session["admin_csrf"]


def sign_in(client: FlaskClient) -> FlaskClient:
    """Sign ``client`` in through the login form."""
    client.get("/admin/login")
    response = client.post("/admin/login", data={"benutzer": ADMIN_USER, "passwort": ADMIN_PASSWORD,
                                                 "csrf_token": csrf(client)})
    assert response.status_code == 302, response.data[:500]
    return client


@pytest.fixture()
def admin(app: Flask) -> FlaskClient:
    """A signed-in test client."""
    return sign_in(app.test_client())


@pytest.fixture()
def live_admin(solr_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    """The app with the admin area served over HTTP, for the browser."""
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "indexer-state.json"))
    server = LiveServer.start(make_app(solr_url, GOLDEN_QUERIES_FILE=str(tmp_path / "none.json")))
    yield server
    server.stop()
