"""What the city-web evaluation prints: rates per set and per kind, and repeated content."""

from __future__ import annotations

from collections import defaultdict

from quality.cityweb_corpus import CityWeb, CitywebQuery
from quality.visitor import VisitorReport, VisitorResult


def repeated_content(result: VisitorResult, web: CityWeb) -> tuple[str, ...]:
    """The URLs of the result page whose content an earlier hit on it already showed."""
    seen: set[str] = set()
    repeated = []
    for url in result.outcome.urls:
        content = web.content_of(url)
        if content in seen:
            repeated.append(url)
        seen.add(content)
    return tuple(repeated)


def duplicate_lists(report: VisitorReport, web: CityWeb) -> int:
    """How many result pages (top 10) show the same content twice."""
    return sum(bool(repeated_content(r, web)) for r in report.results)


def top3_by_kind(report: VisitorReport) -> dict[str, tuple[int, float]]:
    """Per kind of query: (number of queries, top-3 rate)."""
    hits: dict[str, list[bool]] = defaultdict(list)
    for r in report.results:
        kind = r.item.kind if isinstance(r.item, CitywebQuery) else "?"
        hits[kind].append(r.rank is not None)
    return {k: (len(v), sum(v) / len(v)) for k, v in sorted(hits.items())}


def _short(url: str) -> str:
    return url.split("://", 1)[-1]


def format_set(report: VisitorReport, web: CityWeb, show_failures: bool) -> str:
    """Rates of one set; with ``show_failures`` its misses and repeated contents."""
    lines = [f"City web queries ({report.name}): {len(report.results)}",
             f"  top-1 hit rate: {report.top1:6.1%}",
             f"  top-3 hit rate: {report.top3:6.1%}",
             f"  zero-hit rate:  {report.zero_hit:6.1%}",
             f"  top-10 lists showing one content twice: {duplicate_lists(report, web)}",
             "  top-3 by kind: " + ", ".join(f"{k} {rate:.0%} of {n}"
                                             for k, (n, rate) in top3_by_kind(report).items())]
    if not show_failures:
        return "\n".join(lines)
    for r in report.results:
        if r.rank is None:
            lines.append(f"    miss {r.item.query!r}: expected {', '.join(r.item.answers)}; got "
                         f"{', '.join(_short(u) for u in r.outcome.urls[:3]) or 'nothing'}")
    for r in report.results:
        repeated = repeated_content(r, web)
        if repeated:
            lines.append(f"    repeated content for {r.item.query!r}: "
                         f"{', '.join(_short(u) for u in repeated)}")
    return "\n".join(lines)
