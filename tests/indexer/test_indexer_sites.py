"""Several sites in one index, against real Solr: site fields, duplicates, languages,
boilerplate learned per host, scoped full runs per source."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import MappingProxyType

import pytest
from support import Core

from indexer.config import IndexerConfig
from indexer.pipeline import run

SITES_MODULE = Path(__file__).resolve().parent.parent / "fixtures" / "sites" / "make_sites.py"
WWW, SVC = "https://www.jena.de/", "https://service.jena.de/"
AUSWEIS = "buergerservice/personalausweis.html"
BOILERPLATE_STARTS = ("Direkt zum Inhalt", "Foto:", "Zum Seiteninhalt", "Wir verwenden",
                      "Bildnachweis", "Diese Website durchsuchen")


def _write_sites(target: Path) -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location("make_sites", SITES_MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_sites(target)


@pytest.fixture()
def sites(tmp_path: Path) -> dict[str, Path]:
    return _write_sites(tmp_path / "web")


@pytest.fixture()
def site_config(config: IndexerConfig) -> IndexerConfig:
    return config.with_overrides(
        site_names=MappingProxyType({"service.jena.de": "Bürgerservice-Portal",
                                     "www.jena.de": "Rathaus"}),
        preferred_hosts=("service.jena.de",))


def _docs(core: Core) -> dict[str, dict]:
    core.commit(soft=True)
    return {d["id"]: d for d in core.search("*:*", fl="*", rows=1000).docs}


def _both(sites: dict[str, Path]) -> str:
    return f"{sites['www.jena.de']}={WWW};{sites['service.jena.de']}={SVC}"


def test_two_sites_in_one_run(empty_core: Core, site_config: IndexerConfig,
                              sites: dict[str, Path]) -> None:
    report = run([_both(sites)], full=True, config=site_config)
    assert report.ok and report.failed == 0 and report.indexed == 20, report
    docs = _docs(empty_core)
    assert len(docs) == 20
    www, svc = docs[WWW + AUSWEIS], docs[SVC + "leistungen/personalausweis.html"]
    assert (www["site"], www["host"], www["source"]) == ("Rathaus", "www.jena.de", WWW)
    assert (svc["site"], svc["host"], svc["source"]) == ("Bürgerservice-Portal",
                                                         "service.jena.de", SVC)
    for doc in docs.values():
        # Learned from the pages themselves: no teaser or content starts with template text.
        assert not doc["teaser"].startswith(BOILERPLATE_STARTS), doc["id"]
        assert not doc["content"].startswith(BOILERPLATE_STARTS), doc["id"]
        assert "Direkt zum Inhalt springen" not in doc["content"]
        assert "Wir verwenden nur technisch" not in doc["content"]
        assert doc.get("boilerplate"), doc["id"]
    assert "Direkt zum Inhalt springen" in www["boilerplate"]
    assert "Am Anger 15, 07743 Jena" in www["boilerplate"]
    assert "buergerservice@jena.de" in svc["boilerplate"]


def test_duplicates_share_a_signature_and_rank_their_addresses(
        empty_core: Core, site_config: IndexerConfig, sites: dict[str, Path]) -> None:
    run([_both(sites)], full=True, config=site_config)
    docs = _docs(empty_core)
    copies = [SVC + "leistungen/personalausweis.html", WWW + AUSWEIS,
              WWW + "en/identity-card.html", WWW + "it/carta-identita.html"]
    assert len({docs[c]["signature"] for c in copies}) == 1
    others = {d["signature"] for i, d in docs.items() if i not in copies}
    assert docs[copies[0]]["signature"] not in others
    # Every other topic exists once per host: two pages each, never more.
    assert len(others) == (len(docs) - len(copies)) - 7
    # The service portal's page first, the copy that names it canonical after the German
    # pages, the translations last.
    ranks = [docs[c]["addressRank"] for c in copies]
    assert ranks[0] == min(ranks)
    assert docs[WWW + AUSWEIS]["canonical"] == copies[0]
    assert docs[WWW + AUSWEIS]["addressRank"] > docs[WWW + "en/identity-card.html"]["addressRank"]
    assert (docs[SVC + "leistungen/wohngeld.html"]["addressRank"]
            < docs[WWW + "buergerservice/wohngeld.html"]["addressRank"])
    # A nearly identical body (other case, spacing, punctuation) keeps the signature.
    page = sites["www.jena.de"] / "buergerservice" / "wohngeld.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Wohngeld ist ein Zuschuss", "WOHNGELD  ist ein Zuschuss,")
                    .replace("Wochen.", "Wochen!"), encoding="utf-8")
    run([_both(sites)], full=True, config=site_config)
    again = _docs(empty_core)
    assert again[WWW + "buergerservice/wohngeld.html"]["content"] != docs[
        WWW + "buergerservice/wohngeld.html"]["content"]
    assert (again[WWW + "buergerservice/wohngeld.html"]["signature"]
            == again[SVC + "leistungen/wohngeld.html"]["signature"])


def test_languages_hubs_and_undated_pages(empty_core: Core, site_config: IndexerConfig,
                                          sites: dict[str, Path]) -> None:
    run([_both(sites)], full=True, config=site_config)
    docs = _docs(empty_core)
    languages = {i.removeprefix(WWW): (d["language"], d["bodyLanguage"]) for i, d in docs.items()}
    assert languages["en/identity-card.html"] == ("en", "de")   # translated title only
    assert languages["en/welcome.html"] == ("en", "en")
    assert languages["it/carta-identita.html"] == ("it", "de")  # no lang attribute: the URL
    assert languages[AUSWEIS] == ("de", "de")
    hub = docs[WWW + "uebersicht.html"]
    assert hub["hub"] is True and hub["linkShare"] > 0.5
    assert not any(d["hub"] for i, d in docs.items() if i != WWW + "uebersicht.html")
    # The files' times are the moment they were written: no page shows a date.
    assert not any("onlineDate" in d for d in docs.values())
    assert empty_core.ids("*:*", sort="onlineDate desc", rows=1)  # sorting still works


def test_a_second_hosts_full_run_leaves_the_first_host_alone(
        empty_core: Core, site_config: IndexerConfig, sites: dict[str, Path]) -> None:
    run([_both(sites)], full=True, config=site_config)
    before = _docs(empty_core)
    (sites["service.jena.de"] / "leistungen" / "fundbuero.html").unlink()
    shutil.rmtree(sites["www.jena.de"] / "en")  # gone from disk, but not this run's source

    report = run([f"{sites['service.jena.de']}={SVC}"], full=True, config=site_config)

    assert report.ok, report.error
    assert report.deleted_urls == (SVC + "leistungen/fundbuero.html",)
    after = _docs(empty_core)
    assert {i for i in before if i.startswith(WWW)} == {i for i in after if i.startswith(WWW)}
    assert after[WWW + AUSWEIS]["contentHash"] == before[WWW + AUSWEIS]["contentHash"]


def test_a_narrower_source_keeps_its_pages_in_a_wider_sources_run(
        empty_core: Core, site_config: IndexerConfig, sites: dict[str, Path],
        tmp_path: Path) -> None:
    www = sites["www.jena.de"]
    archive = tmp_path / "archiv"
    shutil.move(str(www / "en"), archive)
    run([f"{www}={WWW};{archive}={WWW}en/"], full=True, config=site_config)
    assert _docs(empty_core)[WWW + "en/welcome.html"]["source"] == WWW + "en/"
    # The whole site's source alone does not list the archive, yet leaves its pages alone.
    report = run([f"{www}={WWW}"], full=True, config=site_config)
    assert report.ok and report.deleted == 0, report
    assert WWW + "en/welcome.html" in _docs(empty_core)


def test_the_schedule_runs_the_configured_list_together(
        empty_core: Core, solr_url: str, sites: dict[str, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from webapp.admin.schedule import main

    missing = tmp_path / "gibt-es-nicht"
    for name, value in {"SOLR_URL": solr_url, "ENV": "development",
                        "INDEX_SOURCE": f"{_both(sites)};{missing}/*=https://*/",
                        "SITE_NAMES": "service.jena.de=Bürgerservice-Portal",
                        "INDEXER_STATE": str(tmp_path / "state.json"),
                        "CRAWL_DELAY": "0"}.items():
        monkeypatch.setenv(f"STADTSUCHE_{name}", value)
    assert main(["--once"]) == 0
    docs = _docs(empty_core)
    assert len(docs) == 20
    assert {d["site"] for d in docs.values()} == {"Bürgerservice-Portal", "jena.de"}
