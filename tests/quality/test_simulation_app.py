"""Proof by simulation through the app: simulated visitors search with the widget API and
click through the app's click links over the indexed sample site and real Solr; the
measures are computed from the events the app stored.

Rankings (real ParamSets, saved as versions): the better one is the shipped ranking without
the popularity boost (so that the simulated clicks do not move pages while it is measured);
the known-worse one is the same with the matching pages in the order of their address (Solr
sort "id asc"): the same pages found, without any order by relevance (a page that answers
the query comes first for 14 of the 30 queries instead of 27: the pages with every word
still lead in any order, and for many queries the answer is the only one). A milder change, such as
weighting the teaser instead of the title, is far harder to tell apart: see QUALITY.md. Queries: a fixed
sample of SAMPLE queries of the visitor tuning set (graded by their expected pages).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quality.golden import VISITOR_TUNING_FILE, load_visitor
from quality.paramset import RANKING, shipped_ranking
from quality.simulate import (GradedQuery, false_preference_rate, graded_queries,
                              simulate_interleaving)
from quality.simulate_app import AppVisitors, stored_ndcg, today
from solrclient import SolrClient, Timeouts
from solrlauncher import StandaloneSolr
from tests.admin.conftest import csrf, make_app, sign_in
from tests.admin.support import commit_statistics, html_table
from tests.support import Core
from webapp.admin.audit import load_audit
from webapp.admin.comparison_tally import read_comparison
from webapp.admin.comparisons import latest
from webapp.admin.evaluation.interleave import Outcome
from webapp.admin.preview import search_as_visitor
from webapp.admin.ranking import RankingSettings, parse_ranking
from webapp.admin.ranking_store import current_ranking, list_versions, save_ranking
from webapp.admin.repository import CoreAdmin
from webapp.admin.services import EXTENSION_KEY
from webapp.admin.stats import flush_all

SAMPLE = 30
# Simulated searches through the app under each ranking for the click nDCG.
NDCG_SEARCHES = 250
# Simulated searches through the app within which interleaving must prefer the better
# ranking with p < 0.05 (the pure repeats below show how reliably that number suffices).
PROOF_SEARCHES = 150
# The plan of that comparison: the worse ranking shows no hits for a few queries (those
# searches cannot take part), so the plan is a little smaller than the searches made.
PLANNED = 120
POWER_RUNS = 200
NULL_RUNS = 1000
BY_ADDRESS = "id asc"


@dataclass(frozen=True)
class Versions:
    better: int
    worse: int
    settings: dict[str, RankingSettings]


@pytest.fixture(scope="module")
def queries() -> tuple[GradedQuery, ...]:
    every = graded_queries(load_visitor(VISITOR_TUNING_FILE))
    return every[::len(every) // SAMPLE][:SAMPLE]


@pytest.fixture()
def core(indexed_core: str, solr: StandaloneSolr) -> Iterator[CoreAdmin]:
    """The sample site's core; statistics empty before, rankings as shipped after."""
    stats = Core(solr.url_for("stadtsuche_stats"))
    flush_all()
    stats.delete(q="*:*", commit=True)
    before = Core(indexed_core).param_sets()["params"]
    yield CoreAdmin(SolrClient(indexed_core, timeouts=Timeouts.reading(30)))
    flush_all()
    stats.delete(q="*:*", commit=True)
    test_core = Core(indexed_core)
    test_core.set_param_set(RANKING, shipped_ranking())
    added = [name for name in test_core.param_sets()["params"] if name not in before]
    if added:
        test_core.delete_param_sets(added)


def _save(core: CoreAdmin, live: str) -> Versions:
    better = parse_ranking(shipped_ranking()).with_changes(popularity=0.0)
    worse = better.with_changes(default_sort=BY_ADDRESS)
    settings = {"better": better, "worse": worse}
    order = ("worse", "better") if live == "better" else ("better", "worse")
    numbers = {name: save_ranking(core, settings[name], "simulation", name) for name in order}
    return Versions(numbers["better"], numbers["worse"], settings)


@pytest.fixture()
def app(indexed_core: str) -> Flask:
    # No result cache and no delay in reading the live ranking version: every simulated
    # search is a new request to Solr, and each event names the version it was ranked by.
    # Pins and exclusions are read as in production (every 1-2 s, not on every search).
    return make_app(indexed_core, RESULT_CACHE_SECONDS=0, RANKING_CACHE_SECONDS=0,
                    PINS_CACHE_SECONDS=2.0)


