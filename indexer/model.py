"""Typed values passed between the indexer's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import ClassVar


@dataclass(frozen=True)
class RawPage:
    """Bytes of one page as a source delivered them, with what the transport told us."""

    url: str
    body: bytes
    content_type: str | None = None
    http_last_modified: datetime | None = None
    file_mtime: datetime | None = None
    etag: str | None = None
    last_modified_header: str | None = None
    # The X-Robots-Tag header(s) of a fetched page (noindex / nofollow), None for files.
    robots_header: str | None = None
    # A file's identity and version from its metadata (``indexer.sources.folder``), when it
    # had settled before it was read; None for web pages and for files changed just now.
    file_key: str | None = None


@dataclass(frozen=True)
class UnreadFile:
    """A folder file whose metadata are those recorded with its last bytes: not read (yet).

    ``body_digest`` is the digest of those bytes from the indexer state. The page loop reads
    the file after all (``indexer.sources.folder.read_file``) unless the state and Solr show
    the page unchanged.
    """

    url: str
    path: str
    max_bytes: int
    file_mtime: datetime
    file_key: str
    body_digest: str
    # What a RawPage from a folder has, so that fingerprints treat both alike.
    content_type: ClassVar[None] = None
    http_last_modified: ClassVar[None] = None
    robots_header: ClassVar[None] = None


@dataclass(frozen=True)
class SourceProblem:
    """A page a source could not deliver (or did not need to: ``unchanged`` after a 304)."""

    url: str
    outcome: Outcome
    reason: str
    page_id: str | None = None


@dataclass(frozen=True)
class FileFacts:
    """What the result list tells about a document: type, size, pages, the page linking it."""

    kind: str                       # PDF | DOCX | ODT
    size: int                       # bytes
    pages: int | None = None
    linked_from: str | None = None  # id (URL) of the page that links the file
    linked_from_title: str | None = None


@dataclass(frozen=True)
class ParsedPage:
    """One page reduced to the fields the search needs; dates are timezone-aware UTC."""

    id: str
    url: str
    title: str
    teaser: str
    content: str
    category: str
    online_date: datetime | None
    date_source: str | None
    keywords: tuple[str, ...] = ()
    language: str = "de"
    file: FileFacts | None = None   # set for documents (PDF, DOCX, ODT), None for pages
    # False when the page states only a day (or only a transport date is known): the search
    # then shows the date without a time.
    online_time_known: bool = False
    # Duplicates, languages, boilerplate (indexer/README.md, "Sites, duplicates, languages").
    canonical: str | None = None      # the canonical URL the page declares, any host
    link_share: float = 0.0           # share of the main text that is link text
    hub: bool = False                 # an overview page: mostly links
    boilerplate: str = ""             # the host's repeated blocks, taken out of the content
    block_prints: tuple[str, ...] = ()  # fingerprints of the page's blocks (not written)
    # The text of the page's blocks without headings and boilerplate, for the content
    # signature (not written): a copy whose headings are translated keeps its signature.
    signature_text: str = ""
    # Set by indexer.site_fields from the source the page came from.
    host: str = ""
    site: str = ""
    source: str = ""
    body_language: str = "de"
    signature: str | None = None
    address_rank: int | None = None


class Outcome(str, Enum):
    """What happened to one page in a run."""

    INDEXED = "indexed"
    UNCHANGED = "unchanged"
    DELETED = "deleted"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class PageResult:
    """The outcome for one URL, with a reason for skips and failures."""

    url: str
    outcome: Outcome
    reason: str = ""


@dataclass(frozen=True)
class ProgressEvent:
    """Sent to the progress callback after every page (``total`` is None while unknown)."""

    done: int
    total: int | None
    url: str
    indexed: int
    unchanged: int
    skipped: int
    failed: int
    phase: str = "pages"


@dataclass(frozen=True)
class Report:
    """The result of a run. ``error`` is set when the run stopped early; then nothing was deleted.

    Counts cover every page; per-URL entries are kept for problems (skipped, failed) and
    deletions only, so that a run over a million pages stays small in memory.
    """

    indexed: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0
    failed: int = 0
    problems: tuple[PageResult, ...] = ()
    deleted_urls: tuple[str, ...] = ()
    full: bool = False
    dry_run: bool = False
    error: str | None = None
    cancelled: bool = False
    suggester_built: bool = False
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when the run finished and was not cancelled (failures are judged by the caller)."""
        return self.error is None and not self.cancelled

    @property
    def total(self) -> int:
        """Pages looked at (deletions not included)."""
        return self.indexed + self.unchanged + self.skipped + self.failed

    def reasons(self, outcome: Outcome) -> dict[str, str]:
        """URL -> reason for the skipped or failed pages."""
        return {r.url: r.reason for r in self.problems if r.outcome is outcome}
