"""Council matters (Beschlussvorlagen) and development plans (Bebauungspläne) with their codes.

Invented numbers, names and dates in the form the city uses: "25/0412-BV" for a draft
resolution, "B-Zw 01.1" or "VBB-J 41" for a plan, with the district the plan lies in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Matter:
    """A council matter: number, date of the session, title and what it is about."""

    number: str
    day: str
    title: str
    summary: str
    outcome: str


@dataclass(frozen=True)
class Plan:
    """A development plan with its code, name, district, procedure steps and aim."""

    code: str
    name: str
    district: str
    steps: tuple[tuple[str, str], ...]  # (step, date)
    aim: str


MATTERS: tuple[Matter, ...] = (
    Matter("12/1543-BV", "2012-05-16", "Schulnetzplanung 2012 bis 2017",
           "Die Vorlage legt fest, welche Schulen saniert, erweitert oder zusammengelegt werden.",
           "einstimmig beschlossen"),
    Matter("13/2011-BV", "2013-09-11", "Hochwasserhilfe für Vereine",
           "Sportvereine, deren Anlagen im Juni überflutet wurden, erhalten Zuschüsse aus einem "
           "Sonderfonds von 300.000 Euro.", "beschlossen"),
    Matter("14/0088-BV", "2014-10-22", "Geschäftsordnung des Stadtrates",
           "Neufassung der Geschäftsordnung mit Regeln für Rederecht, Einwohnerfragestunde und "
           "Livestream der Sitzungen.", "mehrheitlich beschlossen"),
    Matter("16/1118-BV", "2017-03-15", "Einführung eines Mängelmelders",
           "Die Stadt richtet eine Internetseite ein, über die Bürgerinnen und Bürger Schäden und "
           "Missstände melden können.", "beschlossen"),
    Matter("17/1502-BV", "2017-11-29", "Fortschreibung des Nahverkehrsplans",
           "Neue Takte für Bus und Straßenbahn, eine Straßenbahn nach Jena-Nord und barrierefreie "
           "Haltestellen.", "beschlossen mit Änderungen"),
    Matter("18/1890-BV", "2018-06-13", "Sanierung des Volksbades",
           "Das Volksbad wird für 12 Millionen Euro saniert und als Veranstaltungsort erhalten.",
           "beschlossen"),
    Matter("19/0204-BV", "2019-10-23", "Ausrufung des Klimanotstands",
           "Der Stadtrat erklärt den Klimaschutz zur Aufgabe höchster Priorität; jede Vorlage "
           "erhält eine Klimaprüfung.", "mehrheitlich beschlossen"),
    Matter("20/0511-BV", "2020-05-20", "Corona-Hilfsfonds für Kultur und Vereine",
           "Ein Fonds von einer Million Euro hilft Kulturschaffenden und Vereinen, die durch die "
           "Pandemie Einnahmen verloren haben.", "einstimmig beschlossen"),
    Matter("21/0930-BV", "2021-07-07", "Bewohnerparken in der Innenstadt neu ordnen",
           "Die Zonen für Bewohnerparken werden erweitert; die Gebühr für den Parkausweis wird "
           "angepasst.", "beschlossen"),
    Matter("22/1277-BV", "2022-02-23", "Radentscheid: Umsetzung der Ziele",
           "Die Verwaltung wird beauftragt, jedes Jahr fünf Kilometer Radwege zu bauen und "
           "Fahrradstraßen einzurichten.", "beschlossen"),
    Matter("22/1610-BV", "2022-06-22", "Klimaaktionsplan 2035",
           "Der Aktionsplan beschreibt 60 Maßnahmen, mit denen Jena bis 2035 klimaneutral werden "
           "soll.", "mehrheitlich beschlossen"),
    Matter("23/1805-BV", "2023-03-22", "Neubau der Feuerwache Lobeda",
           "In Lobeda entsteht eine zweite Wache der Berufsfeuerwehr mit Rettungsdienst.",
           "beschlossen"),
    Matter("23/2044-BV", "2023-09-20", "Kita-Bedarfsplanung 2024 bis 2028",
           "Die Planung ermittelt, wie viele Krippen- und Kindergartenplätze in den Stadtteilen "
           "gebraucht werden.", "beschlossen"),
    Matter("24/0120-BV", "2024-07-03", "Bildung der Ausschüsse für die Wahlperiode 2024–2029",
           "Der neue Stadtrat bildet Haupt-, Finanz-, Bau-, Sozial- und Kulturausschuss.",
           "beschlossen"),
    Matter("24/0355-BV", "2024-11-13", "Erhöhung der Elternbeiträge für Kindertagesstätten",
           "Die Elternbeiträge steigen ab August 2025 um durchschnittlich sechs Prozent; das "
           "letzte Kitajahr bleibt beitragsfrei.", "mehrheitlich beschlossen"),
    Matter("25/0412-BV", "2025-03-19", "Hitzeaktionsplan",
           "Trinkbrunnen, kühle Orte und ein Warnsystem für Pflegeheime sollen Menschen bei "
           "Hitze schützen.", "beschlossen"),
    Matter("25/0588-BV", "2025-06-25", "Satzung über die Erhebung der Hundesteuer",
           "Änderung der Hundesteuersatzung: Ermäßigung für Hunde aus dem Tierheim, höhere Steuer "
           "für gefährliche Hunde.", "beschlossen"),
    Matter("25/0731-BV", "2025-10-15", "Haushaltssatzung 2026",
           "Entwurf des Haushalts für 2026 mit Investitionen in Schulen, Brücken und Radwege.",
           "in die Ausschüsse verwiesen"),
    Matter("25/0802-BV", "2025-12-17", "Vorhabenbezogener Bebauungsplan VBB-J 41 „Quartier am Steinweg“",
           "Billigung des Entwurfs und Bestimmung zur Veröffentlichung im Internet.", "beschlossen"),
    Matter("26/0105-BV", "2026-03-18", "Fortschreibung des Lärmaktionsplans",
           "Tempo 30 nachts an sieben Hauptstraßen und leiser Asphalt bei Sanierungen.",
           "beschlossen"),
    Matter("26/0240-BV", "2026-06-24", "Schulsanierungsprogramm 2026 bis 2030",
           "Zwölf Schulen werden saniert; drei Turnhallen werden neu gebaut.", "beschlossen"),
    Matter("26/0317-BV", "2026-09-16", "Einwohnerantrag zur Straßenbahn nach Jena-Nord",
           "Über 4.000 Einwohnerinnen und Einwohner fordern, die Planung der Straßenbahn nach "
           "Jena-Nord zu beschleunigen.", "in den Bauausschuss verwiesen"),
)

PLANS: tuple[Plan, ...] = (
    Plan("B-Zw 01.1", "Wohngebiet Leibnizstraße Südteil", "Zwätzen",
         (("Einleitungsbeschluss", "12.03.2014"), ("Entwurf gebilligt", "05.12.2019"),
          ("Satzungsbeschluss", "16.06.2021")),
         "Umwandlung eines früheren Kasernengeländes in ein Wohngebiet mit Reihenhäusern und "
         "kleinen Mehrfamilienhäusern."),
    Plan("B-Zw 03.1", "Gewerbegebiet Zwätzen-Ost", "Zwätzen",
         (("Einleitungsbeschluss", "16.10.1991"), ("Satzungsbeschluss", "12.11.1997"),
          ("Rechtskraft", "04.05.1998")),
         "Gewerbeflächen für mittelständische Betriebe und ein Sondergebiet für einen Baumarkt."),
    Plan("B-Wz 03.2", "Im Hahnengrunde, 1. Änderung", "Winzerla",
         (("Aufstellungsbeschluss", "15.09.1993"), ("Satzungsbeschluss", "20.06.2001"),
          ("Rechtskraft", "04.02.2002")),
         "Reihenhäuser statt Geschosswohnungen, geringere Gebäudehöhen und ein Sondergebiet für "
         "Forschungsinstitute."),
    Plan("VBB-Wz 06", "Wohnen am Schenkenweg", "Winzerla",
         (("Einleitungsbeschluss", "18.04.2018"), ("Satzungsbeschluss", "09.09.2020")),
         "Ein Vorhabenträger baut 48 Wohnungen in drei Stadtvillen mit Tiefgarage."),
    Plan("B-J 42", "Gewerbegebiet An der Saalbahn", "Jena-Nord",
         (("Einleitungsbeschluss", "22.11.2016"), ("Anpassungsbeschluss", "14.07.2022"),
          ("frühzeitige Beteiligung", "27.10.2025")),
         "Neue Flächen für Handwerk und Gewerbe auf ehemaligen Bahnflächen nördlich des "
         "Saalbahnhofs."),
    Plan("VBB-J 41", "Quartier am Steinweg", "Innenstadt",
         (("Einleitungsbeschluss", "08.02.2023"), ("Entwurf gebilligt", "17.12.2025")),
         "Ein Hochhaus, ein Wohngebäude an der Frauengasse und ein Bürohaus am Steinweg."),
    Plan("B-J 01", "Südwestliche Vorstadt, II. Teil", "Jena-Süd",
         (("Überleitungsbeschluss", "12.06.1991"), ("Rechtskraft", "28.10.1991")),
         "Reine Wohngebiete mit zwei bis drei Geschossen und Vorgärten."),
    Plan("B-Lo 12", "Stadtteilzentrum Lobeda-West", "Lobeda",
         (("Einleitungsbeschluss", "03.05.2017"), ("Satzungsbeschluss", "11.11.2020")),
         "Ein neues Zentrum mit Markt, Stadtteilbüro und Wohnungen an der Karl-Marx-Allee."),
    Plan("B-Lo 14", "Wohnen am Drackendorfer Park", "Lobeda",
         (("Einleitungsbeschluss", "19.09.2019"), ("Entwurf gebilligt", "23.04.2024")),
         "Rund 300 Wohnungen, eine Kita und ein Quartiersplatz am Rand des Parks."),
    Plan("B-Wj 08", "Wenigenjena Ufer", "Wenigenjena",
         (("Einleitungsbeschluss", "07.07.2021"),),
         "Wohnungen und ein öffentlicher Uferweg an der Saale zwischen Camsdorfer Brücke und "
         "Schillerbrücke."),
    Plan("B-Gö 04", "Gewerbepark Göschwitz", "Göschwitz",
         (("Einleitungsbeschluss", "14.03.2012"), ("Satzungsbeschluss", "18.06.2014"),
          ("Rechtskraft", "30.07.2014")),
         "Flächen für Optik- und Photonikfirmen in der Nähe des Bahnhofs Göschwitz."),
    Plan("B-Bu 02", "Burgaupark Erweiterung", "Burgau",
         (("Einleitungsbeschluss", "21.01.2015"), ("Satzungsbeschluss", "26.04.2017")),
         "Erweiterung des Einzelhandels im Burgaupark um einen Lebensmittelmarkt."),
    Plan("B-Li 03", "Am Steinbach", "Lichtenhain",
         (("Einleitungsbeschluss", "10.10.2018"), ("frühzeitige Beteiligung", "02.06.2020")),
         "Einfamilienhäuser am Ortsrand mit einem Regenrückhaltebecken."),
    Plan("VBB-Ci 02", "Solarpark Cospeda", "Cospeda",
         (("Einleitungsbeschluss", "16.11.2022"), ("Entwurf gebilligt", "12.03.2025")),
         "Eine Photovoltaik-Freiflächenanlage auf zwölf Hektar Ackerland mit Blühstreifen."),
    Plan("B-Nw 05", "Inselplatz Campus", "Innenstadt",
         (("Einleitungsbeschluss", "09.09.2015"), ("Satzungsbeschluss", "14.02.2018")),
         "Der neue Universitätscampus am Inselplatz mit Hörsälen, Bibliothek und Wohnheim."),
)
