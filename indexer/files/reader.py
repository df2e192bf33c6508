"""DocumentReader: the page loop's one entry point for files (PDF, DOCX, ODT)."""

from __future__ import annotations

from pathlib import Path

from indexer.config import IndexerConfig
from indexer.files.document import file_page
from indexer.files.errors import FileSkipped
from indexer.files.kinds import detect, looks_like_document
from indexer.files.limits import FileLimits
from indexer.files.links import LinkBook, as_json, document_links
from indexer.files.worker import ExtractorProcess
from indexer.model import ParsedPage, RawPage
from indexer.urls import try_normalise

# Bump when extraction or clean-up changes its output, so that the next run reads every
# document again instead of skipping it by its unchanged bytes.
EXTRACTION_VERSION = "2"

__all__ = ["DocumentReader", "FileSkipped", "limits_of", "links_path", "read_document_here"]


def limits_of(config: IndexerConfig) -> FileLimits:
    """The extraction limits from the indexer settings."""
    return FileLimits(max_bytes=config.max_file_bytes, max_pages=config.max_file_pages,
                      max_chars=config.max_content_chars, seconds=config.file_seconds,
                      memory_mb=config.file_memory_mb)


def links_path(state_path: Path | None) -> Path | None:
    """Where the document links are kept: next to the indexer state."""
    return None if state_path is None else state_path.with_name(
        f"{state_path.stem}-dokumentlinks.json")


class DocumentReader:
    """Reads documents in a worker process and remembers which pages link them."""

    def __init__(self, config: IndexerConfig, state_path: Path | None) -> None:
        self.config = config
        self.links = LinkBook(links_path(state_path))
        self._worker: ExtractorProcess | None = None

    @staticmethod
    def handles(raw: RawPage) -> bool:
        """Whether this item is a document rather than a page."""
        return looks_like_document(raw.url, raw.content_type)

    def fingerprint_extra(self, raw: RawPage) -> str:
        """What a document's fields depend on besides its bytes: the page linking it."""
        return EXTRACTION_VERSION + as_json(self.links.linking_page(_doc_id(raw)))

    def parse(self, raw: RawPage, notes: list[str]) -> ParsedPage:
        """The document's search fields; FileSkipped with a reason; notes for partial reads."""
        kind = detect(raw.body, raw.url, raw.content_type)
        if self._worker is None:
            self._worker = ExtractorProcess(limits_of(self.config))
        extracted = self._worker.extract(kind, raw.body)
        notes.extend(f"{raw.url}: {note}" for note in extracted.notes)
        doc_id = _doc_id(raw)
        return file_page(raw, doc_id, extracted, self.links.linking_page(doc_id),
                         dict(self.config.sections), self.config.max_content_chars)

    def note_page(self, raw: RawPage, page: ParsedPage) -> None:
        """Record the document links of a page that was just parsed."""
        self.links.record(page, document_links(raw.body, raw.url))

    def close(self, keep: set[str] | None = None) -> None:
        """Stop the worker and save the links (only of pages in ``keep`` when given)."""
        if self._worker is not None:
            self._worker.close()
            self._worker = None
        if keep is not None:
            self.links.keep_only(keep)
        self.links.save()


def read_document_here(raw: RawPage, config: IndexerConfig) -> ParsedPage:
    """A document's fields, extracted in this process and without a linking page (for the
    benchmark's pre-built documents; runs use DocumentReader and its worker)."""
    from indexer.files.extract import extract_in_process

    kind = detect(raw.body, raw.url, raw.content_type)
    extracted = extract_in_process(kind, raw.body, limits_of(config))
    return file_page(raw, _doc_id(raw), extracted, None, dict(config.sections),
                     config.max_content_chars)


def _doc_id(raw: RawPage) -> str:
    return try_normalise(raw.url) or raw.url
