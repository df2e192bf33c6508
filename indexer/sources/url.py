"""Single pages by URL, e.g. an editor's page that the admin refreshes right away."""

from __future__ import annotations

from collections.abc import Iterator

from indexer.parse.meta import normalise_url
from indexer.sources import SourceItem, SourceListing
from indexer.sources.http import Fetcher


def url_source(urls: list[str], fetcher: Fetcher) -> SourceListing:
    """Fetch each URL once (robots.txt and conditional requests apply as when crawling)."""
    unique = list(dict.fromkeys(normalise_url(u) for u in urls))
    return SourceListing(len(unique), _fetch(unique, fetcher))


def _fetch(urls: list[str], fetcher: Fetcher) -> Iterator[SourceItem]:
    for url in urls:
        yield fetcher.fetch_page(url)
