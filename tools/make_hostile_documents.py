"""Write the hostile documents of tests/fixtures/documents (never part of the sample site).

    .venv/bin/python tools/make_hostile_documents.py [tests/fixtures/documents]

Each file stands for one way a published file goes wrong; the indexer must report every one
with a reason and go on. The outputs are committed; run this only to change them.
"""

from __future__ import annotations

import io
import sys
import zipfile
import zlib
from pathlib import Path

from docx import Document as DocxDocument
from fpdf import FPDF
from odfdo import Document as OdfDocument
from odfdo import Paragraph
from PIL import Image

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TEXT = ("Die Stadt Jena veröffentlicht Formulare, Satzungen und das Amtsblatt. Dieser Text "
        "füllt die Seite, damit die Datei eine echte Textebene hat. ")


def _text_pdf(pages: int) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", "", 11)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Seite {number}. " + TEXT * 12)
    return pdf


def encrypted() -> bytes:
    pdf = _text_pdf(1)
    pdf.set_encryption(owner_password="amt", user_password="geheim")
    return bytes(pdf.output())


def image_only() -> bytes:
    picture = io.BytesIO()
    Image.new("L", (400, 300), color=200).save(picture, format="PNG")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(picture, x=20, y=20, w=160)
    return bytes(pdf.output())


def truncated() -> bytes:
    whole = bytes(_text_pdf(6).output())
    return whole[: len(whole) * 6 // 10]


def broken() -> bytes:
    # Complete (it ends with %%EOF), but nothing between header and end is a PDF structure.
    return (b"%PDF-1.7\n" + bytes((i * 37 + 11) % 256 for i in range(4000))
            + b"\n%%EOF\n")


def html_as_pdf() -> bytes:
    return ("<!DOCTYPE html><html lang=\"de\"><head><title>Seite nicht gefunden</title></head>"
            "<body><h1>404 – Seite nicht gefunden</h1></body></html>").encode()


def oversized() -> bytes:
    # A valid PDF, too large for the tests' 100 KB limit.
    return bytes(_text_pdf(120).output())


def many_pages() -> bytes:
    return bytes(_text_pdf(40).output())


def memory_bomb(megabytes: int = 300) -> bytes:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB; compressed twice
    (a filter chain PDF allows), it is a few kilobytes on disk."""
    packer = zlib.compressobj(9)
    spaces = b" " * (1 << 20)
    stream = b"".join([*(packer.compress(spaces) for _ in range(megabytes)),
                       packer.compress(b"\nBT /F1 12 Tf 72 720 Td (Jena) Tj ET\n"),
                       packer.flush()])
    stream = zlib.compress(stream, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _docx() -> bytes:
    out = io.BytesIO()
    document = DocxDocument()
    document.add_paragraph(TEXT)
    document.save(out)
    return out.getvalue()


def _with_zero_part(archive: bytes, name: str, megabytes: int) -> bytes:
    out = io.BytesIO(archive)
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open(name, "w", force_zip64=True) as part:
            block = bytes(1024 * 1024)
            for _ in range(megabytes):
                part.write(block)
    return out.getvalue()


def docx_bomb() -> bytes:
    return _with_zero_part(_docx(), "word/media/image1.bin", 40)


def odt_bomb() -> bytes:
    document = OdfDocument("text")
    document.body.append(Paragraph(TEXT))
    out = io.BytesIO()
    document.save(out)
    return _with_zero_part(out.getvalue(), "Pictures/bild.bin", 24)


def not_a_zip() -> bytes:
    return "Das ist gar kein Word-Dokument, nur Text mit Endung .docx.".encode()


FILES = {
    "verschluesselt.pdf": encrypted,
    "nur-bild.pdf": image_only,
    "abgeschnitten.pdf": truncated,
    "kaputt.pdf": broken,
    "fehlerseite.pdf": html_as_pdf,
    "leer.pdf": lambda: b"",
    "zu-gross.pdf": oversized,
    "viele-seiten.pdf": many_pages,
    "speicherbombe.pdf": memory_bomb,
    "zip-bombe.docx": docx_bomb,
    "zip-bombe.odt": odt_bomb,
    "kein-zip.docx": not_a_zip,
}


def main(target: Path) -> None:
    """Write every hostile file and a page that links them all."""
    target.mkdir(parents=True, exist_ok=True)
    links = []
    for name, make in FILES.items():
        (target / name).write_bytes(make())
        links.append(f'<li><a href="{name}">{name}</a></li>')
        print(f"{name}: {(target / name).stat().st_size} Bytes")
    (target / "index.html").write_text(
        "<!DOCTYPE html><html lang=\"de\"><head><title>Downloads | Stadt Jena</title></head>"
        "<body><main><h1>Downloads</h1><ul>" + "".join(links) + "</ul></main></body></html>\n",
        encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/documents"))
