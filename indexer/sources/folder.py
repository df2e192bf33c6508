"""Pages saved in a folder: the path below the folder is the URL path under the base URL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urljoin

from indexer.files.kinds import SUFFIXES as DOCUMENT_SUFFIXES
from indexer.model import Outcome, RawPage, SourceProblem
from indexer.sources import SourceItem, SourceListing

log = logging.getLogger(__name__)

# Files without one of these endings are reported as skipped, never parsed; files with one
# are still checked for binary content by the parser.
PAGE_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".php", ""})


def folder_source(root: Path, base_url: str, max_bytes: int,
                  max_document_bytes: int | None = None) -> SourceListing:
    """All files below ``root`` in a stable order; hidden files and folders are ignored.

    Documents (PDF, DOCX, ODT) come after all pages, so that the pages linking them are known
    when they are read (their link text and category are the documents' fallbacks).
    """
    files = sorted((p for p in root.rglob("*") if p.is_file() and not _hidden(p, root)),
                   key=lambda p: (p.suffix.lower() in DOCUMENT_SUFFIXES, p))
    limits = (max_bytes, max_document_bytes or max_bytes)
    return SourceListing(len(files), _read(files, root, base_url, limits))


def url_for(path: Path, root: Path, base_url: str) -> str:
    """``root/buergerservice/ausweis.html`` -> ``https://www.jena.de/buergerservice/ausweis.html``."""
    relative = path.relative_to(root).as_posix()
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", quote(relative))


def _read(files: list[Path], root: Path, base_url: str,
          limits: tuple[int, int]) -> Iterator[SourceItem]:
    for path in files:
        url = url_for(path, root, base_url)
        suffix = path.suffix.lower()
        max_bytes = limits[suffix in DOCUMENT_SUFFIXES]
        if suffix not in PAGE_SUFFIXES and suffix not in DOCUMENT_SUFFIXES:
            yield SourceProblem(url, Outcome.SKIPPED, f"kein HTML (Dateiendung {suffix})")
            continue
        try:
            stat = path.stat()
            if stat.st_size > max_bytes:
                yield SourceProblem(url, Outcome.SKIPPED,
                                    f"Datei zu groß ({stat.st_size} Bytes, Grenze {max_bytes})")
                continue
            body = path.read_bytes()
        except OSError as err:
            log.warning("cannot read %s: %s", path, err)
            yield SourceProblem(url, Outcome.FAILED, f"Datei nicht lesbar: {err.strerror or err}")
            continue
        yield RawPage(url=url, body=body,
                      file_mtime=datetime.fromtimestamp(stat.st_mtime, tz=UTC))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
