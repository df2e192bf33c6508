"""Before a run: read the folders' pages once to learn each host's boilerplate.

Runs while Solr answers the hash read (``indexer.pipeline``). A file the indexer state shows
unchanged, and whose block fingerprints are recorded, is not read again; documents (PDF,
DOCX, ODT) are not looked at. The items read are kept for the run itself (up to the bounds of
``indexer.overlap``), so that a folder is listed and read once, not twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from indexer.boilerplate import BoilerplateBook
from indexer.config import IndexerConfig
from indexer.files.kinds import suffix_kind
from indexer.model import RawPage, UnreadFile
from indexer.overlap import MAX_BYTES, MAX_ITEMS
from indexer.parse import page_blocks
from indexer.sites import SourceEntry
from indexer.sources import SourceItem, SourceListing
from indexer.sources.folder import folder_source, read_file
from indexer.state import ValidatorStore

log = logging.getLogger(__name__)


def learn_folders(entries: Iterable[SourceEntry], config: IndexerConfig,
                  known: ValidatorStore | None, book: BoilerplateBook
                  ) -> dict[SourceEntry, SourceListing]:
    """Record the block fingerprints of every page of the folder sources in ``book``; return
    the listings of the folders whose items were kept (within the bounds)."""
    kept: dict[SourceEntry, SourceListing] = {}
    room = [MAX_ITEMS, MAX_BYTES]
    for entry in entries:
        if not entry.is_folder or not Path(entry.location).is_dir():
            continue  # a missing folder is reported when the run opens it
        listing = folder_source(Path(entry.location), entry.base_url or "",
                                config.max_page_bytes, config.max_file_bytes,
                                known.known_file if known else None)
        items: list[SourceItem] | None = []
        for item in listing.items:
            if items is not None:
                room[0] -= 1
                room[1] -= len(item.body) if isinstance(item, RawPage) else 0
                items.append(item)
                if room[0] < 0 or room[1] < 0:
                    items = None  # too much to hold: the run lists the folder again
            _learn(item, config, book)
        if items is not None:
            kept[entry] = SourceListing(listing.total, iter(items))
    return kept


def _learn(item: SourceItem, config: IndexerConfig, book: BoilerplateBook) -> None:
    if suffix_kind(item.url):
        return
    if isinstance(item, UnreadFile):
        if book.has(item.url):
            book.mark_seen(item.url)
            return
        item = read_file(item)
    if isinstance(item, RawPage):
        try:
            book.record(item.url, page_blocks(item, config.max_content_chars))
        except Exception:  # the page loop reports the page; learning goes on without it
            log.exception("reading the blocks of %s failed", item.url)
