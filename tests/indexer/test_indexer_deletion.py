"""Full runs against real Solr delete only within their source, and never too much at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.cli import main
from indexer.config import IndexerConfig
from indexer.deletion import plan_deletion, scope_prefix
from indexer.pipeline import run
from tests.support import Core

JENA = "https://www.jena.de/"
OTHER_HOST = "https://www.weimar.de/soziales/wohngeld.html"


def _ids(client: Core) -> set[str]:
    client.commit(soft=True)
    return {d["id"] for d in client.search("*:*", fl="id", rows=10_000)}


def test_scope_prefix_is_host_and_folder() -> None:
    assert scope_prefix("https://www.jena.de/sitemap.xml") == JENA
    assert scope_prefix("HTTPS://www.Jena.de/soziales/") == JENA + "soziales/"
    assert scope_prefix("https://www.jena.de/soziales/index.html?x=1") == JENA + "soziales/"
    assert scope_prefix("http://127.0.0.1:8081/a/b/sitemap.xml") == "http://127.0.0.1:8081/a/b/"


def test_plan_counts_only_the_scope() -> None:
    existing = {JENA + "a/1", JENA + "a/2", JENA + "b/1", OTHER_HOST}
    plan = plan_deletion(existing, {JENA + "a/1"}, (JENA + "a/",), 0.5, force=False)
    assert plan.ids == (JENA + "a/2",) and plan.in_scope == 2 and plan.refused is None
    refused = plan_deletion(existing, {JENA + "a/1"}, (JENA + "a/",), 0.4, force=False)
    assert refused.ids == () and "1 von 2 Seiten" in (refused.refused or "")
    forced = plan_deletion(existing, {JENA + "a/1"}, (JENA + "a/",), 0.4, force=True)
    assert forced.ids == (JENA + "a/2",)


def test_full_run_of_one_folder_leaves_other_prefixes_and_hosts(
        empty_core: Core, config: IndexerConfig, sample_site: Path,
        tmp_path: Path) -> None:
    run([str(sample_site)], full=True, config=config)
    empty_core.add([{"id": OTHER_HOST, "url": OTHER_HOST, "title": "Wohngeld in Weimar"}],
                   commit=True)
    before = _ids(empty_core)
    soziales = shutil.copytree(sample_site / "soziales", tmp_path / "soziales")
    gone = sorted(soziales.glob("*.html"))[0]
    gone.unlink()

    report = run([str(soziales)], full=True,
                 config=config.with_overrides(base_url=JENA + "soziales/"))

    assert report.ok, report.error
    assert report.deleted_urls == (JENA + "soziales/" + gone.name,)
    assert _ids(empty_core) == before - {JENA + "soziales/" + gone.name}
    assert OTHER_HOST in before and JENA + "buergerservice/fundbuero.html" in before


def test_full_run_with_far_fewer_pages_deletes_nothing_without_force(
        empty_core: Core, config: IndexerConfig, sample_site: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run([str(sample_site)], full=True, config=config)
    before = _ids(empty_core)
    broken = tmp_path / "halb-kopiert"
    shutil.copytree(sample_site / "aktuelles", broken / "aktuelles")

    report = run([str(broken)], full=True, config=config)

    assert not report.ok and report.deleted == 0
    assert f"von {len(before)} Seiten unter {JENA} fehlen" in (report.error or "")
    assert "--force" in (report.error or "")
    assert _ids(empty_core) == before
    # The command line says so and exits 1, so a scheduler or cron job reports a failure.
    monkeypatch.setenv("STADTSUCHE_SOLR_URL", config.solr_url)
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(config.state_path))
    assert main(["index", str(broken), "--full", "--quiet"]) == 1
    assert "nichts gelöscht. Ist die Quelle vollständig, mit --force" in capsys.readouterr().out
    assert _ids(empty_core) == before
    # The share is a setting; --force deletes all the same.
    assert main(["index", str(broken), "--full", "--quiet", "--force"]) == 0
    assert _ids(empty_core) == {i for i in before if i.startswith(JENA + "aktuelles/")}
