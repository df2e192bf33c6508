"""Simulated visitors: a click model with position bias over known graded relevance, driving
the web app's real search, to prove that the click-based measures tell rankings apart.

Relevance: the visitor sets (quality/visitor_*.json) name the pages that answer each query;
those are grade 3, every other page grade 0. Clicks: the position-based model, a visitor
looks at position k with probability EXAMINATION[k-1] and clicks a page looked at with the
probability of its grade in ATTRACTIVENESS (a few clicks land on useless pages, as in life).

The rankings compared are the current one, the web app's own first result page
(``quality.page.PageSearch`` -> ``webapp.service.run_search`` over real Solr, at the fixed
evaluation date) and a known-worse one made from it by reversing its top 10 (same pages,
worse order). Each query is searched once and its pages reused for every simulated visitor:
the search is deterministic, so asking Solr again would change nothing but the run time.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from quality.golden import VisitorQuery
from webapp.admin.evaluation.events import Click, Impression, normalise_query
from webapp.admin.evaluation.interleave import Outcome, coin_for, outcome, team_draft
from webapp.admin.evaluation.significance import Comparison, tally, wilson

EXAMINATION = (1.0, 0.8, 0.65, 0.55, 0.47, 0.4, 0.35, 0.3, 0.27, 0.24)
ATTRACTIVENESS = (0.05, 0.25, 0.5, 0.9)  # by grade 0..3
PAGE_SIZE = 10
Rankings = Mapping[str, Sequence[str]]  # query -> page ids in ranked order


@dataclass(frozen=True)
class GradedQuery:
    """A query and the grade of each page that answers it (all other pages: 0)."""

    query: str
    grades: tuple[tuple[str, int], ...]

    def grade(self, doc_id: str) -> int:
        return dict(self.grades).get(doc_id, 0)


@dataclass(frozen=True)
class ClickModel:
    """Position-based clicks: looked at by position, clicked by grade."""

    examination: tuple[float, ...] = EXAMINATION
    attractiveness: tuple[float, ...] = ATTRACTIVENESS

    def clicks(self, shown: Sequence[str], item: GradedQuery,
               rng: random.Random) -> tuple[str, ...]:
        """The pages one visitor clicks on a result page."""
        clicked = []
        for position, doc in enumerate(shown[:len(self.examination)]):
            looked = rng.random() < self.examination[position]
            if looked and rng.random() < self.attractiveness[item.grade(doc)]:
                clicked.append(doc)
        return tuple(clicked)


@dataclass(frozen=True)
class Traffic:
    """Simulated searches and clicks in the form the evaluation reads."""

    impressions: tuple[Impression, ...]
    clicks: tuple[Click, ...]
    outcomes: Comparison | None = field(default=None)


def graded_queries(items: Iterable[VisitorQuery]) -> tuple[GradedQuery, ...]:
    """Expected pages grade 3; a query listed twice keeps the pages of both entries."""
    merged: dict[str, dict[str, int]] = {}
    for item in items:
        pages = merged.setdefault(normalise_query(item.query), {})
        pages.update({url: 3 for url in item.expected_urls})
    return tuple(GradedQuery(q, tuple(sorted(g.items()))) for q, g in merged.items())


def fetch_rankings(search: Callable[[str], Sequence[str]],
                   queries: Iterable[GradedQuery]) -> dict[str, tuple[str, ...]]:
    """The first result page of each query, searched once."""
    return {item.query: tuple(search(item.query))[:PAGE_SIZE] for item in queries}


def reversed_top(rankings: Rankings, depth: int = PAGE_SIZE) -> dict[str, tuple[str, ...]]:
    """The known-worse ranking: the same pages with the top ``depth`` in reverse order."""
    return {q: tuple(reversed(ids[:depth])) + tuple(ids[depth:]) for q, ids in rankings.items()}


def _day(start: date, index: int, per_day: int) -> date:
    return start + timedelta(days=index // per_day)


def simulate_traffic(queries: Sequence[GradedQuery], rankings: Mapping[str, Rankings],
                     searches: int, seed: int, model: ClickModel = ClickModel(),
                     start: date = date(2026, 11, 1), per_day: int = 500) -> Traffic:
    """``searches`` visitors, each a random query served by one of ``rankings`` (by name)."""
    rng = random.Random(seed)
    names = sorted(rankings)
    impressions, clicks = [], []
    for i in range(searches):
        item, name = rng.choice(queries), rng.choice(names)
        shown = tuple(rankings[name][item.query])
        search_id = f"sim-{seed}-{i}"
        impressions.append(Impression(search_id, item.query, name, shown, _day(start, i, per_day)))
        for doc in model.clicks(shown, item, rng):
            clicks.append(Click(search_id, doc, shown.index(doc) + 1))
    return Traffic(tuple(impressions), tuple(clicks))


def simulate_interleaving(queries: Sequence[GradedQuery], current: Rankings,
                          candidate: Rankings, searches: int, seed: int,
                          model: ClickModel = ClickModel()) -> Traffic:
    """``searches`` visitors shown the team-draft merge of both rankings; the outcome of
    each search by the clicks credited to each side."""
    rng = random.Random(seed)
    impressions, clicks, outcomes = [], [], []
    for i in range(searches):
        item = rng.choice(queries)
        search_id = f"sim-{seed}-{i}"
        merged = team_draft(current[item.query], candidate[item.query],
                            coin_for(search_id, str(seed)), PAGE_SIZE)
        clicked = model.clicks(merged.ids, item, rng)
        impressions.append(Impression(search_id, item.query, "interleaved", merged.ids))
        clicks.extend(Click(search_id, doc, merged.ids.index(doc) + 1) for doc in clicked)
        outcomes.append(outcome(merged, clicked))
    return Traffic(tuple(impressions), tuple(clicks), tally(outcomes))


def false_preference_rate(queries: Sequence[GradedQuery], rankings: Rankings, searches: int,
                          runs: int, seed: int, model: ClickModel = ClickModel()) -> float:
    """Share of ``runs`` comparisons of a ranking with itself that end with p < 0.05."""
    found = 0
    for run in range(runs):
        traffic = simulate_interleaving(queries, rankings, rankings, searches,
                                        seed + run, model)
        assert traffic.outcomes is not None
        found += traffic.outcomes.p_value < 0.05
    return found / runs


def main() -> int:
    """Print the simulation's figures on a private Solr with the sample site indexed."""
    import sys
    import tempfile
    from pathlib import Path

    from quality.golden import VISITOR_TUNING_FILE, load_visitor
    from quality.indexing import SAMPLE_SITE, index_site
    from quality.page import PageSearch
    from solrlauncher import StandaloneSolr
    from webapp.admin.evaluation.judgements import build_judgements
    from webapp.admin.evaluation.ndcg import before_after

    queries = graded_queries(load_visitor(VISITOR_TUNING_FILE))
    with tempfile.TemporaryDirectory(prefix="simulate-") as home:
        print("starting a private Solr and indexing the sample site …", file=sys.stderr)
        solr = StandaloneSolr(Path(home) / "solr").start()
        try:
            index_site(SAMPLE_SITE, solr.core_url)
            page = PageSearch(solr.core_url)
            current = fetch_rankings(lambda q: page(q).urls, queries)
        finally:
            solr.stop()
    worse = reversed_top(current)
    both_rankings = {"current": current, "worse": worse}
    for searches, seed in ((6000, 7), (1200, 8)):
        traffic = simulate_traffic(queries, both_rankings, searches, seed)
        judged = build_judgements(traffic.impressions, traffic.clicks)
        both = before_after(judged, current.__getitem__, worse.__getitem__)
        print(f"{searches} searches: {len(judged.judgements)} judgements, examination "
              f"{judged.examination[:4]}…; click nDCG@10 current {both.before.mean:.3f}, "
              f"worse {both.after.mean:.3f} over {both.before.queries} queries")
    for searches in (10, 20, 30, 50):
        runs = [simulate_interleaving(queries, worse, current, searches, seed).outcomes
                for seed in range(100)]
        shown = sum(c is not None and c.verdict is Outcome.CANDIDATE for c in runs)
        print(f"interleaving, {searches} searches: better ranking preferred (p < 0.05) "
              f"in {shown} of 100 runs")
    for searches in (100, 300):
        rate = false_preference_rate(queries, current, searches, 1000, seed=10_000)
        low, high = wilson(round(rate * 1000), 1000)
        print(f"identical rankings, {searches} searches: p < 0.05 in {rate:.1%} of 1000 runs "
              f"(95 % interval {low:.1%}-{high:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
