"""Word lists for the synthetic corpus: municipal German as the city's pages use it."""

SECTIONS = (
    ("buergerservice", "Bürgerservice"), ("soziales", "Soziales"),
    ("familie-bildung", "Familie & Bildung"), ("kultur-freizeit", "Kultur & Freizeit"),
    ("umwelt-abfall", "Umwelt & Abfall"), ("verkehr-mobilitaet", "Verkehr & Mobilität"),
    ("wirtschaft", "Wirtschaft"), ("stadtrat", "Stadtrat"), ("aktuelles", "Aktuelles"),
)
TOPICS = (
    "Personalausweis", "Reisepass", "Meldebescheinigung", "Führungszeugnis", "Hundesteuer",
    "Gewerbeanmeldung", "Wohngeld", "Elterngeld", "Kita-Platz", "Schulanmeldung", "Sperrmüll",
    "Biotonne", "Wertstoffhof", "Abfallkalender", "Baumschutz", "Straßenreinigung",
    "Winterdienst", "Bewohnerparkausweis", "Radverkehr", "Straßenbahn", "Baustelle",
    "Sondernutzung", "Ladesäule", "Stadtbibliothek", "Volkshochschule", "Musikschule",
    "Planetarium", "Theaterhaus", "Schwimmbad", "Sportstätte", "Stadtführung", "Kulturarena",
    "Bürgerbeteiligung", "Haushaltsplan", "Sitzungskalender", "Wahlhelfer", "Fundsache",
    "Eheschließung", "Geburtsurkunde", "Pflegeberatung", "Schuldnerberatung", "Jena-Pass",
    "Seniorenbeirat", "Gesundheitsamt", "Lärmschutz", "Klimaschutz", "Grünfläche",
    "Spielplatz", "Existenzgründung", "Gewerbefläche", "Ausschreibung", "Fachkräftesicherung",
)
ACTIONS = ("beantragen", "verlängern", "anmelden", "abmelden", "ummelden", "abholen",
           "bezahlen", "online buchen", "prüfen lassen", "einreichen", "ändern", "kündigen")
PLACES = ("Lobeda", "Winzerla", "Göschwitz", "Burgau", "Wenigenjena", "Zwätzen", "Löbstedt",
          "Ammerbach", "Drackendorf", "Kunitz", "Ziegenhain", "Jena-Nord", "Jena-Ost",
          "Jena-West", "Jena-Zentrum", "Paradies", "Lichtenhain", "Closewitz", "Isserstedt")
OFFICES = ("Bürgeramt", "Standesamt", "Jugendamt", "Ordnungsamt", "Fachdienst Umwelt",
           "Kommunalservice Jena", "Fachdienst Soziales", "Stadtkasse", "Bauordnungsamt",
           "Team Wirtschaftsförderung", "Fachdienst Verkehrsorganisation", "Kulturamt")
NOUNS = ("Antrag", "Unterlagen", "Gebühr", "Termin", "Frist", "Nachweis", "Bescheid",
         "Formular", "Sprechzeit", "Satzung", "Zuschuss", "Beratung", "Anmeldung", "Ausweis",
         "Haltestelle", "Umleitung", "Öffnungszeit", "Verwaltung", "Förderung", "Stadtrat",
         "Bürgerin", "Bürger", "Einwohnerschaft", "Grundstück", "Fahrzeug", "Mietvertrag")
ADJECTIVES = ("neue", "aktuelle", "zuständige", "barrierefreie", "kostenlose", "digitale",
              "städtische", "gültige", "vollständige", "schriftliche", "persönliche", "jährliche")
SENTENCES = (
    "Den {topic} {action} Sie im {office} der Stadt Jena.",
    "Bitte bringen Sie die {adj} {noun} und einen gültigen Ausweis mit.",
    "Für Einwohnerinnen und Einwohner aus {place} ist das {office} zuständig.",
    "Die Regelung zu {topic} gilt ab dem {day}. {month_name} {year} für das gesamte Stadtgebiet.",
    "Ohne Termin können wir Sie nur im Rahmen freier Kapazitäten bedienen.",
    "Die Gebühr für {topic} beträgt {euro},00 Euro und ist bei Antragstellung zu zahlen.",
    "Informationen zu {topic} und {topic2} erhalten Sie auch telefonisch unter 03641 49-{phone}.",
    "In {place} und {place2} beginnen die Arbeiten voraussichtlich im {month_name}.",
    "Der Stadtrat hat die {adj} Satzung zu {topic} in seiner Sitzung beschlossen.",
    "Anträge auf {topic} {action} Sie bequem online oder persönlich im {office}.",
    "Die Bearbeitung dauert in der Regel {weeks} Wochen, in Einzelfällen auch länger.",
    "Wer {topic} {action} möchte, sollte die {adj} {noun} rechtzeitig vorbereiten.",
)
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
