"""Fixtures for the admin area: a signed-in client on the session's real Solr, test pages,
and a clean slate (ranking ParamSet, synonyms, stopwords, statistics) after every test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.security import generate_password_hash

from solrclient import SolrNotFound
from solrlauncher import StandaloneSolr
from tests.support import Core, make_app as make_test_app
from tests.webapp.support import LiveServer
from webapp.admin.stats import flush_all

SYNONYMS, STOPWORDS = "synonyms/de", "stopwords/de"
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
    page("hundesteuer", "Hundesteuer", "Das Formular liegt im Rathaus aus.", clicks=10),
    page("baustelle-neu", "Sperrung am Holzmarkt",
         "Wegen einer Baustelle ist die Straße am Holzmarkt bis Freitag gesperrt.",
         category="Aktuelles", days_old=2),
    page("baustelle-alt", "Baustelle an der Stadtbrücke",
         "Die Baustelle an der Stadtbrücke ist gesperrt.", category="Aktuelles",
         days_old=700, teaser="Baustelle und Umleitung"),
]


def order(core_url: str, query: str, **params: str) -> list[str]:
    """Ids of the live /search answer for ``query``, in order."""
    found = Core(core_url).search(query, handler="search", fl="id", spellcheck="false", **params)
    return [d["id"] for d in found.docs]


@pytest.fixture()
def pages(solr_url: str) -> list[dict[str, object]]:
    """The core holds exactly PAGES."""
    Core(solr_url).load(PAGES)
    return PAGES


@pytest.fixture(autouse=True)
def clean_slate(solr: StandaloneSolr) -> Iterator[None]:
    """Undo every change an admin test makes to the shared Solr (other folders rely on it)."""
    core, stats = Core(solr.core_url), Core(solr.url_for("stadtsuche_stats"))
    before = core.param_sets()["params"]
    synonyms = core.managed(SYNONYMS)
    stopwords = core.managed(STOPWORDS)
    _empty_statistics(stats)
    yield
    if not solr.running:
        solr.start()
    after = core.param_sets()["params"]
    added = [name for name in after if name not in before]
    core.set_param_set("ranking", {k: v for k, v in before.get("ranking", {}).items() if k})
    if added:
        core.delete_param_sets(added)
    old_syn = synonyms["synonymMappings"]["managedMap"]
    old_stop = set(stopwords["wordSet"]["managedList"])
    now_syn = core.managed(SYNONYMS)
    now_stop = core.managed(STOPWORDS)
    changed = False
    for term in set(now_syn["synonymMappings"]["managedMap"]) - set(old_syn):
        _forget(core, SYNONYMS, term)
        changed = True
    for word in set(now_stop["wordSet"]["managedList"]) - old_stop:
        _forget(core, STOPWORDS, word)
        changed = True
    if old_stop - set(now_stop["wordSet"]["managedList"]):
        core.add_managed(STOPWORDS, sorted(old_stop - set(now_stop["wordSet"]["managedList"])))
        changed = True
    if changed:
        core.node().cores("RELOAD", core=solr.core)
    _empty_statistics(stats)


def _forget(core: Core, resource: str, entry: str) -> None:
    try:
        core.forget_managed(resource, entry)
    except SolrNotFound:
        pass  # removed by the test itself meanwhile


def _empty_statistics(stats: Core) -> None:
    """No statistics or admin records; events any app of this process still holds (also
    other folders' tests) are written first: written later, they would count here."""
    flush_all()
    stats.delete(q="*:*", commit=True)


def make_app(solr_url: str, **config: object) -> Flask:
    """The web app with admin credentials, on the session's Solr."""
    return make_test_app(solr_url, **{"TESTING": True, "ADMIN_USER": ADMIN_USER,
                                      "ADMIN_PASSWORD_HASH": ADMIN_HASH, "PINS_CACHE_SECONDS": 0,
                                      **config})


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
