"""Bounds for one file's extraction; all of them configurable (see indexer/config.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileLimits:
    """How much of a file the indexer is willing to read."""

    max_bytes: int = 50_000_000        # larger files are skipped before download ends
    max_pages: int = 500               # later pages are not read (file indexed in part)
    max_chars: int = 1_000_000         # text beyond is cut, like page content
    max_unzipped_bytes: int = 200_000_000  # DOCX/ODT: declared uncompressed size of all parts
    max_zip_ratio: int = 200           # DOCX/ODT: uncompressed / compressed per part
    seconds: float = 60.0              # wall time per file in the worker
    memory_mb: int = 1024              # address space of the worker process
