"""Translated titles of the portal's language copies, and the few pages that are really English.

The service portal offers every service in several languages, but only the title and a few
labels are translated: the body stays German. ``TITLES`` holds those translated titles.
``ENGLISH`` holds the handful of pages whose body is English as well (title, summary,
documents, costs), so that English queries have a right answer.
"""

from __future__ import annotations

# key -> {language: title}
TITLES: dict[str, dict[str, str]] = {
    "wohnung-ummelden": {"en": "Change the registration of an apartment", "it": "Cambiare la registrazione dell'abitazione",
                         "pl": "Zmiana zameldowania mieszkania", "fr": "Modifier l'enregistrement du logement",
                         "zh-hans": "住址变更登记", "pt-pt": "Alterar o registo da habitação"},
    "wohnsitz-abmelden": {"en": "Deregister your residence when moving abroad", "it": "Cancellazione della residenza per trasferimento all'estero",
                          "pl": "Wymeldowanie przy wyjeździe za granicę", "fr": "Désinscription en cas de départ à l'étranger"},
    "meldebescheinigung": {"en": "Certificate of registration", "it": "Certificato di residenza",
                           "pl": "Zaświadczenie o zameldowaniu", "fr": "Attestation de domicile",
                           "zh-hans": "户籍登记证明", "pt-pt": "Certificado de residência"},
    "reisepass": {"en": "Apply for a passport", "it": "Richiedere il passaporto", "pl": "Wniosek o paszport",
                  "fr": "Demander un passeport", "zh-hans": "申请护照", "pt-pt": "Pedir passaporte"},
    "ausweis-verloren": {"en": "Report a lost or stolen ID document", "it": "Denuncia di smarrimento del documento",
                         "pl": "Zgłoszenie utraty dowodu osobistego", "fr": "Déclarer la perte d'une pièce d'identité"},
    "fuehrungszeugnis": {"en": "Certificate of good conduct", "it": "Certificato penale",
                         "pl": "Zaświadczenie o niekaralności", "fr": "Extrait de casier judiciaire",
                         "zh-hans": "无犯罪记录证明", "pt-pt": "Certificado de registo criminal"},
    "melderegisterauskunft": {"en": "Information from the population register", "it": "Informazioni dal registro anagrafico",
                              "pl": "Informacja z rejestru meldunkowego", "fr": "Renseignement du registre de population"},
    "beglaubigung": {"en": "Certification of copies and signatures", "it": "Autenticazione di copie e firme",
                     "pl": "Poświadczenie kopii i podpisów", "fr": "Certification de copies et de signatures"},
    "fundbuero": {"en": "Lost and found office", "it": "Ufficio oggetti smarriti", "pl": "Biuro rzeczy znalezionych",
                  "fr": "Bureau des objets trouvés", "zh-hans": "失物招领处", "pt-pt": "Perdidos e achados"},
    "kfz-abmeldung": {"en": "Deregister a vehicle", "it": "Cancellare un veicolo", "pl": "Wyrejestrowanie pojazdu",
                      "fr": "Retirer un véhicule de la circulation"},
    "wunschkennzeichen": {"en": "Reserve a personalised number plate", "it": "Prenotare una targa personalizzata",
                          "pl": "Rezerwacja wybranej tablicy rejestracyjnej", "fr": "Réserver une plaque personnalisée"},
    "fuehrerschein": {"en": "Apply for or exchange a driving licence", "it": "Richiedere o convertire la patente",
                      "pl": "Wniosek o prawo jazdy i wymiana", "fr": "Demander ou échanger un permis de conduire",
                      "zh-hans": "申请或更换驾照", "pt-pt": "Pedir ou trocar a carta de condução"},
    "bewohnerparkausweis": {"en": "Resident parking permit", "it": "Permesso di parcheggio per residenti",
                            "pl": "Karta parkingowa dla mieszkańców", "fr": "Carte de stationnement résidentiel"},
    "geburt-beurkunden": {"en": "Registering a birth", "it": "Registrare una nascita", "pl": "Rejestracja urodzenia",
                          "fr": "Déclarer une naissance", "zh-hans": "出生登记", "pt-pt": "Registar um nascimento"},
    "eheschliessung": {"en": "Registering a marriage", "it": "Registrare un matrimonio", "pl": "Zgłoszenie zawarcia małżeństwa",
                       "fr": "Déclarer un mariage", "zh-hans": "结婚登记", "pt-pt": "Registar um casamento"},
    "sterbefall": {"en": "Registering a death", "it": "Registrare un decesso", "pl": "Rejestracja zgonu",
                   "fr": "Déclarer un décès"},
    "kirchenaustritt": {"en": "Leaving a church", "it": "Uscire dalla chiesa", "pl": "Wystąpienie z Kościoła",
                        "fr": "Quitter une Église"},
    "zweitwohnungssteuer": {"en": "Second home tax", "it": "Imposta sulla seconda casa", "pl": "Podatek od drugiego mieszkania",
                            "fr": "Taxe sur les résidences secondaires"},
    "gewerbe-anmelden": {"en": "Register a business", "it": "Registrare un'attività commerciale",
                         "pl": "Rejestracja działalności gospodarczej", "fr": "Déclarer une activité commerciale",
                         "zh-hans": "营业登记", "pt-pt": "Registar uma atividade comercial"},
    "briefwahl": {"en": "Postal voting", "it": "Voto per corrispondenza", "pl": "Głosowanie korespondencyjne",
                  "fr": "Vote par correspondance"},
    "einbuergerung": {"en": "Naturalisation", "it": "Naturalizzazione", "pl": "Naturalizacja", "fr": "Naturalisation",
                      "zh-hans": "入籍申请", "pt-pt": "Naturalização"},
    "verpflichtungserklaerung": {"en": "Formal obligation for visitors from abroad", "it": "Dichiarazione di impegno per ospiti",
                                 "pl": "Zobowiązanie dla gości z zagranicy", "fr": "Prise en charge pour visiteurs étrangers"},
    "fischereischein": {"en": "Fishing licence", "it": "Licenza di pesca", "pl": "Karta wędkarska", "fr": "Permis de pêche"},
    "ruhestoerung": {"en": "Report noise disturbance", "it": "Segnalare disturbi della quiete", "pl": "Zgłoszenie zakłócania ciszy",
                     "fr": "Signaler des nuisances sonores"},
    "sperrmuell": {"en": "Bulky waste collection", "it": "Ritiro rifiuti ingombranti", "pl": "Odbiór odpadów wielkogabarytowych",
                   "fr": "Enlèvement des encombrants"},
    "wohngeld": {"en": "Housing benefit", "it": "Sussidio per l'alloggio", "pl": "Dodatek mieszkaniowy",
                 "fr": "Allocation de logement", "zh-hans": "住房补贴", "pt-pt": "Subsídio de habitação"},
    "kitaplatz": {"en": "Apply for a daycare place", "it": "Richiedere un posto all'asilo nido", "pl": "Wniosek o miejsce w przedszkolu",
                  "fr": "Demander une place en crèche"},
    "baugenehmigung": {"en": "Apply for a building permit", "it": "Richiedere un permesso di costruire",
                       "pl": "Wniosek o pozwolenie na budowę", "fr": "Demander un permis de construire"},
}

