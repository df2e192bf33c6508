"""Pages saved in a folder: the path below the folder is the URL path under the base URL.

The listing works on plain strings from ``os.scandir`` rather than ``pathlib``: for a run in
which nothing changed, listing the folder and turning paths into URLs was most of the
indexer's own time (``Path`` comparisons while sorting, ``relative_to`` and ``urljoin`` per
file). The order, the URLs and which files count are the same as before.

A file is not even read when its metadata key (device, inode, size, modification and change
time in nanoseconds) is the one the state recorded with its bytes' digest; the page loop then
judges it from that digest and reads it only if the page must be parsed after all. The kernel
sets the change time (ctime) on every write, rename onto the file, and ``utime``, and nobody
can set it back, so a file rewritten with its old size and modification time still gets a new
key. What the key cannot see is a second write within the same clock tick as the read it was
recorded at; so a key is recorded only for a file whose last change is at least
``SETTLED_NS`` older than the read, and a file changed just before a run is read again in the
next. ``--force`` reads every file.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urljoin

from indexer.files.kinds import SUFFIXES as DOCUMENT_SUFFIXES
from indexer.model import Outcome, RawPage, SourceProblem, UnreadFile
from indexer.sources import SourceItem, SourceListing

log = logging.getLogger(__name__)

# Files without one of these endings are reported as skipped, never parsed; files with one
# are still checked for binary content by the parser.
PAGE_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".php", ""})

# How long a file must have been left alone before its metadata key stands for its bytes:
# well above the timestamp granularity of Linux file systems (a clock tick; a second on old
# ones, two on FAT).
SETTLED_NS = 3_000_000_000

# Paths that ``quote`` leaves as they are (its always-safe characters and "/"): most names
# of a site, and one regex test costs a fraction of the call.
_NEEDS_NO_QUOTING = re.compile(r"[A-Za-z0-9_.~/-]*").fullmatch

# The recorded key and body digest of a URL's file, if any (the indexer state).
KnownFiles = Callable[[str], "tuple[str, str] | None"]


def folder_source(root: Path, base_url: str, max_bytes: int,
                  max_document_bytes: int | None = None,
                  known: KnownFiles | None = None) -> SourceListing:
    """All files below ``root`` in a stable order; hidden files and folders are ignored.

    Documents (PDF, DOCX, ODT) come after all pages, so that the pages linking them are known
    when they are read (their link text and category are the documents' fallbacks). Within
    each group files are ordered by their path's components (folder before deeper files of a
    longer name: ``a/x`` before ``a-b/x``).

    ``known`` gives the key and digest recorded for a URL's file: a file that still has that
    key is delivered as an ``UnreadFile``.
    """
    files = sorted(_listed(relative) for relative in _walk(str(root), ""))
    limits = (max_bytes, max_document_bytes or max_bytes)
    return SourceListing(len(files), _read(files, str(root), url_prefix(base_url), limits,
                                           known or _nothing_known))


def read_file(item: UnreadFile) -> SourceItem:
    """The file of an ``UnreadFile``, read now (as the listing would have read it)."""
    return _item(item.url, item.path, item.max_bytes)


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


def _walk(top: str, prefix: str) -> Iterator[str]:
    """Relative paths (``a/b.html``) of every visible regular file, folders recursed.

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
                yield from _walk(entry.path, f"{prefix}{entry.name}/")
            elif entry.is_file():
                yield prefix + entry.name
        except OSError as err:
            log.warning("cannot read %s: %s", entry.path, err)


def _listed(relative: str) -> tuple[bool, str, str, str]:
    """Sort key (documents last, then by path components) and what reading needs.

    Joined by NUL, which no file name contains, the components compare as the list of them
    would (``a/x`` before ``a-b/x``), but as one string.
    """
    ending = suffix(relative.rpartition("/")[2])
    return ending in DOCUMENT_SUFFIXES, relative.replace("/", "\0"), relative, ending


def _nothing_known(_url: str) -> None:
    return None


def _read(files: list[tuple[bool, str, str, str]], root: str, prefix: str,
          limits: tuple[int, int], known: KnownFiles) -> Iterator[SourceItem]:
    for is_document, _, relative, ending in files:
        url = prefix + (relative if _NEEDS_NO_QUOTING(relative) else quote(relative))
        if ending not in PAGE_SUFFIXES and not is_document:
            yield SourceProblem(url, Outcome.SKIPPED, f"kein HTML (Dateiendung {ending})")
            continue
        path = f"{root}/{relative}"
        recorded = known(url)
        if recorded is not None:
            unread = _unread(url, path, limits[is_document], *recorded)
            if unread is not None:
                yield unread
                continue
        yield _item(url, path, limits[is_document])


def _unread(url: str, path: str, max_bytes: int, file_key: str,
            digest: str) -> UnreadFile | None:
    """An UnreadFile when the file's key is still the recorded one (else it must be read)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None  # reading it reports the problem
    if stat.st_size > max_bytes or _key(stat) != file_key:
        return None
    return UnreadFile(url, path, max_bytes, datetime.fromtimestamp(stat.st_mtime, tz=UTC),
                      file_key, digest)


def _item(url: str, path: str, max_bytes: int) -> SourceItem:
    """The file as a RawPage, or the reason it cannot be one."""
    try:
        body, stat = _file(path, max_bytes)
    except _TooLarge as large:
        return SourceProblem(url, Outcome.SKIPPED, str(large))
    except OSError as err:
        log.warning("cannot read %s: %s", path, err)
        return SourceProblem(url, Outcome.FAILED, f"Datei nicht lesbar: {err.strerror or err}")
    settled = (len(body) == stat.st_size
               and max(stat.st_mtime_ns, stat.st_ctime_ns) <= time.time_ns() - SETTLED_NS)
    return RawPage(url=url, body=body, file_mtime=datetime.fromtimestamp(stat.st_mtime, tz=UTC),
                   file_key=_key(stat) if settled else None)


def _key(stat: os.stat_result) -> str:
    """What identifies a file and its version without reading it."""
    return (f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:"
            f"{stat.st_ctime_ns}")


class _TooLarge(Exception):
    """A file above the size limit (the message is the reason in the report)."""


def _file(path: str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """The file's bytes and metadata (from before the read), unless it is larger than
    ``max_bytes``.

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
            return body, stat
        # The file changed size since fstat, or the read came back short: read to the end.
        chunks = [body]
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks), stat
    finally:
        os.close(fd)
