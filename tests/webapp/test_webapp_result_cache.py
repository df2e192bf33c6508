"""The per-worker result cache: repeated searches from memory, every search still counted,
clicks visible on every worker within 2 s, and a switch to turn it off."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from tests.support import Core, make_app
from webapp.extensions import RESULTS, register_tuning, solr_repository
from webapp.request import SearchRequest
from webapp.result import SearchResult
from webapp.result_cache import Kept
from webapp.signals import search_performed
from webapp.tuning import NoTuning

pytestmark = pytest.mark.usefixtures("search_docs")

QUERY = "/api/search?q=Planetarium"


def _planetarium(app: Flask) -> dict[str, Any]:
    docs = app.test_client().get(QUERY).get_json()["outData"]["response"]["docs"]
    return next(d for d in docs if d["id"] == "t-planetarium")


def _cache_app(solr_url: str, **config: object) -> Flask:
    """An app whose results are not void from a click of an earlier test (2 s)."""
    app = make_app(solr_url, TESTING=True, **config)
    void_before = app.extensions[RESULTS].clock.void_before()
    time.sleep(max(0.0, (void_before - time.time_ns()) / 1e9))
    return app


@pytest.fixture()
def retitled(solr_url: str) -> Iterator[Core]:
    """The Planetarium page's title can be changed behind the app's back (as a reindex
    would); the original comes back afterwards."""
    core = Core(solr_url)
    title = core.get("t-planetarium", fl="title")["title"]
    yield core
    core.add([{"id": "t-planetarium", "title": {"set": title}}], commit=True)


def test_a_repeated_search_comes_from_memory_and_is_still_counted(
        solr_url: str, retitled: Core) -> None:
    app = _cache_app(solr_url)
    counted: list[str] = []

    def count(sender: Flask, query: str, **_: object) -> None:
        counted.append(query)

    search_performed.connect(count, sender=app)
    try:
        first = _planetarium(app)["title"]
        retitled.add([{"id": "t-planetarium", "title": {"set": "Sternwarte Planetarium"}}],
                     commit=True)
        # Within the cache time the worker answers from memory...
        assert _planetarium(app)["title"] == first
        # ...and every one of these searches is in the statistics.
        assert counted == ["Planetarium", "Planetarium"]
    finally:
        search_performed.disconnect(count, sender=app)
    # Switched off, the same search goes to Solr each time.
    uncached = make_app(solr_url, TESTING=True, result_cache_seconds=0)
    assert _planetarium(uncached)["title"] == "Sternwarte Planetarium"


def test_a_click_on_one_worker_shows_in_the_next_search_of_another_within_two_seconds(
        solr_url: str) -> None:
    # Two apps on one Solr are two server workers: they share nothing but the change file.
    clicking, searching = make_app(solr_url, TESTING=True), make_app(solr_url, TESTING=True)
    before = _planetarium(searching)["clickCounter"]
    assert _planetarium(searching)["clickCounter"] == before  # now kept in its memory
    assert clicking.test_client().get("/klick?id=t-planetarium").status_code == 303
    clicked = time.monotonic()
    while _planetarium(searching)["clickCounter"] != before + 1:
        assert time.monotonic() - clicked < 2.0, "click not visible in the next search in 2 s"
        time.sleep(0.05)


def test_results_older_than_the_cache_time_are_searched_again(
        solr_url: str, retitled: Core) -> None:
    app = _cache_app(solr_url, result_cache_seconds=3)
    searched = time.monotonic()
    first = _planetarium(app)["title"]
    retitled.add([{"id": "t-planetarium", "title": {"set": "Planetarium am Prinzessinnengarten"}}],
                 commit=True)
    if time.monotonic() - searched < 2.5:  # on a very busy machine this may take longer
        assert _planetarium(app)["title"] == first
    time.sleep(max(0.0, 3.1 - (time.monotonic() - searched)))
    assert _planetarium(app)["title"] == "Planetarium am Prinzessinnengarten"


def test_the_results_page_is_rendered_once_and_void_with_its_result(
        solr_url: str, retitled: Core) -> None:
    app = _cache_app(solr_url)
    client = app.test_client()
    first = client.get("/suche?q=Planetarium")
    assert first.status_code == 200 and first.mimetype == "text/html"
    retitled.add([{"id": "t-planetarium", "title": {"set": "Sternenkuppel Nordost"}}],
                 commit=True)
    # The kept page is the same page, byte for byte (restored from its compressed copy),
    # but for the search id that each search gets anew...
    again = client.get("/suche?q=Planetarium").data
    assert re.sub(rb"[0-9a-f]{32}", b"", again) == re.sub(rb"[0-9a-f]{32}", b"", first.data)
    assert _sids(again) and _sids(first.data) and not _sids(again) & _sids(first.data)
    assert b"Sternenkuppel" not in first.data
    # ...until its result is void (here by a change, as a click or the admin area void it).
    app.extensions[RESULTS].clock.void_until(0)
    time.sleep(0.01)
    assert b"Sternenkuppel" in client.get("/suche?q=Planetarium").data


def _sids(body: bytes) -> set[bytes]:
    return set(re.findall(rb"sid=([0-9a-f]{32})", body))


def test_a_rendering_is_made_once_per_kept_result_and_every_time_without_the_cache() -> None:
    request = SearchRequest(query="Wohngeld")
    made: list[str] = []

    def render() -> bytes:
        made.append("page")
        return "<p>Wohngeld – 3 Treffer</p>".encode()

    kept = Kept(SearchResult(request=request), renderings={})
    assert [kept.rendered("page", render) for _ in range(3)] == [render()] * 3
    assert made == ["page", "page"]  # once for the kept copy, once for the comparison
    passing = Kept(SearchResult(request=request))
    assert passing.rendered("page", render) == passing.rendered("page", render)
    assert len(made) == 4 and passing.renderings is None




class _CountedTuning(NoTuning):
    """The neutral tuning, counting how often the search reads the pins."""

    def __init__(self) -> None:
        self.pin_reads = 0

    def pinned_ids(self, query: str) -> tuple[str, ...]:
        self.pin_reads += 1
        return ()


@pytest.mark.parametrize(("seconds", "reads"), [(0, 1), (30, 2)])
def test_the_cache_key_reads_the_settings_only_while_the_cache_is_on(
        solr_url: str, seconds: float, reads: int) -> None:
    app = _cache_app(solr_url, result_cache_seconds=seconds)
    counted = _CountedTuning()
    register_tuning(app, counted)
    assert _planetarium(app)["title"]
    # Off: run_search reads the pins once; on: the key reads them too.
    assert counted.pin_reads == reads
