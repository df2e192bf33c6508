"""Collecting a run's outcomes into a Report, and printing a Report for people."""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.model import Outcome, PageResult, ProgressEvent, Report


@dataclass
class RunLog:
    """Mutable tally of one run; ``to_report`` freezes it."""

    counts: dict[Outcome, int] = field(default_factory=lambda: dict.fromkeys(Outcome, 0))
    problems: list[PageResult] = field(default_factory=list)
    deleted_urls: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    done: int = 0

    def add(self, outcome: Outcome, url: str, reason: str = "", n: int = 1) -> None:
        """Count ``n`` pages with this outcome; problems keep their URL and reason."""
        self.counts[outcome] += n
        if outcome in (Outcome.SKIPPED, Outcome.FAILED):
            self.problems.append(PageResult(url, outcome, reason))
        elif outcome is Outcome.DELETED:
            self.deleted_urls.append(url)

    def event(self, total: int | None, url: str, phase: str = "pages") -> ProgressEvent:
        """A progress snapshot."""
        c = self.counts
        return ProgressEvent(done=self.done, total=total, url=url, indexed=c[Outcome.INDEXED],
                             unchanged=c[Outcome.UNCHANGED], skipped=c[Outcome.SKIPPED],
                             failed=c[Outcome.FAILED], phase=phase)

    def to_report(self, **extra: object) -> Report:
        """The frozen report; ``extra`` sets full, dry_run, error, cancelled, … ."""
        c = self.counts
        return Report(indexed=c[Outcome.INDEXED], unchanged=c[Outcome.UNCHANGED],
                      deleted=c[Outcome.DELETED], skipped=c[Outcome.SKIPPED],
                      failed=c[Outcome.FAILED], problems=tuple(self.problems),
                      deleted_urls=tuple(self.deleted_urls), notes=tuple(self.notes),
                      **extra)  # type: ignore[arg-type]


def format_report(report: Report, max_listed: int = 200) -> str:
    """A short human-readable summary with one line per problem page."""
    verb = "geparst" if report.dry_run else "indexiert"
    lines = [
        f"{verb}: {report.indexed}  unverändert: {report.unchanged}  gelöscht: {report.deleted}"
        f"  übersprungen: {report.skipped}  fehlgeschlagen: {report.failed}"
        f"  ({report.seconds:.1f} s)",
    ]
    for result in report.problems[:max_listed]:
        label = "übersprungen" if result.outcome is Outcome.SKIPPED else "FEHLER"
        lines.append(f"  {label}: {result.url} – {result.reason}")
    if len(report.problems) > max_listed:
        lines.append(f"  … und {len(report.problems) - max_listed} weitere")
    lines.extend(f"  gelöscht: {url}" for url in report.deleted_urls[:max_listed])
    lines.extend(f"Hinweis: {note}" for note in report.notes)
    if report.cancelled:
        lines.append("Abgebrochen: es wurde nichts gelöscht.")
    if report.error:
        lines.append(f"FEHLER, Lauf abgebrochen (nichts gelöscht): {report.error}")
    return "\n".join(lines)
