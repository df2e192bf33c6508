"""A page's languages: the one it is published in, and the one its body text is written in.

The published language is the ``lang`` attribute of ``<html>``, else a language segment at
the start of the URL path (``/en/``, ``/it/``, …), else German. A city's translated pages are
often only half translated (the title in English, the body still German), so the body's
language is detected from the text itself (py3langid, chosen by measurement: see
indexer/README.md) among the languages the city publishes in.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from urllib.parse import urlsplit

from indexer.parse.tree import Element, first

log = logging.getLogger(__name__)

DEFAULT = "de"
# The languages told apart; a body in any other language is given the closest of them.
LANGUAGES = ("de", "en", "fr", "it", "pl", "es", "cs", "ru", "uk", "tr", "ar")
# URL segments that name a language (ISO 639-1), as sites publish translations.
URL_LANGUAGES = frozenset(LANGUAGES) | {"nl", "da", "sv", "pt", "hu", "ro", "zh", "ja", "ko",
                                         "fa", "vi", "el", "bg", "hr", "sk", "sl", "sr"}
_CODE = re.compile(r"[a-z]{2,3}")
# A language segment: the ISO 639-1 code, optionally with a script or region subtag.
_SEGMENT = re.compile(r"([a-z]{2})(?:[-_](?:[a-z]{2}|[a-z]{4}))?")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# Texts shorter than this say too little about their language; the published one is kept.
MIN_DETECT_CHARS = 40
DETECT_CHARS = 600


def declared_language(root: Element, url: str) -> str:
    """``<html lang>`` (primary subtag), else the URL's language segment, else ``de``."""
    html = first(root, "html")
    raw = (html.get("lang") or html.get("xml:lang")) if html is not None else None
    primary = (raw or "").strip().split("-")[0].split("_")[0].lower()
    if _CODE.fullmatch(primary):
        return primary
    return url_language(url) or DEFAULT


def url_language(url: str) -> str | None:
    """The language named by the first path segment (``/en/…`` → ``en``, ``/zh-hans/…`` →
    ``zh``, ``/pt-pt/…`` → ``pt``), if any."""
    return segment_language(urlsplit(url).path.lstrip("/").split("/", 1)[0])


def segment_language(segment: str) -> str | None:
    """The language a URL path segment names (``en``, ``zh-hans``, ``pt_PT``), if it names one."""
    match = _SEGMENT.fullmatch(segment.lower())
    return match[1] if match and match[1] in URL_LANGUAGES else None


def body_language(text: str, published: str) -> str:
    """The language the text is written in; ``published`` for texts too short to tell."""
    sample = text[:DETECT_CHARS]
    if len(_NOT_LETTERS.sub("", sample)) < MIN_DETECT_CHARS:
        return published
    try:
        return str(_identifier().classify(sample)[0])
    except Exception:  # an optional field never costs the page its place in the index
        log.exception("language detection failed")
        return published


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(LANGUAGES))
    return identifier
