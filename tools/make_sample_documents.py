"""Write the sample site's documents (PDF, DOCX, ODT) from tools/sample_document_texts.py.

    .venv/bin/python tools/make_sample_documents.py [sample-site]

The files are committed, so `make run` needs no generation step; run this only after changing
the texts. PDFs are written with fpdf2 in a standard font, so they carry a real text layer
(an embedded DejaVu subset with its Unicode map); soft hyphens in the texts become visible hyphens where
a line breaks, and "columns" documents are set in two columns. Office files are written with
python-docx and odfdo. Dates are fixed so that the output only changes with the texts.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from docx import Document as DocxDocument
from fpdf import FPDF
from odfdo import Document as OdfDocument
from odfdo import Header, Paragraph
from sample_document_texts import DOCUMENTS, SHY, SampleDocument

AUTHOR = "Stadtverwaltung Jena"
# Debian's fonts-dejavu-core: an embedded Unicode font (subset), as office programs write.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _moment(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


def write_pdf(doc: SampleDocument, target: Path) -> None:
    """A PDF with a text layer; forms and texts in one column, gazettes in two."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_moment(doc.date))
    pdf.set_author(AUTHOR)
    if doc.meta_title:
        pdf.set_title(doc.meta_title)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 6, "Stadt Jena", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 7, doc.heading, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if doc.layout == "columns":
        _columns(pdf, doc)
        _imprint(pdf)
    else:
        _single(pdf, doc)
    pdf.output(str(target))


def _imprint(pdf: FPDF) -> None:
    """Gazettes end with their imprint on a page of its own, as printed issues do."""
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(0, 6, "Impressum", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 5, "Herausgeber: Stadt Jena, Der Oberbürgermeister, Am Anger 15, 07743 "
                         "Jena. Das Amtsblatt erscheint nach Bedarf und wird kostenlos im "
                         "Bürgeramt ausgelegt sowie im Internet veröffentlicht. Verantwortlich "
                         "für den Inhalt: Büro des Oberbürgermeisters.")


def _single(pdf: FPDF, doc: SampleDocument) -> None:
    # Forms use a narrower text block so that more lines break inside words.
    width = 120 if doc.layout == "form" else 0
    for title, paragraphs in doc.sections:
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for text in paragraphs:
            pdf.multi_cell(width, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        pdf.ln(2)


def _columns(pdf: FPDF, doc: SampleDocument) -> None:
    with pdf.text_columns(ncols=2, gutter=8, text_align="J", l_margin=20, r_margin=20) as cols:
        for title, paragraphs in doc.sections:
            pdf.set_font("DejaVu", "B", 10)
            cols.write(title + "\n")
            pdf.set_font("DejaVu", "", 9)
            for text in paragraphs:
                cols.write(text + "\n\n")


def write_docx(doc: SampleDocument, target: Path) -> None:
    """A Word document with headings and paragraphs; core properties carry title and date."""
    out = DocxDocument()
    props = out.core_properties
    props.author = AUTHOR
    props.title = doc.meta_title or ""
    props.created = props.modified = _moment(doc.date).replace(tzinfo=None)
    out.add_heading(doc.heading, level=1)
    for title, paragraphs in doc.sections:
        out.add_heading(title, level=2)
        for text in paragraphs:
            out.add_paragraph(text.replace(SHY, ""))
    out.save(str(target))


def write_odt(doc: SampleDocument, target: Path) -> None:
    """An OpenDocument text with headings and paragraphs; meta.xml carries title and date."""
    out = OdfDocument("text")
    out.meta.creator = AUTHOR
    out.meta.initial_creator = AUTHOR
    if doc.meta_title:
        out.meta.title = doc.meta_title
    out.meta.creation_date = _moment(doc.date).replace(tzinfo=None)
    out.meta.date = _moment(doc.date).replace(tzinfo=None)
    body = out.body
    body.clear()
    body.append(Header(1, doc.heading))
    for title, paragraphs in doc.sections:
        body.append(Header(2, title))
        for text in paragraphs:
            body.append(Paragraph(text.replace(SHY, "")))
    out.save(str(target))


WRITERS = {"pdf": write_pdf, "docx": write_docx, "odt": write_odt}


def main(site: Path) -> None:
    """Write every document below ``site``."""
    for doc in DOCUMENTS:
        target = site / doc.path
        target.parent.mkdir(parents=True, exist_ok=True)
        WRITERS[doc.kind](doc, target)
        print(f"{target}  {target.stat().st_size} Bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "sample-site"))
