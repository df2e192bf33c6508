"""Admin area for the web team: ranking, synonyms, pins, golden queries, reindex, statistics.

``init_admin(app)`` is called by ``webapp.create_app``; it reads the admin settings, refuses
to start in production without credentials and secret key, subscribes the statistics to the
search signals and registers the ``/admin`` blueprint and the ``admin-hash`` command.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import click
from flask import Flask

from .settings import AdminConfigError, admin_settings, check_production

log = logging.getLogger(__name__)

__all__ = ["AdminConfigError", "init_admin"]


def init_admin(app: Flask) -> None:
    """Set up the admin area on ``app`` (raises AdminConfigError for an unsafe production setup)."""
    from solrclient import SolrClient, SolrError, Timeouts
    from webapp.extensions import register_tuning, solr_repository

    from webapp.comparison import register_comparison

    from . import (views_audit, views_auth, views_demotions,  # noqa: F401
                   views_comparison, views_evaluation, views_exclusions, views_inspector,
                   views_overview, views_pins, views_ranking, views_reindex, views_stats,
                   views_terms)
    from .blueprint import bp
    from .comparison_live import LOOKUP_KEY, ComparisonLookup
    from .default_sort import DefaultSortLookup
    from .demotions import DemotionLookup
    from .exclusions import ExclusionLookup
    from .hash import make_hash
    from .pins import PinLookup
    from .records import seed_golden
    from .reindex import ReindexRunner, run_indexer
    from .repository import CoreAdmin, StatsStore
    from .security import LoginLimiter
    from .services import EXTENSION_KEY, AdminServices
    from .stats import StatsRecorder, ranking_version
    from .tuning import AdminTuning

    web = app.config["STADTSUCHE"]
    settings = admin_settings(web)
    production = web.production
    if production:
        check_production(settings, secret_key_configured=bool(web.secret_key))
        if settings.source_problem:
            log.warning("Reindexing is off until a source is configured: %s",
                        settings.source_problem)
    elif not settings.has_credentials:
        log.warning("Admin area without credentials: nobody can sign in "
                    "(set STADTSUCHE_ADMIN_USER and STADTSUCHE_ADMIN_PASSWORD_HASH)")
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      SESSION_COOKIE_SECURE=production,
                      PERMANENT_SESSION_LIFETIME=timedelta(hours=8))

    search = solr_repository(app)
    stats = StatsStore(SolrClient(settings.stats_solr_url,
                                  timeouts=Timeouts.reading(web.solr_timeout)))
    # Reloads and ParamSet writes may take a while on a busy Solr.
    core = CoreAdmin(search.client.with_options(
        timeouts=Timeouts.reading(max(web.solr_timeout, 30.0))))
    runner = ReindexRunner(stats, run_indexer(web.solr_url, settings.base_url),
                           settings.index_source, settings.lock_stale_seconds)
    pins = PinLookup(stats, settings.pins_cache_seconds)
    default_sort = DefaultSortLookup(core, settings.ranking_cache_seconds)
    recorder = StatsRecorder(stats, settings.stats_retention_days,
                             ranking_version(core, settings.ranking_cache_seconds))
    exclusions = ExclusionLookup(stats, settings.exclusions_cache_seconds)
    recorder.connect(app)
    tuning = AdminTuning(pins, default_sort, exclusions,
                         DemotionLookup(stats, settings.pins_cache_seconds))
    register_tuning(app, tuning)
    comparisons = ComparisonLookup(stats, core, search, tuning, settings.pins_cache_seconds)
    app.extensions[LOOKUP_KEY] = comparisons
    register_comparison(app, comparisons)
    app.extensions[EXTENSION_KEY] = AdminServices(
        settings=settings, core=core, stats=stats,
        search=search, runner=runner, pins=pins, recorder=recorder,
        limiter=LoginLimiter(settings.login_max_failures, settings.login_window_seconds),
        default_sort=default_sort, tuning=tuning, exclusions=exclusions)
    app.register_blueprint(bp)

    @app.cli.command("admin-hash")
    @click.password_option("--password", prompt="Passwort")
    def admin_hash(password: str) -> None:
        """Print a hash for STADTSUCHE_ADMIN_PASSWORD_HASH."""
        click.echo(make_hash(password))

    @app.cli.command("admin-seed-golden")
    def admin_seed_golden() -> None:
        """Import quality/golden_queries.json into the statistics core (once)."""
        try:
            count = seed_golden(stats, Path(settings.golden_queries_file))
        except SolrError as err:
            raise click.ClickException(str(err)) from err
        click.echo(f"{count} goldene Suchanfragen übernommen.")
