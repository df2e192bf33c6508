"""The one settings loader: README's table is its output, nobody else reads STADTSUCHE_*."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from indexer.config import SourceConfigError, config_from, configured_source
from stadtsuche.settings import SAMPLE_SITE, Settings, SettingsError, env_name, load_settings
from stadtsuche.settings import settings_table

REPO = Path(__file__).resolve().parent.parent
KNOWN = {env_name(f.name) for f in fields(Settings)}
# Read by the load test only, to size it; not a setting of the program.
TEST_ONLY = re.compile(r"STADTSUCHE_LOAD_\w+")


def _code_files() -> list[Path]:
    parts = ["webapp", "indexer", "solrlauncher", "solrclient", "stadtsuche", "quality", "tools"]
    files = [p for part in parts for p in (REPO / part).rglob("*.py")]
    return files + [REPO / "Makefile", REPO / "docker-compose.yml", REPO / "Dockerfile"]


def test_readme_table_is_the_loaders_table() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- settings-table:start -->\n(.*?)\n<!-- settings-table:end -->",
                      readme, re.S)
    assert found, "README.md lost its settings table markers"
    assert found.group(1) == settings_table(), (
        "README.md settings table is out of date: paste `python -m stadtsuche.settings`")


def test_every_variable_the_code_names_is_a_setting() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    unknown = {}
    for path in _code_files():
        for name in re.findall(r"STADTSUCHE_[A-Z_]*[A-Z]", path.read_text(encoding="utf-8")):
            # Variables of the compose file alone (not read by Python) are documented in the
            # README's going-live section instead.
            compose_only = path.name == "docker-compose.yml" and f"`{name}" in readme
            if name not in KNOWN and not TEST_ONLY.fullmatch(name) and not compose_only:
                unknown.setdefault(name, str(path.relative_to(REPO)))
    assert not unknown, f"named in code but not in stadtsuche/settings.py: {unknown}"


def test_only_the_loader_reads_the_environment_for_settings() -> None:
    readers = []
    for path in _code_files():
        if path.suffix != ".py" or path == REPO / "stadtsuche" / "settings.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"(os\.environ(\.get)?\s*[\[(]|os\.getenv\()\s*[\"']STADTSUCHE_", text):
            readers.append(str(path.relative_to(REPO)))
    assert readers == []


def test_defaults_and_one_meaning_per_timeout() -> None:
    settings = load_settings({})
    assert settings.env == "production" and settings.production and not settings.debug
    assert settings.solr_timeout == 5.0 and settings.index_solr_timeout == 60.0
    app_only = load_settings({"STADTSUCHE_SOLR_TIMEOUT": "2"})
    assert app_only.solr_timeout == 2 and config_from(app_only).solr_timeout == 60.0
    indexer_only = load_settings({"STADTSUCHE_INDEX_SOLR_TIMEOUT": "300"})
    assert indexer_only.solr_timeout == 5.0 and config_from(indexer_only).solr_timeout == 300


def test_overrides_win_in_any_spelling() -> None:
    env = {"STADTSUCHE_SOLR_URL": "http://env:8983/solr/a", "STADTSUCHE_WORKERS": "3"}
    for key in ("solr_url", "SOLR_URL", "STADTSUCHE_SOLR_URL"):
        settings = load_settings(env, {key: "http://override:8983/solr/b/", "TESTING": True})
        assert settings.solr_url == "http://override:8983/solr/b" and settings.workers == 3


@pytest.mark.parametrize(("env", "message"), [
    ({"STADTSUCHE_SOLR_TIMEOUT": "lange"}, "STADTSUCHE_SOLR_TIMEOUT must be a number, got 'lange'"),
    ({"STADTSUCHE_SOLR_TIMEOUT": "0"}, "STADTSUCHE_SOLR_TIMEOUT must be at least 0.1"),
    ({"STADTSUCHE_WORKERS": "2.5"}, "STADTSUCHE_WORKERS must be a whole number"),
    ({"STADTSUCHE_ENV": "prod"}, "STADTSUCHE_ENV must be 'production' or 'development'"),
    ({"STADTSUCHE_DELETE_MAX_SHARE": "1.5"}, "STADTSUCHE_DELETE_MAX_SHARE must be at most 1"),
    ({"STADTSUCHE_STATS_SOLR_URL": "solr:8983"}, "STADTSUCHE_STATS_SOLR_URL must be an http"),
    ({"STADTSUCHE_BASE_URL": "www.jena.de"}, "STADTSUCHE_BASE_URL must be an http"),
])
def test_bad_values_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_settings(env)


def test_production_needs_a_named_source() -> None:
    with pytest.raises(SourceConfigError, match="STADTSUCHE_INDEX_SOURCE is not set"):
        configured_source(load_settings({}))
    folder = {"STADTSUCHE_INDEX_SOURCE": "/srv/seiten"}
    with pytest.raises(SourceConfigError, match="STADTSUCHE_BASE_URL is not set"):
        configured_source(load_settings(folder))
    sample = {"STADTSUCHE_INDEX_SOURCE": str(SAMPLE_SITE), "STADTSUCHE_BASE_URL": "https://x.de/"}
    with pytest.raises(SourceConfigError, match="sample site"):
        configured_source(load_settings(sample))
    live = configured_source(load_settings({"STADTSUCHE_INDEX_SOURCE":
                                            "https://www.jena.de/sitemap.xml"}))
    assert live.spec == "https://www.jena.de/sitemap.xml"
    dev = configured_source(load_settings({"STADTSUCHE_ENV": "development"}))
    assert dev.spec == str(SAMPLE_SITE) and dev.base_url == "https://www.jena.de/"
