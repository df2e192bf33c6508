"""Before a run: read the folders' pages once to learn each host's boilerplate.

Runs while Solr answers the hash read (``indexer.pipeline``). A file the indexer state shows
unchanged, and whose block fingerprints are recorded, is not read again; documents (PDF,
DOCX, ODT) are not looked at.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from indexer.boilerplate import BoilerplateBook
from indexer.config import IndexerConfig
from indexer.files.kinds import suffix_kind
from indexer.model import RawPage, UnreadFile
from indexer.parse import page_blocks
from indexer.sites import SourceEntry
from indexer.sources.folder import folder_source, read_file
from indexer.state import ValidatorStore


def learn_folders(entries: Iterable[SourceEntry], config: IndexerConfig,
                  known: ValidatorStore | None, book: BoilerplateBook) -> None:
    """Record the block fingerprints of every page of the folder sources in ``book``."""
    for entry in entries:
        if not entry.is_folder or not Path(entry.location).is_dir():
            continue  # a missing folder is reported when the run opens it
        listing = folder_source(Path(entry.location), entry.base_url or "",
                                config.max_page_bytes, config.max_file_bytes,
                                known.known_file if known else None)
        for item in listing.items:
            if suffix_kind(item.url):
                continue
            if isinstance(item, UnreadFile):
                if book.has(item.url):
                    book.mark_seen(item.url)
                    continue
                item = read_file(item)
            if isinstance(item, RawPage):
                book.record(item.url, page_blocks(item, config.max_content_chars))
