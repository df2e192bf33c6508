"""Score the visitor sets (tuning and held-out) against what the search page shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quality.golden import VisitorQuery
from quality.page import PageOutcome

PageSearchFn = Callable[[str], PageOutcome]


@dataclass(frozen=True)
class VisitorResult:
    """Where the first expected page ranked on the result page (None: not in the top 3)."""

    item: VisitorQuery
    rank: int | None
    outcome: PageOutcome


@dataclass(frozen=True)
class VisitorReport:
    """One visitor set's results with top-1, top-3 and zero-hit rates."""

    name: str
    results: tuple[VisitorResult, ...]

    def _share(self, count: int) -> float:
        return count / len(self.results) if self.results else 0.0

    @property
    def top1(self) -> float:
        return self._share(sum(r.rank == 1 for r in self.results))

    @property
    def top3(self) -> float:
        return self._share(sum(r.rank is not None for r in self.results))

    @property
    def zero_hit(self) -> float:
        return self._share(sum(r.outcome.num_found == 0 for r in self.results))


def rank_visitor(item: VisitorQuery, search: PageSearchFn) -> VisitorResult:
    """Run one query as typed; the visitor does not click "Meinten Sie" here."""
    outcome = search(item.query)
    top = outcome.urls[:3]
    ranks = [i for i, url in enumerate(top, 1) if url in item.expected_urls]
    return VisitorResult(item=item, rank=ranks[0] if ranks else None, outcome=outcome)


def evaluate_visitor(name: str, items: Sequence[VisitorQuery],
                     search: PageSearchFn) -> VisitorReport:
    """Every query of one visitor set through ``search``."""
    return VisitorReport(name=name, results=tuple(rank_visitor(i, search) for i in items))


def _short(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[-1]


def format_visitor(report: VisitorReport, show_failures: bool) -> str:
    """Rates, and with ``show_failures`` every query without an expected page in the top 3."""
    n = len(report.results)
    lines = [f"Visitor queries ({report.name}): {n}",
             f"  top-1 hit rate: {report.top1:6.1%}",
             f"  top-3 hit rate: {report.top3:6.1%}",
             f"  zero-hit rate:  {report.zero_hit:6.1%}"]
    if not show_failures:
        return "\n".join(lines)
    misses = [r for r in report.results if r.rank is None]
    if misses:
        lines.append(f"  Without an expected page in the top 3 ({report.name}):")
    for r in misses:
        shown = r.outcome.replaced_query
        via = f" (replaced by {r.outcome.suggestion!r})" if shown else ""
        lines.append(f"    {r.item.query!r}{via}: expected "
                     f"{', '.join(_short(u) for u in r.item.expected_urls)}; got "
                     f"{', '.join(_short(u) for u in r.outcome.urls[:3]) or 'nothing'}")
    return "\n".join(lines)
