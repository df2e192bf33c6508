"""The statistics page's tables, built once and shown as HTML or exported as CSV, so that the
export always holds exactly what the page shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .repository import CoreAdmin, StatsStore
from .stats import build_report
from .stats_behaviour import load_events
from .stats_behaviour_tables import per_day, per_query
from .stats_csv import Table, percent
from .trends import buckets, top_clicked, unclicked

TABLES = {"verlauf-tage": "Verlauf pro Tag", "verlauf-wochen": "Verlauf pro Woche",
          "top-suchen": "Häufigste Suchen", "top-seiten": "Am häufigsten angeklickte Seiten",
          "ohne-klick": "Suchen mit Treffern, aber ohne Klick",
          "null-treffer": "Suchen ohne Treffer", "verhalten-tage": "Verhalten pro Tag",
          "verhalten-suchen": "Verhalten je Suchanfrage"}


def _trend(key: str, store: StatsStore, start: date, end: date, days: int) -> Table:
    label = "Tag" if days == 1 else "Woche ab"
    rows = tuple((b.start.strftime("%d.%m.%Y"), str(b.searches), str(b.zero_hits),
                  percent(b.zero_hits, b.searches), str(b.clicks))
                 for b in buckets(store, start, end, days))
    return Table(key, TABLES[key], (label, "Suchen", "ohne Treffer", "Anteil ohne Treffer",
                                    "Klicks"), rows)


@dataclass(frozen=True)
class StatsPage:
    """The period, its totals and every table."""

    start: date
    end: date
    searches: int
    clicks: int
    tables: dict[str, Table]
    # False when the period held more events than the behaviour measures read.
    complete: bool = True


def build_tables(store: StatsStore, core: CoreAdmin, start: date, end: date,
                 order: str | None = None) -> StatsPage:
    """Every table of the statistics page for the period, by key; ``order`` sorts the
    per-query behaviour table."""
    report = build_report(store, start, end)
    clicked = top_clicked(store, start, end)
    pages = core.find([c.doc_id for c in clicked])
    tables = [
        _trend("verlauf-tage", store, start, end, 1),
        _trend("verlauf-wochen", store, start, end, 7),
        Table("top-suchen", TABLES["top-suchen"],
              ("Suchanfrage", "Suchen", "davon ohne Treffer", "Klicks", "Klickrate"),
              tuple((q.query, str(q.searches), str(q.zero_hits), str(q.clicks),
                     percent(q.clicks, q.searches)) for q in report.top)),
        Table("top-seiten", TABLES["top-seiten"], ("Seite", "Adresse", "Klicks"),
              tuple((pages.get(c.doc_id, {}).get("title", "(nicht mehr im Index)"),
                     pages.get(c.doc_id, {}).get("url", c.doc_id), str(c.clicks))
                    for c in clicked)),
        Table("ohne-klick", TABLES["ohne-klick"], ("Suchanfrage", "Suchen"),
              tuple((query, str(count)) for query, count in unclicked(store, start, end))),
        Table("null-treffer", TABLES["null-treffer"], ("Suchanfrage", "Anzahl"),
              tuple((q.query, str(q.searches)) for q in report.zero_hit)),
    ]
    events = load_events(store, start, end)
    tables += [per_day("verhalten-tage", events, start, end), per_query(events, order)]
    return StatsPage(start, end, report.searches, report.clicks, {t.key: t for t in tables},
                     events.complete)
