"""Offices behind the services: contact blocks and staff tables (all names and numbers invented).

The contact block and the staff table are what makes many real pages of one office look
alike: the same long block of addresses, phone numbers, opening hours and clerks (with the
letters of the alphabet each one handles) under every service of that office.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Office:
    """An office with its contact block, the host its pages live on, and its staff."""

    key: str
    name: str
    unit: str
    host: str
    category: str
    www_path: str  # the folder of its pages on www.jena.de's long paths
    address: str
    phone: str
    mail: str
    hours: str
    staff: tuple[tuple[str, str, str], ...] = ()  # (name, letters or task, phone)


_BS_HOURS = ("Montag 08:00 – 16:00 Uhr; Dienstag 08:00 – 18:00 Uhr; Mittwoch 08:00 – 12:00 Uhr; "
             "Donnerstag 08:00 – 18:00 Uhr; Freitag 08:00 – 13:00 Uhr; Samstag nur mit Termin")
_ADMIN_HOURS = ("Montag und Mittwoch 08:00 – 12:00 Uhr; Dienstag 08:00 – 12:00 Uhr und "
                "13:00 – 16:00 Uhr; Donnerstag 08:00 – 12:00 Uhr und 13:00 – 18:00 Uhr")

OFFICES: dict[str, Office] = {o.key: o for o in (
    Office("buergerservice", "Bürgerservice", "Fachdienst Bürgerservice und Meldewesen",
           "service.jena.de", "Bürgerservice",
           "de/stadt_verwaltung/stadtverwaltung/dezernat2/fachbereich_buergerdienste/"
           "fachdienst_buergerservice", "Rathausgasse 9, 07743 Jena", "03641 49-2100",
           "buergerservice@jena.de", _BS_HOURS,
           (("Anke Vollrath", "A – D", "49-2111"), ("Jens Kühnert", "E – Hn", "49-2112"),
            ("Sabine Möbius", "Ho – L", "49-2113"), ("Tobias Rennert", "M – R", "49-2114"),
            ("Ilka Scharf", "S – Sch", "49-2115"), ("Paul Weidemann", "St – Z", "49-2116"))),
    Office("kfz", "Kfz-Zulassung und Fahrerlaubnisse", "Fachdienst Straßenverkehr",
           "service.jena.de", "Bürgerservice",
           "de/stadt_verwaltung/stadtverwaltung/dezernat2/fachbereich_buergerdienste/"
           "fachdienst_strassenverkehr", "Rathausgasse 9, 07743 Jena", "03641 49-2200",
           "zulassung@jena.de", _BS_HOURS,
           (("Marko Dietel", "Zulassung A – K", "49-2211"),
            ("Kerstin Albrecht", "Zulassung L – Z", "49-2212"),
            ("Ronny Seifert", "Fahrerlaubnisse", "49-2230"),
            ("Daniela Pohle", "Bewohnerparken", "49-2240"))),
    Office("standesamt", "Standesamt", "Fachdienst Personenstandswesen", "service.jena.de",
           "Bürgerservice",
           "de/stadt_verwaltung/stadtverwaltung/dezernat2/fachbereich_buergerdienste/"
           "standesamt", "Markt 1, 07743 Jena", "03641 49-2300", "standesamt@jena.de",
           _ADMIN_HOURS,
           (("Claudia Ebert", "Geburten", "49-2311"), ("Heike Brandt", "Eheschließungen A – L",
                                                       "49-2312"),
            ("Nico Gräfe", "Eheschließungen M – Z", "49-2313"),
            ("Ute Lindner", "Sterbefälle", "49-2314"))),
    Office("steuern", "Steuern und Abgaben", "Fachdienst Finanzen, Steuerverwaltung",
           "service.jena.de", "Bürgerservice",
           "de/stadt_verwaltung/stadtverwaltung/dezernat1/fachdienst_finanzen", "Am Anger 26, 07743 Jena",
           "03641 49-2500", "steuern@jena.de", _ADMIN_HOURS,
           (("Frank Walther", "Hundesteuer", "49-2511"),
            ("Mandy Kreutzer", "Grundsteuer A – K", "49-2512"),
            ("Sven Hoppe", "Grundsteuer L – Z", "49-2513"))),
    Office("gewerbe", "Gewerbe und Veranstaltungen", "Fachdienst Sicherheit und Ordnung, Gewerbe",
           "service.jena.de", "Bürgerservice",
           "de/stadt_verwaltung/stadtverwaltung/dezernat2/fachdienst_sicherheit_ordnung",
           "Löbdergraben 12, 07743 Jena", "03641 49-3100", "gewerbe@jena.de", _ADMIN_HOURS),
    Office("ordnung", "Ordnungsamt", "Fachdienst Sicherheit und Ordnung", "service.jena.de",
           "Bürgerservice",
           "de/stadt_verwaltung/stadtverwaltung/dezernat2/fachdienst_sicherheit_ordnung",
           "Löbdergraben 12, 07743 Jena", "03641 49-3200", "ordnungsamt@jena.de", _ADMIN_HOURS),
    Office("wahlen", "Wahlbüro", "Team Wahlen und Statistik", "service.jena.de", "Bürgerservice",
           "de/stadt_verwaltung/stadtverwaltung/dezernat1/wahlen", "Am Anger 28, 07743 Jena",
           "03641 49-1600", "wahlen@jena.de", _ADMIN_HOURS),
    Office("auslaender", "Ausländerbehörde", "Fachdienst Migration und Integration",
           "service.jena.de", "Bürgerservice",
           "de/stadt_verwaltung/stadtverwaltung/dezernat2/fachdienst_migration",
           "Saalbahnhofstraße 4, 07743 Jena", "03641 49-2700", "auslaenderbehoerde@jena.de",
           _ADMIN_HOURS,
           (("Olga Petrenko", "Studium A – M", "49-2711"), ("Lars Fiedler", "Studium N – Z", "49-2712"),
            ("Amira Haddad", "Erwerbstätigkeit", "49-2713"), ("Jan Tietze", "Einbürgerung", "49-2720"))),
    Office("soziales", "Soziales", "Fachdienst Soziales", "www.jena.de", "Soziales",
           "de/leben_in_jena/soziales", "Lutherplatz 3, 07743 Jena", "03641 49-3400",
           "soziales@jena.de", _ADMIN_HOURS,
           (("Birgit Sommer", "Wohngeld A – G", "49-3411"), ("Karsten Beyer", "Wohngeld H – P",
                                                             "49-3412"),
            ("Nadine Ulbricht", "Wohngeld Q – Z", "49-3413"))),
    Office("familie", "Jugend und Familie", "Fachdienst Jugendhilfe", "www.jena.de",
           "Familie & Bildung", "de/leben_in_jena/familie_bildung", "Lutherplatz 3, 07743 Jena",
           "03641 49-3600", "jugendamt@jena.de", _ADMIN_HOURS),
    Office("bauen", "Bauordnung und Denkmalschutz", "Fachdienst Bauaufsicht",
           "rathaus.jena.de", "Bauen & Wohnen", "de/planen_bauen/bauordnung",
           "Am Anger 26, 07743 Jena", "03641 49-5100", "bauaufsicht@jena.de", _ADMIN_HOURS,
           (("Dirk Hesse", "Stadtteile Nord, Zwätzen, Löbstedt", "49-5111"),
            ("Martina Kaiser", "Innenstadt, West, Lichtenhain", "49-5112"),
            ("Uwe Reichel", "Lobeda, Winzerla, Ost", "49-5113"))),
    Office("verkehr", "Straßenverkehrsbehörde", "Fachdienst Verkehrsorganisation",
           "mobilitaet.jena.de", "Verkehr & Mobilität", "de/verkehr/strassenverkehrsbehoerde",
           "Am Anger 26, 07743 Jena", "03641 49-5300", "verkehrsbehoerde@jena.de", _ADMIN_HOURS),
    Office("mobilitaet", "Mobilität und Verkehrsplanung", "Team Mobilitätsplanung",
           "mobilitaet.jena.de", "Verkehr & Mobilität", "de/verkehr/verkehrsplanung",
           "Am Anger 26, 07743 Jena", "03641 49-5350", "mobilitaet@jena.de", _ADMIN_HOURS),
    Office("ksj", "Kommunalservice Jena", "Eigenbetrieb Kommunalservice Jena (KSJ)",
           "ksj.jena.de", "Abfall & Stadtreinigung", "de/umwelt/abfall",
           "Löbstedter Straße 56, 07749 Jena", "03641 4989-500", "ksj@jena.de",
           "Servicebüro Montag bis Freitag 08:00 – 16:00 Uhr, Donnerstag bis 18:00 Uhr",
           (("Heiko Trautmann", "Gebühren A – F", "4989-521"), ("Silke Oertel", "Gebühren G – L",
                                                                "4989-522"),
            ("Ramona Kirst", "Gebühren M – R", "4989-523"), ("Bernd Lauterbach", "Gebühren S – Z",
                                                             "4989-524"),
            ("Yvonne Gerlach", "Sperrmüll", "4989-510"))),
    Office("umwelt", "Umwelt und Naturschutz", "Fachdienst Umweltschutz", "umwelt.jena.de",
           "Umwelt & Klima", "de/umwelt/umweltschutz", "Am Anger 26, 07743 Jena",
           "03641 49-5400", "umweltschutz@jena.de", _ADMIN_HOURS,
           (("Katrin Wenzel", "Baumschutz", "49-5411"), ("Matthias Böhme", "Naturschutz", "49-5412"),
            ("Franziska Ludwig", "Klimaschutz", "49-5420"))),
)}
