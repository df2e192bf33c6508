"""Full rebuild through a collection alias while visitors search and click."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import requests

from indexer.rebuild import RebuildError, rebuild
from indexer.rebuild import main as rebuild_main
from solrlauncher import CloudSolr
from tests.reliability.loadgen import LoadReport, run_load
from tests.reliability.support import (QUERIES, click_counts, commit, make_app, num_found,
                                       report_numbers, wait_until)
from tests.support import Core, Node
from tests.webapp.support import LiveServer
from webapp.click_queue import ClickQueue
from webapp.views.click import QUEUE_KEY

pytestmark = pytest.mark.slow

ALIAS = "stadtsuche"


def _aliases(cloud: CloudSolr) -> dict[str, str]:
    return Node(cloud.node_urls[0]).collections("LISTALIASES")["aliases"]


def _click_seqs(url: str, ids: list[str]) -> dict[str, int]:
    return {i: int((Core(url).get(i, fl="id,clickSeq") or {}).get("clickSeq") or 0)
            for i in ids}


def _collections(cloud: CloudSolr) -> list[str]:
    return Node(cloud.node_urls[0]).collections("LIST")["collections"]


def test_rebuild_swaps_alias_without_failed_search_or_lost_click(
        cloud: CloudSolr, cloud_url: str, sample_site: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "state.json"))
    assert cloud_url.endswith(f"/{ALIAS}")  # the app is configured with the alias name
    app = make_app(cloud_url)
    server = LiveServer.start(app)
    api = f"{server.url}/api/search"
    expected = {q: requests.get(api, params={"q": q}, timeout=10).json()["outData"]["response"]
                ["numFound"] for q in QUERIES}
    ids = Core(cloud_url).ids(rows=5, sort="id desc")
    commit(cloud_url)
    before = click_counts(cloud_url, ids)
    before_seqs = _click_seqs(cloud_url, ids)
    before_collections = set(_collections(cloud))

    def search(session: requests.Session, i: int) -> str | None:
        q = QUERIES[i % len(QUERIES)]
        resp = session.get(api, params={"q": q}, timeout=15)
        if resp.status_code != 200:
            return f"HTTP {resp.status_code}"
        found = resp.json()["outData"]["response"]["numFound"]
        return None if found == expected[q] else f"{q}: numFound {found} != {expected[q]}"

    stop = threading.Event()
    clicked: Counter[str] = Counter()
    click_failures: list[int] = []

    def click() -> None:
        with requests.Session() as session:
            n = 0
            while not stop.is_set():
                doc_id = ids[n % len(ids)]
                resp = session.get(f"{server.url}/klick", params={"id": doc_id}, allow_redirects=False,
                                   timeout=15)
                if resp.status_code == 303:
                    clicked[doc_id] += 1
                else:
                    click_failures.append(resp.status_code)
                n += 1
                time.sleep(0.02)

    result: dict[str, LoadReport] = {}
    load = threading.Thread(target=lambda: result.update(
        r=run_load(search, clients=3, duration=600, stop=stop)))
    clicker = threading.Thread(target=click)
    load.start()
    clicker.start()
    try:
        time.sleep(2)
        started = time.monotonic()
        # All three nodes, as the compose cloud profile passes them.
        code = rebuild_main(["--solr-base", ",".join(cloud.node_urls), "--alias", ALIAS,
                             str(sample_site)])
        rebuild_s = time.monotonic() - started
        time.sleep(3)  # keep searching and clicking on the new collection for a moment
    finally:
        stop.set()
        load.join(60)
        clicker.join(60)
        # A click the app kept for later (accepted, "queued") is counted before the check.
        kept: ClickQueue = app.extensions[QUEUE_KEY]
        wait_until(lambda: kept.pending() == 0, 60, "the app's kept clicks are counted")
        server.stop()
    out = capsys.readouterr()
    assert code == 0, out.err
    report = result["r"]
    new = _aliases(cloud).get(ALIAS)
    assert new and new.startswith(f"{ALIAS}_") and new not in before_collections
    # The launcher's plain collection "stadtsuche" was the live one and is gone now.
    assert ALIAS not in _collections(cloud)
    commit(cloud_url)
    after = click_counts(cloud_url, ids)
    report_numbers("cloud_rebuild", {
        "rebuild_s": round(rebuild_s, 1), "searches": report.requests,
        "failed_searches": len(report.errors), "p95_ms": round(report.percentile(95) * 1000),
        "clicks_during_rebuild": sum(clicked.values()), "click_failures": len(click_failures),
        "documents_new_collection": num_found(cloud_url), "summary": out.out.strip()[-300:]})
    assert report.requests >= 30
    assert not report.errors, report.error_reasons()
    assert not click_failures
    assert num_found(cloud_url) == Node(cloud.node_urls[1]).core(new).count() >= 60
    # Clicks before the rebuild were copied, clicks during it were carried over or landed on
    # the new collection directly: none is lost, none counted twice.
    assert {i: after.get(i, 0) for i in ids} == {i: before.get(i, 0) + clicked[i] for i in ids}
    assert sum(clicked.values()) >= 20
    # Each page's last counted click number came along (the app counts a click once by it):
    # never lower than before, and set on every page clicked.
    after_seqs = _click_seqs(cloud_url, ids)
    assert all(after_seqs[i] >= before_seqs[i] for i in ids), (before_seqs, after_seqs)
    assert all(after_seqs[i] > 0 for i in ids if clicked[i] or before.get(i)), after_seqs
    # Autocomplete works on the new collection right away.
    suggest = Core(cloud_url).suggest("Perso")
    assert "Personalausweis" in str(suggest)


def test_failed_rebuild_keeps_the_live_collection(cloud: CloudSolr, cloud_url: str,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "state.json"))
    empty = tmp_path / "leer"
    empty.mkdir()
    live_before = _aliases(cloud).get(ALIAS) or ALIAS
    docs_before = num_found(cloud_url)
    collections_before = set(_collections(cloud))
    with pytest.raises(RebuildError, match="Indexlauf"):
        rebuild(cloud.node_urls[0], ALIAS, str(empty))
    # Nothing changed for visitors, and the unfinished collection was cleaned up.
    assert (_aliases(cloud).get(ALIAS) or ALIAS) == live_before
    assert num_found(cloud_url) == docs_before
    assert set(_collections(cloud)) == collections_before
