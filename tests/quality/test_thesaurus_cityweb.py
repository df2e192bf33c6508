"""The thesaurus expansions measured on the city web's tuning set, against real Solr.

Switched off by default (webapp/thesaurus.py); this keeps the measurement that decides
whether to switch them on repeatable: with them on, the tuning set must not lose a query
and must not find nothing more often than without.
"""

from __future__ import annotations

import pytest

from quality.cityweb_corpus import CityWeb, load_queries
from quality.cityweb_split import TUNING_FILE
from quality.page import PageSearch
from quality.visitor import VisitorReport, evaluate_visitor
from tests.quality.test_cityweb import cityweb_core, web  # noqa: F401 - shared fixtures
from webapp import thesaurus


def _tuning(core_url: str, city: CityWeb) -> VisitorReport:
    return evaluate_visitor("tuning", load_queries(TUNING_FILE, city), PageSearch(core_url))


def test_expansions_lose_no_tuning_query(cityweb_core: str, web: CityWeb,  # noqa: F811
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    without = _tuning(cityweb_core, web)
    monkeypatch.setattr(thesaurus, "ENABLED", True)
    with_them = _tuning(cityweb_core, web)
    found = {r.item.query for r in without.results if r.rank is not None}
    lost = found - {r.item.query for r in with_them.results if r.rank is not None}
    assert not lost, f"queries no longer in the top 3 with expansions: {sorted(lost)}"
    assert with_them.top3 >= without.top3 and with_them.zero_hit <= without.zero_hit
