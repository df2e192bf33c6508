"""Single pages by URL, e.g. an editor's page that the admin refreshes right away."""

from __future__ import annotations

from collections.abc import Iterator

from indexer.sources import SourceError, SourceItem, SourceListing
from indexer.sources.http import Fetcher
from indexer.urls import try_normalise


def url_source(urls: list[str], fetcher: Fetcher) -> SourceListing:
    """Fetch each URL once (robots.txt and conditional requests apply as when crawling)."""
    unique = list(dict.fromkeys(try_normalise(u) or "" for u in urls))
    if "" in unique:
        raise SourceError(f"ungültige URL unter {', '.join(urls)}")
    return SourceListing(len(unique), _fetch(unique, fetcher))


def _fetch(urls: list[str], fetcher: Fetcher) -> Iterator[SourceItem]:
    for url in urls:
        yield fetcher.fetch_page(url)
