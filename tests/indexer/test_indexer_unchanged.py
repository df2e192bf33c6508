"""What an unchanged run still asks of Solr and of the folder, against the real Solr."""

from __future__ import annotations

import pytest

from indexer.config import IndexerConfig
from indexer.writer import SolrWriter
from tests.support import Core


@pytest.mark.parametrize("docs", [0, 1, 6, 7, 14])
def test_hash_read_pages_end_on_a_short_page_or_the_cursor_end(
        empty_core: Core, config: IndexerConfig, docs: int) -> None:
    """Pages of 7 rows: fewer, exactly one or two pages' worth, and a short last page."""
    empty_core.add([{"id": f"https://www.jena.de/s{n:02}.html", "contentHash": f"h{n}"}
                    for n in range(docs)], commit=True)
    writer = SolrWriter(config.solr_url, timeout=config.solr_timeout)
    try:
        hashes = writer.existing_hashes(page_rows=7)
    finally:
        writer.close()
    assert hashes == {f"https://www.jena.de/s{n:02}.html": f"h{n}" for n in range(docs)}
