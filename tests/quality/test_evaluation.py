"""The evaluation sets on the indexed sample site, with the thresholds of issue 6 enforced."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quality.evaluate import Report, evaluate, format_report
from quality.golden import load_golden, load_misspellings, load_precision
from quality.solr import SearchClient

REPO = Path(__file__).resolve().parents[2]
KINDS = {"word", "phrase", "part", "umlaut", "typo", "synonym"}


@pytest.fixture(scope="module")
def report(client: SearchClient) -> Report:
    """One evaluation run over all three sets."""
    return evaluate(client.search, load_golden(), load_misspellings(), load_precision())


def test_sets_are_large_and_varied() -> None:
    golden, misspellings = load_golden(), load_misspellings()
    assert len(golden) >= 40 and len(misspellings) >= 40
    assert {g.kind for g in golden} == KINDS
    assert len({g.query.lower() for g in golden}) == len(golden)
    assert any(g.query.islower() for g in golden)
    assert any(len(g.query.split()) > 1 for g in golden)
    assert all(m.query != m.expected for m in misspellings)


def test_every_expected_page_exists_in_the_index(client: SearchClient) -> None:
    wanted = {g.expected_url for g in load_golden()}
    wanted |= {u for p in load_precision() for u in p.must_not_match}
    indexed = set(client.all_urls())
    assert wanted <= indexed, sorted(wanted - indexed)


def test_top3_hit_rate_is_at_least_95_percent(report: Report) -> None:
    assert report.top3 >= 0.95, format_report(report)


def test_meinten_sie_accuracy_is_at_least_90_percent(report: Report) -> None:
    assert report.correction_accuracy >= 0.90, format_report(report)


def test_compound_parts_do_not_match_unrelated_pages(report: Report) -> None:
    assert report.precision and report.precision_violations == 0, format_report(report)


def test_correct_queries_are_not_second_guessed(report: Report) -> None:
    assert not report.false_suggestions, format_report(report)


def test_command_prints_the_rates(indexed_core: str) -> None:
    done = subprocess.run([sys.executable, "-m", "quality", "--solr-url", indexed_core],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "top-1 hit rate" in done.stdout and "top-3 hit rate" in done.stdout
    assert "'Meinten Sie' accuracy" in done.stdout
    assert "passed" in done.stdout


def test_command_reports_an_unreachable_solr_clearly() -> None:
    done = subprocess.run([sys.executable, "-m", "quality", "--solr-url",
                           "http://127.0.0.1:9/solr/none"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "nicht erreichbar" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_command_starts_its_own_solr_and_indexes_the_sample_site() -> None:
    done = subprocess.run([sys.executable, "-m", "quality"], cwd=REPO, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Golden queries:" in done.stdout and "passed" in done.stdout
