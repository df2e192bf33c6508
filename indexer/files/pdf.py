"""PDF text with pypdfium2 (PDFium): chosen by measurement, see indexer/README.md."""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from indexer.files.errors import FileSkipped
from indexer.files.extracted import Extracted
from indexer.files.limits import FileLimits
from indexer.files.text import clean_extracted

# FPDF_GetLastError codes (fpdfview.h).
_ERR_FILE, _ERR_FORMAT, _ERR_PASSWORD, _ERR_SECURITY = 2, 3, 4, 5
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?"
                       r"(Z|[+-]\d{2}'?\d{2}'?)?")
# Fewer letters than this in the whole file: a scan without a text layer.
MIN_LETTERS = 20


def extract_pdf(body: bytes, limits: FileLimits) -> Extracted:
    """Text of the first ``limits.max_pages`` pages, metadata title and date."""
    try:
        pdf = pdfium.PdfDocument(body)
    except pdfium.PdfiumError as err:
        if not _complete(body):
            raise FileSkipped("PDF unvollständig (Datei endet vorzeitig, z. B. abgebrochener "
                              "Upload)") from err
        raise FileSkipped(_open_error(err)) from err
    try:
        return _read(pdf, body, limits)
    finally:
        pdf.close()


def _open_error(err: pdfium.PdfiumError) -> str:
    code = getattr(err, "err_code", None)
    if code in (_ERR_PASSWORD, _ERR_SECURITY):
        return "verschlüsseltes PDF (Kennwort nötig)"
    if code == _ERR_FORMAT:
        return "beschädigtes PDF (nicht lesbar)"
    return f"PDF nicht lesbar: {err}"


def _read(pdf: pdfium.PdfDocument, body: bytes, limits: FileLimits) -> Extracted:
    total = len(pdf)
    notes: list[str] = []
    parts: list[str] = []
    chars = 0
    unreadable = 0
    for index in range(min(total, limits.max_pages)):
        try:
            text = _page_text(pdf, index)
        except pdfium.PdfiumError:
            # A damaged page object: the other pages may still be fine.
            unreadable += 1
            continue
        parts.append(text)
        chars += len(text)
        if chars > limits.max_chars:
            notes.append(f"Text nach Seite {index + 1} von {total} gekürzt")
            break
    else:
        if total > limits.max_pages:
            notes.append(f"nur die ersten {limits.max_pages} von {total} Seiten gelesen")
    if unreadable and not parts:
        raise FileSkipped("beschädigtes PDF (nicht lesbar)")
    if unreadable:
        notes.append(f"{unreadable} beschädigte Seite(n) übersprungen")
    if not _complete(body):
        notes.append("Datei unvollständig (Ende fehlt), lesbarer Teil indexiert")
    text = clean_extracted("\f".join(parts))
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise FileSkipped("PDF ohne Textebene (nur Bilder, z. B. ein Scan; keine Texterkennung)")
    meta = pdf.get_metadata_dict(skip_empty=True)
    return Extracted(kind="pdf", text=text, pages=total, title=meta.get("Title"),
                     date=pdf_date(meta.get("ModDate") or "") or pdf_date(
                         meta.get("CreationDate") or ""),
                     subject=meta.get("Subject"), notes=tuple(notes))


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_bounded()
        finally:
            textpage.close()
    finally:
        page.close()


def _complete(body: bytes) -> bool:
    """A whole PDF ends with an end-of-file marker (readers look in the last kilobytes)."""
    return b"%%EOF" in body[-2048:]


def pdf_date(value: str) -> str | None:
    """``D:20260312090000+01'00'`` -> ``2026-03-12T09:00:00+01:00`` (None when unreadable)."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    stamp = (f"{year}-{month or '01'}-{day or '01'}T{hour or '00'}:{minute or '00'}:"
             f"{second or '00'}")
    if zone and zone != "Z":
        digits = zone.replace("'", "")
        stamp += f"{digits[:3]}:{digits[3:5] or '00'}"
    elif zone == "Z":
        stamp += "+00:00"
    return stamp
