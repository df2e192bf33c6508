"""Admin settings: credentials, statistics core, reindex source (from ``stadtsuche.settings``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from indexer.config import SourceConfigError, configured_source
from solrclient.client import node_base
from stadtsuche.settings import PREFIX as ENV_PREFIX
from stadtsuche.settings import Settings, SettingsError

STATS_CORE = "stadtsuche_stats"


def _local_zone() -> tzinfo:
    """Jena's time zone; UTC (with a warning) where no time zone database is installed."""
    try:
        return ZoneInfo("Europe/Berlin")
    except ZoneInfoNotFoundError:
        logging.getLogger(__name__).warning("No time zone data (install tzdata): using UTC")
        return timezone.utc


#: Statistics periods and times shown in the admin area are in Jena's local time.
LOCAL_ZONE = _local_zone()


#: Bad settings and an unsafe production setup stop the app with the variable's name.
AdminConfigError = SettingsError


@dataclass(frozen=True)
class AdminSettings:
    """What the admin area needs beyond the web app's own settings."""

    admin_user: str = ""
    admin_password_hash: str = ""
    stats_solr_url: str = ""
    # The source of reindex runs; empty with ``source_problem`` saying why when production
    # settings name none (the app still starts, runs are refused with that reason).
    index_source: str = ""
    base_url: str = ""
    source_problem: str = ""
    golden_queries_file: str = ""
    login_max_failures: int = 5
    login_window_seconds: int = 600
    pins_cache_seconds: float = 2.0
    ranking_cache_seconds: float = 2.0
    # How long a worker trusts its cached copy of the exclusions (they must reach visitors
    # within 2 s).
    exclusions_cache_seconds: float = 1.0
    # Search and click events older than this are deleted (data minimisation).
    stats_retention_days: int = 365
    lock_stale_seconds: int = 900

    @property
    def has_credentials(self) -> bool:
        """True when a user name and a password hash are configured."""
        return bool(self.admin_user and self.admin_password_hash)


def default_stats_url(solr_url: str) -> str:
    """Same Solr as the page index, core ``stadtsuche_stats``."""
    # Several nodes (comma-separated) keep their order: the statistics core on each of them.
    return ",".join(node_base(u.strip()) + "/" + STATS_CORE
                    for u in solr_url.split(",") if u.strip())


def admin_settings(settings: Settings) -> AdminSettings:
    """The admin area's view of the loaded settings."""
    try:
        source = configured_source(settings)
        spec, base, problem = source.spec, source.base_url, ""
    except SourceConfigError as err:
        spec, base, problem = "", "", str(err)
    return AdminSettings(
        admin_user=settings.admin_user, admin_password_hash=settings.admin_password_hash,
        stats_solr_url=settings.stats_solr_url or default_stats_url(settings.solr_url),
        index_source=spec, base_url=base, source_problem=problem,
        golden_queries_file=settings.golden_queries_file,
        login_max_failures=settings.login_max_failures,
        login_window_seconds=settings.login_window_seconds,
        pins_cache_seconds=settings.pins_cache_seconds,
        ranking_cache_seconds=settings.ranking_cache_seconds,
        exclusions_cache_seconds=settings.exclusions_cache_seconds,
        stats_retention_days=settings.stats_retention_days,
        lock_stale_seconds=settings.lock_stale_seconds)


def check_production(settings: AdminSettings, secret_key_configured: bool) -> None:
    """Refuse to run in production without admin credentials or a configured secret key."""
    missing = []
    if not settings.admin_user:
        missing.append(f"{ENV_PREFIX}ADMIN_USER")
    if not settings.admin_password_hash:
        missing.append(f"{ENV_PREFIX}ADMIN_PASSWORD_HASH (make one with: python -m webapp.admin.hash)")
    if not secret_key_configured:
        missing.append(f"{ENV_PREFIX}SECRET_KEY (a long random string)")
    if missing:
        raise AdminConfigError("Refusing to start in production (STADTSUCHE_ENV=production): "
                               "the admin area needs " + ", ".join(missing) + ". There is no "
                               "default password.")
    if not settings.admin_password_hash.startswith(("scrypt:", "pbkdf2:")):
        raise AdminConfigError(f"{ENV_PREFIX}ADMIN_PASSWORD_HASH is not a werkzeug password hash "
                               "(expected 'scrypt:…' or 'pbkdf2:…'); make one with "
                               "python -m webapp.admin.hash")
