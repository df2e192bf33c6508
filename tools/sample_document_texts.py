"""German texts of the sample site's documents (forms, statutes, gazette), all invented.

A soft hyphen (\\u00ad) marks where a long word may be broken at a line end; the PDF writer
breaks lines there with a visible hyphen, so the files carry real end-of-line hyphenation.
"""

from __future__ import annotations

from dataclasses import dataclass

SHY = "\u00ad"


@dataclass(frozen=True)
class SampleDocument:
    """One file of the sample site and the page (and link text) that links it."""

    path: str                      # below sample-site/
    kind: str                      # pdf | docx | odt
    heading: str                   # printed at the top of the first page
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    meta_title: str | None         # document metadata title (None: not set)
    date: str                      # creation date, YYYY-MM-DD
    layout: str = "text"           # text | form | columns
    linked_from: str | None = None  # page below sample-site/ that links the file
    link_text: str | None = None


W = SHY  # short alias inside the texts

DOCUMENTS: tuple[SampleDocument, ...] = (
    SampleDocument(
        path="dokumente/soziales/antrag-wohngeld.pdf", kind="pdf", layout="form",
        heading="Antrag auf Wohngeld (Mietzuschuss)",
        meta_title="Antrag auf Wohngeld – Mietzuschuss", date="2026-02-02",
        linked_from="soziales/wohngeld.html", link_text="Antragsformular Wohngeld (PDF)",
        sections=(
            ("Hinweise zum Antrag", (
                f"Mit diesem Formular beantragen Sie Wohngeld als Miet{W}zuschuss für Ihre "
                f"Wohnung in Jena. Bitte füllen Sie den Antrag vollständig aus und fügen Sie die "
                f"Nachweise über das Einkommen aller Haushalts{W}mitglieder bei. Wohngeld wird "
                f"ab dem Monat gezahlt, in dem der Antrag bei der Wohngeld{W}stelle eingeht.",
                f"Die Angaben werden nach dem Wohngeld{W}gesetz erhoben und nur für die "
                f"Bearbeitung Ihres Antrags verwendet.")),
            ("1. Antragstellerin oder Antragsteller", (
                "Familienname: ____________________   Vorname: ____________________",
                "Geburtsdatum: ____________   Staatsangehörigkeit: ____________",
                "Straße, Hausnummer: ________________________________________",
                "Postleitzahl, Ort: 07743 Jena   Telefon (freiwillig): ____________")),
            ("2. Haushaltsmitglieder", (
                f"Bitte nennen Sie alle Personen, die mit Ihnen in der Wohnung leben, mit "
                f"Geburts{W}datum, Verwandtschafts{W}verhältnis und monatlichem Brutto{W}"
                f"einkommen. Kinder, die während der Woche außerhalb wohnen, zählen mit.",)),
            ("3. Wohnung und Miete", (
                "Wohnfläche in Quadratmetern: ______   Zahl der Räume: ______",
                f"Monatliche Miete ohne Heizkosten: ________ EUR   Neben{W}kosten: ________ "
                f"EUR. Bitte legen Sie den Mietvertrag und eine Miet{W}bescheinigung des "
                f"Vermieters bei.")),
            ("4. Erklärung", (
                f"Ich versichere, dass meine Angaben richtig und vollständig sind. Änderungen "
                f"der Miete, des Einkommens oder der Zahl der Haushalts{W}mitglieder teile ich "
                f"der Wohngeld{W}stelle unverzüglich mit.",
                "Jena, den ____________   Unterschrift: ______________________")),
        )),
    SampleDocument(
        path="dokumente/buergerservice/anmeldung-hund.pdf", kind="pdf", layout="form",
        heading="Anmeldung eines Hundes zur Hundesteuer",
        meta_title="Anmeldung Hund – Hundesteuer", date="2026-01-05",
        linked_from="buergerservice/hundesteuer.html", link_text="Formular Anmeldung Hund",
        sections=(
            ("Halterin oder Halter", (
                "Name, Vorname: ______________________________",
                "Anschrift in Jena: ______________________________",
                f"Ich halte seit dem ____________ einen Hund und melde ihn hiermit zur "
                f"Hunde{W}steuer an.")),
            ("Angaben zum Hund", (
                "Rasse oder Mischling: ____________   Geschlecht: ______   Wurfdatum: ________",
                f"Chip{W}nummer: ________________   Farbe: ____________",
                f"Der Hund stammt aus dem Tierheim Jena: ja / nein. Für Hunde aus dem Tierheim "
                f"wird die Steuer für die ersten zwölf Monate nicht erhoben.")),
            ("Ermäßigung", (
                f"Ich beantrage eine Ermäßigung, weil ich den Jena-Pass besitze oder der Hund "
                f"ein geprüfter Rettungs{W}hund, Blinden{W}führhund oder Assistenz{W}hund ist. "
                f"Nachweise liegen bei.",
                "Datum und Unterschrift: ______________________________")),
        )),
    SampleDocument(
        path="dokumente/satzungen/hundesteuersatzung.pdf", kind="pdf",
        heading="Satzung über die Erhebung der Hundesteuer in der Stadt Jena "
                "(Hundesteuersatzung)",
        meta_title="Hundesteuersatzung der Stadt Jena", date="2025-12-11",
        linked_from="buergerservice/hundesteuer.html",
        link_text="Hundesteuersatzung (Satzung über die Erhebung der Hundesteuer)",
        sections=(
            ("§ 1 Steuergegenstand", (
                f"Die Stadt Jena erhebt eine Hunde{W}steuer für das Halten von Hunden im "
                f"Stadtgebiet. Das Halten eines Hundes zu Erwerbs{W}zwecken ist nicht "
                f"steuerpflichtig, wenn der Hund zur Ausübung des Berufs unentbehrlich ist.",)),
            ("§ 2 Steuerpflicht", (
                f"Steuerpflichtig ist, wer einen Hund in seinem Haushalt aufgenommen hat. "
                f"Halten mehrere Personen gemeinsam einen Hund, so sind sie Gesamt{W}schuldner. "
                f"Die Steuer{W}pflicht beginnt mit dem ersten Tag des Monats, der auf den Beginn "
                f"der Haltung folgt.",)),
            ("§ 3 Steuersatz", (
                "Die Steuer beträgt im Jahr für den ersten Hund 108 Euro, für den zweiten Hund "
                "156 Euro und für jeden weiteren Hund 204 Euro.",
                f"Für einen gefährlichen Hund im Sinne des Thüringer Tier{W}gefahren{W}gesetzes "
                f"beträgt die Steuer 600 Euro im Jahr.")),
            ("§ 4 Steuerbefreiungen", (
                f"Steuerfrei ist das Halten von Blinden{W}führ{W}hunden, Assistenz{W}hunden und "
                f"Hunden, die aus dem Tierheim Jena übernommen wurden, für die Dauer von zwölf "
                f"Monaten. Die Befreiung ist schriftlich zu beantragen.",)),
            ("§ 5 Ermäßigungen", (
                f"Die Steuer ermäßigt sich um die Hälfte für Personen, die Leistungen nach dem "
                f"Zweiten oder Zwölften Buch Sozial{W}gesetzbuch beziehen oder den Jena-Pass "
                f"besitzen, sowie für geprüfte Rettungs{W}hunde.",)),
            ("§ 6 Anzeigepflicht und Hundesteuermarke", (
                f"Wer einen Hund hält, hat ihn binnen zwei Wochen bei der Stadt anzumelden. Die "
                f"Stadt gibt eine Hunde{W}steuer{W}marke aus, die der Hund außerhalb der "
                f"Wohnung sichtbar tragen muss. Der Verlust der Marke ist anzuzeigen.",)),
            ("§ 7 Inkrafttreten", (
                "Diese Satzung tritt am 1. Januar 2026 in Kraft.",
                "Jena, den 11. Dezember 2025 – Der Oberbürgermeister")),
        )),
    SampleDocument(
        path="dokumente/amtsblatt/amtsblatt-2026-05.pdf", kind="pdf", layout="columns",
        heading="Amtsblatt der Stadt Jena – Ausgabe 5/2026",
        meta_title="Amtsblatt der Stadt Jena 5/2026", date="2026-03-12",
        linked_from="stadtrat/index.html", link_text="Amtsblatt Ausgabe 5/2026",
        sections=(
            ("Öffentliche Bekanntmachung: Sitzung des Stadtrates", (
                f"Die nächste öffentliche Sitzung des Stadtrates findet am Mittwoch, dem "
                f"25. März 2026, um 17 Uhr im Plenar{W}saal des Rathauses statt. Auf der "
                f"Tagesordnung stehen unter anderem die Fortschreibung des Verkehrs{W}"
                f"entwicklungs{W}plans, der Bericht über die Schulnetz{W}planung und die "
                f"Vergabe von Fördermitteln für Stadtteil{W}projekte. Einwohnerinnen und "
                f"Einwohner können in der Einwohner{W}fragestunde Fragen an den "
                f"Oberbürgermeister stellen.",)),
            ("Allgemeinverfügung zur Straßenreinigung", (
                f"Aufgrund der Straßen{W}reinigungs{W}satzung wird angeordnet, dass die "
                f"Gehwege in der Innenstadt während der Bauarbeiten in der Westbahnhof{W}"
                f"straße von den Anliegern nicht gereinigt werden müssen. Die Reinigung "
                f"übernimmt der Kommunal{W}service Jena. Die Verfügung gilt bis zum Ende der "
                f"Bauarbeiten.",)),
            ("Haushaltssatzung 2026 – Bekanntmachung", (
                f"Der Stadtrat hat am 11. Februar 2026 die Haushalts{W}satzung für das "
                f"Haushalts{W}jahr 2026 beschlossen. Die Satzung liegt vom 16. bis 27. März "
                f"2026 im Bürgeramt zur Einsicht aus. Der Ergebnis{W}haushalt schließt mit "
                f"Erträgen von 612 Millionen Euro ab, Investitionen in Schulen, Kinder{W}"
                f"tages{W}stätten und Radwege bilden den Schwerpunkt.",)),
            ("Widmung einer Gemeindestraße", (
                f"Die neu gebaute Verbindungs{W}straße zwischen dem Beutenberg und dem "
                f"Wohngebiet Lobeda-West wird als Gemeinde{W}straße gewidmet. Träger der "
                f"Straßenbau{W}last ist die Stadt Jena. Gegen die Widmung kann innerhalb eines "
                f"Monats Widerspruch erhoben werden.",)),
            ("Ausschreibung: Schöffinnen und Schöffen", (
                f"Für die Amtszeit 2029 bis 2033 sucht die Stadt Jena Schöffinnen und Schöffen "
                f"für das Amts{W}gericht und das Land{W}gericht Gera. Bewerben können sich "
                f"Deutsche zwischen 25 und 69 Jahren, die in Jena wohnen. Die Bewerbungs{W}"
                f"frist endet am 30. April 2026.",)),
        )),
    SampleDocument(
        path="dokumente/satzungen/abfallgebuehrensatzung.pdf", kind="pdf",
        heading="Satzung über die Gebühren für die Abfallentsorgung (Abfallgebührensatzung)",
        meta_title="Abfallgebührensatzung der Stadt Jena", date="2025-11-20",
        linked_from="umwelt-abfall/abfallkalender.html", link_text="Abfallgebührensatzung",
        sections=(
            ("§ 1 Gebührenpflicht", (
                f"Für die Benutzung der öffentlichen Abfall{W}entsorgung erhebt die Stadt Jena "
                f"Gebühren. Gebühren{W}pflichtig sind die Eigentümer der angeschlossenen "
                f"Grundstücke.",)),
            ("§ 2 Grundgebühr und Leistungsgebühr", (
                f"Die Grund{W}gebühr beträgt 24 Euro je Person und Jahr. Die Leistungs{W}gebühr "
                f"für die Restabfall{W}tonne mit 120 Litern beträgt bei vierzehn{W}täglicher "
                f"Leerung 96 Euro im Jahr, für die Biotonne 48 Euro.",)),
            ("§ 3 Sperrmüll", (
                f"Die Abholung von Sperrmüll ist zweimal im Jahr je Haushalt gebühren{W}frei. "
                f"Jede weitere Abholung kostet 35 Euro. Elektro{W}altgeräte werden getrennt "
                f"abgeholt.",)),
        )),
    SampleDocument(
        path="dokumente/verkehr/antrag-bewohnerparkausweis.pdf", kind="pdf", layout="form",
        heading="Antrag auf einen Bewohnerparkausweis",
        meta_title=None, date="2026-01-19",
        linked_from="buergerservice/parkausweis-anwohner.html",
        link_text="Antrag Bewohnerparkausweis (Anwohnerparken)",
        sections=(
            ("Angaben zur Person", (
                "Name, Vorname: ______________________________",
                "Hauptwohnsitz im Bewohnerparkgebiet: ______________________________",)),
            ("Angaben zum Fahrzeug", (
                "Amtliches Kennzeichen: ____________   Halter: ____________",
                f"Ist das Fahrzeug ein Firmen{W}wagen oder geleast, legen Sie bitte eine "
                f"Bescheinigung über die alleinige Nutzung bei.")),
            ("Gebühr", (
                f"Der Bewohner{W}parkausweis kostet 120 Euro für zwölf Monate. Er gilt nur in "
                f"der eingetragenen Parkzone und nur für das genannte Fahrzeug.",)),
        )),
    SampleDocument(
        path="dokumente/wirtschaft/merkblatt-gewerbeanmeldung.pdf", kind="pdf",
        heading="Merkblatt zur Gewerbeanmeldung",
        meta_title="Merkblatt Gewerbeanmeldung", date="2025-10-07",
        linked_from="buergerservice/gewerbeanmeldung.html",
        link_text="Merkblatt: Was Sie zur Gewerbeanmeldung brauchen",
        sections=(
            ("Wer muss ein Gewerbe anmelden?", (
                f"Wer ein stehendes Gewerbe beginnt, muss dies gleichzeitig beim Gewerbe{W}amt "
                f"anzeigen. Das gilt auch für Neben{W}erwerbe und für Filialen. Freie Berufe "
                f"wie Ärztinnen, Architekten oder Rechts{W}anwältinnen melden kein Gewerbe "
                f"an.",)),
            ("Unterlagen", (
                f"Mitzubringen sind der Personal{W}ausweis, bei erlaubnis{W}pflichtigen "
                f"Gewerben die Erlaubnis, bei Handwerks{W}betrieben die Eintragung in die "
                f"Handwerks{W}rolle und bei juristischen Personen ein Auszug aus dem "
                f"Handels{W}register.",)),
            ("Gebühr", ("Die Gewerbeanmeldung kostet 26 Euro, die Abmeldung ist gebührenfrei.",)),
        )),
    SampleDocument(
        path="dokumente/familie/anmeldung-kita-platz.pdf", kind="pdf", layout="form",
        heading="Anmeldung für einen Platz in einer Kindertageseinrichtung",
        meta_title="Anmeldung Kita-Platz", date="2026-02-16",
        linked_from="familie-bildung/kita-platz.html", link_text="Anmeldebogen Kita-Platz",
        sections=(
            ("Angaben zum Kind", (
                "Name, Vorname des Kindes: ______________________   Geburtsdatum: __________",
                "Gewünschter Aufnahmetermin: __________   Betreuungszeit: 6 / 8 / 10 Stunden",)),
            ("Wunscheinrichtungen", (
                f"Bitte nennen Sie bis zu drei Kinder{W}tages{W}einrichtungen in der "
                f"Reihenfolge Ihrer Wünsche. Geschwister{W}kinder werden bei gleicher Eignung "
                f"bevorzugt aufgenommen.",)),
            ("Sorgeberechtigte", (
                "Name, Anschrift und Telefon der Sorgeberechtigten: ______________________",
                "Unterschrift aller Sorgeberechtigten: ______________________")),
        )),
    SampleDocument(
        path="dokumente/umwelt/antrag-sperrmuell.pdf", kind="pdf", layout="form",
        heading="Antrag auf Abholung von Sperrmüll",
        meta_title="Sperrmüll – Antrag auf Abholung", date="2026-03-02",
        linked_from="umwelt-abfall/sperrmuell.html", link_text="Sperrmüll-Antrag zum Ausdrucken",
        sections=(
            ("Abholadresse", ("Straße, Hausnummer: ______________________   Etage: ____",)),
            ("Gegenstände", (
                f"Bitte listen Sie die Gegenstände auf, zum Beispiel Schrank, Sofa, Matratze. "
                f"Bauschutt, Autoreifen und Sonder{W}abfälle gehören nicht zum Sperrmüll und "
                f"werden nicht mitgenommen.",)),
            ("Termin", (
                f"Den Abholtermin teilt Ihnen der Kommunal{W}service Jena schriftlich mit. "
                f"Stellen Sie die Gegenstände am Vorabend ab 18 Uhr an den Straßenrand.",)),
        )),
    SampleDocument(
        path="dokumente/stadtrat/haushaltssatzung-2026.pdf", kind="pdf", layout="columns",
        heading="Haushaltssatzung der Stadt Jena für das Haushaltsjahr 2026",
        meta_title="Haushaltssatzung 2026", date="2026-02-11",
        linked_from="stadtrat/haushalt.html", link_text="Haushaltssatzung 2026",
        sections=(
            ("§ 1 Ergebnishaushalt und Finanzhaushalt", (
                f"Der Haushalts{W}plan für das Haushalts{W}jahr 2026 wird im Ergebnis{W}haushalt "
                f"mit Erträgen von 612 Millionen Euro und Aufwendungen von 609 Millionen Euro "
                f"festgesetzt. Im Finanz{W}haushalt betragen die Einzahlungen aus Investitions{W}"
                f"tätigkeit 48 Millionen Euro und die Auszahlungen 95 Millionen Euro.",)),
            ("§ 2 Kredite", (
                f"Der Gesamt{W}betrag der Kredite für Investitionen und Investitions{W}förder{W}"
                f"maßnahmen wird auf 31 Millionen Euro festgesetzt.",)),
            ("§ 3 Verpflichtungsermächtigungen", (
                f"Verpflichtungs{W}ermächtigungen zulasten der folgenden Jahre werden in Höhe "
                f"von 40 Millionen Euro veranschlagt, vor allem für den Neubau der Grundschule "
                f"in Winzerla und die Sanierung der Schwimmhalle Lobeda.",)),
            ("§ 4 Hebesätze", (
                f"Die Hebesätze betragen für die Grund{W}steuer A 300 Prozent, für die Grund{W}"
                f"steuer B 495 Prozent und für die Gewerbe{W}steuer 430 Prozent.",)),
        )),
    SampleDocument(
        path="dokumente/umwelt/baumschutzsatzung.pdf", kind="pdf",
        heading="Satzung zum Schutz des Baumbestandes in der Stadt Jena (Baumschutzsatzung)",
        meta_title="Baumschutzsatzung", date="2025-09-18",
        linked_from="umwelt-abfall/baumschutz.html", link_text="Baumschutzsatzung der Stadt Jena",
        sections=(
            ("§ 1 Schutzzweck", (
                f"Bäume im Stadtgebiet werden geschützt, weil sie das Stadt{W}klima verbessern, "
                f"Lebensraum für Tiere bieten und das Orts{W}bild prägen.",)),
            ("§ 2 Geschützte Bäume", (
                f"Geschützt sind Laubbäume mit einem Stamm{W}umfang von mindestens 80 "
                f"Zentimetern, gemessen in einem Meter Höhe, sowie mehrstämmige Bäume, wenn "
                f"ein Stamm mindestens 50 Zentimeter misst. Obstbäume sind ausgenommen.",)),
            ("§ 3 Fällgenehmigung", (
                f"Wer einen geschützten Baum fällen will, braucht eine Genehmigung der Unteren "
                f"Naturschutz{W}behörde. Für jeden gefällten Baum ist eine Ersatz{W}pflanzung "
                f"vorzunehmen oder eine Ausgleichs{W}zahlung zu leisten.",)),
        )),
    SampleDocument(
        path="dokumente/stadtrat/niederschrift-stadtrat-2026-02.pdf", kind="pdf",
        heading="Niederschrift über die Sitzung des Stadtrates am 11. Februar 2026",
        meta_title=None, date="2026-02-20",
        linked_from="stadtrat/sitzungskalender.html",
        link_text="Niederschrift der Stadtratssitzung vom 11.02.2026",
        sections=(
            ("Eröffnung", (
                f"Der Oberbürgermeister eröffnet die Sitzung um 17 Uhr und stellt die "
                f"Beschluss{W}fähigkeit fest. Anwesend sind 42 von 46 Stadtrats{W}mitgliedern.",)),
            ("TOP 3: Haushaltssatzung 2026", (
                f"Nach ausführlicher Aussprache beschließt der Stadtrat die Haushalts{W}satzung "
                f"2026 mit 30 Ja-Stimmen, 10 Nein-Stimmen und 2 Enthaltungen.",)),
            ("TOP 4: Radverkehrskonzept", (
                f"Der Stadtrat beauftragt die Verwaltung, das Rad{W}verkehrs{W}konzept bis zum "
                f"Herbst fortzuschreiben und dabei die Verbindung entlang der Saale vorrangig "
                f"zu planen.",)),
        )),
    SampleDocument(
        path="dokumente/buergerservice/vollmacht-meldebescheinigung.docx", kind="docx",
        heading="Vollmacht zur Beantragung einer Meldebescheinigung",
        meta_title="Vollmacht Meldebescheinigung", date="2025-12-01",
        linked_from="buergerservice/meldebescheinigung.html",
        link_text="Vollmacht Meldebescheinigung (Word)",
        sections=(
            ("Vollmacht", (
                "Hiermit bevollmächtige ich, ______________________ (Name, Vorname, "
                "Geburtsdatum), die folgende Person, für mich eine Meldebescheinigung beim "
                "Bürgeramt der Stadt Jena zu beantragen und entgegenzunehmen:",
                "Name, Vorname der bevollmächtigten Person: ______________________",
                "Die bevollmächtigte Person legt ihren eigenen Personalausweis und meinen "
                "Ausweis oder eine Kopie davon vor.")),
            ("Gebühr", ("Die einfache Meldebescheinigung kostet 5 Euro.",)),
        )),
    SampleDocument(
        path="dokumente/verkehr/antrag-sondernutzung.odt", kind="odt",
        heading="Antrag auf Sondernutzung öffentlicher Verkehrsflächen",
        meta_title="Antrag Sondernutzung öffentlicher Verkehrsflächen", date="2026-01-27",
        linked_from="verkehr-mobilitaet/sondernutzung.html",
        link_text="Antrag Sondernutzung (OpenDocument)",
        sections=(
            ("Art der Nutzung", (
                "Aufstellen eines Containers, Baugerüst, Umzugswagen mit Halteverbot, "
                "Außengastronomie oder Informationsstand: ______________________",
                "Ort und Fläche in Quadratmetern: ______________________")),
            ("Zeitraum", (
                "Vom ____________ bis ____________. Der Antrag ist spätestens zwei Wochen vor "
                "Beginn der Nutzung zu stellen.",)),
            ("Gebühren", (
                "Die Gebühr richtet sich nach der Sondernutzungssatzung und beträgt für "
                "Baustelleneinrichtungen 1,50 Euro je Quadratmeter und Woche.",)),
        )),
    SampleDocument(
        path="dokumente/familie/anmeldung-musikschule.odt", kind="odt",
        heading="Anmeldung zum Unterricht an der Musik- und Kunstschule Jena",
        meta_title=None, date="2025-08-25",
        linked_from="familie-bildung/musikschule.html",
        link_text="Anmeldeformular Musikschule",
        sections=(
            ("Schülerin oder Schüler", (
                "Name, Vorname: ______________________   Geburtsdatum: __________",
                "Gewünschtes Instrument oder Fach: Klavier, Geige, Gitarre, Gesang, Malerei",)),
            ("Unterrichtsform", (
                "Einzelunterricht 30 oder 45 Minuten, Gruppenunterricht, Ensemble. Die "
                "Entgelte stehen in der Entgeltordnung der Musik- und Kunstschule.",)),
        )),
    SampleDocument(
        path="dokumente/wirtschaft/checkliste-existenzgruendung.docx", kind="docx",
        heading="Checkliste für Gründerinnen und Gründer",
        meta_title=None, date="2025-11-03", linked_from=None, link_text=None,
        sections=(
            ("Vor der Gründung", (
                "Geschäftsidee prüfen, Businessplan schreiben, Finanzierung klären, "
                "Beratung der Wirtschaftsförderung Jena in Anspruch nehmen.",)),
            ("Anmeldungen", (
                "Gewerbeanmeldung beim Gewerbeamt, Fragebogen zur steuerlichen Erfassung beim "
                "Finanzamt, Anmeldung bei der Industrie- und Handelskammer oder der "
                "Handwerkskammer, Krankenversicherung und Rentenversicherung klären.",)),
        )),
)
