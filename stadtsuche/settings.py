"""Every setting of Stadtsuche in one typed place: STADTSUCHE_* variables, defaults in code.

The web app (``webapp.config``), its admin area (``webapp.admin.settings``), the indexer
(``indexer.config``), the reindex schedule and the app server all read the environment only
through ``load_settings``. Each field carries its meaning and who reads it; the settings table in
README.md is generated from these fields (``python -m stadtsuche.settings``) and a test keeps
the two equal. A new setting is a new field here, nowhere else.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PREFIX = "STADTSUCHE_"
REPO = Path(__file__).resolve().parent.parent
SAMPLE_SITE = REPO / "sample-site"
ENVIRONMENTS = ("production", "development")


class SettingsError(ValueError):
    """A setting has a value the program cannot run with; the message names the variable."""


def _setting(default: Any, meaning: str, used_by: str, *, low: float | None = None,
             high: float | None = None, choices: tuple[str, ...] = (),
             shown_default: str | None = None) -> Any:
    return field(default=default, metadata={
        "meaning": meaning, "used_by": used_by, "low": low, "high": high, "choices": choices,
        "shown_default": shown_default})


@dataclass(frozen=True)
class Settings:
    """All settings; ``None`` means "not set" where the program decides what that means."""

    env: str = _setting(
        "production", "`production` refuses to start without secret key and admin login, and "
        "the indexer without an explicit source; `development` (set by `make run`) allows the "
        "sample site and plain http", "app, indexer", choices=ENVIRONMENTS)
    solr_url: str = _setting(
        "http://127.0.0.1:8983/solr/stadtsuche",
        "the core (or SolrCloud collection/alias) to search and index; for SolrCloud the "
        "same collection on several nodes, comma-separated (`http://solr1:8983/solr/"
        "stadtsuche,http://solr2:8983/solr/stadtsuche`): the first that answers is used, a "
        "node that fails is avoided for a while", "app, indexer")
    solr_timeout: float = _setting(
        5.0, "seconds the web app waits for one Solr answer before a visitor gets a 503",
        "app", low=0.1, high=120)
    search_timeout: float = _setting(
        1.0, "seconds after which a visitor search that has no answer yet is sent to the next "
        "Solr node as well (the first answer wins), so that a hung node costs a visitor "
        "about this much; no request waits longer than `STADTSUCHE_SOLR_TIMEOUT`", "app",
        low=0.1, high=60)
    public_url: str | None = _setting(
        None, "public address of the search (OpenSearch links); the request's host if unset",
        "app")
    secret_key: str = _setting(
        "", "session signing key; required in production (random per process otherwise)",
        "app", shown_default="—")
    admin_user: str = _setting("", "admin login name", "admin", shown_default="—")
    admin_password_hash: str = _setting(
        "", "admin password as a werkzeug hash (`python -m webapp.admin.hash`)", "admin",
        shown_default="—")
    stats_solr_url: str | None = _setting(
        None, "statistics, pins, golden queries, run records", "admin",
        shown_default="same Solr, core `stadtsuche_stats`")
    golden_queries_file: str = _setting(
        str(REPO / "quality" / "golden_queries.json"),
        "golden queries imported by `flask admin-seed-golden`", "admin",
        shown_default="`quality/golden_queries.json`")
    login_max_failures: int = _setting(
        5, "failed logins per address within the window before the login pauses", "admin",
        low=1)
    login_window_seconds: int = _setting(600, "window for counting failed logins", "admin",
                                         low=1)
    pins_cache_seconds: float = _setting(
        2.0, "how long a worker trusts its copy of the pinned results", "admin", low=0)
    ranking_cache_seconds: float = _setting(
        2.0, "how long a worker trusts its copy of the default sort order", "admin", low=0)
    exclusions_cache_seconds: float = _setting(
        1.0, "how long a worker trusts its copy of the excluded pages (they must reach "
        "visitors within 2 s)", "admin", low=0, high=2)
    stats_retention_days: int = _setting(
        365, "search and click events older than this are deleted", "admin", low=1)
    lock_stale_seconds: int = _setting(
        900, "a reindex lock without heartbeat for this long is taken over", "admin, schedule",
        low=10)
    reindex_every_minutes: int = _setting(
        0, "interval of the scheduled incremental reindex (`python -m webapp.admin.schedule`); "
        "0 switches it off", "schedule", low=0, high=7 * 24 * 60)
    index_source: str | None = _setting(
        None, "what `reindex`, the admin area and the schedule index, all in one run: a "
        "source, or a list of them separated by `;` — a sitemap or start URL, "
        "`FOLDER=https://host/` (a folder of saved pages and the URL it is published under), "
        "`FOLDER/*=https://*/` (one subfolder per host, each published at `https://<subfolder>/`) "
        "or a bare folder under `STADTSUCHE_BASE_URL`; required in production",
        "indexer, admin, schedule", shown_default="`sample-site/` in development, none in "
        "production")
    base_url: str | None = _setting(
        None, "URL under which a bare folder of `STADTSUCHE_INDEX_SOURCE` is published; "
        "required in production when a folder has no URL of its own", "indexer, admin, schedule",
        shown_default="`https://www.jena.de/` in development, none in production")
    site_names: str = _setting(
        "", "names of the sites for the site facet, `host=Name;…` (e.g. "
        "`service.jena.de=Bürgerservice-Portal;www.jena.de=Rathaus`); a host without a name "
        "is shown as the host", "indexer", shown_default="—")
    preferred_hosts: str = _setting(
        "", "hosts whose address is shown for duplicates found on several sites, best first, "
        "comma-separated (e.g. the service portal `service.jena.de`); after the canonical "
        "link and German pages, before shorter paths", "indexer", shown_default="—")
    indexer_state: str = _setting(
        "var/indexer-state.json", "ETags and page fingerprints between runs", "indexer")
    index_batch: int = _setting(500, "documents per update request", "indexer", low=1)
    index_solr_timeout: float = _setting(
        60.0, "seconds the indexer waits for one Solr answer (batches take longer than "
        "searches)", "indexer", low=1, high=3600)
    http_timeout: float = _setting(15.0, "seconds per page download when crawling", "indexer",
                                   low=0.1)
    crawl_delay: float = _setting(
        0.5, "seconds between requests to the site (robots.txt may ask for more)", "indexer",
        low=0)
    crawl_max_pages: int = _setting(100_000, "most pages one crawl fetches", "indexer", low=1)
    category_sections: str = _setting(
        "", "extra `section=Category;…` pairs for pages without category or breadcrumb",
        "indexer", shown_default="—")
    delete_max_share: float = _setting(
        0.2, "a full run deletes at most this share of its source's documents unless run with "
        "`--force` (a broken sitemap must not empty the index)", "indexer", low=0, high=1)
    file_max_bytes: int = _setting(
        50_000_000, "documents (PDF, DOCX, ODT) larger than this are skipped", "indexer", low=1)
    file_max_pages: int = _setting(
        500, "pages of a PDF read at most; a longer file is indexed in part", "indexer", low=1)
    file_seconds: float = _setting(
        60.0, "seconds one document may take to read before it is skipped", "indexer", low=1)
    file_memory_mb: int = _setting(
        1024, "memory (address space, MB) of the process that reads documents", "indexer",
        low=256)
    admin_enabled: bool = _setting(
        True, "`false` runs the visitor search, API and click counting without the admin area "
        "(`/admin` is then 404 and `webapp.admin` is not even imported)", "app",
        shown_default="`true`")
    result_cache_seconds: float = _setting(
        30.0, "how long a worker may answer a repeated search from its memory; a click or a "
        "change in the admin area voids kept results at once (see `webapp/README.md`), a "
        "reindex shows within this time; 0 switches the cache off", "app", low=0, high=300)
    outbox_dir: str = _setting(
        "var/outbox", "folder of the app's outbox (SQLite, one file per Solr address): clicks "
        "and statistics events that Solr cannot take at once wait there and are delivered "
        "later, each exactly once; keep it on a persistent disk", "app")
    result_cache_size: int = _setting(
        1000, "most search results one worker keeps", "app", low=0)
    bind: str = _setting("127.0.0.1:5000", "address the app server listens on", "server")
    workers: int = _setting(2, "app server worker processes", "server", low=1)
    # 2 × 8: as many searches in flight as the bench's 16 clients, so that a quick search is
    # not queued behind slow ones in the app while Solr is busy (webapp/README.md).
    threads: int = _setting(8, "threads per worker that run the app", "server", low=1)
    log_level: str = _setting("info", "log level of the app server and the app", "server",
                              choices=("debug", "info", "warning", "error", "critical"))

    @property
    def debug(self) -> bool:
        """True when running as a developer's server."""
        return self.env == "development"

    @property
    def production(self) -> bool:
        """True unless explicitly a development setup."""
        return self.env == "production"

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None,
             overrides: Mapping[str, Any] | None = None) -> Settings:
        """Same as ``load_settings``."""
        return load_settings(environ, overrides)


