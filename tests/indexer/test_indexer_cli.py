"""``python -m indexer``: exit codes, the printed report, dry-run JSON lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.cli import main
from tests.support import Core

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("STADTSUCHE_SOLR_URL", "STADTSUCHE_BASE_URL", "STADTSUCHE_INDEX_SOURCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("STADTSUCHE_INDEXER_STATE", str(tmp_path / "state.json"))
    monkeypatch.setenv("STADTSUCHE_CRAWL_DELAY", "0")


def test_dry_run_writes_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "docs.jsonl"
    code = main(["index", str(FIXTURES), "--dry-run", "--jsonl", str(out), "--quiet",
                 "--solr-url", "http://127.0.0.1:9/solr/nirgends"])
    assert code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(FIXTURES.glob("*.html")))
    fields = {"id", "url", "title", "content", "category", "onlineDate", "contentHash"}
    assert fields <= set(records[0])
    printed = capsys.readouterr().out
    assert printed.startswith(f"geparst: {len(records)} ")
    assert "kein HTML (Dateiendung .json)" in printed


def test_index_and_delete_against_solr(solr_url: str, empty_core: Core,
                                       sample_site: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(sample_site), "--full", "--solr-url", solr_url, "--quiet"]) == 0
    first = capsys.readouterr().out
    pages = len([p for p in sample_site.rglob("*")
                 if p.suffix in (".html", ".pdf", ".docx", ".odt")])
    assert first.startswith(f"indexiert: {pages}  unverändert: 0  gelöscht: 0")
    assert main(["index", str(sample_site), "--full", "--solr-url", solr_url]) == 0
    assert capsys.readouterr().out.startswith(f"indexiert: 0  unverändert: {pages}")
    url = "https://www.jena.de/buergerservice/fundbuero.html"
    assert main(["delete", url, "--solr-url", solr_url]) == 0
    assert f"gelöscht: {url}" in capsys.readouterr().out
    empty_core.commit(soft=True)
    assert empty_core.search("*:*").hits == pages - 1


def test_reindex_uses_the_configured_source(solr_url: str, empty_core: Core,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STADTSUCHE_INDEX_SOURCE", str(FIXTURES))
    monkeypatch.setenv("STADTSUCHE_BASE_URL", "https://www.jena.de/")
    monkeypatch.setenv("STADTSUCHE_SOLR_URL", solr_url)
    assert main(["reindex", "--full", "--quiet"]) == 0
    assert capsys.readouterr().out.startswith(f"indexiert: {len(list(FIXTURES.glob('*.html')))}")


def test_production_without_a_named_source_refuses_to_index(
        solr_url: str, empty_core: Core, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    empty_core.add([{"id": "https://www.jena.de/echt.html", "title": "Echte Seite"}],
                   commit=True)
    monkeypatch.setenv("STADTSUCHE_SOLR_URL", solr_url)
    monkeypatch.setenv("STADTSUCHE_ENV", "production")
    assert main(["reindex", "--full", "--quiet"]) == 2
    message = capsys.readouterr().err
    assert "Indexer nicht gestartet: STADTSUCHE_INDEX_SOURCE is not set" in message
    assert "sitemap" in message
    # The sample site is no fallback: production names the live sitemap or folder + base URL.
    monkeypatch.setenv("STADTSUCHE_INDEX_SOURCE", str(REPO / "sample-site"))
    monkeypatch.setenv("STADTSUCHE_BASE_URL", "https://www.jena.de/")
    assert main(["reindex", "--full", "--quiet"]) == 2
    assert "sample site" in capsys.readouterr().err
    assert [d["id"] for d in empty_core.search("*:*")] == ["https://www.jena.de/echt.html"]


def test_unreachable_solr_exits_1_with_message(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["index", str(FIXTURES), "--full", "--quiet",
                 "--solr-url", "http://127.0.0.1:9/solr/stadtsuche"])
    assert code == 1
    out = capsys.readouterr().out
    assert "FEHLER, Lauf abgebrochen (nichts gelöscht)" in out and "nicht erreichbar" in out


def test_unknown_source_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["index", str(tmp_path / "gibt-es-nicht"), "--dry-run", "--quiet"]) == 1
    assert "Quelle nicht gefunden" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(FIXTURES), "--jsonl", "x.jsonl"]) == 2
    with pytest.raises(SystemExit) as exited:
        main(["index"])
    assert exited.value.code == 2


def test_max_failures_threshold(solr_url: str, empty_core: Core,
                                capsys: pytest.CaptureFixture[str]) -> None:
    dead = ["http://127.0.0.1:9/a.html", "http://127.0.0.1:9/b.html", "http://127.0.0.1:9/c.html"]
    assert main(["index", *dead, "--solr-url", solr_url, "--max-failures", "1", "--quiet"]) == 1
    assert "mehr als 1 fehlgeschlagene Seiten" in capsys.readouterr().out
    assert main(["index", *dead, "--solr-url", solr_url, "--max-failures", "3", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "fehlgeschlagen: 3" in out and "FEHLER: http://127.0.0.1:9/a.html" in out


def test_module_entry_point_streams_jsonl() -> None:
    done = subprocess.run([sys.executable, "-m", "indexer", "index", str(FIXTURES / ".."),
                           "--dry-run", "--jsonl", "-", "--quiet"],
                          cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert any(r["title"] == "Neue Straßenbahnlinie nach Lobeda-Ost" for r in lines)
    assert "geparst:" in done.stderr
