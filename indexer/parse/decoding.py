"""Bytes to text: reject non-HTML, then decode BOM > declared charset > UTF-8 > windows-1252.

German city pages that are not UTF-8 are nearly always latin-1 or its superset windows-1252,
so after a strict UTF-8 attempt fails we decode as windows-1252 rather than asking a
statistical detector, which tends to guess central European code pages for short German text.
"""

from __future__ import annotations

import codecs

from bs4.dammit import EncodingDetector

from indexer.parse.errors import PageSkipped

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never occur in text; NUL alone is a strong binary signal.
_BINARY_BYTES = bytes([*range(0, 9), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_SNIFF = 8192


def check_is_html(body: bytes, content_type: str | None) -> None:
    """Raise PageSkipped unless the bytes look like an HTML page."""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime and mime not in _HTML_TYPES:
        raise PageSkipped(f"kein HTML (Content-Type {mime})")
    if not body.strip():
        raise PageSkipped("leere Datei")
    head = body[:_SNIFF]
    if not any(head.startswith(bom) for bom, _ in _BOMS):
        controls = len(head) - len(head.translate(None, _BINARY_BYTES))
        if b"\x00" in head or controls > len(head) // 100:
            raise PageSkipped("Binärdatei, kein HTML")
    if b"<" not in head and not mime:
        raise PageSkipped("kein HTML-Markup gefunden")


def decode(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return the text and the encoding used to decode it."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(encoding, errors="replace"), encoding
    for declared in _declared(body, content_type):
        try:
            return body.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            continue  # a wrong declaration is common; fall through to the next guess
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return body.decode("windows-1252", errors="replace"), "windows-1252"


def _declared(body: bytes, content_type: str | None) -> list[str]:
    found: list[str] = []
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            found.append(value.strip().strip("\"'").lower())
    in_markup = EncodingDetector.find_declared_encoding(body[:_SNIFF * 4], is_html=True)
    if in_markup:
        found.append(in_markup.lower())
    # latin-1 declarations are really windows-1252 in practice (browsers treat them so).
    return ["windows-1252" if e in ("iso-8859-1", "latin-1", "latin1") else e for e in found]
