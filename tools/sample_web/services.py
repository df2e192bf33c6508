"""The services and topics of the sample city web: invented German texts, one entry each.

Every entry becomes a service page in the sections "In Kürze", "Unterlagen", "Kosten",
"Details" and "Kontakt". ``area`` names the office (see ``offices.py``) and the host the page
lives on. All names, fees and addresses are invented for testing; nothing here is real
information.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Service:
    """One service or topic page."""

    key: str
    title: str
    area: str
    short: str
    documents: tuple[str, ...]
    costs: str
    details: str


def _s(key: str, title: str, area: str, short: str, documents: str, costs: str,
       details: str) -> Service:
    return Service(key, title, area, short, tuple(d.strip() for d in documents.split(";")),
                   costs, details)


SERVICES: tuple[Service, ...] = (
    # Bürgerservice: Meldewesen und Ausweise
    _s("wohnung-ummelden", "Wohnung ummelden", "buergerservice",
       "Wer innerhalb der Stadt in eine andere Wohnung zieht, meldet die neue Anschrift innerhalb "
       "von zwei Wochen nach dem Einzug beim Bürgerservice. Auch wenn aus der Hauptwohnung eine "
       "Nebenwohnung wird, ist eine Ummeldung nötig.",
       "gültiger Personalausweis oder Reisepass; Wohnungsgeberbestätigung des Vermieters; "
       "Zulassungsbescheinigung Teil I, falls ein Fahrzeug auf Sie zugelassen ist",
       "Die Ummeldung ist gebührenfrei. Das neue Adressetikett für den Fahrzeugschein kostet "
       "11,00 Euro.",
       "Vor dem Einzug ist keine Ummeldung möglich. Die Ummeldung einer Nebenwohnung kann auch "
       "schriftlich per E-Mail mit eingescannten Unterlagen beantragt werden."),
    _s("wohnsitz-anmelden", "Wohnsitz anmelden nach Zuzug", "buergerservice",
       "Wenn Sie neu nach Jena ziehen, melden Sie sich innerhalb von zwei Wochen beim "
       "Bürgerservice an. Die Anmeldung gilt für alle Personen, die mit Ihnen einziehen.",
       "Personalausweis oder Reisepass aller einziehenden Personen; Wohnungsgeberbestätigung; "
       "bei Kindern die Geburtsurkunde",
       "Die Anmeldung ist gebührenfrei. Eine Meldebestätigung erhalten Sie kostenlos.",
       "Studierende, die erstmals ihren Hauptwohnsitz in Jena anmelden, erhalten einmalig ein "
       "Begrüßungsgeld. Wer die Frist versäumt, muss mit einem Bußgeld rechnen."),
    _s("wohnsitz-abmelden", "Wohnsitz abmelden bei Wegzug ins Ausland", "buergerservice",
       "Wer Deutschland verlässt und keine Wohnung im Inland behält, meldet sich beim "
       "Bürgerservice ab. Die Abmeldung ist frühestens eine Woche vor dem Auszug möglich.",
       "Personalausweis oder Reisepass; neue Anschrift im Ausland, soweit bekannt",
       "Die Abmeldung ist gebührenfrei.",
       "Bei einem Umzug innerhalb Deutschlands müssen Sie sich nicht abmelden; die Anmeldung am "
       "neuen Wohnort genügt. Die Abmeldung kann auch schriftlich mit dem Abmeldeformular erfolgen."),
    _s("meldebescheinigung", "Meldebescheinigung beantragen", "buergerservice",
       "Eine Meldebescheinigung bestätigt, unter welcher Anschrift Sie in Jena gemeldet sind. "
       "Sie wird zum Beispiel von Arbeitgebern, Banken oder Hochschulen verlangt.",
       "Personalausweis oder Reisepass; bei Vertretung eine schriftliche Vollmacht",
       "Einfache Meldebescheinigung 7,00 Euro, erweiterte Meldebescheinigung 12,00 Euro.",
       "Die Bescheinigung kann auch online über das Serviceportal beantragt und per Post "
       "zugeschickt werden. Eine erweiterte Bescheinigung enthält frühere Anschriften."),
    _s("personalausweis", "Personalausweis beantragen", "buergerservice",
       "Den Personalausweis beantragen Sie persönlich im Bürgerservice. Ab dem 16. Geburtstag "
       "muss jede Deutsche und jeder Deutsche einen gültigen Ausweis oder Reisepass besitzen.",
       "bisheriger Ausweis oder Reisepass; ein digitales biometrisches Lichtbild; bei der "
       "ersten Beantragung die Geburtsurkunde",
       "Ab 24 Jahren 37,00 Euro, unter 24 Jahren 22,80 Euro, vorläufiger Ausweis 10,00 Euro.",
       "Die Herstellung dauert etwa drei bis vier Wochen. Die Geheimnummer für die Online-Ausweisfunktion "
       "kommt getrennt per Brief. Für die Abholung brauchen Sie keinen Termin."),
    _s("reisepass", "Reisepass und Kinderreisepass beantragen", "buergerservice",
       "Für Reisen in viele Länder außerhalb Europas brauchen Sie einen Reisepass. Kinder "
       "erhalten einen Reisepass mit kürzerer Gültigkeit.",
       "bisheriger Pass oder Personalausweis; biometrisches Lichtbild; bei Kindern die "
       "Zustimmung beider Sorgeberechtigter",
       "Ab 24 Jahren 70,00 Euro, unter 24 Jahren 37,50 Euro, Expresspass zusätzlich 32,00 Euro.",
       "Ein Expresspass ist nach etwa drei Werktagen fertig. Der Kinderreisepass wird seit 2024 "
       "nicht mehr ausgestellt; Kinder erhalten einen elektronischen Reisepass."),
    _s("ausweis-verloren", "Verlust oder Diebstahl von Ausweis und Pass melden", "buergerservice",
       "Ist Ihr Personalausweis oder Reisepass verloren gegangen oder gestohlen worden, melden "
       "Sie dies sofort dem Bürgerservice oder der Polizei. Die Online-Funktion lässt sich "
       "telefonisch sperren.",
       "Verlustanzeige oder Anzeige bei der Polizei; ein anderes Dokument mit Lichtbild, "
       "soweit vorhanden",
       "Die Verlustanzeige ist gebührenfrei; für den neuen Ausweis gelten die üblichen Gebühren.",
       "Wird das verlorene Dokument wiedergefunden, geben Sie es im Bürgerservice ab, denn es "
       "ist nicht mehr gültig."),
    _s("fuehrungszeugnis", "Führungszeugnis beantragen", "buergerservice",
       "Ein Führungszeugnis wird oft für einen neuen Arbeitsplatz oder ein Ehrenamt mit "
       "Kindern und Jugendlichen verlangt. Es wird beim Bundesamt für Justiz ausgestellt, der "
       "Antrag läuft über den Bürgerservice.",
       "Personalausweis oder Reisepass; für das erweiterte Zeugnis die schriftliche "
       "Aufforderung der Stelle, die es verlangt",
       "13,00 Euro; für ehrenamtlich Tätige ist das Zeugnis auf Antrag gebührenfrei.",
       "Das Zeugnis wird in der Regel innerhalb von zwei Wochen per Post zugestellt. Der Antrag "
       "ist auch online mit der Ausweisfunktion möglich."),
    _s("melderegisterauskunft", "Melderegisterauskunft über andere Personen", "buergerservice",
       "Wer die Anschrift einer anderen Person braucht, etwa für eine Forderung, kann eine "
       "einfache Melderegisterauskunft beantragen.",
       "Name, Vorname und letzte bekannte Anschrift der gesuchten Person; Geburtsdatum, falls "
       "bekannt",
       "10,00 Euro je Auskunft, auch wenn keine Person gefunden wird.",
       "Ist für die Person eine Auskunftssperre eingetragen, erhalten Sie keine Anschrift."),
    _s("auskunftssperre", "Auskunftssperre im Melderegister eintragen", "buergerservice",
       "Wer durch die Herausgabe seiner Anschrift in Gefahr geraten könnte, kann eine "
       "Auskunftssperre eintragen lassen. Dann gibt die Meldebehörde keine Adresse heraus.",
       "schriftlicher Antrag mit Begründung; Nachweise der Gefährdung, zum Beispiel eine "
       "Anzeige oder ein Schreiben einer Beratungsstelle",
       "Die Eintragung ist gebührenfrei.",
       "Die Sperre gilt zwei Jahre und kann verlängert werden. Gegen Werbung und Adresshandel "
       "genügt ein einfacher Widerspruch."),
    _s("beglaubigung", "Kopien und Unterschriften beglaubigen lassen", "buergerservice",
       "Der Bürgerservice beglaubigt Abschriften und Kopien von Dokumenten, die eine Behörde "
       "ausgestellt hat, und Unterschriften auf Schriftstücken für Behörden.",
       "das Original; die Kopie; Personalausweis bei Unterschriften",
       "Je Seite 5,00 Euro, jede weitere Seite desselben Dokuments 2,00 Euro.",
       "Zeugnisse von Hochschulen und Urkunden aus dem Ausland beglaubigt in der Regel die "
       "ausstellende Stelle oder ein Notar."),
    _s("fundbuero", "Fundbüro: Fundsachen abgeben und suchen", "buergerservice",
       "Im Fundbüro werden Gegenstände aufbewahrt, die im Stadtgebiet gefunden wurden, etwa "
       "Schlüssel, Handys, Geldbörsen und Fahrräder.",
       "Beschreibung des verlorenen Gegenstands; Nachweis des Eigentums, zum Beispiel ein "
       "Kaufbeleg",
       "Für die Aufbewahrung wird eine Gebühr nach Wert erhoben, mindestens 5,00 Euro.",
       "Fundsachen werden sechs Monate aufbewahrt und danach versteigert. Was in Bus und "
       "Straßenbahn liegen bleibt, sammelt zunächst das Verkehrsunternehmen."),
    # Kfz und Führerschein
    _s("kfz-zulassung", "Fahrzeug zulassen oder umschreiben", "kfz",
       "Ein neues oder gebrauchtes Auto, Motorrad oder einen Anhänger melden Sie bei der "
       "Zulassungsbehörde an. Auch nach einem Kauf wird das Fahrzeug auf den neuen Halter "
       "umgeschrieben.",
       "Personalausweis; Zulassungsbescheinigung Teil I und II; Nachweis der Versicherung "
       "(eVB-Nummer); SEPA-Mandat für die Kfz-Steuer",
       "Die Gebühren liegen je nach Fall zwischen 27 und 40 Euro, dazu kommen die Kennzeichen.",
       "Die Zulassung ist auch online möglich, wenn die Dokumente Sicherheitscodes haben. "
       "Händler und Zulassungsdienste nutzen einen eigenen Schalter."),
    _s("kfz-abmeldung", "Fahrzeug abmelden (außer Betrieb setzen)", "kfz",
       "Wird ein Fahrzeug nicht mehr gefahren, verschrottet oder ins Ausland verkauft, setzen "
       "Sie es bei der Zulassungsbehörde außer Betrieb.",
       "Zulassungsbescheinigung Teil I; beide Kennzeichenschilder; bei Verschrottung der "
       "Verwertungsnachweis",
       "13,10 Euro.",
       "Die Abmeldung geht auch online, wenn die Plaketten einen freigelegten Code haben. Die "
       "Kfz-Steuer und die Versicherung enden automatisch."),
    _s("wunschkennzeichen", "Wunschkennzeichen reservieren", "kfz",
       "Ein Kennzeichen mit Ihren Wunschbuchstaben und Wunschzahlen können Sie vorab online "
       "reservieren. Die Reservierung gilt 90 Tage.",
       "Reservierungsbestätigung; die Unterlagen für die Zulassung",
       "Reservierung 12,80 Euro zusätzlich zur Zulassungsgebühr.",
       "Das Kürzel J für Jena ist fest; frei wählbar sind ein oder zwei Buchstaben und bis zu "
       "vier Ziffern."),
    _s("fuehrerschein", "Führerschein beantragen und umtauschen", "kfz",
       "Für die erste Fahrerlaubnis stellen Sie den Antrag bei der Fahrerlaubnisbehörde, meist "
       "über die Fahrschule. Alte Papierführerscheine und Kartenführerscheine müssen bis zu "
       "festen Fristen umgetauscht werden.",
       "biometrisches Lichtbild; Sehtest; Nachweis über den Erste-Hilfe-Kurs; beim Umtausch "
       "der alte Führerschein",
       "Ersterteilung 43,40 Euro, Umtausch 25,30 Euro.",
       "Wer zwischen 1971 und 1998 geboren ist und noch einen Papierführerschein hat, muss "
       "diesen bereits umgetauscht haben. Ein internationaler Führerschein kostet 16,70 Euro."),
    _s("bewohnerparkausweis", "Bewohnerparkausweis beantragen", "kfz",
       "In Bewohnerparkgebieten der Innenstadt dürfen Anwohnerinnen und Anwohner mit "
       "Parkausweis ohne Parkschein parken. Der Ausweis gilt für ein Fahrzeug und eine Zone.",
       "Zulassungsbescheinigung Teil I; Meldebestätigung mit Hauptwohnung in der Zone; bei "
       "Firmenwagen eine Bestätigung des Arbeitgebers",
       "30,70 Euro für ein Jahr.",
       "Ein Anspruch auf einen freien Parkplatz besteht nicht. Besucherparkscheine für Gäste "
       "gibt es im Zehnerpack."),
    _s("parkerleichterung", "Parkausweis für Menschen mit Behinderung", "kfz",
       "Menschen mit bestimmten Merkzeichen im Schwerbehindertenausweis dürfen auf "
       "Behindertenparkplätzen parken. Den blauen oder orangefarbenen Parkausweis stellt die "
       "Straßenverkehrsbehörde aus.",
       "Schwerbehindertenausweis; Bescheid des Versorgungsamtes; ein Passbild",
       "Die Ausstellung ist gebührenfrei.",
       "Der blaue EU-Parkausweis gilt in ganz Europa. Ein persönlicher Parkplatz vor der "
       "Wohnung kann gesondert beantragt werden."),
    # Standesamt
    _s("geburt-beurkunden", "Geburt anzeigen und beurkunden", "standesamt",
       "Jede Geburt in Jena wird beim Standesamt beurkundet. Die Klinik meldet die Geburt, die "
       "Eltern reichen die Unterlagen nach.",
       "Geburtsurkunden der Eltern; Eheurkunde, falls verheiratet; Personalausweise; bei "
       "unverheirateten Eltern die Vaterschaftsanerkennung",
       "Die erste Geburtsurkunde ist gebührenfrei, jede weitere kostet 12,00 Euro.",
       "Zusätzliche Urkunden für Elterngeld, Kindergeld und Krankenkasse werden gebührenfrei "
       "ausgestellt."),
    _s("eheschliessung", "Eheschließung anmelden und heiraten", "standesamt",
       "Wer heiraten möchte, meldet die Eheschließung beim Standesamt des Wohnorts an. Die "
       "Trauung kann im Standesamt oder an besonderen Orten stattfinden.",
       "Personalausweis oder Reisepass; erweiterte Meldebescheinigung; beglaubigter Ausdruck "
       "aus dem Geburtenregister",
       "Anmeldung 50,00 Euro, Trauung außerhalb der Öffnungszeiten zusätzlich 80,00 Euro.",
       "Die Anmeldung ist höchstens sechs Monate vor dem Termin möglich. Trauorte sind unter "
       "anderem das Historische Rathaus und der Botanische Garten."),
    _s("sterbefall", "Sterbefall beurkunden", "standesamt",
       "Ein Todesfall muss spätestens am dritten Werktag beim Standesamt angezeigt werden. "
       "Meist übernimmt das ein Bestattungsunternehmen.",
       "Totenschein; Geburtsurkunde oder Eheurkunde der verstorbenen Person; Personalausweis",
       "Sterbeurkunde 12,00 Euro, jede weitere 6,00 Euro.",
       "Sterbeurkunden für Rente und Versicherung werden gebührenfrei ausgestellt."),
    _s("namensaenderung", "Namen ändern oder Namenserklärung abgeben", "standesamt",
       "Nach Heirat, Scheidung oder bei Kindern kann der Familienname durch eine Erklärung "
       "beim Standesamt geändert werden. Eine öffentlich-rechtliche Namensänderung ist nur aus "
       "wichtigem Grund möglich.",
       "Personalausweis; Geburtsurkunde; Eheurkunde oder Scheidungsurteil",
       "Namenserklärung 30,00 Euro, öffentlich-rechtliche Namensänderung bis 1.500 Euro.",
       "Seit 2025 können auch Doppelnamen für Ehepaare und Kinder gewählt werden."),
    _s("kirchenaustritt", "Kirchenaustritt erklären", "standesamt",
       "Den Austritt aus einer Kirche oder Religionsgemeinschaft erklären Sie persönlich beim "
       "Standesamt. Er wird mit dem Ende des Tages wirksam.",
       "Personalausweis oder Reisepass; bei Verheirateten die Eheurkunde",
       "30,00 Euro.",
       "Die Kirchensteuer endet mit dem Ende des Monats, in dem der Austritt erklärt wurde."),
    # Steuern und Abgaben
    _s("hundesteuer", "Hund anmelden und Hundesteuer", "steuern",
       "Wer in Jena einen Hund hält, meldet ihn innerhalb von zwei Wochen bei der "
       "Steuerverwaltung an. Sie erhalten eine Hundesteuermarke.",
       "Anmeldeformular; bei Ermäßigung ein Nachweis, etwa über die Begleithundprüfung",
       "Erster Hund 120 Euro im Jahr, jeder weitere Hund 180 Euro, gefährliche Hunde 600 Euro.",
       "Hunde aus dem Tierheim sind im ersten Jahr steuerfrei. Beim Umzug oder Tod des Hundes "
       "melden Sie ihn wieder ab."),
    _s("zweitwohnungssteuer", "Zweitwohnungssteuer", "steuern",
       "Wer in Jena eine Nebenwohnung hat, zahlt Zweitwohnungssteuer. Studierende, die ihren "
       "Hauptwohnsitz nach Jena verlegen, zahlen sie nicht.",
       "Steuererklärung zur Zweitwohnung; Mietvertrag mit Angabe der Kaltmiete",
       "12 Prozent der jährlichen Kaltmiete.",
       "Verheiratete, die aus beruflichen Gründen eine Zweitwohnung nutzen, können befreit "
       "werden."),
    _s("grundsteuer", "Grundsteuer", "steuern",
       "Eigentümerinnen und Eigentümer von Grundstücken zahlen Grundsteuer an die Stadt. Der "
       "Bescheid kommt zu Beginn des Jahres.",
       "Grundsteuermessbescheid des Finanzamts; Angaben zur Bankverbindung",
       "Der Hebesatz beträgt 520 Prozent für Grundsteuer B.",
       "Seit 2025 gilt die neue Bewertung. Einwände gegen den Wert richten Sie an das Finanzamt, "
       "nicht an die Stadt."),
    _s("gewerbesteuer", "Gewerbesteuer", "steuern",
       "Gewerbebetriebe in Jena zahlen Gewerbesteuer. Grundlage ist der Messbescheid des "
       "Finanzamts.",
       "Gewerbesteuermessbescheid; Vorauszahlungsbescheid",
       "Der Hebesatz beträgt 450 Prozent.",
       "Vorauszahlungen sind am 15. Februar, 15. Mai, 15. August und 15. November fällig."),
    # Gewerbe und Ordnung
    _s("gewerbe-anmelden", "Gewerbe anmelden", "gewerbe",
       "Wer ein Gewerbe beginnt, zeigt das beim Gewerbeamt an. Die Anmeldung ist auch online "
       "möglich.",
       "Personalausweis; bei Handwerk die Eintragung in die Handwerksrolle; bei "
       "erlaubnispflichtigen Gewerben die Erlaubnis",
       "26,00 Euro, online 20,00 Euro.",
       "Das Gewerbeamt informiert Finanzamt, Berufsgenossenschaft und Kammer. Freie Berufe "
       "brauchen keine Gewerbeanmeldung."),
    _s("gewerbe-abmelden", "Gewerbe abmelden oder ummelden", "gewerbe",
       "Geben Sie Ihr Gewerbe auf oder verlegen Sie den Betrieb, melden Sie das dem Gewerbeamt.",
       "Personalausweis; Gewerbeanmeldung",
       "Abmeldung 15,00 Euro, Ummeldung 20,00 Euro.",
       "Die Abmeldung muss gleichzeitig mit der Aufgabe des Betriebs erfolgen."),
    _s("gaststaettenerlaubnis", "Gaststätte eröffnen", "gewerbe",
       "Wer alkoholische Getränke ausschenkt, braucht eine Gaststättenerlaubnis. Für einen "
       "Außenbereich auf dem Gehweg kommt eine Sondernutzungserlaubnis hinzu.",
       "Führungszeugnis; Auszug aus dem Gewerbezentralregister; Unterrichtungsnachweis der "
       "IHK; Grundriss der Räume",
       "250 bis 1.500 Euro, je nach Größe.",
       "Ein vorübergehender Ausschank bei Festen wird gesondert gestattet."),
    _s("veranstaltung-anmelden", "Veranstaltung anmelden", "gewerbe",
       "Stadtteilfeste, Flohmärkte und Konzerte im Freien melden Sie beim Ordnungsamt an. "
       "Größere Veranstaltungen brauchen ein Sicherheitskonzept.",
       "Antragsformular mit Lageplan; Angaben zu Besucherzahl und Zeiten; bei Ausschank die "
       "Gestattung",
       "30 bis 500 Euro nach Aufwand.",
       "Anträge sollen mindestens acht Wochen vorher eingehen. Für Straßensperrungen ist die "
       "Verkehrsbehörde zuständig."),
    _s("ruhestoerung", "Lärm und Ruhestörung melden", "ordnung",
       "Bei anhaltendem Lärm in der Nacht, lauten Partys oder Baulärm am Sonntag hilft das "
       "Ordnungsamt. Nachts erreichen Sie die Polizei.",
       "Ort, Zeitpunkt und Art der Störung; Name und Anschrift für Rückfragen",
       "Die Meldung ist kostenfrei.",
       "Die Nachtruhe gilt von 22 bis 6 Uhr. Bei Streit mit Nachbarn vermittelt die "
       "Schiedsstelle."),
    _s("fundtiere", "Fundtiere und Tierheim", "ordnung",
       "Wer ein entlaufenes oder ausgesetztes Tier findet, meldet es dem Ordnungsamt. Die Tiere "
       "kommen ins Tierheim.",
       "Beschreibung des Tieres und des Fundorts; Foto, wenn möglich",
       "Für die Unterbringung zahlt der Halter die Kosten des Tierheims.",
       "Vermisste Katzen und Hunde können im Tierheim gemeldet werden. Gechipte Tiere finden "
       "schneller nach Hause."),
    _s("plakatierung", "Plakate aufstellen", "ordnung",
       "Werbung mit Plakaten auf Gehwegen und an Laternen braucht eine Erlaubnis. Vor Wahlen "
       "gelten eigene Regeln für Parteien.",
       "Antrag mit Anzahl und Standorten; Muster des Plakats",
       "Je Plakat und Woche 1,00 Euro, mindestens 25,00 Euro.",
       "Plakate müssen spätestens eine Woche nach der Veranstaltung entfernt werden."),
    _s("waffenbesitzkarte", "Waffenbesitzkarte und Waffenschein", "ordnung",
       "Wer eine Schusswaffe besitzen will, braucht eine Waffenbesitzkarte. Jägerinnen, "
       "Jäger und Sportschützen beantragen sie bei der Waffenbehörde.",
       "Jagdschein oder Bedürfnisnachweis des Schützenvereins; Sachkundenachweis; "
       "Personalausweis",
       "Ab 60 Euro.",
       "Waffen müssen in einem zertifizierten Waffenschrank aufbewahrt werden. Die Behörde "
       "prüft die Aufbewahrung vor Ort."),
    _s("fischereischein", "Fischereischein beantragen", "ordnung",
       "Wer in der Saale oder in Teichen angeln möchte, braucht einen Fischereischein und eine "
       "Angelkarte des Pächters.",
       "Zeugnis über die bestandene Fischerprüfung; Passbild; Personalausweis",
       "Fischereischein auf Lebenszeit 40,00 Euro, Fischereiabgabe 12,00 Euro im Jahr.",
       "Kinder zwischen 10 und 14 Jahren erhalten einen Jugendfischereischein ohne Prüfung."),
    _s("briefwahl", "Briefwahl beantragen", "wahlen",
       "Sie können bei jeder Wahl per Brief wählen. Den Wahlschein beantragen Sie online, mit "
       "der Wahlbenachrichtigung oder im Wahlbüro.",
       "Wahlbenachrichtigung oder Angaben zu Name, Geburtsdatum und Anschrift",
       "Die Briefwahl ist kostenfrei, auch das Porto für den Rückumschlag.",
       "Der Wahlbrief muss am Wahltag um 18 Uhr beim Wahlamt sein. Im Briefwahlbüro kann man "
       "sofort vor Ort wählen."),
    _s("wahlhelfer", "Wahlhelferin oder Wahlhelfer werden", "wahlen",
       "Für jede Wahl sucht die Stadt rund 1.500 Wahlhelferinnen und Wahlhelfer. Sie zählen "
       "am Wahlabend die Stimmen aus.",
       "Anmeldeformular; Angaben zu bevorzugtem Wahllokal",
       "Sie erhalten ein Erfrischungsgeld von 50 Euro, Vorsteher 70 Euro.",
       "Eine kurze Schulung wird vor jeder Wahl angeboten."),
    _s("einbuergerung", "Einbürgerung beantragen", "auslaender",
       "Wer seit mindestens fünf Jahren rechtmäßig in Deutschland lebt, kann unter weiteren "
       "Bedingungen eingebürgert werden. Die Einbürgerungsbehörde berät vor dem Antrag.",
       "Antragsformular; Nachweis über Deutschkenntnisse (B1); Einbürgerungstest; "
       "Nachweise über Einkommen",
       "255 Euro, für Kinder 51 Euro.",
       "Mehrere Staatsangehörigkeiten sind seit 2024 grundsätzlich erlaubt. Die Urkunde wird "
       "in einer Feier im Rathaus überreicht."),
    _s("aufenthaltstitel", "Aufenthaltserlaubnis verlängern", "auslaender",
       "Die Ausländerbehörde verlängert Aufenthaltstitel für Studium, Arbeit oder Familie. "
       "Stellen Sie den Antrag spätestens sechs Wochen vor Ablauf.",
       "Reisepass; biometrisches Lichtbild; Nachweis über Krankenversicherung und "
       "Lebensunterhalt; Arbeitsvertrag oder Studienbescheinigung",
       "Bis zu 98 Euro.",
       "Der Antrag wird online gestellt. Wer rechtzeitig beantragt, erhält eine "
       "Fiktionsbescheinigung."),
    _s("verpflichtungserklaerung", "Verpflichtungserklärung für Besuch aus dem Ausland",
       "auslaender",
       "Wer Gäste aus Ländern mit Visumpflicht einlädt, muss oft erklären, für ihre Kosten "
       "aufzukommen. Die Erklärung geben Sie bei der Ausländerbehörde ab.",
       "Personalausweis; Einkommensnachweise der letzten drei Monate; Mietvertrag; Daten der "
       "Gäste aus dem Pass",
       "29,00 Euro.",
       "Die Erklärung gilt für die gesamte Aufenthaltsdauer und bis zu fünf Jahre danach."),
    # Soziales und Familie
    _s("wohngeld", "Wohngeld beantragen", "soziales",
       "Wohngeld ist ein Zuschuss zur Miete oder zu den Kosten für selbst genutztes Eigentum. "
       "Es hilft Haushalten mit kleinem Einkommen.",
       "Antrag; Mietvertrag und Mietbescheinigung; Einkommensnachweise aller Haushaltsmitglieder",
       "Die Bearbeitung ist kostenfrei.",
       "Wohngeld wird in der Regel für zwölf Monate bewilligt. Stellen Sie den Folgeantrag zwei "
       "Monate vor Ablauf."),
    _s("wohnberechtigungsschein", "Wohnberechtigungsschein (WBS)", "soziales",
       "Für eine geförderte Sozialwohnung brauchen Sie einen Wohnberechtigungsschein. Er wird "
       "bei geringem Einkommen ausgestellt.",
       "Antrag; Einkommensnachweise; Personalausweis",
       "Gebührenfrei.",
       "Der Schein gilt ein Jahr. Freie Sozialwohnungen vergeben die Wohnungsgesellschaften."),
    _s("grundsicherung", "Grundsicherung im Alter und bei Erwerbsminderung", "soziales",
       "Wer wegen Alter oder dauerhafter Krankheit nicht genug zum Leben hat, kann Grundsicherung "
       "erhalten. Zuständig ist der Fachdienst Soziales.",
       "Antrag; Rentenbescheid; Kontoauszüge; Mietvertrag",
       "Kostenfrei.",
       "Kinder mit einem Einkommen unter 100.000 Euro im Jahr werden nicht herangezogen."),
    _s("pflegeberatung", "Pflegeberatung und Pflegestützpunkt", "soziales",
       "Der Pflegestützpunkt berät Pflegebedürftige und Angehörige kostenlos zu Pflegegrad, "
       "Hilfen im Alltag und Heimplätzen.",
       "Für die Beratung brauchen Sie keine Unterlagen; hilfreich ist ein vorhandener Bescheid "
       "der Pflegekasse",
       "Die Beratung ist kostenfrei.",
       "Auf Wunsch kommen die Beraterinnen zu Ihnen nach Hause."),
    _s("jenapass", "Jena-Pass für Ermäßigungen", "soziales",
       "Mit dem Jena-Pass erhalten Menschen mit kleinem Einkommen Rabatte im Schwimmbad, im "
       "Theater, in der Bibliothek und im Nahverkehr.",
       "Bescheid über Bürgergeld, Grundsicherung, Wohngeld oder Kinderzuschlag; Lichtbild",
       "Der Pass ist kostenlos.",
       "Das Sozialticket für Bus und Straßenbahn kostet mit dem Jena-Pass 29 Euro im Monat."),
    _s("schwerbehindertenausweis", "Schwerbehindertenausweis", "soziales",
       "Den Ausweis beantragen Sie beim Versorgungsamt. Die Stadt hilft beim Ausfüllen und "
       "berät zu Nachteilsausgleichen.",
       "ärztliche Befunde; Passbild; Personalausweis",
       "Gebührenfrei.",
       "Mit dem Merkzeichen G fahren Sie mit einer Wertmarke in Bus und Bahn."),
    _s("kitaplatz", "Kitaplatz beantragen", "familie",
       "Jedes Kind hat ab dem ersten Geburtstag einen Anspruch auf einen Platz in einer "
       "Kindertagesstätte oder bei einer Tagesmutter. Die Anmeldung läuft über das Kita-Portal.",
       "Anmeldung im Kita-Portal; Geburtsurkunde des Kindes",
       "Die Anmeldung ist kostenfrei; zu den Elternbeiträgen siehe eigene Seite.",
       "Melden Sie Ihr Kind mindestens sechs Monate vor dem gewünschten Beginn an. Sie können "
       "bis zu drei Wunsch-Kitas nennen."),
    _s("elternbeitraege", "Elternbeiträge für Kita und Hort", "familie",
       "Für die Betreuung in Kindertagesstätten zahlen Eltern einen Beitrag nach Einkommen. "
       "Das letzte Kitajahr vor der Schule ist beitragsfrei.",
       "Einkommenserklärung; Nachweise über das Einkommen",
       "Zwischen 0 und 250 Euro im Monat, dazu das Essengeld.",
       "Geschwisterkinder werden ermäßigt. Bei Bürgergeld übernimmt die Stadt den Beitrag."),
    _s("schulanmeldung", "Schulanmeldung und Einschulung", "familie",
       "Kinder, die bis zum 1. August sechs Jahre alt werden, sind schulpflichtig. Die "
       "Anmeldung an der Grundschule erfolgt im Herbst des Vorjahres.",
       "Geburtsurkunde; Meldebestätigung; Nachweis über die Masernimpfung",
       "Kostenfrei.",
       "Jede Adresse gehört zu einem Schulbezirk. Ein Wechsel in einen anderen Bezirk ist auf "
       "Antrag möglich."),
    _s("schuelerbefoerderung", "Schülerbeförderung und Fahrtkosten", "familie",
       "Schülerinnen und Schüler mit langem Schulweg erhalten eine Schülerfahrkarte oder die "
       "Kosten erstattet.",
       "Antrag; Schulbescheinigung",
       "Kostenfrei bis Klasse 10.",
       "Der Schulweg muss für Grundschüler mehr als zwei Kilometer betragen, ab Klasse 5 mehr "
       "als drei Kilometer."),
    _s("bildung-teilhabe", "Bildungs- und Teilhabepaket", "familie",
       "Kinder aus Familien mit Bürgergeld, Wohngeld oder Kinderzuschlag erhalten Zuschüsse für "
       "Klassenfahrten, Schulbedarf, Nachhilfe, Mittagessen und Vereinsbeiträge.",
       "Antrag; Leistungsbescheid; Rechnung oder Bestätigung der Schule oder des Vereins",
       "Kostenfrei.",
       "Für Sport, Musik und Freizeit gibt es 15 Euro im Monat."),
    _s("unterhaltsvorschuss", "Unterhaltsvorschuss", "familie",
       "Wenn ein Elternteil keinen oder zu wenig Unterhalt für das Kind zahlt, springt das "
       "Jugendamt mit dem Unterhaltsvorschuss ein.",
       "Antrag; Geburtsurkunde des Kindes; Nachweise über Unterhaltszahlungen",
       "Kostenfrei.",
       "Der Vorschuss wird bis zum 18. Geburtstag gezahlt. Das Jugendamt holt sich das Geld "
       "vom anderen Elternteil zurück."),
    _s("vaterschaft", "Vaterschaft anerkennen und Sorgeerklärung", "familie",
       "Sind die Eltern nicht verheiratet, kann der Vater die Vaterschaft beim Jugendamt "
       "kostenlos anerkennen. Die gemeinsame Sorge wird mit einer Sorgeerklärung begründet.",
       "Personalausweise beider Eltern; Geburtsurkunde des Kindes oder Mutterpass",
       "Beim Jugendamt kostenfrei.",
       "Die Anerkennung ist schon vor der Geburt möglich."),
    _s("erziehungsberatung", "Erziehungsberatung für Familien", "familie",
       "Bei Sorgen in der Familie, Streit in der Pubertät oder nach einer Trennung berät die "
       "Erziehungsberatungsstelle vertraulich.",
       "Keine Unterlagen nötig",
       "Kostenfrei.",
       "Jugendliche können auch ohne ihre Eltern kommen."),
    _s("ehrenamtscard", "Ehrenamtscard", "familie",
       "Wer sich mindestens fünf Stunden in der Woche ehrenamtlich engagiert, erhält die "
       "Ehrenamtscard mit Vergünstigungen in Museen, Bädern und Geschäften.",
       "Antrag; Bestätigung des Vereins über das Engagement",
       "Kostenfrei.",
       "Die Karte gilt drei Jahre in ganz Thüringen."),
    # Bauen
    _s("baugenehmigung", "Baugenehmigung beantragen", "bauen",
       "Für den Bau, Umbau oder die Nutzungsänderung eines Gebäudes brauchen Sie meist eine "
       "Baugenehmigung. Den Bauantrag reicht eine bauvorlageberechtigte Person ein.",
       "Bauantrag; Lageplan; Bauzeichnungen; Baubeschreibung; statische Berechnungen",
       "Die Gebühr richtet sich nach den Baukosten, mindestens 100 Euro.",
       "Kleine Vorhaben wie Gartenhäuser bis 10 Kubikmeter oder Carports bis 50 Quadratmeter "
       "sind verfahrensfrei. Der Antrag kann digital gestellt werden."),
    _s("bauvoranfrage", "Bauvoranfrage stellen", "bauen",
       "Mit einer Bauvoranfrage klären Sie vorab einzelne Fragen, zum Beispiel ob auf einem "
       "Grundstück überhaupt gebaut werden darf.",
       "Antrag mit konkreten Fragen; Lageplan; Skizzen",
       "50 bis 2.000 Euro.",
       "Der Vorbescheid gilt drei Jahre."),
    _s("abbruch", "Abbruch eines Gebäudes anzeigen", "bauen",
       "Der Abriss eines Gebäudes muss der Bauaufsicht einen Monat vorher angezeigt werden.",
       "Anzeige; Lageplan; Bestätigung über getrennte Versorgungsleitungen",
       "100 Euro.",
       "Bei Denkmalen braucht der Abbruch eine Erlaubnis der Denkmalschutzbehörde."),
    _s("denkmalschutz", "Denkmalrechtliche Erlaubnis", "bauen",
       "Wer ein Kulturdenkmal verändert, etwa Fenster tauscht oder eine Solaranlage auf das "
       "Dach setzt, braucht eine Erlaubnis der unteren Denkmalschutzbehörde.",
       "Antrag; Fotos; Zeichnungen der geplanten Änderung",
       "Gebührenfrei, wenn keine Baugenehmigung nötig ist.",
       "Für Arbeiten an Denkmalen gibt es Steuererleichterungen und Zuschüsse."),
    _s("hausnummer", "Hausnummer beantragen", "bauen",
       "Neue Gebäude erhalten eine Hausnummer vom Fachdienst Geodaten.",
       "Antrag; Lageplan",
       "45 Euro.",
       "Die Hausnummer muss von der Straße aus gut lesbar sein."),
    _s("aufgrabung", "Aufgrabung und Arbeiten im Straßenraum", "verkehr",
       "Wer für Leitungen oder Anschlüsse die Straße oder den Gehweg aufgraben muss, braucht "
       "eine Aufbruchgenehmigung.",
       "Antrag; Lageplan; Verkehrszeichenplan",
       "Ab 80 Euro.",
       "Der Antrag muss drei Wochen vor Beginn vorliegen."),
    _s("sondernutzung", "Gehweg und Straße nutzen (Sondernutzung)", "verkehr",
       "Gerüste, Container, Baustelleneinrichtungen oder Tische einer Gaststätte auf öffentlichem "
       "Grund brauchen eine Sondernutzungserlaubnis.",
       "Antrag; Skizze mit Maßen; Zeitraum",
       "Je nach Fläche und Dauer, mindestens 30 Euro.",
       "Freisitze der Gastronomie werden jeweils für eine Saison erlaubt."),
    _s("halteverbot-umzug", "Halteverbot für den Umzug", "verkehr",
       "Für den Umzugswagen können Sie vor dem Haus eine vorübergehende Halteverbotszone "
       "einrichten lassen.",
       "Antrag mit Anschrift und Zeitraum; Angabe der Länge der Zone",
       "Erlaubnis 35 Euro, dazu die Schilder eines Verleihers.",
       "Die Schilder müssen drei Tage vorher aufgestellt sein."),
    # Abfall (KSJ)
    _s("sperrmuell", "Sperrmüll abholen lassen", "ksj",
       "Möbel und große Gegenstände holt der Kommunalservice auf Abruf ab. Zweimal im Jahr "
       "ist die Abholung für Haushalte kostenlos.",
       "Anmeldung per Formular, Telefon oder E-Mail; Liste der Gegenstände",
       "Zwei Abholungen im Jahr sind in der Abfallgebühr enthalten, jede weitere kostet 35 Euro.",
       "Stellen Sie den Sperrmüll erst am Abend vor dem Termin an den Straßenrand. "
       "Elektrogeräte werden getrennt abgeholt."),
    _s("abfuhrtermine", "Abfuhrtermine und Abfallkalender", "ksj",
       "Wann Ihre Tonnen geleert werden, finden Sie im Abfallkalender nach Straße und "
       "Hausnummer. Die Termine gibt es auch in der Stadt-App.",
       "Keine",
       "Der gedruckte Abfallkalender ist kostenlos.",
       "Nach Feiertagen verschieben sich die Termine um einen Tag."),
    _s("biotonne", "Biotonne", "ksj",
       "In die braune Biotonne gehören Küchenabfälle und Gartenabfälle. Plastiktüten, auch "
       "kompostierbare, gehören nicht hinein.",
       "Bestellung über das Formular",
       "Die Biotonne ist in der Grundgebühr enthalten.",
       "Im Sommer wird die Tonne wöchentlich geleert."),
    _s("gelbe-tonne", "Gelbe Tonne und Verpackungen", "ksj",
       "Verpackungen aus Kunststoff, Metall und Verbundstoffen gehören in die gelbe Tonne. "
       "Spielzeug aus Plastik gehört in den Restmüll.",
       "Keine",
       "Kostenfrei, da über den Verpackungspreis bezahlt.",
       "Verpackungen bitte nicht ineinanderstecken und nur löffelrein einwerfen."),
    _s("wertstoffhof", "Wertstoffhöfe: Öffnungszeiten und Annahme", "ksj",
       "Auf den beiden Wertstoffhöfen können Sie Sperrmüll, Grünschnitt, Altholz, Elektrogeräte "
       "und Bauschutt in kleinen Mengen abgeben.",
       "Personalausweis als Nachweis des Wohnsitzes",
       "Kleinmengen aus Haushalten sind frei, Bauschutt kostet 10 Euro je Sack.",
       "Der Wertstoffhof Löbstedt ist im Sommer montags bis 19 Uhr geöffnet."),
    _s("schadstoffmobil", "Schadstoffmobil: Farben und Chemikalien", "ksj",
       "Farbreste, Lacke, Batterien, Altöl und Pflanzenschutzmittel nimmt das Schadstoffmobil "
       "an festen Haltestellen an.",
       "Keine",
       "Haushaltsübliche Mengen sind kostenlos.",
       "Die Haltestellen und Zeiten stehen im Abfallkalender."),
    _s("elektroschrott", "Elektroschrott und Altgeräte entsorgen", "ksj",
       "Kühlschränke, Waschmaschinen, Fernseher und kleine Elektrogeräte geben Sie am "
       "Wertstoffhof ab oder lassen sie abholen.",
       "Anmeldung für die Abholung",
       "Kostenfrei.",
       "Kleine Geräte nehmen auch große Elektromärkte zurück."),
    _s("weihnachtsbaum", "Weihnachtsbäume entsorgen", "ksj",
       "Abgeschmückte Weihnachtsbäume holt der Kommunalservice im Januar an den Tagen der "
       "Bioabfuhr ab.",
       "Keine",
       "Kostenfrei.",
       "Die Bäume dürfen höchstens 1,50 Meter lang sein und keine Kugeln oder Lametta tragen."),
    _s("abfallgebuehren", "Abfallgebühren", "ksj",
       "Die Abfallgebühr besteht aus einer Grundgebühr je Person und einer Leistungsgebühr "
       "für die Restmülltonne. Den Bescheid erhalten Eigentümer.",
       "Keine",
       "Grundgebühr 48 Euro je Person und Jahr, Leistungsgebühr je nach Tonnengröße.",
       "Mieter zahlen die Gebühr über die Nebenkosten."),
    _s("tonne-bestellen", "Mülltonne bestellen, tauschen oder abmelden", "ksj",
       "Eine größere, kleinere oder zusätzliche Tonne bestellen Eigentümer und Hausverwaltungen "
       "beim Kommunalservice.",
       "Formular; Angaben zum Grundstück",
       "Tausch 15 Euro, neue Tonne nach Größe.",
       "Die Tonne wird innerhalb von zwei Wochen geliefert."),
    _s("strassenreinigung", "Straßenreinigung", "ksj",
       "Der Kommunalservice reinigt die öffentlichen Straßen nach einem festen Plan. Gehwege "
       "vor dem Grundstück reinigen die Anlieger.",
       "Keine",
       "Die Straßenreinigungsgebühr richtet sich nach der Frontlänge des Grundstücks.",
       "In der Innenstadt wird täglich gereinigt, in Wohngebieten alle zwei Wochen."),
    _s("winterdienst", "Winterdienst und Schneeräumung", "ksj",
       "Bei Schnee und Glätte räumt der Kommunalservice zuerst Hauptstraßen, Busstrecken und "
       "Radwege. Gehwege müssen die Anlieger räumen und streuen.",
       "Keine",
       "Kostenfrei für Bürger.",
       "Gehwege müssen werktags bis 7 Uhr geräumt sein. Streusalz ist auf Gehwegen verboten."),
    _s("laubsaecke", "Laub und Grünschnitt entsorgen", "ksj",
       "Laub von Straßenbäumen kann in Laubsäcken an den Straßenrand gestellt werden. "
       "Gartenabfälle gehören in die Biotonne oder zum Wertstoffhof.",
       "Laubsäcke erhalten Sie im Servicebüro",
       "Laubsäcke für Straßenbaumlaub sind kostenlos.",
       "Die Laubsammlung läuft von Oktober bis Dezember."),
    _s("friedhof", "Grabstelle und Friedhöfe", "ksj",
       "Der Kommunalservice verwaltet die städtischen Friedhöfe, vergibt Grabstellen und "
       "berät zu Bestattungsarten, auch zu Baumbestattungen.",
       "Sterbeurkunde; Antrag auf Grabstelle",
       "Wahlgrab ab 1.200 Euro für 20 Jahre, Urnengemeinschaftsanlage ab 900 Euro.",
       "Der Nordfriedhof hat einen eigenen Bereich für Baumbestattungen."),
    # Mobilität
    _s("radverkehr", "Radfahren in Jena", "mobilitaet",
       "Die Stadt baut das Radnetz aus, markiert Schutzstreifen und stellt Fahrradbügel auf. "
       "Wünsche für neue Abstellanlagen können Sie melden.",
       "Keine",
       "Kostenfrei.",
       "Der Radentscheid hat 2022 den Ausbau von Hauptrouten beschleunigt."),
    _s("baustellen", "Baustellen und Straßensperrungen", "mobilitaet",
       "Eine Übersicht aller aktuellen Baustellen, Vollsperrungen und Umleitungen im "
       "Stadtgebiet, wöchentlich aktualisiert.",
       "Keine",
       "Kostenfrei.",
       "Größere Maßnahmen werden vorher im Amtsblatt angekündigt."),
    _s("nahverkehr", "Bus und Straßenbahn", "mobilitaet",
       "Fünf Straßenbahnlinien und zahlreiche Buslinien verbinden die Stadtteile. Fahrpläne "
       "und Tarife gibt der Nahverkehrsbetrieb heraus.",
       "Keine",
       "Einzelfahrt 2,40 Euro, Deutschlandticket gültig.",
       "Nachts fahren die Linien N1 bis N4 am Wochenende."),
    _s("carsharing", "Carsharing und Mobilitätsstationen", "mobilitaet",
       "An Mobilitätsstationen stehen Carsharing-Autos, Leihräder und Lastenräder nebeneinander.",
       "Anmeldung beim Anbieter; Führerschein",
       "Nach Tarif des Anbieters.",
       "Die ersten acht Stationen liegen an Straßenbahnhaltestellen."),
    _s("ladesaeulen", "Ladesäulen für Elektroautos", "mobilitaet",
       "Im Stadtgebiet gibt es über 80 öffentliche Ladepunkte. Eine Karte zeigt freie Säulen.",
       "Ladekarte oder App eines Anbieters",
       "Nach Tarif des Betreibers.",
       "Private Wallboxen werden über das Klimaschutzprogramm gefördert."),
    _s("schulwegplan", "Schulwegpläne", "mobilitaet",
       "Für jede Grundschule gibt es einen Schulwegplan mit sicheren Wegen und Gefahrenstellen.",
       "Keine",
       "Kostenfrei.",
       "Die Pläne werden mit Eltern und Polizei alle zwei Jahre geprüft."),
    _s("parkhaeuser", "Parkhäuser und Parken in der Innenstadt", "mobilitaet",
       "In der Innenstadt stehen sechs Parkhäuser zur Verfügung. Am Straßenrand gilt "
       "Parkscheinpflicht.",
       "Keine",
       "1,50 Euro je Stunde am Straßenrand, Parkhaus ab 1,20 Euro.",
       "Ein Parkleitsystem zeigt freie Plätze an den Einfallstraßen."),
    _s("lastenrad", "Förderung für Lastenräder", "mobilitaet",
       "Die Stadt bezuschusst den Kauf eines Lastenrades für Familien und Betriebe.",
       "Antrag vor dem Kauf; Kostenvoranschlag",
       "Zuschuss bis 1.000 Euro.",
       "Das Programm ist jedes Jahr auf 100 Anträge begrenzt."),
    # Umwelt
    _s("baumfaellung", "Baum fällen: Genehmigung nach Baumschutzsatzung", "umwelt",
       "Bäume mit einem Stammumfang ab 80 Zentimetern sind geschützt. Wer sie fällen will, "
       "braucht eine Genehmigung der Naturschutzbehörde.",
       "Antrag; Lageplan; Fotos des Baumes; Begründung",
       "40 bis 200 Euro.",
       "Vom 1. März bis 30. September sind Fällungen nur in Ausnahmefällen erlaubt. Meist ist "
       "eine Ersatzpflanzung vorgeschrieben."),
    _s("klimaschutz", "Klimaschutz in Jena", "umwelt",
       "Jena will bis 2035 klimaneutral werden. Der Aktionsplan beschreibt Maßnahmen für "
       "Gebäude, Verkehr und Energie.",
       "Keine",
       "Kostenfrei.",
       "Jedes Jahr erscheint ein Bericht über die eingesparten Treibhausgase."),
    _s("solarfoerderung", "Förderung für Balkonkraftwerke und Solaranlagen", "umwelt",
       "Mieterinnen, Mieter und Eigentümer erhalten einen Zuschuss für ein Steckersolargerät "
       "oder eine Photovoltaikanlage auf dem Dach.",
       "Antrag vor dem Kauf; Rechnung; Foto der angebrachten Anlage",
       "Zuschuss 200 Euro für ein Steckergerät, bis 3.000 Euro für eine Dachanlage.",
       "Der Solarkataster zeigt, welche Dächer sich eignen."),
    _s("laermaktionsplan", "Lärmaktionsplan", "umwelt",
       "Der Lärmaktionsplan zeigt, wo Straßenverkehr und Straßenbahn besonders laut sind, und "
       "plant Maßnahmen wie Tempo 30 und leisen Asphalt.",
       "Keine",
       "Kostenfrei.",
       "Die Lärmkarten werden alle fünf Jahre neu berechnet."),
    _s("hitzeschutz", "Hitzeschutz und Trinkbrunnen", "umwelt",
       "An heißen Tagen helfen kühle Orte, Trinkbrunnen und Schatten. Der Hitzeaktionsplan "
       "nennt Angebote für ältere Menschen.",
       "Keine",
       "Kostenfrei.",
       "Zwölf Trinkbrunnen sind von Mai bis Oktober in Betrieb."),
    _s("luftqualitaet", "Luftqualität und Messstationen", "umwelt",
       "Drei Messstationen messen Feinstaub und Stickstoffdioxid. Die Werte liegen seit Jahren "
       "unter den Grenzwerten.",
       "Keine",
       "Kostenfrei.",
       "Die aktuellen Messwerte veröffentlicht das Landesamt stündlich."),
    _s("hochwasser", "Hochwasserschutz an Saale und Bächen", "umwelt",
       "Die Stadt informiert über Hochwassergefahren, Pegelstände der Saale und die Vorsorge "
       "für Hauseigentümer.",
       "Keine",
       "Kostenfrei.",
       "Die Hochwassergefahrenkarte zeigt überflutete Flächen bei seltenem Hochwasser."),
    _s("naturschutz", "Naturschutzgebiete und Orchideen", "umwelt",
       "Die Muschelkalkhänge um Jena sind bekannt für ihre Orchideen. In Naturschutzgebieten "
       "gilt ein Wegegebot.",
       "Keine",
       "Kostenfrei.",
       "Führungen zur Orchideenblüte gibt es im Mai und Juni."),
    _s("energieberatung", "Energieberatung für Haushalte", "umwelt",
       "Die kostenlose Energieberatung hilft beim Sparen von Strom und Heizkosten und bei der "
       "Planung einer neuen Heizung.",
       "Strom- und Heizkostenabrechnungen",
       "Kostenfrei.",
       "Die Beratung findet im Stadtteilbüro oder bei Ihnen zu Hause statt."),
    _s("baumpatenschaft", "Baumpatenschaft übernehmen", "umwelt",
       "Wer einen Straßenbaum gießt und pflegt, kann Baumpate werden. Die Stadt stellt "
       "Gießsäcke zur Verfügung.",
       "Anmeldeformular",
       "Kostenfrei.",
       "Eine Spende für einen neuen Baum ist ab 250 Euro möglich."),
    _s("regenwasser", "Regenwasser nutzen und versickern", "umwelt",
       "Eine Zisterne oder eine Versickerungsmulde entlastet die Kanalisation. Die Stadt "
       "fördert Entsiegelung und Dachbegrünung.",
       "Antrag; Plan des Grundstücks",
       "Zuschuss bis 50 Prozent, höchstens 2.000 Euro.",
       "Wer Regenwasser versickert, zahlt weniger Niederschlagswassergebühr."),
)

SERVICES_BY_KEY = {s.key: s for s in SERVICES}
