"""The behaviour measures as tables (page, overview, CSV): each figure with the number of
searches or clicks it rests on, e.g. "33 % von 3"."""

from __future__ import annotations

from datetime import date, timedelta

from .stats_behaviour import Behaviour, Events, group, local_day
from .stats_csv import Table, percent

HEADERS = ("Suchen mit Treffern", "Klick auf Platz 1", "Klick auf Platz 1–3", "ohne Klick",
           "MRR erster Klick", "umformuliert", "schnelle Rückkehr")
# Sort keys of the per-query table's columns (URL parameter "ordnung"), and the value
# each sorts by (highest first).
ORDERS = {"suchen": lambda b: b.searches, "platz1": lambda b: b.ctr1 or 0.0,
          "platz1-3": lambda b: b.ctr3 or 0.0, "ohne-klick": lambda b: b.no_click_rate or 0.0,
          "mrr": lambda b: b.mrr or 0.0, "umformuliert": lambda b: b.reformulation_rate or 0.0,
          "rueckkehr": lambda b: b.quick_return_rate or 0.0}
TOP_QUERIES = 50
TITLES = {"verhalten-tage": "Verhalten pro Tag", "verhalten-suchen": "Verhalten je Suchanfrage",
          "verhalten-trend": "Verhalten der Besucher pro Tag"}


def _share(part: float, base: int) -> str:
    return f"{percent(round(part), base)} von {base}" if base else "–"


def _mrr(b: Behaviour) -> str:
    return f"{b.mrr:.2f}".replace(".", ",") + f" von {b.searches}" if b.mrr is not None else "–"


def cells(b: Behaviour) -> tuple[str, ...]:
    """One row's figures, in the order of HEADERS."""
    return (str(b.searches), _share(b.top1, b.searches), _share(b.top3, b.searches),
            _share(b.without_click, b.searches), _mrr(b),
            _share(b.reformulated, b.all_searches), _share(b.quick_returns, b.clicks))


def per_day(key: str, events: Events, start: date, end: date) -> Table:
    """One row per local day from ``start`` to ``end`` (days without searches included)."""
    found = group(events.searches, events.clicks, local_day)
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    rows = tuple((d.strftime("%d.%m.%Y"), *cells(found.get(d, Behaviour()))) for d in days)
    return Table(key, TITLES[key], ("Tag", *HEADERS), rows)


def per_query(events: Events, order: str | None) -> Table:
    """The most searched queries, sorted by the column ``order`` (default: searches)."""
    found = group(events.searches, events.clicks, lambda s: s.query)
    top = sorted(found.items(), key=lambda kv: (-kv[1].all_searches, kv[0]))[:TOP_QUERIES]
    sort_by = ORDERS.get(order or "", ORDERS["suchen"])
    top.sort(key=lambda kv: -sort_by(kv[1]))
    rows = tuple((query, *cells(b)) for query, b in top)
    return Table("verhalten-suchen", TITLES["verhalten-suchen"], ("Suchanfrage", *HEADERS), rows,
                 sort_keys=(None, *ORDERS), sorted_by=order if order in ORDERS else "suchen")
