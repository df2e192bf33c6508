"""Which kind of document a file is, judged by its bytes (the name and Content-Type only hint)."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import urlsplit

from indexer.files.errors import FileSkipped

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".odt": "odt"}
_SUFFIX_ENDINGS = tuple(SUFFIXES)
CONTENT_TYPES = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
}
LABELS = {"pdf": "PDF", "docx": "DOCX", "odt": "ODT"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--")


def suffix_kind(url: str) -> str | None:
    """'pdf', 'docx' or 'odt' by the URL's or path's ending, else None."""
    lowered = url.lower()
    # Most URLs end in neither suffix and carry no query or fragment: then their path does
    # not either, and splitting the URL is not needed.
    if not lowered.endswith(_SUFFIX_ENDINGS) and "?" not in url and "#" not in url:
        return None
    path = urlsplit(url).path.lower() if "://" in url else lowered
    for suffix, kind in SUFFIXES.items():
        if path.endswith(suffix):
            return kind
    return None


def type_kind(content_type: str | None) -> str | None:
    """The kind a Content-Type names, else None."""
    return CONTENT_TYPES.get((content_type or "").split(";")[0].strip().lower())


def looks_like_document(url: str, content_type: str | None = None) -> bool:
    """Whether name or Content-Type say this is a document we index (bytes decide later)."""
    return type_kind(content_type) is not None or suffix_kind(url) is not None


def detect(body: bytes, url: str, content_type: str | None = None) -> str:
    """The document kind by magic bytes; FileSkipped with a reason for anything else."""
    if not body:
        raise FileSkipped("leere Datei")
    head = body[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if body.startswith(b"PK\x03\x04"):
        return _zip_kind(body)
    if body.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileSkipped("altes Office-Format (.doc/.xls), wird nicht gelesen")
    named = suffix_kind(url) or type_kind(content_type)
    if head.lstrip().lower().startswith(_HTML_STARTS):
        raise FileSkipped(f"kein {LABELS.get(named or '', 'Dokument')}: die Datei enthält HTML "
                          "(vermutlich eine Fehlerseite des Servers)")
    raise FileSkipped(f"kein lesbares {LABELS.get(named or '', 'Dokument')} "
                      "(unbekannter Dateianfang)")


def _zip_kind(body: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                if archive.read("mimetype").strip() == ODT_MIMETYPE:
                    return "odt"
            if "word/document.xml" in names:
                return "docx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
        raise FileSkipped(f"beschädigtes ZIP-Archiv (DOCX/ODT): {err}") from err
    raise FileSkipped("ZIP-Archiv, aber weder DOCX noch ODT-Text")
