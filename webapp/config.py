"""Typed settings of the web app, read from environment variables with defaults in code."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

ENV_PREFIX = "STADTSUCHE_"


@dataclass(frozen=True)
class Settings:
    """Everything the web app needs to know about its surroundings."""

    solr_url: str = "http://127.0.0.1:8983/solr/stadtsuche"
    # pysolr and requests would otherwise wait 60 s or forever; a visitor will not.
    solr_timeout: float = 5.0
    secret_key: str = ""
    env: str = "production"
    public_url: str | None = None
    # False runs the visitor search without the admin area (webapp.admin is then not imported).
    admin_enabled: bool = True

    @property
    def debug(self) -> bool:
        """True when running as a developer's server."""
        return self.env == "development"

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None,
             overrides: Mapping[str, Any] | None = None) -> "Settings":
        """Build settings from STADTSUCHE_* variables; `overrides` (lower- or upper-case keys) win."""
        environ = os.environ if environ is None else environ
        overrides = {k.lower(): v for k, v in (overrides or {}).items()}
        values: dict[str, Any] = {}
        for field in fields(cls):
            raw = overrides.get(field.name, environ.get(ENV_PREFIX + field.name.upper()))
            if raw is not None and raw != "":
                values[field.name] = raw
        settings = cls(**values)
        return settings._validated()

    def _validated(self) -> "Settings":
        try:
            timeout = float(self.solr_timeout)
        except (TypeError, ValueError) as err:
            raise ValueError(f"STADTSUCHE_SOLR_TIMEOUT must be a number of seconds, "
                             f"got {self.solr_timeout!r}") from err
        if not 0 < timeout <= 120:
            raise ValueError(f"STADTSUCHE_SOLR_TIMEOUT must be between 0 and 120 s, got {timeout}")
        if self.env not in ("production", "development"):
            raise ValueError(f"STADTSUCHE_ENV must be 'production' or 'development', got {self.env!r}")
        if not str(self.solr_url).startswith(("http://", "https://")):
            raise ValueError(f"STADTSUCHE_SOLR_URL must be an http(s) URL, got {self.solr_url!r}")
        # Sessions only carry flash messages here; a random key per process is safe enough
        # when none is configured, it just does not survive restarts.
        admin_enabled = _flag(self.admin_enabled, "STADTSUCHE_ADMIN_ENABLED")
        secret = self.secret_key or secrets.token_hex(32)
        public = self.public_url.rstrip("/") if self.public_url else None
        return Settings(solr_url=str(self.solr_url).rstrip("/"), solr_timeout=timeout,
                        secret_key=secret, env=self.env, public_url=public,
                        admin_enabled=admin_enabled)


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _flag(value: object, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError(f"{name} must be true or false, got {value!r}")
