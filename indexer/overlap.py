"""Read the first files of a folder while Solr answers the hash read, and the bounds of what a
run holds in memory before its first page is judged (also used by ``indexer.learning``).

A run cannot judge any page before it knows the hashes Solr holds, and reading them is one
request that keeps Solr busy for a noticeable part of an unchanged run (sorting every id and
loading every stored hash; on a fresh JVM several times longer). Reading files needs neither
Solr nor the indexer state, so the run reads ahead while the request is in flight, on the
core that would otherwise wait.

Only folder sources are read ahead: web sources ask their server "changed since?" with the
validators of the state, and those must first be trimmed to the pages Solr still has.
"""

from __future__ import annotations

import itertools
from concurrent.futures import Future

from indexer.model import RawPage
from indexer.sources import SourceListing

# Bounds of what is held in memory before the first page is judged.
MAX_ITEMS = 20_000
MAX_BYTES = 64 * 1024 * 1024


def read_while(listing: SourceListing, busy: Future[object], max_items: int = MAX_ITEMS,
               max_bytes: int = MAX_BYTES) -> SourceListing:
    """The same listing, its first items already read while ``busy`` was not done."""
    ahead = []
    size = 0
    while not busy.done() and len(ahead) < max_items and size < max_bytes:
        item = next(listing.items, None)
        if item is None:
            break
        ahead.append(item)
        size += len(item.body) if isinstance(item, RawPage) else 0
    return SourceListing(listing.total, itertools.chain(ahead, listing.items))
