"""Pages saved in a folder: the path below the folder is the URL path under the base URL.

The listing works on plain strings from ``os.scandir`` rather than ``pathlib``: for a run in
which nothing changed, listing the folder and turning paths into URLs was most of the
indexer's own time (``Path`` comparisons while sorting, ``relative_to`` and ``urljoin`` per
file). The order, the URLs and which files count are the same as before.
"""

from __future__ import annotations

import logging
import os
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
    when they are read (their link text and category are the documents' fallbacks). Within
    each group files are ordered by their path's components (folder before deeper files of a
    longer name: ``a/x`` before ``a-b/x``).
    """
    files = sorted(_walk(str(root), []), key=_order)
    limits = (max_bytes, max_document_bytes or max_bytes)
    return SourceListing(len(files), _read(files, str(root), url_prefix(base_url), limits))


def url_for(path: Path, root: Path, base_url: str) -> str:
    """``root/buergerservice/ausweis.html`` -> ``https://www.jena.de/buergerservice/ausweis.html``."""
    return url_prefix(base_url) + quote(path.relative_to(root).as_posix())


def url_prefix(base_url: str) -> str:
    """What a relative file path is appended to (after quoting) to form its URL.

    Equal to resolving the path against the base URL, because a quoted path of visible files
    has no scheme, no query, no fragment and no ``.``/``..`` segments.
    """
    base = base_url if base_url.endswith("/") else base_url + "/"
    return urljoin(base, "x")[:-1]


def suffix(name: str) -> str:
    """The file name's ending as ``pathlib`` defines it (``a.`` and ``.a`` have none)."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def _walk(top: str, parts: list[str]) -> Iterator[list[str]]:
    """Path components (below the root) of every visible regular file, folders recursed.

    Like ``Path.rglob``: symbolic links to files count, links to folders are not followed.
    """
    try:
        with os.scandir(top) as listing:
            entries = list(listing)
    except OSError as err:
        log.warning("cannot list %s: %s", top, err)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, [*parts, entry.name])
            elif entry.is_file():
                yield [*parts, entry.name]
        except OSError as err:
            log.warning("cannot read %s: %s", entry.path, err)


def _order(parts: list[str]) -> tuple[bool, list[str]]:
    return suffix(parts[-1]) in DOCUMENT_SUFFIXES, parts


def _read(files: list[list[str]], root: str, prefix: str,
          limits: tuple[int, int]) -> Iterator[SourceItem]:
    for parts in files:
        relative = "/".join(parts)
        url = prefix + quote(relative)
        ending = suffix(parts[-1])
        is_document = ending in DOCUMENT_SUFFIXES
        if ending not in PAGE_SUFFIXES and not is_document:
            yield SourceProblem(url, Outcome.SKIPPED, f"kein HTML (Dateiendung {ending})")
            continue
        try:
            body, mtime = _file(os.path.join(root, *parts), limits[is_document])
        except _TooLarge as large:
            yield SourceProblem(url, Outcome.SKIPPED, str(large))
            continue
        except OSError as err:
            log.warning("cannot read %s: %s", relative, err)
            yield SourceProblem(url, Outcome.FAILED, f"Datei nicht lesbar: {err.strerror or err}")
            continue
        yield RawPage(url=url, body=body, file_mtime=datetime.fromtimestamp(mtime, tz=UTC))


class _TooLarge(Exception):
    """A file above the size limit (the message is the reason in the report)."""


def _file(path: str, max_bytes: int) -> tuple[bytes, float]:
    """The file's bytes and modification time, unless it is larger than ``max_bytes``.

    Plain descriptor calls: a buffered ``open().read()`` costs a third more system calls per
    file (buffer set-up, a second read to see the end), and an unchanged run does little
    besides reading files.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        stat = os.fstat(fd)
        if stat.st_size > max_bytes:
            raise _TooLarge(f"Datei zu groß ({stat.st_size} Bytes, Grenze {max_bytes})")
        body = os.read(fd, stat.st_size + 1)
        if len(body) == stat.st_size:  # all of it: one byte more was asked for and not there
            return body, stat.st_mtime
        # The file changed size since fstat, or the read came back short: read to the end.
        chunks = [body]
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks), stat.st_mtime
    finally:
        os.close(fd)