def _start(admin: FlaskClient, version: int, planned: int) -> None:
    admin.get("/admin/vergleich")
    response = admin.post("/admin/vergleich/start", data={
        "version": str(version), "anteil": "100", "geplant": str(planned),
        "csrf_token": csrf(admin)})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


def _first_pages(app: Flask, queries: tuple[GradedQuery, ...],
                 ranking: RankingSettings) -> dict[str, tuple[str, ...]]:
    """Each query's first page under ``ranking``, on the search path of the comparison."""
    svc = app.extensions[EXTENSION_KEY]
    return {q.query: tuple(h.id for h in search_as_visitor(svc.search, q.query, ranking,
                                                           pins=svc.tuning).hits)
            for q in queries}


def _restore(admin: FlaskClient, core: CoreAdmin, version: int) -> int:
    """Make saved ``version`` live through the ranking page; the number it is saved under."""
    admin.get("/admin/ranking")
    assert admin.post(f"/admin/ranking/version/{version}",
                      data={"csrf_token": csrf(admin)}).status_code == 302
    return list_versions(core)[0].number


def test_click_ndcg_from_stored_events_orders_better_above_worse(
        app: Flask, core: CoreAdmin, queries: tuple[GradedQuery, ...]) -> None:
    versions = _save(core, live="worse")
    visitors = AppVisitors(app.test_client())
    worse_visits = visitors.run(queries, NDCG_SEARCHES, seed=1)
    better = _restore(sign_in(app.test_client()), core, versions.better)
    better_visits = visitors.run(queries, NDCG_SEARCHES, seed=2)
    commit_statistics(app)
    measured = stored_ndcg(app.extensions[EXTENSION_KEY].stats, [versions.worse, better],
                           today())
    worse_ndcg, worse_searches = measured.by_version[str(versions.worse)]
    better_ndcg, better_searches = measured.by_version[str(better)]
    print(f"click nDCG@10 from stored events: better {better_ndcg:.3f} "
          f"({better_searches} searches), worse {worse_ndcg:.3f} ({worse_searches} searches), "
          f"{len(measured.judgements.judgements)} judgements; stored pages {measured.stored}")
    # Every result page with hits is stored under the version that ranked it.
    assert measured.stored == {str(versions.worse): sum(bool(v.shown) for v in worse_visits),
                               str(better): sum(bool(v.shown) for v in better_visits)}
    # A query none of whose pages was judged relevant has no nDCG: most searches count.
    assert better_searches >= 0.6 * NDCG_SEARCHES and worse_searches >= 0.6 * NDCG_SEARCHES
    assert len(measured.judgements.judgements) >= 40
    assert better_ndcg > worse_ndcg + 0.15


def _verdict_row(admin: FlaskClient) -> list[str]:
    html = admin.get("/admin/vergleich").get_data(as_text=True)
    return [" ".join(cell.split()) for cell in html_table(html, "vergleich-stand")[1][5]]


def test_interleaving_through_the_app_prefers_the_better_ranking_and_adopts_it(
        app: Flask, core: CoreAdmin, queries: tuple[GradedQuery, ...]) -> None:
    versions = _save(core, live="worse")
    admin = sign_in(app.test_client())
    _start(admin, versions.better, PLANNED)
    visits = AppVisitors(app.test_client()).run(queries, PROOF_SEARCHES, seed=3)
    commit_statistics(app)
    stats = app.extensions[EXTENSION_KEY].stats
    record = latest(stats)
    result = read_comparison(stats, record.id)
    print(f"interleaving through the app, {result.searches} searches: candidate (better) "
          f"{result.candidate_wins}, current (worse) {result.current_wins}, ties "
          f"{result.ties}, p = {result.p_value:.2g}")
    # Searches with hits took part (a page without hits has nothing to merge) until the
    # plan was reached and seen (the count lags by the statistics' write delay).
    assert PLANNED <= result.searches <= sum(bool(v.shown) for v in visits)
    assert result.verdict is Outcome.CANDIDATE and result.p_value < 0.05
    assert "Die neue Reihenfolge ist besser" in _verdict_row(admin)[0]
    response = admin.post("/admin/vergleich/uebernehmen", data={"csrf_token": csrf(admin)})
    assert response.status_code == 302
    assert current_ranking(core).default_sort == versions.settings["better"].default_sort
    assert load_audit(stats, "ranking")[0].summary.startswith(
        f"Vergleich gewonnen: Version {versions.better} ist Standard")
    assert latest(stats).adopted_as is not None


