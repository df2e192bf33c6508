"""Ready-made Solr documents for N pages of the indexer's deterministic corpus.

These are what "raw ingest" means in the issue: the indexer's own document builder applied to
the corpus pages, sent as plain documents (not atomic updates), so that Solr does nothing but
analyse and store them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from indexer.document import content_hash, page_fields


def corpus_documents(pages: int) -> Iterator[dict[str, Any]]:
    """Plain Solr documents for the first `pages` corpus pages."""
    from indexer.corpus import parsed_pages

    indexed_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for page in parsed_pages(pages):
        doc = {k: v for k, v in page_fields(page).items() if v is not None}
        doc["contentHash"] = content_hash(page)
        doc["indexedAt"] = indexed_at
        yield doc
