"""A few PDF documents of the sample city web, written with fpdf2 like the sample site's.

Each document is published on a host next to the pages that link it; its text is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

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
)


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
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(target))