# key -> (title, summary, documents, costs): the portal's pages written in English
ENGLISH: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "personalausweis": (
        "Identity card",
        "German citizens aged 16 and over must hold a valid identity card or passport. You apply "
        "in person at the Citizens' Service; the card is ready after about three to four weeks.",
        ("your current identity card or passport", "a digital biometric photo",
         "your birth certificate for a first application"),
        "37.00 euros from the age of 24, 22.80 euros under 24."),
    "wohnsitz-anmelden": (
        "Register your address after moving to Jena",
        "Everyone who moves into a flat in Jena has to register the new address at the "
        "Citizens' Service within two weeks of moving in. Students receive a welcome bonus when "
        "Jena becomes their main residence.",
        ("passport or identity card of everyone moving in", "confirmation from the landlord"),
        "Registration is free of charge."),
    "abfuhrtermine": (
        "Waste collection dates",
        "Find out when your bins are emptied: the waste calendar lists the collection days for "
        "every street and house number. Dates move by one day after public holidays.",
        ("none",),
        "The printed waste calendar is free."),
    "aufenthaltstitel": (
        "Extending a residence permit",
        "The Immigration Office extends residence permits for study, work and family reasons. "
        "Apply online at least six weeks before your permit expires.",
        ("passport", "biometric photo", "proof of health insurance and income"),
        "Up to 98 euros."),
    "hundesteuer": (
        "Registering a dog and dog tax",
        "Dog owners register their dog with the tax office of the city within two weeks and "
        "receive a dog tag. The tax is charged per year.",
        ("registration form",),
        "120 euros a year for the first dog, 180 euros for each further dog."),
    "kfz-zulassung": (
        "Registering a car",
        "New and used cars, motorcycles and trailers are registered at the vehicle registration "
        "office. Online registration is possible for documents with security codes.",
        ("identity card", "registration certificates part I and II", "insurance confirmation"),
        "Between 27 and 40 euros plus number plates."),
}
