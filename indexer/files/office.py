"""DOCX with python-docx, ODT with odfdo; both only after the ZIP container was checked.

Both formats are ZIP archives of XML. Before a library sees one, the archive's directory is
checked against the limits: the declared uncompressed size of every part and of all parts,
and the compression ratio. Python's zipfile never inflates a part beyond its declared size,
so a zip bomb that lies in its directory is cut off there as well.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import docx
import odfdo
from docx.table import Table

from indexer.files.errors import FileSkipped
from indexer.files.extracted import Extracted
from indexer.files.limits import FileLimits
from indexer.files.text import clean_extracted

# Paragraphs and headings that are not inside another one (notes are read with their parent).
_ODF_BLOCKS = ("descendant::text:h[not(ancestor::text:p or ancestor::text:h)]"
               "|descendant::text:p[not(ancestor::text:p or ancestor::text:h)]")


def check_archive(body: bytes, limits: FileLimits) -> None:
    """FileSkipped when the ZIP container is broken or would inflate beyond the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
        raise FileSkipped(f"beschädigtes ZIP-Archiv: {err}") from err
    total = sum(info.file_size for info in infos)
    if total > limits.max_unzipped_bytes:
        raise FileSkipped(f"entpackt zu groß ({total} Bytes, Grenze "
                          f"{limits.max_unzipped_bytes}; ZIP-Bombe?)")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > limits.max_zip_ratio * max(
                info.compress_size, 1):
            raise FileSkipped(f"verdächtig stark komprimiert: {info.filename} "
                              f"({info.compress_size} → {info.file_size} Bytes; ZIP-Bombe?)")


def extract_docx(body: bytes, limits: FileLimits) -> Extracted:
    """Paragraphs and table cells in document order; title and date from the core properties."""
    check_archive(body, limits)
    try:
        document = docx.Document(io.BytesIO(body))
        parts: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                parts.extend(cell.text for row in block.rows for cell in row.cells)
            else:
                parts.append(block.text)
        props = document.core_properties
        title, when = props.title, props.modified or props.created
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as err:
        raise FileSkipped(f"beschädigtes DOCX: {type(err).__name__}: {err}") from err
    except Exception as err:  # lxml and python-docx raise many kinds on broken XML
        raise FileSkipped(f"DOCX nicht lesbar: {type(err).__name__}: {err}") from err
    return _result("docx", parts, title, when)


def extract_odt(body: bytes, limits: FileLimits) -> Extracted:
    """Headings and paragraphs in document order; title and date from meta.xml."""
    check_archive(body, limits)
    try:
        document = odfdo.Document(io.BytesIO(body))
        parts = [block.text_recursive for block in document.body.xpath(_ODF_BLOCKS)]
        meta = document.meta
        title, when = meta.title, meta.date or meta.creation_date
    except Exception as err:  # odfdo and lxml raise many kinds on broken files
        raise FileSkipped(f"ODT nicht lesbar: {type(err).__name__}: {err}") from err
    return _result("odt", parts, title, when)


def _result(kind: str, parts: list[str], title: str | None, when: datetime | None) -> Extracted:
    text = clean_extracted("\n".join(p for p in parts if p))
    if not text:
        raise FileSkipped(f"{kind.upper()} ohne Text")
    return Extracted(kind=kind, text=text, title=title or None,
                     date=when.isoformat() if when else None)
