"""Admin settings: credentials, statistics core, reindex source; read from STADTSUCHE_* variables."""

from __future__ import annotations

import logging
import os
from datetime import timezone, tzinfo
from pathlib import Path
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ENV_PREFIX = "STADTSUCHE_"
REPO = Path(__file__).resolve().parents[2]
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


class AdminConfigError(RuntimeError):
    """The admin area cannot run with this configuration (the app must not start)."""


@dataclass(frozen=True)
class AdminSettings:
    """What the admin area needs beyond the web app's own settings."""

    admin_user: str = ""
    admin_password_hash: str = ""
    stats_solr_url: str = ""
    index_source: str = str(REPO / "sample-site")
    base_url: str = "https://www.jena.de/"
    golden_queries_file: str = str(REPO / "quality" / "golden_queries.json")
    # Failed logins per client address and window before the login form refuses for a while.
    login_max_failures: int = 5
    login_window_seconds: int = 600
    # How long a worker trusts its cached copy of the pinned results.
    pins_cache_seconds: float = 2.0
    # How long a worker trusts its cached copy of the default sort order of the ranking.
    ranking_cache_seconds: float = 2.0
    # How long a worker trusts its cached copy of the exclusions (they must reach visitors
    # within 2 s).
    exclusions_cache_seconds: float = 1.0
    # Search and click events older than this are deleted (data minimisation).
    stats_retention_days: int = 365
    # A reindex lock whose holder has not reported for this long is taken over.
    lock_stale_seconds: int = 900

    @property
    def has_credentials(self) -> bool:
        """True when a user name and a password hash are configured."""
        return bool(self.admin_user and self.admin_password_hash)


def default_stats_url(solr_url: str) -> str:
    """Same Solr as the page index, core ``stadtsuche_stats``."""
    return solr_url.rstrip("/").rsplit("/", 1)[0] + "/" + STATS_CORE


def load_admin_settings(solr_url: str, environ: Mapping[str, str] | None = None,
                        overrides: Mapping[str, Any] | None = None) -> AdminSettings:
    """Build settings from the environment; ``overrides`` (Flask config, upper-case) win."""
    environ = os.environ if environ is None else environ
    overrides = overrides or {}
    values: dict[str, Any] = {}
    for field in fields(AdminSettings):
        name = field.name.upper()
        raw = overrides.get(name, overrides.get(ENV_PREFIX + name, environ.get(ENV_PREFIX + name)))
        if raw is None or raw == "":
            continue
        try:
            values[field.name] = type(field.default)(raw)
        except (TypeError, ValueError) as err:
            raise AdminConfigError(f"{ENV_PREFIX}{name} must be a {type(field.default).__name__}, "
                                   f"got {raw!r}") from err
    settings = AdminSettings(**values)
    if not settings.stats_solr_url:
        settings = AdminSettings(**{**values, "stats_solr_url": default_stats_url(solr_url)})
    if not settings.stats_solr_url.startswith(("http://", "https://")):
        raise AdminConfigError(f"{ENV_PREFIX}STATS_SOLR_URL must be an http(s) URL, "
                               f"got {settings.stats_solr_url!r}")
    return settings


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
