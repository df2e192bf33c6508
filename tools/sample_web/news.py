"""News and press releases from 2010 on: single items and the ones that come back every year.

Invented texts. The yearly items (waste calendar, Christmas market, budget, city cycling,
winter service) share their wording from year to year, as real press offices reuse theirs, so
that searches meet many near-identical pages that differ only in the year.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class News:
    """A dated article on one host."""

    key: str
    host: str
    day: str  # ISO date
    title: str
    paragraphs: tuple[str, ...]


def _n(key: str, host: str, day: str, title: str, *paragraphs: str) -> News:
    return News(key, host, day, title, paragraphs)


SINGLE: tuple[News, ...] = (
    _n("stadtbibliothek-umzug", "www.jena.de", "2010-03-18", "Stadtbibliothek zieht in den Ernst-Abbe-Platz",
       "Die Stadtbibliothek schließt Ende April für sechs Wochen und öffnet danach in neuen Räumen "
       "am Ernst-Abbe-Platz.", "Ausgeliehene Medien können in dieser Zeit im Bürgerservice "
       "zurückgegeben werden; Leihfristen werden automatisch verlängert."),
    _n("hochwasser-2013", "www.jena.de", "2013-06-03", "Hochwasser: Saale erreicht Warnstufe 3",
       "Nach tagelangem Regen hat die Saale in Jena die höchste Warnstufe erreicht. Die "
       "Paradiesbrücke und die Uferwege im Paradiespark sind gesperrt.",
       "Anwohnerinnen und Anwohner in Burgau und Göschwitz werden gebeten, Keller zu räumen. "
       "Sandsäcke gibt es am Bauhof."),
    _n("hochwasser-2013-bilanz", "www.jena.de", "2013-06-14", "Bilanz nach dem Hochwasser",
       "Das Hochwasser hat in Jena Schäden von rund vier Millionen Euro verursacht, vor allem an "
       "Wegen, Brücken und Sportplätzen.", "Betroffene Haushalte können eine Soforthilfe des "
       "Landes beantragen."),
    _n("maengelmelder-start", "www.jena.de", "2018-09-17", "Neuer Mängelmelder ist online",
       "Ab heute können Bürgerinnen und Bürger Schlaglöcher, kaputte Laternen, wilden Müll und "
       "andere Schäden über den Mängelmelder an die Stadt melden.",
       "Jede Meldung wird geprüft und an die zuständige Stelle weitergeleitet. Meldungen sind "
       "auch ohne Anmeldung möglich."),
    _n("mein-jena-app", "www.jena.de", "2019-05-08", "Stadt-App MeinJena mit Abfallkalender",
       "Die neue App MeinJena erinnert an Abfuhrtermine, zeigt Baustellen und verbindet zum "
       "Mängelmelder.", "Die App ist kostenlos für Android und iOS erhältlich."),
    _n("corona-buergerservice", "www.jena.de", "2020-03-16", "Bürgerservice nur noch mit Termin",
       "Wegen der Ausbreitung des Coronavirus öffnet der Bürgerservice ab sofort nur noch für "
       "Besucherinnen und Besucher mit Termin.", "Abgelaufene Ausweise bleiben vorerst gültig, "
       "wenn ein anderer Ausweis vorgelegt werden kann."),
    _n("maskenpflicht-2020", "www.jena.de", "2020-04-03", "Jena führt als erste Stadt Mundschutzpflicht ein",
       "In Geschäften, in Bus und Straßenbahn und in Gebäuden mit Publikumsverkehr muss ab dem "
       "6. April eine Mund-Nasen-Bedeckung getragen werden.",
       "Auch selbst genähte Masken und Tücher sind erlaubt."),
    _n("radentscheid-2022", "www.jena.de", "2022-02-24", "Stadtrat nimmt Radentscheid an",
       "Der Stadtrat hat die Forderungen des Radentscheids übernommen. Bis 2030 sollen sichere "
       "Radwege an allen Hauptstraßen entstehen.", "Jedes Jahr sollen mindestens fünf Kilometer "
       "neue Radwege gebaut werden."),
    _n("deutschlandticket", "mobilitaet.jena.de", "2023-04-20", "Deutschlandticket gilt in Bus und Straßenbahn",
       "Ab dem 1. Mai können Fahrgäste mit dem Deutschlandticket alle Busse und Straßenbahnen in "
       "Jena nutzen.", "Das bisherige Monatsabo wird automatisch umgestellt, wenn Kundinnen und "
       "Kunden nicht widersprechen."),
    _n("strassenbahn-winzerla", "mobilitaet.jena.de", "2024-07-12", "Gleisbau in Winzerla: Ersatzverkehr mit Bussen",
       "Wegen der Erneuerung der Gleise fahren in den Sommerferien zwischen Burgaupark und "
       "Winzerla keine Straßenbahnen.", "Ersatzbusse fahren im Zehn-Minuten-Takt."),
    _n("eichplatz-baustart", "www.jena.de", "2021-04-06", "Baustart am Eichplatz",
       "Auf dem Eichplatz beginnen die Bauarbeiten für das neue Stadtquartier mit Wohnungen, "
       "Geschäften und einem Platz zum Verweilen.", "Der Wochenmarkt zieht für die Bauzeit auf "
       "den Holzmarkt."),
    _n("wochenmarkt", "www.jena.de", "2016-05-02", "Wochenmarkt mit neuen Öffnungszeiten",
       "Der Wochenmarkt auf dem Marktplatz öffnet künftig dienstags, donnerstags und samstags "
       "von 7 bis 14 Uhr.", "Neu sind ein Stand mit regionalem Käse und ein Kaffeestand."),
    _n("buergerhaushalt-2015", "rathaus.jena.de", "2015-09-10", "Bürgerhaushalt: Vorschläge gesucht",
       "Bis zum 15. Oktober können Bürgerinnen und Bürger Vorschläge für den Haushalt einreichen.",
       "Die zwanzig Vorschläge mit den meisten Stimmen prüft die Verwaltung und legt sie dem "
       "Stadtrat vor."),
    _n("ob-wahl-2012", "rathaus.jena.de", "2012-04-23", "Oberbürgermeisterwahl: Stichwahl entschieden",
       "In der Stichwahl hat sich der Kandidat mit 63 Prozent der Stimmen durchgesetzt. Die "
       "Wahlbeteiligung lag bei 41 Prozent.", "Das amtliche Endergebnis stellt der "
       "Wahlausschuss am Donnerstag fest."),
    _n("ob-wahl-2018", "rathaus.jena.de", "2018-04-30", "Neuer Oberbürgermeister gewählt",
       "Jena hat einen neuen Oberbürgermeister. In der Stichwahl erhielt er 59 Prozent.",
       "Der Amtsantritt ist am 1. Juli."),
    _n("kommunalwahl-2019", "rathaus.jena.de", "2019-05-27", "Ergebnis der Stadtratswahl 2019",
       "Der neue Stadtrat hat 46 Sitze. Acht Listen sind vertreten.",
       "Die konstituierende Sitzung findet im Juni im Rathaussaal statt."),
    _n("kommunalwahl-2024", "rathaus.jena.de", "2024-05-27", "Stadtratswahl 2024: vorläufiges Ergebnis",
       "Die Wahlbeteiligung bei der Stadtratswahl stieg auf 58 Prozent. Im Stadtrat sind künftig "
       "neun Listen vertreten.", "Die Ortsteilräte wurden am selben Tag gewählt."),
    _n("kita-streik", "www.jena.de", "2023-03-07", "Warnstreik in städtischen Kitas",
       "Wegen eines Warnstreiks bleiben am Mittwoch die meisten städtischen Kindertagesstätten "
       "geschlossen.", "Eine Notbetreuung gibt es in drei Einrichtungen für Eltern in "
       "systemrelevanten Berufen."),
    _n("schulneubau-lobeda", "www.jena.de", "2022-08-29", "Neue Gemeinschaftsschule in Lobeda eröffnet",
       "Nach zwei Jahren Bauzeit lernen 600 Schülerinnen und Schüler in der neuen "
       "Gemeinschaftsschule in Lobeda-West.", "Die Schule hat eine Dreifeldsporthalle und eine "
       "Mensa mit 200 Plätzen."),
    _n("hitzewarnung-2019", "www.jena.de", "2019-06-25", "Hitze: Stadt öffnet kühle Räume",
       "Bei Temperaturen über 35 Grad öffnet die Stadt klimatisierte Räume in der Bibliothek und "
       "im Volkshaus.", "Ältere Menschen sollen viel trinken und die Mittagshitze meiden."),
    _n("trinkbrunnen-2023", "umwelt.jena.de", "2023-05-15", "Vier neue Trinkbrunnen in der Innenstadt",
       "Am Holzmarkt, am Johannisplatz, im Paradiespark und am Westbahnhof sprudeln neue "
       "Trinkbrunnen.", "Das Wasser hat Trinkwasserqualität und wird täglich geprüft."),
    _n("baumpflanzung-2021", "umwelt.jena.de", "2021-11-19", "500 neue Straßenbäume gepflanzt",
       "Im Herbst wurden im Stadtgebiet 500 junge Bäume gepflanzt, vor allem hitzeresistente "
       "Arten wie Silberlinde und Zerr-Eiche.", "Baumpatinnen und Baumpaten helfen beim Gießen."),
    _n("klimaneutral-2035", "umwelt.jena.de", "2022-06-23", "Stadtrat beschließt Klimaneutralität bis 2035",
       "Jena will bis 2035 klimaneutral sein. Der Stadtrat hat dazu einen Aktionsplan mit 60 "
       "Maßnahmen beschlossen.", "Die Stadtwerke bauen die Fernwärme auf erneuerbare Energien um."),
    _n("sperrmuell-online", "ksj.jena.de", "2021-02-01", "Sperrmüll jetzt online anmelden",
       "Sperrmülltermine können ab sofort über ein Online-Formular beantragt werden. Der "
       "Kommunalservice bestätigt den Termin per E-Mail.", "Die Anmeldung per Telefon bleibt "
       "möglich."),
    _n("biotonne-pflicht", "ksj.jena.de", "2015-01-05", "Biotonne für alle Haushalte",
       "Seit Jahresbeginn ist die Biotonne für alle Grundstücke in Jena Pflicht.",
       "Wer selbst kompostiert, kann sich befreien lassen."),
    _n("wertstoffhof-lobeda", "ksj.jena.de", "2017-09-04", "Wertstoffhof Lobeda mit längeren Öffnungszeiten",
       "Der Wertstoffhof in der Emil-Wölk-Straße öffnet ab September werktags bis 18 Uhr.",
       "Samstags ist er von 9 bis 14 Uhr geöffnet."),
    _n("abfallgebuehren-2024", "ksj.jena.de", "2023-11-28", "Abfallgebühren steigen leicht",
       "Die Grundgebühr für Abfall steigt 2024 um drei Euro je Person und Jahr. Grund sind "
       "höhere Kosten für Fahrzeuge und Energie.", "Die Leistungsgebühren bleiben gleich."),
    _n("leinenpflicht", "www.jena.de", "2014-04-01", "Leinenpflicht in Parks während der Brutzeit",
       "Vom 1. April bis 15. Juli müssen Hunde im Paradiespark und im Landgrafen an der Leine "
       "geführt werden.", "Das Ordnungsamt kontrolliert verstärkt."),
    _n("digitaler-bauantrag", "rathaus.jena.de", "2023-10-02", "Bauanträge jetzt digital einreichen",
       "Bauanträge, Bauvoranfragen und Abbruchanzeigen können über das Bauportal des Landes "
       "digital eingereicht werden.", "Papieranträge werden weiter angenommen."),
    _n("wohnungsmarkt-2017", "rathaus.jena.de", "2017-11-09", "Wohnungsmarktbericht: Mieten steigen weiter",
       "Die durchschnittliche Kaltmiete in Jena ist auf 8,10 Euro je Quadratmeter gestiegen.",
       "Die Stadt will bis 2025 jährlich 500 neue Wohnungen ermöglichen."),
    _n("mietspiegel-2024", "rathaus.jena.de", "2024-01-15", "Neuer qualifizierter Mietspiegel",
       "Der neue Mietspiegel gilt ab Februar. Er zeigt die ortsübliche Vergleichsmiete nach "
       "Baujahr, Lage und Ausstattung.", "Eine Broschüre liegt im Bürgerservice aus."),
    _n("blaulicht-feuerwehr", "www.jena.de", "2011-10-12", "Neue Feuerwache eingeweiht",
       "Die Berufsfeuerwehr zieht in die neue Feuer- und Rettungswache in der Katharinenstraße.",
       "Die Wache ist rund um die Uhr besetzt."),
    _n("jenaer-kultursommer", "www.jena.de", "2018-06-28", "Kultursommer mit Konzerten im Theaterhaus",
       "Von Juli bis August gibt es auf dem Theatervorplatz Konzerte, Kino und Theater unter "
       "freiem Himmel.", "Karten gibt es in der Tourist-Information am Markt."),
    _n("fernwaerme-ausbau", "umwelt.jena.de", "2024-09-09", "Fernwärme für Lobeda-Ost",
       "Die Stadtwerke schließen weitere Straßen in Lobeda-Ost an die Fernwärme an.",
       "Hauseigentümer können sich bis Jahresende beraten lassen."),
    _n("verkehrsversuch-loebdergraben", "mobilitaet.jena.de", "2025-04-02", "Verkehrsversuch am Löbdergraben",
       "Für ein halbes Jahr wird eine Fahrspur am Löbdergraben zum Radweg. Die Stadt misst "
       "Verkehr, Lärm und Luft.", "Danach entscheidet der Stadtrat über eine dauerhafte Lösung."),
    _n("parkgebuehren-2025", "mobilitaet.jena.de", "2025-01-10", "Parkgebühren in der Innenstadt steigen",
       "Das Parken am Straßenrand kostet in der Innenstadt ab März 1,50 Euro je Stunde.",
       "Bewohnerparkausweise werden nicht teurer."),
    _n("e-scooter-regeln", "mobilitaet.jena.de", "2023-08-14", "Neue Regeln für Leih-E-Scooter",
       "E-Scooter dürfen in der Innenstadt nur noch in markierten Flächen abgestellt werden.",
       "Falsch abgestellte Roller können über den Mängelmelder gemeldet werden."),
    _n("stadtteilbuero-lobeda", "www.jena.de", "2025-06-04", "Stadtteilbüro Lobeda öffnet",
       "Im neuen Stadtteilbüro im Einkaufszentrum Lobeda können Bürgerinnen und Bürger "
       "Meldebescheinigungen und Führungszeugnisse beantragen.", "Das Büro öffnet dienstags "
       "und donnerstags."),
    _n("online-termin", "service.jena.de", "2021-09-01", "Termine im Bürgerservice online buchen",
       "Termine für Ausweis, Anmeldung und Kfz-Zulassung lassen sich rund um die Uhr online "
       "buchen.", "Freie Termine werden jeden Morgen um 7 Uhr für die nächsten vier Wochen "
       "freigeschaltet."),
    _n("zensus-2022", "www.jena.de", "2022-05-12", "Zensus 2022: Befragung beginnt",
       "Rund zehn Prozent der Haushalte in Jena werden für den Zensus befragt. Die Befragung ist "
       "Pflicht.", "Erhebungsbeauftragte weisen sich mit einem Ausweis der Stadt aus."),
    _n("glasfaser", "www.jena.de", "2024-03-20", "Glasfaser für Wenigenjena",
       "In Wenigenjena beginnt der Ausbau des Glasfasernetzes. Bis 2026 sollen alle Haushalte "
       "angeschlossen werden können.", "Gehwege werden abschnittsweise geöffnet."),
    _n("sommerbad-2026", "www.jena.de", "2026-05-14", "Freibäder öffnen am Pfingstwochenende",
       "Das Ostbad und das Südbad öffnen am Samstag vor Pfingsten.", "Mit dem Jena-Pass kostet "
       "der Eintritt die Hälfte."),
    _n("ortsteilrat-2026", "rathaus.jena.de", "2026-02-09", "Ortsteilräte erhalten eigenes Budget",
       "Jeder Ortsteilrat kann ab 2026 über 5 Euro je Einwohner für Projekte im Ortsteil "
       "entscheiden.", "Anträge von Vereinen nimmt der Ortsteilbürgermeister entgegen."),
    _n("stadtwald-sperrung", "umwelt.jena.de", "2020-02-11", "Sturmschäden: Wege im Stadtwald gesperrt",
       "Nach dem Sturm sind mehrere Wanderwege am Jenzig und in der Kernberge gesperrt.",
       "Umgestürzte Bäume werden in den nächsten Wochen beseitigt."),
)


@dataclass(frozen=True)
class Yearly:
    """An item that the press office publishes every year with the same words."""

    key: str
    host: str
    first_year: int
    month_day: str  # MM-DD of publication
    offset: int  # publication year = year + offset (the Abfallkalender for 2020 comes in 2019)
    title: str
    text: str


YEARLY: tuple[Yearly, ...] = (
    Yearly("abfallkalender", "ksj.jena.de", 2010, "12-10", -1, "Abfallkalender {year} wird verteilt",
           "Der Abfallkalender für {year} wird ab der 50. Kalenderwoche an alle Haushalte verteilt. "
           "Er enthält die Abfuhrtermine nach Straßen, die Öffnungszeiten der Wertstoffhöfe und "
           "die Haltestellen des Schadstoffmobils. Wer keinen Kalender erhält, bekommt ihn im "
           "Servicebüro des Kommunalservice."),
    Yearly("weihnachtsmarkt", "www.jena.de", 2010, "11-24", 0, "Weihnachtsmarkt {year} öffnet",
           "Der Jenaer Weihnachtsmarkt auf dem Markt und dem Holzmarkt öffnet am Montag nach "
           "Totensonntag. Bis zum 22. Dezember laden rund {stands} Stände zu Glühwein, Kunsthandwerk "
           "und Bratwurst ein. Die Märchenbühne spielt jeden Nachmittag."),
    Yearly("haushalt", "rathaus.jena.de", 2011, "03-02", 0, "Stadtrat beschließt Haushalt {year}",
           "Der Stadtrat hat den Haushalt für {year} mit einem Volumen von rund {volume} Millionen "
           "Euro beschlossen. Die größten Posten sind Soziales, Schulen und Kindertagesstätten. "
           "Der Haushalt muss noch vom Landesverwaltungsamt genehmigt werden."),
    Yearly("stadtradeln", "mobilitaet.jena.de", 2015, "05-20", 0, "Stadtradeln {year}: Jena tritt in die Pedale",
           "Drei Wochen lang sammeln Teams aus Schulen, Betrieben und Vereinen Fahrradkilometer "
           "für den Klimaschutz. Im letzten Jahr kamen {km} Kilometer zusammen. Die Anmeldung "
           "ist kostenlos."),
    Yearly("winterdienst-saison", "ksj.jena.de", 2012, "11-02", 0, "Winterdienst startet in die Saison {year}/{next}",
           "Der Kommunalservice ist ab November mit {cars} Fahrzeugen für den Winterdienst "
           "bereit. Die Streugutlager sind gefüllt. Anlieger werden erinnert, Gehwege werktags "
           "bis 7 Uhr von Schnee und Eis zu befreien."),
)
