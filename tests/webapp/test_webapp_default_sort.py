"""The web team's default order, pure parts: clause mapping, request parsing, links, builder."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Flask

from webapp.builder import SORT_CLAUSES, build_solr_params, sort_for_clause
from webapp import create_app
from webapp.extensions import tuning
from webapp.request import SearchRequest, Sort, parse_search_request
from webapp.result import SearchResult
from webapp.widget import in_data


@pytest.mark.parametrize("clause, expected", [
    ("score desc, onlineDate desc", Sort.RELEVANCE),
    ("onlineDate desc, score desc", Sort.NEWEST),
    ("onlineDate asc, score desc", Sort.OLDEST),
    ("clickCounter desc, score desc", Sort.POPULAR),
    ("  onlineDate desc ,score   desc ", Sort.NEWEST),
    ("id asc", Sort.RELEVANCE),
    ("onlineDate desc", Sort.RELEVANCE),
    ("", Sort.RELEVANCE),
    (None, Sort.RELEVANCE),
])
def test_sort_for_clause(clause: str | None, expected: Sort) -> None:
    assert sort_for_clause(clause) is expected


def test_every_visitor_order_maps_back_from_its_clause() -> None:
    assert {sort_for_clause(clause) for clause in SORT_CLAUSES.values()} == set(Sort)


@pytest.mark.parametrize("raw", [None, "", "zufall", "  "])
def test_missing_or_unknown_sort_takes_the_default(raw: str | None) -> None:
    args = {"q": "Baustelle"} if raw is None else {"q": "Baustelle", "sort": raw}
    req = parse_search_request(args, Sort.NEWEST)
    assert (req.sort, req.default_sort, req.sort_from_ranking) == (Sort.NEWEST, Sort.NEWEST, True)
    assert "sort" not in build_solr_params(req)
    assert "sort" not in req.to_args(page=2)


def test_explicit_relevance_survives_when_the_default_is_another() -> None:
    req = parse_search_request({"q": "Baustelle", "sort": " Relevanz "}, Sort.NEWEST)
    assert (req.sort, req.sort_from_ranking) == (Sort.RELEVANCE, False)
    assert build_solr_params(req)["sort"] == SORT_CLAUSES[Sort.RELEVANCE]
    assert req.to_args(page=2) == {"q": "Baustelle", "page": "2", "sort": "relevanz"}
    # Changing the order in a link to the default leaves the parameter out.
    assert "sort" not in req.to_args(sort=Sort.NEWEST)


def test_explicit_default_is_sent_but_left_out_of_links() -> None:
    req = parse_search_request({"q": "Baustelle", "sort": "datum_neu"}, Sort.NEWEST)
    assert build_solr_params(req)["sort"] == SORT_CLAUSES[Sort.NEWEST]
    assert req.to_args() == {"q": "Baustelle"}


def test_without_a_default_relevance_applies_and_is_left_out() -> None:
    req = parse_search_request({"q": "Baustelle"})
    assert req.sort is Sort.RELEVANCE and req.sort_from_ranking
    assert req == SearchRequest(query="Baustelle")
    assert parse_search_request({"q": "x", "sort": "datum_alt"}).to_args()["sort"] == "datum_alt"


def test_pins_follow_the_order_actually_used() -> None:
    by_default_date = parse_search_request({"q": "jena"}, Sort.NEWEST)
    by_choice = parse_search_request({"q": "jena", "sort": "relevanz"}, Sort.NEWEST)
    pinned = ("t-a",)
    assert "elevateIds" not in build_solr_params(
        replace(by_default_date, pinned_ids=pinned))
    assert build_solr_params(
        replace(by_choice, pinned_ids=pinned))["elevateIds"] == "t-a"


def test_widget_in_data_names_the_order_used() -> None:
    req = parse_search_request({"q": "Baustelle"}, Sort.POPULAR)
    assert in_data(SearchResult(request=req))["SORT"] == "beliebtheit"


def test_without_admin_area_the_order_is_relevance(solr_url: str) -> None:
    bare = create_app({"solr_url": solr_url, "admin_enabled": "false", "env": "development"})
    with bare.app_context():
        assert tuning().default_sort() is Sort.RELEVANCE
