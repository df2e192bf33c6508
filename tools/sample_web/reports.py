"""Defect reports in citizens' own words, as the defect reporting site shows them.

Invented reports: a category, the place, the text as typed (colloquial, sometimes without
capitals or with slips) and the status. The city's answer is short and formal.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Report:
    """One defect report."""

    number: int
    day: str
    category: str
    place: str
    text: str
    status: str
    answer: str


_R = Report
_DONE = "Geschlossen"
_WORK = "In Bearbeitung"
_NEW = "Gemeldet"

REPORTS: tuple[Report, ...] = (
    _R(10231, "2019-02-11", "Straße/Gehweg", "Karl-Liebknecht-Straße 14",
       "Riesiges Schlagloch direkt vor der Einfahrt, da ist gestern schon einer mit dem Rad "
       "reingefahren!", _DONE, "Das Schlagloch wurde provisorisch verfüllt."),
    _R(10418, "2019-04-02", "Laterne", "Fuchsturmweg, oberer Parkplatz",
       "Die Laterne Nr. 4471 ist seit zwei Wochen aus, abends stockdunkel auf dem Weg.", _DONE,
       "Das Leuchtmittel wurde getauscht."),
    _R(10502, "2019-05-20", "Müll", "Paradiespark, Höhe Grillplatz",
       "Nach dem Wochenende liegen überall Grillreste und Flaschen, die Mülleimer quellen über.",
       _DONE, "Der Bereich wurde gereinigt; die Leerung am Montag wird vorgezogen."),
    _R(10977, "2019-08-07", "Spielplatz/Sportanlage", "Spielplatz Dornburger Straße",
       "Glasscherben im Sandkasten!! Kinder spielen da jeden Tag", _DONE,
       "Der Sand wurde gesiebt und teilweise ausgetauscht."),
    _R(11340, "2019-11-15", "Ampel", "Kreuzung Stadtrodaer Straße / Erlanger Allee",
       "Fußgängerampel bleibt ewig rot, man wartet über zwei Minuten, viele laufen bei rot.",
       _DONE, "Die Schaltzeiten wurden geprüft und angepasst."),
    _R(11812, "2020-03-09", "Stadtbäume", "Westendstraße 22",
       "Ein großer Ast hängt abgebrochen im Baum über dem Gehweg und droht runterzufallen.",
       _DONE, "Der Ast wurde am selben Tag entfernt."),
    _R(12045, "2020-05-28", "Müll", "Wertstoffcontainer Ziegesarstraße",
       "wilde Müllablagerung neben den Glascontainern, Sofa und Matratzen seit Tagen",
       _DONE, "Der Sperrmüll wurde abgeholt. Wir prüfen, wer ihn abgestellt hat."),
    _R(12490, "2020-08-19", "ÖPNV", "Haltestelle Stadtzentrum Löbdergraben",
       "Die Anzeigetafel an der Haltestelle zeigt seit Tagen nur noch Striche an", _DONE,
       "Die Störung wurde an den Nahverkehrsbetrieb gemeldet und behoben."),
    _R(12876, "2020-10-30", "Straßenreinigung/Winterdienst", "Am Planetarium",
       "Das ganze Laub auf dem Gehweg ist total rutschig wenn es nass ist, bitte kehren", _DONE,
       "Der Gehweg wurde gereinigt."),
    _R(13301, "2021-01-12", "Straßenreinigung/Winterdienst", "Radweg Camsdorfer Brücke",
       "Radweg über die Brücke ist spiegelglatt und nicht gestreut, bin fast gestürzt", _DONE,
       "Der Winterdienst hat nachgestreut."),
    _R(13655, "2021-03-22", "Gewässer", "Leutra, Höhe Gartenanlage",
       "Im Bach liegen Einkaufswagen und Fahrräder, das Wasser staut sich schon", _DONE,
       "Die Gegenstände wurden geborgen."),
    _R(14020, "2021-06-08", "Stadtgrün", "Grünfläche Ernst-Haeckel-Platz",
       "Die Wiese wurde seit Wochen nicht gemäht, hohe Brennnesseln am Spielplatz", _DONE,
       "Die Fläche wird als Blühwiese gepflegt; der Rand am Spielplatz wurde gemäht."),
    _R(14388, "2021-08-30", "Straße/Gehweg", "Gehweg Am Steiger",
       "Gehwegplatten stehen hoch, Stolperfalle für ältere Leute mit Rollator", _DONE,
       "Die Platten wurden neu verlegt."),
    _R(14801, "2021-11-04", "Laterne", "Fußweg hinter der Schule in Winzerla",
       "mehrere Lampen flackern die ganze Nacht, sieht aus wie Disco", _DONE,
       "Der Schaden am Kabel wurde behoben."),
    _R(15210, "2022-02-17", "Stadtwald/Wanderweg", "Wanderweg Jenzig, Aufstieg von Ziegenhain",
       "Nach dem Sturm liegt ein umgestürzter Baum quer über dem Wanderweg", _DONE,
       "Der Baum wurde beseitigt."),
    _R(15677, "2022-05-03", "Diskriminierende Werbung", "Plakatwand Westbahnhofstraße",
       "Das Werbeplakat an der Wand ist sexistisch und sollte weg", _DONE,
       "Die Meldung wurde an die Gleichstellungsbeauftragte weitergeleitet."),
    _R(16002, "2022-07-21", "Müll", "Saaleufer Oberaue",
       "Hundekot überall auf der Wiese, kein Beutelspender weit und breit", _WORK,
       "Wir prüfen einen zusätzlichen Spender."),
    _R(16344, "2022-09-12", "Straße/Gehweg", "Magdelstieg 31",
       "Gullydeckel klappert jedes Mal laut wenn ein Auto drüberfährt, auch nachts", _DONE,
       "Der Deckel wurde neu eingesetzt."),
    _R(16790, "2022-12-01", "Ampel", "Bahnhof Paradies, Fußgängerüberweg",
       "Blindenampel gibt keinen Ton mehr von sich", _DONE, "Der Signalgeber wurde getauscht."),
    _R(17105, "2023-02-14", "Sonstiges", "Bushaltestelle Lobeda-Ost",
       "Das Wartehäuschen ist komplett mit Graffiti beschmiert und eine Scheibe kaputt", _DONE,
       "Die Scheibe wurde ersetzt, die Schmierereien entfernt."),
    _R(17566, "2023-04-26", "Spielplatz/Sportanlage", "Bolzplatz Nord",
       "Das Tornetz ist zerrissen und hängt runter", _DONE, "Das Netz wurde erneuert."),
    _R(17930, "2023-06-19", "Stadtbäume", "Sophienstraße",
       "Die jungen Straßenbäume vertrocknen, bitte gießen, es hat seit Wochen nicht geregnet",
       _DONE, "Die Bäume werden zweimal in der Woche gewässert."),
    _R(18244, "2023-08-02", "ÖPNV", "Haltestelle Zeiss-Werk",
       "E-Scooter liegen kreuz und quer auf dem Gehweg an der Haltestelle, Rollstuhl kommt nicht durch",
       _DONE, "Der Anbieter hat die Roller umgestellt."),
    _R(18611, "2023-10-10", "Straße/Gehweg", "Dornburger Straße, Radweg stadtauswärts",
       "Auf dem Radweg parken ständig Lieferwagen, man muss auf die Straße ausweichen", _WORK,
       "Das Ordnungsamt kontrolliert verstärkt."),
    _R(18977, "2023-12-05", "Straßenreinigung/Winterdienst", "Treppe Am Landgrafen",
       "Treppe nicht geräumt, total vereist, gefährlich!", _DONE, "Die Treppe wurde geräumt."),
    _R(19330, "2024-02-20", "Müll", "Altkleidercontainer Lobeda-West",
       "Um den Altkleidercontainer stapeln sich Säcke, der Container ist voll", _DONE,
       "Der Aufsteller hat den Container geleert."),
    _R(19702, "2024-04-15", "Stadtgrün", "Hecke Kahlaische Straße",
       "Die Hecke wächst so weit auf den Fußweg, dass man mit dem Kinderwagen nicht mehr vorbeikommt",
       _DONE, "Der Eigentümer wurde zum Rückschnitt aufgefordert."),
    _R(20014, "2024-06-03", "Gewässer", "Teich im Botanischen Garten, Zulauf",
       "tote Fische im Teich und es stinkt", _DONE, "Die Wasserbehörde hat Proben genommen."),
    _R(20388, "2024-07-29", "Laterne", "Lichtenhainer Straße 9",
       "Laterne brennt auch tagsüber, Stromverschwendung", _DONE, "Der Dämmerungsschalter wurde getauscht."),
    _R(20765, "2024-09-16", "Straße/Gehweg", "Kreuzung Knebelstraße",
       "Verkehrsschild Vorfahrt gewähren ist umgefahren und liegt im Gebüsch", _DONE,
       "Das Schild wurde wieder aufgestellt."),
    _R(21090, "2024-11-11", "Stadtbäume", "Friedensberg",
       "Eichenprozessionsspinner Nester an mehreren Bäumen am Spielplatz", _DONE,
       "Die Nester wurden abgesaugt."),
    _R(21412, "2025-01-08", "Müll", "Parkplatz am Sportforum",
       "Jemand hat Autoreifen im Gebüsch abgeladen, bestimmt zehn Stück", _DONE,
       "Die Reifen wurden entsorgt. Anzeige wurde erstattet."),
    _R(21790, "2025-03-04", "Straße/Gehweg", "Schillergäßchen",
       "Pflaster ist abgesackt, bei Regen steht riesige Pfütze über den ganzen Weg", _WORK,
       "Die Reparatur ist für das Frühjahr geplant."),
    _R(22135, "2025-05-12", "Spielplatz/Sportanlage", "Spielplatz Wenigenjena",
       "Rutsche hat einen Riss, Kinder können sich verletzen, bitte sperren", _DONE,
       "Die Rutsche wurde gesperrt und ersetzt."),
    _R(22480, "2025-06-30", "Sonstiges", "Brunnen am Johannisplatz",
       "Trinkbrunnen geht nicht, kommt kein Wasser raus", _DONE, "Der Brunnen wurde repariert."),
    _R(22851, "2025-08-18", "Stadtgrün", "Grünstreifen Erlanger Allee",
       "Ambrosia wächst am Straßenrand, das ist doch allergisch", _DONE,
       "Die Pflanzen wurden entfernt."),
    _R(23207, "2025-10-06", "ÖPNV", "Straßenbahnhaltestelle Burgaupark",
       "Fahrkartenautomat nimmt keine Karten, Display kaputt", _DONE,
       "Der Automat wurde repariert."),
    _R(23566, "2025-11-24", "Laterne", "Radweg Saaleufer Burgau",
       "Die ganze Reihe Laternen am Radweg ist aus, man sieht nichts", _WORK,
       "Ein Kabelschaden wird gesucht."),
    _R(23940, "2026-01-19", "Straßenreinigung/Winterdienst", "Gehweg Lutherplatz",
       "Schnee auf dem Gehweg nicht geräumt, vor dem Haus von der Stadt!", _DONE,
       "Der Gehweg wurde geräumt."),
    _R(24311, "2026-03-09", "Straße/Gehweg", "Stadtrodaer Straße, stadteinwärts",
       "Tiefe Spurrillen und Löcher, das Auto setzt auf", _WORK,
       "Die Fahrbahn wird im Sommer erneuert."),
    _R(24688, "2026-05-04", "Müll", "Mülleimer am Fuchsturm",
       "Mülleimer ist voll und Krähen verteilen alles auf dem Weg", _DONE,
       "Der Eimer wird nun zweimal wöchentlich geleert."),
    _R(25052, "2026-06-22", "Stadtwald/Wanderweg", "Kernberge, Horizontale",
       "Wegweiser zur Horizontale ist abgebrochen, Wanderer verlaufen sich", _DONE,
       "Der Wegweiser wurde ersetzt."),
    _R(25419, "2026-08-10", "Gewässer", "Saale, Badestelle Burgau",
       "Grüne Algen an der Badestelle, darf man da noch baden?", _NEW, ""),
    _R(25803, "2026-09-28", "Ampel", "Westbahnhof",
       "Ampel für Radfahrer schaltet nie auf grün wenn kein Auto kommt", _NEW, ""),
    _R(26177, "2026-11-02", "Sonstiges", "Parkbank Paradiespark",
       "Parkbank ist kaputt, die Latten sind gebrochen", _NEW, ""),
)
