"""The evaluation sets shipped next to this module, loaded into typed values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLDEN_FILE = HERE / "golden_queries.json"
MISSPELLINGS_FILE = HERE / "misspellings.json"
PRECISION_FILE = HERE / "precision.json"
# Written before tuning and split once (quality/split_visitor_queries.py).
VISITOR_TUNING_FILE = HERE / "visitor_tuning.json"
VISITOR_HELDOUT_FILE = HERE / "visitor_heldout.json"


@dataclass(frozen=True)
class GoldenQuery:
    """A visitor query and the page that must be among the first three hits."""

    query: str
    expected_url: str
    kind: str


@dataclass(frozen=True)
class Misspelling:
    """A misspelled query and the "Meinten Sie" text we expect for it."""

    query: str
    expected: str


@dataclass(frozen=True)
class PrecisionCheck:
    """A query that must not find certain pages (a compound part hiding in other words)."""

    query: str
    must_not_match: tuple[str, ...]
    reason: str


def _load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of objects")
    return data


def load_golden(path: Path = GOLDEN_FILE) -> tuple[GoldenQuery, ...]:
    """Golden queries from ``path``; a malformed entry raises ValueError naming it."""
    queries = []
    for i, row in enumerate(_load(path)):
        try:
            queries.append(GoldenQuery(query=row["query"], expected_url=row["expected"],
                                       kind=row.get("kind", "")))
        except (KeyError, TypeError) as err:
            raise ValueError(f"{path}: entry {i} needs 'query' and 'expected'") from err
    return tuple(queries)


def load_misspellings(path: Path = MISSPELLINGS_FILE) -> tuple[Misspelling, ...]:
    """Misspellings from ``path``; a malformed entry raises ValueError naming it."""
    items = []
    for i, row in enumerate(_load(path)):
        try:
            items.append(Misspelling(query=row["query"], expected=row["expected"]))
        except (KeyError, TypeError) as err:
            raise ValueError(f"{path}: entry {i} needs 'query' and 'expected'") from err
    return tuple(items)


def load_precision(path: Path = PRECISION_FILE) -> tuple[PrecisionCheck, ...]:
    """Precision checks from ``path``; a malformed entry raises ValueError naming it."""
    checks = []
    for i, row in enumerate(_load(path)):
        try:
            checks.append(PrecisionCheck(query=row["query"],
                                         must_not_match=tuple(row["must_not_match"]),
                                         reason=row.get("reason", "")))
        except (KeyError, TypeError) as err:
            raise ValueError(f"{path}: entry {i} needs 'query' and 'must_not_match'") from err
    return tuple(checks)


@dataclass(frozen=True)
class VisitorQuery:
    """A query typed as a visitor types it, and the pages that answer it (any one will do)."""

    query: str
    expected_urls: tuple[str, ...]


def load_visitor(path: Path) -> tuple[VisitorQuery, ...]:
    """Visitor queries from ``path``; a malformed entry raises ValueError naming it."""
    items = []
    for i, row in enumerate(_load(path)):
        try:
            expected = row["expected"]
            urls = (expected,) if isinstance(expected, str) else tuple(str(u) for u in expected)
            if not urls or not str(row["query"]).strip():
                raise ValueError("empty")
            items.append(VisitorQuery(query=str(row["query"]), expected_urls=urls))
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"{path}: entry {i} needs 'query' and 'expected' "
                             "(a URL or a list of URLs)") from err
    return tuple(items)
