"""The winner of a finished comparison becomes the default in one audited step (real Solr)."""

from __future__ import annotations

import pytest

from solrclient import SolrClient, Timeouts
from solrlauncher import StandaloneSolr
from webapp.admin.audit import load_audit
from webapp.admin.evaluation.adopt import AdoptionRefused, adopt_winner
from webapp.admin.evaluation.significance import Comparison, Plan
from webapp.admin.ranking_store import current_ranking, save_ranking
from webapp.admin.repository import CoreAdmin, StatsStore


def test_only_a_finished_won_comparison_changes_the_default(solr: StandaloneSolr) -> None:
    core = CoreAdmin(SolrClient(solr.core_url, timeouts=Timeouts.reading(30)))
    stats = StatsStore(SolrClient(solr.url_for("stadtsuche_stats"), timeouts=Timeouts.reading(30)))
    live = current_ranking(core)
    candidate = live.with_changes(popularity=min(10.0, live.popularity + 2.0))
    number = save_ranking(core, candidate, "redaktion", "Kandidat")
    save_ranking(core, live, "redaktion", "zurück zum Stand vor dem Vergleich")
    plan = Plan(planned_searches=100)

    with pytest.raises(AdoptionRefused, match="noch: 1 Suchen fehlen"):
        adopt_winner(core, stats, plan, Comparison(30, 5, 64), number, "redaktion")
    with pytest.raises(AdoptionRefused, match="nicht gewonnen"):
        adopt_winner(core, stats, plan, Comparison(12, 10, 78), number, "redaktion")
    assert current_ranking(core) == live

    new = adopt_winner(core, stats, plan, Comparison(30, 5, 65), number, "redaktion")
    assert new > number
    assert current_ranking(core).popularity == candidate.popularity
    entry = load_audit(stats, "ranking")[0]
    assert entry.user == "redaktion"
    assert entry.summary.startswith(f"Vergleich gewonnen: Version {number} ist Standard")
    assert "p = 0,000" in entry.summary and "100 Suchen" in entry.summary
    assert entry.before != entry.after
