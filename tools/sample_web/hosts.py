"""The hosts of the sample city web and the lines each one puts above and below its content.

Real city sites carry lines inside the content area that are not content: a skip link a
theme never removed, photo credits, a "search this page" box, a cookie note. Each host has its
own; they are part of ``<main>`` on purpose, so that the indexer meets them as it meets them
on the real sites.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Host:
    """One site of the city web."""

    name: str
    site_title: str
    top_lines: tuple[str, ...]  # plain text lines at the top of <main>
    bottom_lines: tuple[str, ...]  # plain text lines at the end of <main>
    markers: bool = False  # wraps the content in TYPO3SEARCH markers


HOSTS: dict[str, Host] = {h.name: h for h in (
    Host("www.jena.de", "Stadt Jena",
         ("Ansicht des Verwaltungsgebäudes Am Anger 26 © Stadt Jena, Foto: Lutz Wernecke",
          "Jetzt auf Seite suchen"),
         ("Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie der Verwendung zu.",),
         markers=True),
    Host("service.jena.de", "Jena Service",
         ("Dummy link to fix Firefox-Bug: First child with tabindex is ignored",),
         ("Seite teilen: Facebook, X, E-Mail, Drucken",)),
    Host("rathaus.jena.de", "Rathaus Jena",
         ("Blick auf das Historische Rathaus am Markt © Stadt Jena, Foto: Anja Rostock",
          "Jetzt auf Seite suchen"),
         ("Wir verwenden Cookies für die Statistik. Einstellungen können Sie jederzeit "
          "ändern.",)),
    Host("ksj.jena.de", "Kommunalservice Jena",
         ("Müllfahrzeug des KSJ im Einsatz © KSJ, Foto: Ronald Kühn",),
         ("Abfall-App „MeinJena“ jetzt kostenlos herunterladen",)),
    Host("maengelmelder.jena.de", "Mängelmelder Jena",
         ("Zur Kartenansicht springen",),
         ("Alle Meldungen werden vor der Veröffentlichung geprüft. Nutzungsbedingungen",)),
    Host("mobilitaet.jena.de", "Mobilität in Jena",
         ("Straßenbahn am Ernst-Abbe-Platz © Stadt Jena, Foto: Tino Zippel",
          "Dummy link to fix Firefox-Bug: First child with tabindex is ignored"),
         ("Newsletter Mobilität abonnieren",)),
    Host("umwelt.jena.de", "Umwelt in Jena",
         ("Blick vom Jenzig auf das Saaletal © Stadt Jena, Foto: Katrin Ulm",),
         ("Diese Seite verwendet nur technisch notwendige Cookies.",)),
    Host("vorhaben.jena.de", "Vorhabenliste Jena",
         ("Jetzt auf Seite suchen",),
         ("Die Vorhabenliste wird vom Büro für Bürgerbeteiligung gepflegt.",)),
)}
