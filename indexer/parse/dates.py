"""The page's online date, converted to UTC.

Precedence (first usable value wins):

1. ``<meta property="article:published_time">``
2. ``<meta name="dcterms.modified">``
3. ``<meta name="last-modified">`` (or ``http-equiv``)
4. a visible date in the page text: "Stand: 03.11.2025", "Zuletzt aktualisiert am 3. November
   2025", "Aktualisiert am …", "Veröffentlicht am …", "Erstellt am …"
5. the HTTP ``Last-Modified`` header (crawled pages)
6. the file's modification time (pages from a folder)

Values with an offset are converted to UTC; a time without an offset is taken as local time in
Jena (Europe/Berlin); a bare date becomes midnight UTC of that day, so that "Stand: 03.11.2025"
is stored as ``2025-11-03T00:00:00Z`` and shows the same day everywhere. Implausible years
(before 1990 or after 2100) are ignored.

Whether the page states a time is kept next to the date (``PageDate.time_known``): the search
shows "03.11.2025" for a bare date and a time only where the page gave one. Transport dates
(HTTP Last-Modified, file times) say when a file changed, not what the page states, so they
are kept exact for sorting but shown as their day in Jena.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from indexer.parse.meta import meta_content
from indexer.parse.tree import Element

LOCAL = ZoneInfo("Europe/Berlin")
_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5,
    "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
    "dezember": 12,
}
_NUMERIC = (r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})"
            r"(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?")
_WORDED = r"(?P<wd>\d{1,2})\.\s?(?P<wm>[A-Za-zäÄ]+)\s+(?P<wy>\d{4})"
_GERMAN = re.compile(rf"^\s*(?:{_NUMERIC}|{_WORDED})")
_VISIBLE = re.compile(
    r"(?:Stand|Zuletzt\s+(?:aktualisiert|geändert)|Aktualisiert|Geändert|Veröffentlicht|Erstellt"
    r"|Letzte\s+Änderung|Datum)(?:\s+am)?\s*:?\s*"
    rf"(?:{_NUMERIC}|{_WORDED})",
    re.I,
)
# Every match of _VISIBLE begins with one of these, in any case.
_PHRASE_STARTS = ("stand", "zuletzt", "aktualisiert", "geändert", "veröffentlicht", "erstellt",
                  "letzte", "datum")
# Long s, Kelvin sign and dotless i match s, k and i under re.I although lower() keeps them;
# the dotted capital I becomes two characters in lower().
_FOLD_SPECIAL = re.compile("[\u017f\u212a\u0131\u0130]")


@dataclass(frozen=True)
class PageDate:
    """A page's date in UTC, where it came from, and whether a time of day was stated."""

    moment: datetime
    source: str
    time_known: bool


# (UTC moment, whether a time of day was stated)
_Stated = tuple[datetime, bool]


def meta_date(root: Element) -> PageDate | None:
    """The first parseable date from the meta tags, with the name of the tag it came from."""
    for name in ("article:published_time", "dcterms.modified", "last-modified"):
        value = meta_content(root, name)
        stated = _stated(value) if value else None
        if stated:
            return PageDate(stated[0], name, stated[1])
    return None


def visible_page_date(text: str) -> PageDate | None:
    """A "Stand: …"-style date in the page's cleaned text."""
    for match in visible_matches(text):
        stated = _from_german_match(match)
        if stated:
            return PageDate(stated[0], "visible", stated[1])
    return None


def visible_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_VISIBLE.finditer(text)`` gives, found several times faster.

    A case-insensitive scan tries every alternative of the pattern at every position of the
    text; instead, the phrases' lower-case beginnings are looked up in ``text.lower()`` and the
    pattern is tried only there. That finds the same matches as long as lowering keeps every
    position and no letter matches an ASCII letter only by re's extra case rules; texts with
    such a letter take the plain scan.
    """
    if _FOLD_SPECIAL.search(text):
        yield from _VISIBLE.finditer(text)
        return
    lowered = text.lower()
    starts: set[int] = set()
    for phrase in _PHRASE_STARTS:
        at = lowered.find(phrase)
        while at >= 0:
            starts.add(at)
            at = lowered.find(phrase, at + 1)
    end = 0
    for start in sorted(starts):
        match = _VISIBLE.match(text, start) if start >= end else None
        if match:
            end = match.end()
            yield match


def visible_date(text: str) -> datetime | None:
    """The moment of ``visible_page_date``."""
    found = visible_page_date(text)
    return found.moment if found else None


def transport_date(moment: datetime, source: str) -> PageDate:
    """A Last-Modified header or file time: exact for sorting, but no time the page states."""
    return PageDate(to_utc(moment), source, False)


def parse_date(value: str) -> datetime | None:
    """ISO 8601, RFC 2822 or German dates to an aware UTC datetime; None if not a date."""
    stated = _stated(value)
    return stated[0] if stated else None


def _stated(value: str) -> _Stated | None:
    value = value.strip()
    parsed = _iso(value) or _rfc2822(value)
    if parsed is None:
        match = _GERMAN.match(value)
        parsed = _from_german_match(match) if match else None
    if parsed is None or not 1990 <= parsed[0].year <= 2100:
        return None
    return parsed


def to_utc(moment: datetime | date) -> datetime:
    """A bare date is midnight UTC; a naive time is Jena local time; offsets are honoured."""
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time(0, 0), tzinfo=UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL)
    return moment.astimezone(UTC)


def _iso(value: str) -> _Stated | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        if len(value) == 10:
            return to_utc(date.fromisoformat(value)), False
        return to_utc(datetime.fromisoformat(value.replace(" ", "T", 1))), True
    except ValueError:
        return None


def _rfc2822(value: str) -> _Stated | None:
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", value):
        return None
    try:
        return to_utc(parsedate_to_datetime(value)), True
    except (TypeError, ValueError, IndexError):
        return None


def _from_german_match(match: re.Match[str]) -> _Stated | None:
    groups = match.groupdict()
    try:
        if groups.get("d"):
            day = date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
            if groups.get("H"):
                clock = time(int(groups["H"]), int(groups["M"]))
                return to_utc(datetime.combine(day, clock)), True
            return to_utc(day), False
        month = _MONTHS.get(groups["wm"].lower())
        return (to_utc(date(int(groups["wy"]), month, int(groups["wd"]))), False) if month else None
    except ValueError:
        return None