def env_name(name: str) -> str:
    """``solr_url`` -> ``STADTSUCHE_SOLR_URL``."""
    return PREFIX + name.upper()


def load_settings(environ: Mapping[str, str] | None = None,
                  overrides: Mapping[str, Any] | None = None) -> Settings:
    """Settings from STADTSUCHE_* variables; ``overrides`` win.

    Override keys may be the field name in any case, with or without the prefix
    (``solr_url``, ``SOLR_URL``, ``STADTSUCHE_SOLR_URL``); other keys (e.g. Flask's
    ``TESTING``) are ignored. Empty strings count as unset. Raises SettingsError.
    """
    environ = os.environ if environ is None else environ
    given = {_field_key(k): v for k, v in (overrides or {}).items()}
    hints = typing.get_type_hints(Settings)
    values: dict[str, Any] = {}
    for spec in fields(Settings):
        raw = given.get(spec.name, environ.get(env_name(spec.name)))
        if raw is None or raw == "":
            continue
        values[spec.name] = _checked(spec.name, _convert(spec.name, raw, hints[spec.name]),
                                     spec.metadata)
    settings = Settings(**values)
    _check_urls(settings)
    return settings


def _field_key(key: str) -> str:
    key = str(key)
    if key.upper().startswith(PREFIX):
        key = key[len(PREFIX):]
    return key.lower()


