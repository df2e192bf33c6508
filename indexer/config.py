"""Indexer settings in one typed place, read from environment variables with defaults here."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

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
    user_agent: str = USER_AGENT
    sections: Mapping[str, str] = field(default_factory=lambda: DEFAULT_SECTIONS)

    def with_overrides(self, **changes: object) -> IndexerConfig:
        """A copy with the given fields replaced; ``None`` values are ignored."""
        from dataclasses import replace

        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _sections_from_env(raw: str | None) -> Mapping[str, str]:
    """Parse ``section=Name;other=Other Name`` into a mapping merged over the defaults."""
    merged = dict(DEFAULT_SECTIONS)
    for pair in (raw or "").split(";"):
        if "=" in pair:
            key, value = pair.split("=", 1)
            if key.strip() and value.strip():
                merged[key.strip().lower()] = value.strip()
    return MappingProxyType(merged)


def load_config(env: Mapping[str, str] | None = None) -> IndexerConfig:
    """Build the configuration from ``env`` (default: the process environment)."""
    env = os.environ if env is None else env
    base = IndexerConfig()
    return IndexerConfig(
        solr_url=env.get("STADTSUCHE_SOLR_URL", base.solr_url),
        base_url=env.get("STADTSUCHE_BASE_URL", base.base_url),
        default_source=env.get("STADTSUCHE_INDEX_SOURCE", base.default_source),
        state_path=Path(env.get("STADTSUCHE_INDEXER_STATE", str(base.state_path))),
        batch_size=int(env.get("STADTSUCHE_INDEX_BATCH", base.batch_size)),
        solr_timeout=float(env.get("STADTSUCHE_SOLR_TIMEOUT", base.solr_timeout)),
        http_timeout=float(env.get("STADTSUCHE_HTTP_TIMEOUT", base.http_timeout)),
        crawl_delay=float(env.get("STADTSUCHE_CRAWL_DELAY", base.crawl_delay)),
        max_pages=int(env.get("STADTSUCHE_CRAWL_MAX_PAGES", base.max_pages)),
        max_file_bytes=int(env.get("STADTSUCHE_FILE_MAX_BYTES", base.max_file_bytes)),
        max_file_pages=int(env.get("STADTSUCHE_FILE_MAX_PAGES", base.max_file_pages)),
        file_seconds=float(env.get("STADTSUCHE_FILE_SECONDS", base.file_seconds)),
        file_memory_mb=int(env.get("STADTSUCHE_FILE_MEMORY_MB", base.file_memory_mb)),
        sections=_sections_from_env(env.get("STADTSUCHE_CATEGORY_SECTIONS")),
    )
