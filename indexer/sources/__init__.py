"""Sources deliver RawPages (or a SourceProblem per page they could not deliver; a folder
delivers an UnreadFile for a file whose metadata show it unchanged).

A source spec is a folder path, a sitemap URL (``…/sitemap.xml``), or a page URL; page URLs
are fetched singly unless crawling is asked for, in which case they are start URLs whose
same-host links are followed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from indexer.model import RawPage, SourceProblem, UnreadFile
from indexer.urls import try_normalise

SourceItem = RawPage | SourceProblem | UnreadFile


class SourceError(Exception):
    """A source spec that cannot be used at all (missing folder, bad URL)."""


@dataclass(frozen=True)
class SourceListing:
    """The pages of one or more sources; ``total`` is None when not known in advance."""

    total: int | None
    items: Iterator[SourceItem]


def kind_of(spec: str) -> str:
    """'folder', 'sitemap' or 'url'; raises SourceError for anything else."""
    parts = urlsplit(spec)
    if parts.scheme in ("http", "https"):
        if not parts.hostname or try_normalise(spec) is None:
            raise SourceError(f"ungültige URL: {spec}")
        name = parts.path.rsplit("/", 1)[-1].lower()
        return "sitemap" if "sitemap" in name and ".xml" in name else "url"
    if Path(spec).is_dir():
        return "folder"
    if Path(spec).exists():
        raise SourceError(f"Quelle ist kein Ordner: {spec} (einzelne Seiten bitte als URL)")
    raise SourceError(f"Quelle nicht gefunden: {spec} (Ordner, Seiten-URL oder sitemap.xml-URL)")


def chain(listings: list[SourceListing]) -> SourceListing:
    """One listing over several, in order."""
    totals = [listing.total for listing in listings]
    total = None if any(t is None for t in totals) else sum(t or 0 for t in totals)

    def items() -> Iterator[SourceItem]:
        for listing in listings:
            yield from listing.items

    return SourceListing(total, items())
