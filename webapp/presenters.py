"""Wording and formatting for the result page: summary sentence, dates, pagination window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from .request import LANGUAGES
from .result import Hit, SearchResult

BERLIN = ZoneInfo("Europe/Berlin")
PAGER_RADIUS = 2
DATES_KEPT = 8192


def summary_sentence(result: SearchResult) -> str:
    """The widget's sentence, in correct German for one hit, one page and all categories."""
    n, pages = result.num_found, result.num_pages
    hits = "1 Suchergebnis" if n == 1 else f"{n} Suchergebnisse"
    keyword = result.request.query
    where = (f"in Kategorie {result.request.category}" if result.request.category
             else "in allen Kategorien")
    total = "auf insgesamt 1 Seite" if pages == 1 else f"auf insgesamt {pages} Seiten"
    return f"{hits} für {keyword} {where} {total}. Sie befinden sich auf Seite {result.page}."


def file_label(kind: str, size: int | None) -> str:
    """'PDF, 240 KB' (German number format; the size is left out when unknown)."""
    if size is None:
        return kind
    if size < 1024:
        amount = f"{size} Bytes"
    elif size < 1024 * 1024:
        amount = f"{round(size / 1024)} KB"
    else:
        amount = f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{kind}, {amount}"


def pages_label(pages: int | None) -> str:
    """'1 Seite', '12 Seiten' ('' when unknown)."""
    if pages is None:
        return ""
    return "1 Seite" if pages == 1 else f"{pages} Seiten"


def format_online_date(value: datetime | None) -> str:
    """'dd.mm.yyyy HH:MM' in Berlin time ('' when unknown)."""
    if value is None:
        return ""
    return value.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M")


def online_date_text(hit: Hit) -> str:
    """What a visitor sees: '15.09.2026', or '15.09.2026, 14:30 Uhr' where the page states a time.

    A page that states only a day is stored as that day at midnight UTC (01:00 or 02:00 in
    Berlin, the same day); its time of day would be invented, so only the day is shown. The
    same holds for a file's or server's modification time, which the page does not state.
    """
    if hit.online_date is None:
        return ""
    return _berlin_date_text(hit.online_date, hit.online_time_known)


# A page's date is shown on every search that finds it: each (date, time known) is worked
# out once per worker (astimezone and strftime were a tenth of a result row's cost).
@lru_cache(maxsize=DATES_KEPT)
def _berlin_date_text(value: datetime, time_known: bool) -> str:
    if not time_known:
        return value.astimezone(BERLIN).strftime("%d.%m.%Y")
    return value.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M Uhr")


def foreign_language_label(code: str | None) -> str:
    """'Englisch' for a page published in a language of the list other than German; ''
    for German pages and for codes the list does not know (nothing is guessed)."""
    if not code or code == "de":
        return ""
    return LANGUAGES.get(code, "")


def more_addresses_text(hit: Hit) -> str:
    """'und 1 weitere Adresse' / 'und 4 weitere Adressen' beyond the addresses listed."""
    more = hit.other_count - len(hit.other_urls)
    if more <= 0:
        return ""
    return "und 1 weitere Adresse" if more == 1 else f"und {more} weitere Adressen"


@dataclass(frozen=True)
class PagerItem:
    """One page link in the pagination."""

    number: int
    current: bool


def page_window(current: int, last: int, radius: int = PAGER_RADIUS) -> tuple[PagerItem, ...]:
    """Page numbers around the current page, at most 2*radius+1 of them."""
    if last < 1:
        return ()
    low = max(1, min(current - radius, last - 2 * radius))
    high = min(last, low + 2 * radius)
    return tuple(PagerItem(n, n == current) for n in range(low, high + 1))