def _convert(name: str, raw: Any, hint: Any) -> Any:
    target = _plain_type(hint)
    if isinstance(raw, target) and not (target is int and isinstance(raw, bool)):
        return raw
    text = str(raw).strip()
    if target is bool:
        if text.lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            return text.lower() in ("1", "true", "yes", "on")
        raise SettingsError(f"{env_name(name)} must be true or false, got {raw!r}")
    try:
        if target is int:
            return int(text)
        if target is float:
            return float(text)
    except ValueError as err:
        kind = "a whole number" if target is int else "a number"
        raise SettingsError(f"{env_name(name)} must be {kind}, got {raw!r}") from err
    return text


def _plain_type(hint: Any) -> type:
    """``str | None`` -> ``str``."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return next(a for a in typing.get_args(hint) if a is not type(None))
    return hint


def _checked(name: str, value: Any, meta: Mapping[str, Any]) -> Any:
    if meta["choices"] and value not in meta["choices"]:
        allowed = " or ".join(repr(c) for c in meta["choices"])
        raise SettingsError(f"{env_name(name)} must be {allowed}, got {value!r}")
    if meta["low"] is not None and value < meta["low"]:
        raise SettingsError(f"{env_name(name)} must be at least {meta['low']}, got {value}")
    if meta["high"] is not None and value > meta["high"]:
        raise SettingsError(f"{env_name(name)} must be at most {meta['high']}, got {value}")
    if isinstance(value, str) and name.endswith("_url"):
        value = value.rstrip("/") if name != "base_url" else value
    return value


def _check_urls(settings: Settings) -> None:
    for name in ("solr_url", "stats_solr_url", "public_url"):
        value = getattr(settings, name)
        # The Solr URLs may list several nodes, comma-separated; each must be a URL.
        parts = [value] if name == "public_url" or value is None else value.split(",")
        for part in parts:
            if part is not None and not part.strip().startswith(("http://", "https://")):
                raise SettingsError(f"{env_name(name)} must be an http(s) URL"
                                    f"{' (or several, comma-separated)' if name != 'public_url' else ''}"
                                    f", got {value!r}")
    if settings.base_url is not None and not settings.base_url.startswith(("http://",
                                                                            "https://")):
        raise SettingsError(f"STADTSUCHE_BASE_URL must be an http(s) URL, "
                            f"got {settings.base_url!r}")


def settings_table() -> str:
    """The Markdown table of every setting, as README.md shows it."""
    rows = ["| variable | default | read by | meaning |", "| --- | --- | --- | --- |"]
    for spec in fields(Settings):
        meta = spec.metadata
        shown = meta["shown_default"]
        if shown is None:
            shown = "—" if spec.default is None else f"`{spec.default}`"
        rows.append(f"| `{env_name(spec.name)}` | {shown} | {meta['used_by']} | "
                    f"{meta['meaning']} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(settings_table())