def test_pure_repeats_on_the_apps_rankings_show_how_often_that_number_suffices(
        app: Flask, core: CoreAdmin, queries: tuple[GradedQuery, ...]) -> None:
    versions = _save(core, live="better")
    better = _first_pages(app, queries, versions.settings["better"])
    worse = _first_pages(app, queries, versions.settings["worse"])
    assert better != worse

    def answered_first(pages: dict[str, tuple[str, ...]]) -> int:
        return sum(bool(pages[q.query]) and q.grade(pages[q.query][0]) == 3 for q in queries)

    print(f"a relevant page first: better {answered_first(better)}, worse "
          f"{answered_first(worse)} of {len(queries)} queries")
    assert answered_first(better) >= 0.8 * len(queries) >= 1.5 * answered_first(worse)
    runs = [simulate_interleaving(queries, worse, better, PROOF_SEARCHES, seed).outcomes
            for seed in range(POWER_RUNS)]
    shown = sum(c is not None and c.verdict is Outcome.CANDIDATE for c in runs)
    wrong = sum(c is not None and c.verdict is Outcome.CURRENT for c in runs)
    # For scale, not asserted: a mild change (the teaser weighted instead of the title).
    teaser = versions.settings["better"].with_changes(
        field_weights=(("teaser", 1.0), ("content", 0.01)), phrase_weights=())
    mild = _first_pages(app, queries, teaser)
    for searches in (PROOF_SEARCHES, 200):
        found = sum(simulate_interleaving(queries, mild, better, searches, seed).outcomes
                    .verdict is Outcome.CANDIDATE for seed in range(POWER_RUNS))
        print(f"mild change: better preferred within {searches} searches in {found} of "
              f"{POWER_RUNS} runs")
    rate = false_preference_rate(queries, better, 100, NULL_RUNS, seed=50_000)
    print(f"pure repeats on the app's rankings: better preferred (p < 0.05) within "
          f"{PROOF_SEARCHES} searches in {shown} of {POWER_RUNS} runs, worse in {wrong}; "
          f"identical rankings p < 0.05 in {rate:.1%} of {NULL_RUNS} runs of 100 searches")
    assert shown >= 0.95 * POWER_RUNS and wrong == 0
    assert rate <= 0.05


def test_identical_rankings_through_the_app_show_no_preference(
        app: Flask, core: CoreAdmin, queries: tuple[GradedQuery, ...]) -> None:
    versions = _save(core, live="better")
    same = save_ranking(core, versions.settings["better"], "simulation", "the same again")
    admin = sign_in(app.test_client())
    # Live: ``same``; candidate: the version with identical settings saved before it.
    assert current_ranking(core) == versions.settings["better"] and same > versions.better
    _start(admin, versions.better, 100)
    AppVisitors(app.test_client()).run(queries, 100, seed=4)
    commit_statistics(app)
    stats = app.extensions[EXTENSION_KEY].stats
    result = read_comparison(stats, latest(stats).id)
    print(f"identical rankings through the app, {result.searches} searches: "
          f"{result.candidate_wins} : {result.current_wins}, ties {result.ties}, "
          f"p = {result.p_value:.2g}")
    assert result.searches == 100
    # Both sides win searches; a run this size shows p < 0.001 once in a thousand or fewer.
    assert result.candidate_wins > 0 and result.current_wins > 0
    assert result.p_value >= 0.001
    # The page states what the searches showed. The coins of the merge come from random
    # search ids, so identical rankings still give p < 0.05 in up to 5 % of such runs (the
    # rate is measured with fixed seeds in the test above, `rate <= 0.05`); then the verdict
    # names the side those searches favoured.
    verdict = _verdict_row(admin)[0]
    if result.p_value >= 0.05:
        assert "Kein Unterschied nachgewiesen" in verdict
    else:
        favoured = "neue" if result.candidate_wins > result.current_wins else "aktuelle"
        assert f"Die {favoured} Reihenfolge ist besser (p < 0,05)." in verdict
