"""The visitor tests' documents, and the app served over real HTTP (tests/webapp, browser,
admin, reliability and security use them)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

from tests.support import Core

ID_PREFIX = "t-"


def _doc(slug: str, category: str, section: str, title: str, teaser: str, content: str,
         date: str, clicks: int = 0, keywords: tuple[str, ...] = ()) -> dict[str, object]:
    return {"id": f"{ID_PREFIX}{slug}", "url": f"https://www.jena.de/{section}/{slug}",
            "title": title, "teaser": teaser, "category": category,
            "content": f"{content} Stadt Jena.", "keywords": list(keywords),
            "onlineDate": date, "onlineDateHasTime": True, "language": "de",
            "clickCounter": clicks}


BS, UA, KF, VK, BI, RH = ("Bürgerservice", "Umwelt & Abfall", "Kultur & Freizeit", "Verkehr",
                          "Bildung", "Rathaus")

# Realistic pages of a city site; every page mentions "Jena" so that one query pages.
DOCS: list[dict[str, object]] = [
    _doc("personalausweis", BS, "buergerservice", "Personalausweis beantragen",
         "So beantragen Sie einen neuen Personalausweis im Bürgeramt.",
         "Den Personalausweis beantragen Sie persönlich im Bürgeramt am Anger. Bringen Sie "
         "ein biometrisches Passfoto und Ihren alten Ausweis mit. Die Gebühr beträgt 37 Euro.",
         "2025-03-01T09:00:00Z", 40, ("Ausweis", "Dokumente")),
    _doc("reisepass", BS, "buergerservice", "Reisepass beantragen",
         "Reisepass und Kinderreisepass im Bürgeramt.",
         "Einen Reisepass beantragen Sie im Bürgeramt. Die Bearbeitung dauert etwa drei Wochen.",
         "2024-06-12T07:30:00Z", 12),
    _doc("wohnsitz-anmelden", BS, "buergerservice", "Wohnsitz anmelden",
         "Nach dem Umzug innerhalb von zwei Wochen anmelden.",
         "Wer nach Jena zieht, meldet den Wohnsitz im Bürgeramt an. Die Wohnungsgeberbestätigung "
         "des Vermieters ist mitzubringen.", "2025-01-15T10:00:00Z", 25),
    _doc("fuehrungszeugnis", BS, "buergerservice", "Führungszeugnis beantragen",
         "Das Führungszeugnis gibt es im Bürgeramt oder online.",
         "Ein Führungszeugnis beantragen Sie persönlich oder über das Online-Portal des "
         "Bundesamts für Justiz.", "2023-09-05T08:00:00Z"),
    _doc("kfz-zulassung", BS, "buergerservice", "Kfz-Zulassung",
         "Fahrzeuge an-, um- und abmelden.",
         "Die Kfz-Zulassungsstelle ist Teil des Bürgerservice. Termine vergeben wir online.",
         "2024-02-20T09:15:00Z", 8),
    _doc("fundbuero", BS, "buergerservice", "Fundbüro",
         "Etwas verloren? Das Fundbüro hilft.",
         "Im Fundbüro werden Fundsachen aus dem Stadtgebiet und den Straßenbahnen aufbewahrt.",
         "2022-11-30T12:00:00Z"),
    _doc("buergeramt-termine", BS, "buergerservice", "Termine im Bürgeramt",
         "Termine online buchen.",
         "Termine für das Bürgeramt buchen Sie online. Ohne Termin kann es zu Wartezeiten kommen.",
         "2025-04-02T06:45:00Z", 60),
    _doc("hundesteuer", BS, "buergerservice", "Hundesteuer",
         "Hunde müssen angemeldet werden.",
         "Wer einen Hund hält, zahlt Hundesteuer. Die Anmeldung erfolgt beim Steueramt.",
         "2021-05-10T10:00:00Z"),
    _doc("abfallkalender", UA, "umwelt-abfall", "Abfallkalender 2025",
         "Die Abholtermine für Restmüll, Biotonne und Gelbe Tonne.",
         "Die Müllabfuhr leert Restmüll und Biotonne an der Straße. Den Abfallkalender gibt "
         "es als PDF.", "2024-12-01T08:00:00Z", 90),
    _doc("wertstoffhof", UA, "umwelt-abfall", "Wertstoffhöfe",
         "Öffnungszeiten und Annahme der Wertstoffhöfe.",
         "Sperrmüll, Elektrogeräte und Grünschnitt nehmen die Wertstoffhöfe an.",
         "2024-03-18T09:00:00Z", 15),
    _doc("sperrmuell", UA, "umwelt-abfall", "Sperrmüll anmelden",
         "Sperrmüll wird auf Abruf abgeholt.",
         "Sperrmüll melden Sie online oder telefonisch an; die Abholung ist zweimal im Jahr "
         "kostenlos.", "2023-07-07T07:00:00Z"),
    _doc("baumschutz", UA, "umwelt-abfall", "Baumschutzsatzung",
         "Fällgenehmigung für geschützte Bäume.",
         "Für das Fällen geschützter Bäume brauchen Sie eine Genehmigung der Naturschutzbehörde.",
         "2020-10-01T10:00:00Z"),
    _doc("luftqualitaet", UA, "umwelt-abfall", "Luftqualität",
         "Messwerte der Luftmessstationen.",
         "Die Messstationen in der Innenstadt erfassen Feinstaub und Stickstoffdioxid.",
         "2024-08-22T11:00:00Z"),
    _doc("klimaschutz", UA, "umwelt-abfall", "Klimaschutz in der Stadt",
         "Das Klimaschutzkonzept der Stadt.",
         "Das Klimaschutzkonzept beschreibt Maßnahmen für Energie, Verkehr und Gebäude.",
         "2025-02-11T13:00:00Z", 5),
    _doc("stadtmuseum", KF, "kultur", "Stadtmuseum",
         "Ausstellungen zur Stadtgeschichte.",
         "Das Stadtmuseum am Markt zeigt die Geschichte der Stadt von der Gründung bis heute.",
         "2023-04-14T09:00:00Z", 18),
    _doc("theaterhaus", KF, "kultur", "Theaterhaus",
         "Spielplan und Karten.",
         "Das Theaterhaus spielt zeitgenössisches Theater für Erwachsene und Kinder.",
         "2024-09-09T16:00:00Z"),
    _doc("planetarium", KF, "kultur", "Zeiss-Planetarium",
         "Das älteste Planetarium der Welt.",
         "Das Zeiss-Planetarium zeigt Sternenhimmel und Musikshows unter der Kuppel.",
         "2024-01-03T10:00:00Z", 33),
    _doc("freibad", KF, "kultur", "Freibäder und Schwimmhallen",
         "Öffnungszeiten der Bäder.",
         "Im Sommer öffnen das Ostbad und das Südbad; die Schwimmhallen sind ganzjährig offen.",
         "2025-05-20T08:00:00Z", 22),
    _doc("bibliothek", KF, "kultur", "Ernst-Abbe-Bücherei",
         "Die Stadtbibliothek mit Medien für alle.",
         "Die Ernst-Abbe-Bücherei verleiht Bücher, Filme und Spiele. Der Leseausweis ist "
         "für Kinder kostenlos.", "2022-06-30T09:00:00Z"),
    _doc("stadtfest", KF, "kultur", "Altstadtfest",
         "Drei Tage Fest in der Altstadt.",
         "Beim Altstadtfest feiern Vereine und Bands auf dem Marktplatz.",
         "2025-06-01T14:00:00Z"),
    _doc("parken", VK, "verkehr", "Parken in der Innenstadt",
         "Parkhäuser und Parkgebühren.",
         "In der Innenstadt gilt die Parkscheinpflicht. Anwohnerparkausweise gibt es beim "
         "Bürgerservice.", "2024-04-04T09:00:00Z", 11),
    _doc("baustellen", VK, "verkehr", "Baustellen und Sperrungen",
         "Aktuelle Baustellen im Stadtgebiet.",
         "Die Übersicht nennt Baustellen, Umleitungen und Sperrungen der Straßen.",
         "2025-05-30T06:00:00Z", 7),
    _doc("radverkehr", VK, "verkehr", "Radverkehr",
         "Radwege und Fahrradparken.",
         "Die Stadt baut das Radwegenetz aus und schafft Fahrradbügel an Haltestellen.",
         "2023-03-03T10:00:00Z"),
    _doc("nahverkehr", VK, "verkehr", "Bus und Straßenbahn",
         "Fahrpläne des Nahverkehrs.",
         "Busse und Straßenbahnen fahren im Takt; Fahrpläne gibt es beim Nahverkehr.",
         "2024-10-10T07:00:00Z", 3),
    _doc("winterdienst", VK, "verkehr", "Winterdienst",
         "Räum- und Streupflicht.",
         "Eigentümer müssen Gehwege bei Schnee und Glätte räumen und streuen.",
         "2021-12-01T07:00:00Z"),
    _doc("kita-platz", BI, "bildung", "Kita-Platz beantragen",
         "Anmeldung für Kindertagesstätten.",
         "Einen Kita-Platz beantragen Sie über das Kita-Portal mindestens sechs Monate vorher.",
         "2025-01-08T08:00:00Z", 28),
    _doc("schulanmeldung", BI, "bildung", "Schulanmeldung",
         "Anmeldung an Grundschulen.",
         "Kinder werden im Herbst vor dem Schuljahr an der zuständigen Grundschule angemeldet.",
         "2024-11-11T08:00:00Z"),
    _doc("volkshochschule", BI, "bildung", "Volkshochschule",
         "Kurse für Sprachen, Beruf und Gesundheit.",
         "Die Volkshochschule bietet Sprachkurse, Computerkurse und Gesundheitskurse an.",
         "2023-08-15T09:00:00Z"),
    _doc("musikschule", BI, "bildung", "Musikschule",
         "Unterricht für Kinder und Erwachsene.",
         "Die Musikschule unterrichtet Instrumente, Gesang und Ensemblespiel.",
         "2022-02-02T10:00:00Z"),
    _doc("stadtrat", RH, "rathaus", "Stadtrat",
         "Sitzungen und Beschlüsse des Stadtrats.",
         "Der Stadtrat tagt öffentlich im Rathaus; Tagesordnungen stehen im Ratsinformationssystem.",
         "2025-03-20T15:00:00Z", 9),
    _doc("oberbuergermeister", RH, "rathaus", "Oberbürgermeister",
         "Der Oberbürgermeister der Stadt.",
         "Der Oberbürgermeister leitet die Stadtverwaltung und vertritt die Stadt nach außen.",
         "2024-07-01T09:00:00Z"),
    _doc("stellenangebote", RH, "rathaus", "Stellenangebote",
         "Arbeiten bei der Stadtverwaltung.",
         "Die Stadtverwaltung sucht Fachkräfte für Verwaltung, Technik und Soziales.",
         "2025-05-05T08:00:00Z", 14),
    _doc("armutspraevention", RH, "rathaus", "Projekt Armutsprävention",
         "Kommunale Strategie gegen Armut.",
         "Ziel ist die Entwicklung einer kommunalen Armutspräventionsstrategie mit "
         "Wohlfahrtsverbänden, Kirchen und Vereinen. <b>Teilhabe</b> & \"Bildung\" für alle.",
         "2019-09-19T09:00:00Z"),
]


def ensure_fixture_docs(core_url: str) -> None:
    """Make the core hold exactly DOCS (other tests may have emptied or refilled it)."""
    core = Core(core_url)
    if core.count() == len(DOCS) and core.count(f"id:{ID_PREFIX}*") == len(DOCS):
        return
    core.load(DOCS, suggester=True)


@dataclass
class LiveServer:
    """A Flask app served by werkzeug in a background thread on 127.0.0.1:<random port>."""

    app: Flask
    server: BaseWSGIServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        """Base URL without a trailing slash."""
        return f"http://127.0.0.1:{self.server.server_port}"

    @classmethod
    def start(cls, app: Flask) -> "LiveServer":
        """Serve `app` (threaded, so that concurrent requests really overlap)."""
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
        thread.start()
        return cls(app, server, thread)

    def stop(self) -> None:
        """Shut the server down and wait for its thread."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
