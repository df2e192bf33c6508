"""Simulated visitors through the web app itself: each one searches with the widget API
(``/api/search``), looks at the result page with position bias and clicks through the app's
own click links (``/klick?…&sid=…&pos=…``), exactly as a visitor's browser would. What the
evaluation then measures is read back from the statistics core the app wrote: the click
judgements and nDCG (``webapp.admin.evaluation.store``) and the outcome of a live ranking
comparison (``webapp.admin.comparison_tally``).

Relevance and the click model are those of ``quality.simulate`` (the visitor sets' expected
pages grade 3, all others 0; position-based clicks). Unlike there, every simulated search
is a real request to the app and Solr, and every click a real click request.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from flask.testing import FlaskClient

from webapp.admin.evaluation.judgements import JudgementList, build_judgements
from webapp.admin.evaluation.ndcg import ndcg_by_day
from webapp.admin.evaluation.store import load_click_data
from webapp.admin.repository import StatsStore
from webapp.admin.settings import LOCAL_ZONE

from .simulate import ClickModel, GradedQuery

SEARCH_PATH = "/api/search"


@dataclass(frozen=True)
class Visit:
    """One simulated search through the app: its id, the ids shown, the positions clicked."""

    search_id: str
    query: str
    shown: tuple[str, ...]
    clicked: tuple[int, ...]


@dataclass(frozen=True)
class AppVisitors:
    """Visitors who search and click through ``client`` (a Flask test client of the app)."""

    client: FlaskClient
    model: ClickModel = ClickModel()

    def visit(self, item: GradedQuery, rng: random.Random) -> Visit:
        """One search for ``item.query`` and the clicks the click model makes on its page."""
        response = self.client.get(SEARCH_PATH, query_string={"q": item.query})
        if response.status_code != 200:
            raise RuntimeError(f"search {item.query!r} answered {response.status_code}")
        out = response.get_json()["outData"]
        docs = out["response"]["docs"]
        shown = tuple(str(doc["id"]) for doc in docs)
        positions = []
        for doc_id in self.model.clicks(shown, item, rng):
            position = shown.index(doc_id) + 1
            click = self.client.get(docs[position - 1]["clickUrl"])
            if click.status_code != 303:
                raise RuntimeError(f"click on {doc_id!r} answered {click.status_code}")
            positions.append(position)
        return Visit(str(out["searchId"]), item.query, shown, tuple(positions))

    def run(self, queries: Sequence[GradedQuery], searches: int, seed: int) -> tuple[Visit, ...]:
        """``searches`` visitors, each with a query drawn at random from ``queries``."""
        rng = random.Random(seed)
        return tuple(self.visit(rng.choice(queries), rng) for _ in range(searches))


def today() -> date:
    """Today in Jena, the day the simulated events are stored under."""
    from datetime import datetime
    return datetime.now(LOCAL_ZONE).date()


@dataclass(frozen=True)
class StoredNdcg:
    """Click nDCG@10 of the result pages each ranking version showed, from stored events."""

    judgements: JudgementList
    # version -> (mean nDCG, searches it rests on: those of queries with a judged page)
    by_version: dict[str, tuple[float, int]]
    stored: dict[str, int]  # version -> first result pages stored


def stored_ndcg(stats: StatsStore, versions: Sequence[int], day: date) -> StoredNdcg:
    """Judgements from the day's stored searches and clicks, and the mean nDCG@10 of the
    first result pages shown under each ranking version."""
    data = load_click_data(stats, day, day)
    judged = build_judgements(data.impressions, data.clicks)
    means = {}
    for version in versions:
        days = ndcg_by_day(data.impressions, judged, ranking=str(version))
        searches = sum(d.searches for d in days)
        means[str(version)] = (sum(d.mean * d.searches for d in days) / searches
                               if searches else 0.0, searches)
    stored = Counter(imp.ranking for imp in data.impressions if not imp.offset)
    return StoredNdcg(judged, means, {str(v): stored[str(v)] for v in versions})
