"""Compare language detectors on short German and English texts: accuracy and speed.

    python -m indexer.tools.language_bench /tmp/docs.jsonl

The German texts are the sample site's titles, teasers and content openings (a ``--dry-run
--jsonl`` of ``sample-site``); the English ones are the city-service sentences below, of the
lengths a title, a teaser and a short page have. Each candidate is asked for German or
English only where it can be told so (as the indexer does), and without that restriction.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

# The languages the indexer tells apart (indexer.parse.body_language.LANGUAGES).
SITE_LANGUAGES = ("de", "en", "fr", "it", "pl", "es", "cs", "ru", "uk", "tr", "ar")

ENGLISH = [
    "Apply for an identity card", "Waste collection calendar", "Parking permits for residents",
    "Registering your address in Jena", "Opening hours of the citizens' office",
    "How to report a pothole", "City library", "Public transport tickets and fares",
    "Childcare places for children under three", "Marriage at the registry office",
    "Bulky waste can be collected twice a year free of charge.",
    "You need a valid passport and the signed tenancy confirmation from your landlord.",
    "The citizens' office is closed on public holidays and on the Friday after Ascension Day.",
    "Please book an appointment online; walk-in visitors may have to wait for a long time.",
    "Dog owners pay an annual tax for every dog that lives in their household in Jena.",
    "Building permits are issued by the building regulations office after the plans are checked.",
    "International students can find advice on residence permits at the foreigners' office.",
    "The recycling centre accepts electrical appliances, garden waste and old furniture.",
    "Welcome to Jena. This page gives visitors from abroad an overview of the most important "
    "services of the city administration, from registering an address to finding a doctor.",
    "If you move to Jena you must register your new address within two weeks. Bring your "
    "identity card or passport and the confirmation of your landlord to the citizens' office.",
    "The city council meets once a month in the town hall. Meetings are public and the "
    "agenda is published one week in advance on the council information system.",
    "Residents can apply for a parking permit for their zone. The permit costs thirty euros "
    "per year and is valid for one vehicle registered at an address inside the zone.",
    "Tourist information", "Contact the mayor's office", "Jobs at the city administration",
    "Accessibility statement", "Privacy policy", "Fire brigade and civil protection",
    "Events in the city centre this weekend", "Lost and found office",
]


def german_texts(path: str) -> list[str]:
    """Titles, teasers and the first 200 characters of content of the dry-run documents."""
    texts = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            texts += [doc["title"], doc.get("teaser") or "", (doc.get("content") or "")[:200]]
    return [t for t in texts if t.strip()]


def candidates() -> dict[str, Callable[[str], str]]:
    """Each library as a function text -> ISO code, restricted to de/en where it allows."""
    import langdetect
    import py3langid
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    langdetect.DetectorFactory.seed = 0
    restricted = LanguageIdentifier.from_model_file(MODEL_FILE)
    restricted.set_languages(["de", "en"])
    several = LanguageIdentifier.from_model_file(MODEL_FILE)
    several.set_languages(list(SITE_LANGUAGES))
    lingua_several = LanguageDetectorBuilder.from_iso_codes_639_1(
        *(IsoCode639_1.from_str(code) for code in SITE_LANGUAGES)).build()
    lingua_de_en = LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()
    lingua_all = LanguageDetectorBuilder.from_all_languages().build()

    def lingua_code(detector: object) -> Callable[[str], str]:
        def detect(text: str) -> str:
            found = detector.detect_language_of(text)  # type: ignore[attr-defined]
            return found.iso_code_639_1.name.lower() if found else "?"
        return detect

    def safe_langdetect(text: str) -> str:
        try:
            return str(langdetect.detect(text))
        except langdetect.LangDetectException:
            return "?"

    return {
        "py3langid (de/en)": lambda t: restricted.classify(t)[0],
        f"py3langid ({len(SITE_LANGUAGES)} languages)": lambda t: several.classify(t)[0],
        "py3langid (all 97)": lambda t: py3langid.classify(t)[0],
        "langdetect (all 55)": safe_langdetect,
        "lingua (de/en)": lingua_code(lingua_de_en),
        f"lingua ({len(SITE_LANGUAGES)} languages)": lingua_code(lingua_several),
        "lingua (all 75)": lingua_code(lingua_all),
    }


def main(argv: list[str]) -> None:
    """Print accuracy per language and text length, and microseconds per text."""
    labelled = [(t, "de") for t in german_texts(argv[0])] + [(t, "en") for t in ENGLISH]
    print(f"{len(labelled)} texts ({sum(1 for _, l in labelled if l == 'de')} de)")
    print("| library | German | English | texts ≤ 30 chars | µs per text |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, detect in candidates().items():
        detect("Warmlaufen")  # models load on first use
        started = time.perf_counter()
        answers = [(detect(text), lang, text) for text, lang in labelled]
        micros = (time.perf_counter() - started) / len(labelled) * 1e6
        share = _share(answers)
        short = _share([a for a in answers if len(a[2]) <= 30])
        print(f"| {name} | {share('de'):.1%} | {share('en'):.1%} | {short(None):.1%} | "
              f"{micros:.0f} |")


def _share(answers: list[tuple[str, str, str]]) -> Callable[[str | None], float]:
    def share(lang: str | None) -> float:
        picked = [a for a in answers if lang is None or a[1] == lang]
        return sum(1 for got, want, _ in picked if got == want) / max(len(picked), 1)
    return share


if __name__ == "__main__":
    main(sys.argv[1:])
