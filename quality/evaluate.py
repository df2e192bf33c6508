"""Score golden queries and misspellings against a search function; no I/O of its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from webapp.spelling import offer
from quality.golden import GoldenQuery, Misspelling, PrecisionCheck
from quality.solr import SearchOutcome

# Enough rows to see every page a short query matches on a city site.
ALL_ROWS = 1000


class Search(Protocol):
    """Runs a visitor query (``SearchClient.search`` or anything shaped like it)."""

    def __call__(self, query: str, rows: int = 3) -> SearchOutcome: ...


@dataclass(frozen=True)
class GoldenResult:
    """Where the expected page ranked (1-based, None when not in the top 3)."""

    item: GoldenQuery
    rank: int | None
    top_urls: tuple[str, ...]
    offered: str | None  # the "Meinten Sie" text shown for the query as typed
    via_suggestion: str | None  # set when the query found nothing and we followed it


@dataclass(frozen=True)
class CorrectionResult:
    """The "Meinten Sie" text the search offered for a misspelling (None: nothing)."""

    item: Misspelling
    offered: str | None

    @property
    def correct(self) -> bool:
        return self.offered == self.item.expected


@dataclass(frozen=True)
class PrecisionResult:
    """Pages a precision check's query found although it must not."""

    item: PrecisionCheck
    hits: int
    violations: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """All results of one evaluation run, with the rates derived from them."""

    golden: tuple[GoldenResult, ...]
    corrections: tuple[CorrectionResult, ...]
    precision: tuple[PrecisionResult, ...] = ()

    @property
    def precision_violations(self) -> int:
        return sum(len(r.violations) for r in self.precision)

    def _share(self, hits: int, total: int) -> float:
        return hits / total if total else 0.0

    @property
    def top1(self) -> float:
        return self._share(sum(r.rank == 1 for r in self.golden), len(self.golden))

    @property
    def top3(self) -> float:
        return self._share(sum(r.rank is not None for r in self.golden), len(self.golden))

    @property
    def correction_accuracy(self) -> float:
        return self._share(sum(r.correct for r in self.corrections), len(self.corrections))

    @property
    def false_suggestions(self) -> tuple[GoldenResult, ...]:
        """Correctly spelled golden queries that were offered a "Meinten Sie" anyway."""
        return tuple(r for r in self.golden if r.item.kind != "typo" and r.offered)


def offered_suggestion(query: str, outcome: SearchOutcome) -> str | None:
    """The suggestion the search page shows for ``query`` (webapp.spelling's rule)."""
    return offer(query, outcome.collations, outcome.hits)


def rank_golden(item: GoldenQuery, search: Search) -> GoldenResult:
    """Run one golden query; when it finds nothing, follow "Meinten Sie" like a visitor."""
    outcome = search(item.query)
    offered = offered_suggestion(item.query, outcome)
    followed = None
    if outcome.hits == 0 and offered:
        followed = offered
        outcome = search(offered)
    urls = outcome.urls[:3]
    rank = urls.index(item.expected_url) + 1 if item.expected_url in urls else None
    return GoldenResult(item=item, rank=rank, top_urls=urls, offered=offered,
                        via_suggestion=followed)


def check_precision(item: PrecisionCheck, search: Search) -> PrecisionResult:
    """Run one precision query over all its hits and list the forbidden pages it found."""
    outcome = search(item.query, rows=ALL_ROWS)
    found = set(outcome.urls)
    return PrecisionResult(item=item, hits=outcome.hits,
                           violations=tuple(u for u in item.must_not_match if u in found))


def evaluate(search: Search, golden: Sequence[GoldenQuery],
             misspellings: Sequence[Misspelling],
             precision: Sequence[PrecisionCheck] = ()) -> Report:
    """Run every golden query, misspelling and precision check through ``search``."""
    return Report(
        golden=tuple(rank_golden(g, search) for g in golden),
        corrections=tuple(CorrectionResult(m, offered_suggestion(m.query, search(m.query)))
                          for m in misspellings),
        precision=tuple(check_precision(p, search) for p in precision),
    )


def format_report(report: Report) -> str:
    """Human-readable rates and every failure, for the terminal and QUALITY.md."""
    lines = [
        f"Golden queries:  {len(report.golden)}",
        f"  top-1 hit rate: {report.top1:6.1%}",
        f"  top-3 hit rate: {report.top3:6.1%}",
        f"Misspellings:    {len(report.corrections)}",
        f"  'Meinten Sie' accuracy: {report.correction_accuracy:6.1%}",
        f"Correct golden queries offered a 'Meinten Sie' anyway: {len(report.false_suggestions)}",
        f"Precision checks: {len(report.precision)} queries, "
        f"{sum(len(r.item.must_not_match) for r in report.precision)} pages that must not "
        f"match, {report.precision_violations} matched",
    ]
    misses = [r for r in report.golden if r.rank is None]
    if misses:
        lines.append("Golden queries without the expected page in the top 3:")
        for r in misses:
            via = f" (via 'Meinten Sie: {r.via_suggestion}')" if r.via_suggestion else ""
            lines.append(f"  {r.item.query!r}{via}: expected {r.item.expected_url}")
            lines.extend(f"      {i}. {u}" for i, u in enumerate(r.top_urls, 1))
    not_first = [r for r in report.golden if r.rank not in (None, 1)]
    if not_first:
        lines.append("Golden queries with the expected page at rank 2-3:")
        lines.extend(f"  {r.item.query!r}: rank {r.rank}" for r in not_first)
    lines.extend(f"  {r.item.query!r}: offered {r.offered!r}" for r in report.false_suggestions)
    for r in report.precision:
        lines.extend(f"  {r.item.query!r} found {u} ({r.item.reason})" for u in r.violations)
    wrong = [r for r in report.corrections if not r.correct]
    if wrong:
        lines.append("Misspellings with a wrong or missing suggestion:")
        lines.extend(f"  {r.item.query!r}: expected {r.item.expected!r}, got {r.offered!r}"
                     for r in wrong)
    return "\n".join(lines)
