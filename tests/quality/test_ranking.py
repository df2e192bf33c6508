"""Relevance defaults on real Solr: shipped ParamSet, recency only for news, gentle popularity."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from quality.clock import REFERENCE_DATE, now_param
from quality.paramset import RANKING, shipped_ranking
from quality.solr import SearchClient
from solrlauncher import StandaloneSolr
from tests.support import Core

# Plain Solr/edismax parameters only: the admin area edits the set through the ParamSets API.
PLAIN_PARAMS = {"qf", "pf", "pf2", "pf3", "ps", "ps2", "ps3", "mm", "tie", "boost", "bf", "bq",
                "sort"}
TEXT = "Hinweise zum Winterdienst auf Gehwegen und Straßen"


def _day(offset: int) -> str:
    midnight = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight + timedelta(days=offset)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _page(pid: str, category: str, days: int, clicks: int = 0, title: str = "Winterdienst",
          content: str = TEXT) -> dict:
    return {"id": pid, "url": f"https://www.jena.de/test/{pid}.html", "title": title,
            "content": content, "category": category, "onlineDate": _day(days),
            "clickCounter": clicks}


def _scores(core: Core, query: str, **extra: str) -> dict[str, float]:
    res = core.search(query, handler="search", fl="id,score", rows=50,
                      hl="false", spellcheck="false", **extra)
    return {d["id"]: d["score"] for d in res.docs}


@pytest.fixture()
def core(empty_core: Core, solr: StandaloneSolr) -> Core:
    """An empty core with the shipped ranking."""
    admin = SearchClient(solr.core_url)
    admin.set_paramset(RANKING, shipped_ranking())
    admin.close()
    return empty_core


def test_ranking_paramset_holds_plain_solr_params_only() -> None:
    ranking = shipped_ranking()
    assert {"qf", "pf", "mm", "boost"} <= set(ranking) <= PLAIN_PARAMS
    assert all(isinstance(value, str) for value in ranking.values())


def test_recent_news_rank_above_old_news(core: Core) -> None:
    core.add([_page("news-new", "Aktuelles", -1), _page("news-old", "Aktuelles", -400)],
             commit=True)
    scores = _scores(core, "Winterdienst")
    assert 1.3 < scores["news-new"] / scores["news-old"] <= 1.5


def test_service_pages_stay_evergreen(core: Core) -> None:
    core.add([_page("svc-new", "Umwelt & Abfall", -1),
              _page("svc-old", "Umwelt & Abfall", -2000)], commit=True)
    scores = _scores(core, "Winterdienst")
    assert scores["svc-new"] == pytest.approx(scores["svc-old"])


def test_news_dated_in_the_future_count_as_today(core: Core) -> None:
    # 30 days ahead at midnight is exactly where 1 + rate * age would reach zero without
    # the max(…, 0) guard.
    core.add([_page("news-today", "Aktuelles", 0), _page("news-ahead", "Aktuelles", 30),
              _page("news-far", "Aktuelles", 400)], commit=True)
    scores = _scores(core, "Winterdienst")
    assert scores["news-ahead"] == pytest.approx(scores["news-today"])
    assert scores["news-far"] == pytest.approx(scores["news-today"])


def test_popularity_is_gentle(core: Core) -> None:
    core.add([_page("popular", "Umwelt & Abfall", -10, clicks=1000),
              _page("unknown", "Umwelt & Abfall", -10, clicks=0),
              _page("side-mention", "Umwelt & Abfall", -10, clicks=100_000, title="Sitzung",
                    content="Im Ausschuss ging es auch kurz um den Winterdienst.")],
             commit=True)
    scores = _scores(core, "Winterdienst")
    assert 1.4 < scores["popular"] / scores["unknown"] < 1.5
    # Many clicks never lift a page that only mentions the word over the page about it.
    assert scores["unknown"] > scores["side-mention"]


def test_two_word_queries_need_both_words_longer_ones_allow_one_missing(
        core: Core) -> None:
    core.add([_page("both", "Bürgerservice", -5, title="Personalausweis beantragen",
                    content="Antrag im Bürgeramt"),
              _page("one", "Bürgerservice", -5, title="Reisepass beantragen",
                    content="Antrag im Bürgeramt")], commit=True)
    assert set(_scores(core, "Personalausweis beantragen")) == {"both"}
    assert set(_scores(core, "Personalausweis beantragen Bürgeramt")) == {"both", "one"}


def test_documents_rank_below_pages_of_equal_relevance(core: Core) -> None:
    page = _page("page", "Soziales", -5, title="Wohngeld", content="Antrag und Wohngeld")
    form = {**_page("form", "Soziales", -5, title="Wohngeld", content="Antrag und Wohngeld"),
            "url": "https://www.jena.de/test/form.pdf", "fileType": "PDF"}
    core.add([page, form], commit=True)
    scores = _scores(core, "Wohngeld")
    assert scores["form"] / scores["page"] == pytest.approx(0.6)


def test_the_evaluation_date_decides_the_freshness_bonus(core: Core) -> None:
    # Solr honours the NOW request parameter in the boost's date math, so the evaluation
    # (quality.clock) ranks the same whatever day it runs.
    day = timedelta(days=1)
    dated = [{**_page(pid, "Aktuelles", 0), "onlineDate": (REFERENCE_DATE - age * day)
              .strftime("%Y-%m-%dT%H:%M:%SZ")} for pid, age in (("fresh", 1), ("old", 400))]
    core.add(dated, commit=True)
    at_reference = _scores(core, "Winterdienst", **now_param())
    assert 1.3 < at_reference["fresh"] / at_reference["old"] <= 1.5
    assert _scores(core, "Winterdienst", **now_param()) == at_reference
    years_later = _scores(core, "Winterdienst", **now_param(REFERENCE_DATE + 3000 * day))
    assert years_later["fresh"] / years_later["old"] < 1.05
