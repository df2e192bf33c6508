"""Dispatch by kind: the extractor functions the worker process runs."""

from __future__ import annotations

from indexer.files.errors import FileSkipped
from indexer.files.extracted import Extracted
from indexer.files.limits import FileLimits


def extract_in_process(kind: str, body: bytes, limits: FileLimits) -> Extracted:
    """Extract in this process (the worker; tests and the fuzzer call it directly)."""
    if len(body) > limits.max_bytes:
        raise FileSkipped(f"Datei zu groß ({len(body)} Bytes, Grenze {limits.max_bytes})")
    if kind == "pdf":
        from indexer.files.pdf import extract_pdf

        return extract_pdf(body, limits)
    from indexer.files.office import extract_docx, extract_odt

    if kind == "docx":
        return extract_docx(body, limits)
    if kind == "odt":
        return extract_odt(body, limits)
    raise FileSkipped(f"unbekannte Dokumentart {kind}")
