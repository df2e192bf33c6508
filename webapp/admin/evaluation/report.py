"""The page "Bewertung aus Klicks": the judgement list of a period with the page each grade
belongs to, and nDCG@10 of the ranking per day against it, as tables for the page and the
CSV export (each figure beside the number of searches it rests on)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..repository import CoreAdmin, StatsStore
from ..stats_csv import Table
from .judgements import Judgement, JudgementList, build_judgements
from .ndcg import CUTOFF, DayNdcg, ndcg_by_day
from .store import ClickData, load_click_data

# Rows the page lists; the CSV holds all of them.
SHOWN_ROWS = 300
# Ids per lookup of titles (ids are URLs; a few hundred would outgrow a GET request).
LOOKUP_BATCH = 50
JUDGEMENT_HEADERS = ("Suchanfrage", "Seite", "Adresse", "Note (0–3)", "Impressionen", "Klicks",
                     "davon betrachtet (geschätzt)", "Attraktivität")
DAY_HEADERS = ("Tag", f"nDCG@{CUTOFF}", "Suchen", "Suchanfragen", "Ranking-Version")


@dataclass(frozen=True)
class ClickEvaluation:
    """Everything the page shows for one period."""

    data: ClickData
    judged: JudgementList
    titles: dict[str, tuple[str, str]]  # page id -> (title, URL) of judged pages in the index
    days: tuple[DayNdcg, ...]

    @property
    def judged_queries(self) -> int:
        """Queries with at least one page of grade 1 or more (those nDCG can measure)."""
        return len(self.judged.queries())

    def judgement_table(self, limit: int | None = None) -> Table:
        """The judgement list, best grade first within each query."""
        ordered = sorted(self.judged.judgements, key=lambda j: (j.query, -j.grade, j.doc_id))
        return Table("bewertung", "Bewertungen je Suchanfrage und Seite", JUDGEMENT_HEADERS,
                     tuple(self._row(j) for j in ordered[:limit]))

    def _row(self, j: Judgement) -> tuple[str, ...]:
        title, url = self.titles.get(j.doc_id, ("", ""))
        return (j.query, title or j.doc_id, url, str(j.grade), str(j.impressions), str(j.clicks),
                _decimal(j.examined, 1), _decimal(j.attractiveness, 2))

    def day_table(self) -> Table:
        """nDCG@10 per day, with the searches and queries behind each figure."""
        rows = tuple((d.day.strftime("%d.%m.%Y"), _decimal(d.mean, 3), str(d.searches),
                      str(d.queries), ", ".join(d.rankings) or "–") for d in self.days)
        return Table("ndcg-tage", f"nDCG@{CUTOFF} pro Tag", DAY_HEADERS, rows)


def _decimal(value: float, places: int) -> str:
    return f"{value:.{places}f}".replace(".", ",")


def page_titles(core: CoreAdmin, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Title and URL of the pages still in the index (a page gone since keeps its id only)."""
    wanted = sorted(set(ids))
    found: dict[str, tuple[str, str]] = {}
    for i in range(0, len(wanted), LOOKUP_BATCH):
        batch = [doc_id for doc_id in wanted[i:i + LOOKUP_BATCH] if "," not in doc_id]
        for doc_id, doc in core.find(batch).items():
            found[doc_id] = (str(doc.get("title", "")), str(doc.get("url", "")))
    return found


def build_click_evaluation(stats: StatsStore, core: CoreAdmin, start: date,
                           end: date) -> ClickEvaluation:
    """Read the period's events, grade them, look up the judged pages, measure per day."""
    data = load_click_data(stats, start, end)
    judged = build_judgements(data.impressions, data.clicks)
    titles = page_titles(core, (j.doc_id for j in judged.judgements))
    return ClickEvaluation(data, judged, titles, ndcg_by_day(data.impressions, judged))

