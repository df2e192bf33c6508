"""The web app's settings: the one typed loader of ``stadtsuche.settings``, seen from the app."""

from __future__ import annotations

from stadtsuche.settings import Settings, SettingsError, load_settings

__all__ = ["Settings", "SettingsError", "load_settings"]
