"""A few documents of the sample city web: PDFs (fpdf2) and a Word form (python-docx).

Each document is published on a host next to the pages that link it; its text is invented.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document as DocxDocument
from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class Document:
    """A PDF: where it is published, its title and paragraphs."""

    host: str
    path: str
    key: str
    title: str
    day: str
    paragraphs: tuple[str, ...]


DOCUMENTS: tuple[Document, ...] = (
    Document("ksj.jena.de", "dokumente/abfallkalender-2026.pdf", "doc:abfallkalender-2026",
             "Abfallkalender 2026", "2025-12-10",
             ("Wegweiser und Abfallkalender 2026 für die Bürgerinnen und Bürger der Stadt Jena.",
              "Restabfall, Bioabfall, Papier und Leichtverpackungen werden nach dem Plan für Ihre "
              "Straße abgeholt. Nach Feiertagen verschiebt sich die Leerung um einen Tag.",
              "Wertstoffhof Löbstedter Straße: Montag bis Freitag 8 bis 18 Uhr, Samstag 9 bis 16 "
              "Uhr. Wertstoffhof Emil-Wölk-Straße: Montag bis Freitag 10 bis 18 Uhr.",
              "Schadstoffmobil: Haltestellen und Zeiten auf den letzten Seiten.")),
    Document("rathaus.jena.de", "dokumente/b-zw-01-1-begruendung.pdf", "doc:b-zw-011-begruendung",
             "Begründung zum Bebauungsplan B-Zw 01.1", "2021-06-16",
             ("Begründung zum Bebauungsplan B-Zw 01.1 Wohngebiet Leibnizstraße Südteil.",
              "Anlass der Planung ist die Nachnutzung eines früheren Kasernengeländes in "
              "Zwätzen. Vorgesehen sind Reihenhäuser, Doppelhäuser und kleine Mehrfamilienhäuser.",
              "Umweltbericht: Auf der Fläche brüten Feldlerchen; als Ausgleich werden "
              "Blühstreifen am Ortsrand angelegt.")),
    Document("service.jena.de", "dokumente/wohnungsgeberbestaetigung.pdf",
             "doc:wohnungsgeberbestaetigung", "Wohnungsgeberbestätigung (Formular)", "2024-02-01",
             ("Bestätigung des Wohnungsgebers nach dem Bundesmeldegesetz.",
              "Hiermit bestätige ich als Vermieterin oder Vermieter den Einzug der folgenden "
              "Personen in die Wohnung: Name, Vorname, Anschrift der Wohnung, Datum des Einzugs.",
              "Die Bestätigung ist bei der Anmeldung oder Ummeldung im Bürgerservice "
              "vorzulegen.")),
    Document("umwelt.jena.de", "dokumente/baumschutzsatzung.pdf", "doc:baumschutzsatzung",
             "Baumschutzsatzung der Stadt Jena", "2019-04-01",
             ("Satzung zum Schutz des Baumbestandes in der Stadt Jena.",
              "§ 2 Geschützt sind Bäume mit einem Stammumfang von mindestens 80 Zentimetern, "
              "gemessen in einem Meter Höhe.",
              "§ 5 Wer einen geschützten Baum fällen will, braucht eine Genehmigung. Für jeden "
              "gefällten Baum ist in der Regel ein Ersatzbaum zu pflanzen.")),
    Document("ksj.jena.de", "dokumente/antrag-sperrmuellabholung.docx", "doc:antrag-sperrmuell",
             "Antrag auf Sperrmüllabholung", "2023-01-09",
             ("Bitte füllen Sie den Antrag aus und senden Sie ihn an den Kommunalservice Jena.",
              "Name, Anschrift des Grundstücks, Telefonnummer für Rückfragen.",
              "Gegenstände: Möbel, Matratzen, Teppiche, Elektrogroßgeräte (bitte einzeln "
              "aufführen). Der Termin wird Ihnen schriftlich mitgeteilt.")),
)


def write_document(doc: Document, target: Path) -> None:
    """The document in the format its file name asks for."""
    target.parent.mkdir(parents=True, exist_ok=True)
    (write_docx if doc.path.endswith(".docx") else write_pdf)(doc, target)


def write_docx(doc: Document, target: Path) -> None:
    """A Word document with a heading and paragraphs; core properties carry title and date."""
    out = DocxDocument()
    props = out.core_properties
    props.author = "Stadtverwaltung Jena"
    props.title = doc.title
    props.created = props.modified = datetime.fromisoformat(doc.day).replace(hour=9)
    out.add_heading(doc.title, level=1)
    for text in doc.paragraphs:
        out.add_paragraph(text)
    buffer = io.BytesIO()
    out.save(buffer)
    target.write_bytes(_fixed_zip_times(buffer.getvalue(), doc.day))


def _fixed_zip_times(data: bytes, day: str) -> bytes:
    """The same archive with every member stamped ``day``, so that reruns give equal bytes."""
    stamp = datetime.fromisoformat(day).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for member in src.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(member))
    return out.getvalue()


def write_pdf(doc: Document, target: Path) -> None:
    """A one-column PDF with a text layer and a fixed creation date."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime.fromisoformat(doc.day).replace(hour=9, tzinfo=UTC))
    pdf.set_author("Stadtverwaltung Jena")
    pdf.set_title(doc.title)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, doc.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    for text in doc.paragraphs:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(target))
