"""CSV that is safe to open in a spreadsheet: every cell that could start a formula is
neutralised as the OWASP CSV injection guidance recommends."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A spreadsheet treats a cell starting with one of these as a formula (tab and carriage
# return because some programs strip them and then see the next character).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell as plain text: a leading formula character gets an apostrophe before it."""
    return "'" + cell if cell.startswith(FORMULA_LEADS) else cell


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Semicolon-separated CSV (as German spreadsheets expect), header first, every field
    quoted and every cell neutralised (queries and titles are typed by visitors and
    editors; numbers never start with a formula character, so they are left as they are)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([neutralise(str(h)) for h in headers])
    writer.writerows([neutralise(str(c)) for c in row] for row in rows)
    return out.getvalue()


@dataclass(frozen=True)
class Table:
    """One table: its key (also the CSV file name), German title, header and text cells."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Per column, the key that sorts the table by it (None: not sortable), and the key in use.
    sort_keys: tuple[str | None, ...] = ()
    sorted_by: str | None = None

    def to_csv(self) -> str:
        """The table as CSV, safe to open in a spreadsheet (see ``stats_csv``)."""
        return to_csv(self.headers, self.rows)


def percent(part: int, whole: int) -> str:
    """A share as German percent text, e.g. "33 %"."""
    return f"{round(100 * part / whole) if whole else 0} %"
