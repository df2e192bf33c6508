"""The indexer's settings: built from the one loader (``stadtsuche.settings``), tests pass
overrides; and the rule which source a production run may use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from indexer.sites import SourceListError, parse_hosts, parse_site_names, parse_source_list
from stadtsuche.settings import SAMPLE_SITE, Settings, SettingsError, load_settings

DEFAULT_SOLR_URL = "http://127.0.0.1:8983/solr/stadtsuche"
DEFAULT_BASE_URL = "https://www.jena.de/"
USER_AGENT = "Stadtsuche-Indexer/1.0 (+https://www.jena.de/suche)"

# URL section (first path segment) -> category name shown in the search facets. Used only when
# a page has neither a category meta tag nor a breadcrumb.
DEFAULT_SECTIONS: Mapping[str, str] = MappingProxyType({
    "buergerservice": "Bürgerservice",
    "familie-bildung": "Familie & Bildung",
    "umwelt-abfall": "Umwelt & Abfall",
    "verkehr-mobilitaet": "Verkehr & Mobilität",
    "kultur-freizeit": "Kultur & Freizeit",
    "aktuelles": "Aktuelles",
    "rathaus": "Rathaus & Politik",
    "rathaus-politik": "Rathaus & Politik",
    "wirtschaft": "Wirtschaft",
    "stadtentwicklung": "Stadtentwicklung",
    "gesundheit-soziales": "Gesundheit & Soziales",
    "tourismus": "Tourismus",
    # www.jena.de's own sections (below its language segment).
    "leben_in_jena": "Leben in Jena",
    "stadt_verwaltung": "Stadt & Verwaltung",
})


@dataclass(frozen=True)
class IndexerConfig:
    """Everything the indexer can be told; tests and the CLI pass overrides."""

    solr_url: str = DEFAULT_SOLR_URL
    base_url: str = DEFAULT_BASE_URL
    default_source: str = "sample-site"
    state_path: Path = Path("var/indexer-state.json")
    batch_size: int = 500
    solr_timeout: float = 60.0
    http_timeout: float = 15.0
    http_retries: int = 3
    crawl_delay: float = 0.5
    max_pages: int = 100_000
    max_content_chars: int = 1_000_000
    max_page_bytes: int = 50_000_000
    # Documents (PDF, DOCX, ODT): see indexer/files/limits.py for what each bound protects.
    max_file_bytes: int = 50_000_000
    max_file_pages: int = 500
    file_seconds: float = 60.0
    file_memory_mb: int = 1024
    # A full run deletes at most this share of the documents its source covers (see
    # indexer.deletion); --force lifts the limit.
    delete_max_share: float = 0.2
    user_agent: str = USER_AGENT
    sections: Mapping[str, str] = field(default_factory=lambda: DEFAULT_SECTIONS)
    # Several sites in one index (indexer.sites): display names by host, and the hosts whose
    # address wins among duplicates, best first.
    site_names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    preferred_hosts: tuple[str, ...] = ()
    # Development only: folders of the source list that do not exist are left out with a note
    # (the sample web sites may not be there); in production a missing folder fails the run.
    skip_missing_folders: bool = False

    def with_overrides(self, **changes: object) -> IndexerConfig:
        """A copy with the given fields replaced; ``None`` values are ignored."""
        from dataclasses import replace

        return replace(self, **{k: v for k, v in changes.items() if v is not None})


class SourceConfigError(SettingsError):
    """The configured source cannot be used for this environment (the run must not start)."""


@dataclass(frozen=True)
class ConfiguredSource:
    """The source that ``reindex``, the admin area and the schedule index."""

    spec: str
    base_url: str


def _sections_from_env(raw: str | None) -> Mapping[str, str]:
    """Parse ``section=Name;other=Other Name`` into a mapping merged over the defaults."""
    merged = dict(DEFAULT_SECTIONS)
    for pair in (raw or "").split(";"):
        if "=" in pair:
            key, value = pair.split("=", 1)
            if key.strip() and value.strip():
                merged[key.strip().lower()] = value.strip()
    return MappingProxyType(merged)


def configured_source(settings: Settings) -> ConfiguredSource:
    """The configured default source; in production it must be named, never implied.

    Development (``make run``, tests) falls back to the sample site under jena.de URLs. In
    production the sample site would replace the real pages, so there is no fallback: a
    sitemap URL, or a folder together with its base URL, must be configured (or a list of
    them, ``indexer.sites``; every folder of the list needs a URL).
    """
    spec, base = settings.index_source, settings.base_url
    if not settings.production:
        return ConfiguredSource(spec or str(SAMPLE_SITE), base or DEFAULT_BASE_URL)
    if not spec:
        raise SourceConfigError(
            "STADTSUCHE_INDEX_SOURCE is not set: in production the indexer needs its source "
            "named explicitly, the live site's sitemap URL (e.g. "
            "https://www.jena.de/sitemap.xml) or a folder of saved pages together with "
            "STADTSUCHE_BASE_URL. (STADTSUCHE_ENV=development allows the sample site.)")
    try:
        entries = parse_source_list(spec, base or None)
    except SourceListError as err:
        unset = "" if base else ", and STADTSUCHE_BASE_URL is not set"
        raise SourceConfigError(
            f"STADTSUCHE_INDEX_SOURCE cannot be used ({err}){unset}: in production every "
            "folder needs the URL under which its pages are published (FOLDER=https://… in "
            "the list, or STADTSUCHE_BASE_URL).") from err
    for entry in entries:
        if entry.is_folder and Path(entry.location).resolve() == SAMPLE_SITE.resolve():
            raise SourceConfigError(
                "STADTSUCHE_INDEX_SOURCE is the sample site, which is for make run and the "
                "tests only: in production name the live site's sitemap URL.")
    return ConfiguredSource(spec, base or "")


def config_from(settings: Settings) -> IndexerConfig:
    """The indexer's configuration from the loaded settings."""
    return IndexerConfig(
        solr_url=settings.solr_url,
        base_url=settings.base_url or DEFAULT_BASE_URL,
        default_source=settings.index_source or "",
        state_path=Path(settings.indexer_state),
        batch_size=settings.index_batch,
        solr_timeout=settings.index_solr_timeout,
        http_timeout=settings.http_timeout,
        crawl_delay=settings.crawl_delay,
        max_pages=settings.crawl_max_pages,
        delete_max_share=settings.delete_max_share,
        max_file_bytes=settings.file_max_bytes,
        max_file_pages=settings.file_max_pages,
        file_seconds=settings.file_seconds,
        file_memory_mb=settings.file_memory_mb,
        sections=_sections_from_env(settings.category_sections),
        site_names=parse_site_names(settings.site_names),
        preferred_hosts=parse_hosts(settings.preferred_hosts),
        skip_missing_folders=not settings.production,
    )


def load_config(env: Mapping[str, str] | None = None) -> IndexerConfig:
    """Build the configuration from ``env`` (default: the process environment)."""
    return config_from(load_settings(env))
