"""Search quality on the sample city web, against real Solr: issue 23's targets.

The whole of sample-web/ is indexed by the project's indexer (one run over all host folders,
each under its base URL, as `make run` does) into the session's Solr; every query of both
sets goes through the web app's search service. The thresholds (quality/cityweb.py): held-out
top-3 at least 90 %, no content twice in any top 10, and floors under the other figures.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from indexer.parse.language import URL_LANGUAGES
from quality.cityweb import (MAX_DUPLICATE_LISTS, MIN_HELDOUT_TOP1, MIN_HELDOUT_TOP3,
                             MIN_TUNING_TOP3, CitywebReport, evaluate_cityweb)
from quality.cityweb_corpus import CityWeb, index_web, load_web
from quality.paramset import RANKING, shipped_ranking
from quality.solr import SearchClient
from solrlauncher import StandaloneSolr
from tests.support import Core


@pytest.fixture(scope="module")
def web() -> CityWeb:
    """The committed city web."""
    return load_web()


@pytest.fixture(scope="module")
def cityweb_core(solr: StandaloneSolr, web: CityWeb) -> Iterator[str]:
    """The session core holding exactly the city web, with the shipped ranking.

    Emptied again afterwards: the other modules expect the sample site or their own
    documents, and fill the core themselves, but none expects another web in it.
    """
    core_url = solr.core_url
    Core(core_url).delete(q="*:*", commit=True)
    index_web(web, core_url)
    shipped = SearchClient(core_url)
    shipped.set_paramset(RANKING, shipped_ranking())
    shipped.commit()
    shipped.close()
    yield core_url
    Core(core_url).delete(q="*:*", commit=True)


@pytest.fixture(scope="module")
def report(cityweb_core: str, web: CityWeb) -> CitywebReport:
    """Both query sets, evaluated once for the module."""
    return evaluate_cityweb(cityweb_core, web)


def test_every_host_is_indexed_under_its_own_base_url(cityweb_core: str, web: CityWeb) -> None:
    """One document per canonical address: copies that name a canonical merge, the rest stay."""
    expected = {a.indexed_url for a in web.addresses}
    assert set(Core(cityweb_core).ids(rows=len(expected) + 100)) == expected


def test_no_category_is_a_language_segment(cityweb_core: str) -> None:
    """Pages under /de/… and /en/… without a breadcrumb are filed under the section that
    follows, not under "De" or "En" (which the category facet showed visitors)."""
    counts = Core(cityweb_core).search("*:*", rows=0, facet="true", **{
        "facet.field": "category", "facet.limit": "-1", "facet.mincount": "1"}
    ).facets["facet_fields"]["category"]
    categories = {str(value).casefold() for value in counts[::2]}
    assert categories and not categories & set(URL_LANGUAGES)
    assert {"aktuelles", "stadt & verwaltung", "leben in jena"} <= categories


def test_tuning_top3_does_not_fall_below_the_floor(report: CitywebReport) -> None:
    assert report.tuning.top3 >= MIN_TUNING_TOP3, f"tuning top-3 {report.tuning.top3:.1%}"


def test_heldout_rates_do_not_fall_below_the_floors(report: CitywebReport) -> None:
    held = report.heldout
    assert held.top3 >= MIN_HELDOUT_TOP3, f"held-out top-3 {held.top3:.1%}"
    assert held.top1 >= MIN_HELDOUT_TOP1, f"held-out top-1 {held.top1:.1%}"
    assert held.zero_hit <= 0.02, f"held-out zero-hit {held.zero_hit:.1%}"


def test_no_top10_list_shows_one_content_twice(report: CitywebReport) -> None:
    assert report.duplicate_lists <= MAX_DUPLICATE_LISTS == 0, report.duplicate_lists
