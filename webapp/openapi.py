"""OpenAPI 3 description of the widget API."""

from __future__ import annotations

from typing import Any

from .request import DOC_TYPES, LANGUAGES, MAX_QUERY_LENGTH, MAX_SITE_LENGTH, ROWS_CHOICES, Sort


def _param(name: str, schema: dict[str, Any], text: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": text}


SEARCH_PARAMS = [
    _param("q", {"type": "string", "maxLength": MAX_QUERY_LENGTH},
           f"Suchbegriffe; längere Eingaben werden auf {MAX_QUERY_LENGTH} Zeichen gekürzt."),
    _param("category", {"type": "string"}, "Nur Ergebnisse dieser Kategorie."),
    _param("page", {"type": "integer", "minimum": 1, "default": 1},
           "Ergebnisseite; zu große Werte ergeben die letzte Seite."),
    _param("rows", {"type": "integer", "enum": list(ROWS_CHOICES), "default": 10},
           "Ergebnisse pro Seite; andere Werte ergeben 10."),
    _param("sort", {"type": "string", "enum": [s.value for s in Sort]},
           "Sortierung; fehlt sie oder ist sie unbekannt, gilt die Standard-Sortierung der "
           "Redaktion (ohne Einstellung: Relevanz). inData.SORT nennt die angewandte."),
    _param("typ", {"type": "string", "enum": list(DOC_TYPES)},
           "Nur Dokumente (dokumente) oder nur einen Dateityp (pdf, docx, odt); "
           "unbekannte Werte werden ignoriert."),
    _param("sprache", {"type": "string", "enum": list(LANGUAGES)},
           "Nur Seiten, die in dieser Sprache veröffentlicht sind; unbekannte Werte werden "
           "ignoriert (mit Hinweis in outData.notices)."),
    _param("bereich", {"type": "string", "maxLength": MAX_SITE_LENGTH},
           "Nur Seiten dieses Bereichs (Werte aus outData.facets.site)."),
    _param("exact", {"type": "boolean", "default": False},
           "„wortwörtlich“: die ganze Eingabe als Phrase, ohne Grundformbildung."),
    _param("sid", {"type": "string", "pattern": "^[0-9a-f]{32}$"},
           "searchId der Trefferliste, von der aus diese Suche kommt (für die Statistik; "
           "andere Werte werden ignoriert)."),
    _param("autocorrect", {"type": "boolean", "default": True},
           "Bei 0 Treffern die Ergebnisse der Korrektur zeigen."),
]

def _obj(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties, all present (null where marked nullable)."""
    return {"type": "object", "properties": properties, "required": sorted(properties),
            "additionalProperties": False}


def _optional(schema: dict[str, Any], *names: str) -> dict[str, Any]:
    """`schema` with the properties `names` present only sometimes."""
    return {**schema, "required": [n for n in schema["required"] if n not in names]}


FILE = {**_obj({
    "type": {"type": "string", "enum": ["PDF", "DOCX", "ODT"]},
    "size": {"type": "integer", "nullable": True, "description": "Bytes"},
    "label": {"type": "string", "example": "PDF, 240 KB"},
    "pages": {"type": "integer", "nullable": True},
    "linkedFrom": {"type": "string", "format": "uri", "nullable": True,
                   "description": "Seite, die das Dokument verlinkt."},
    "linkedFromTitle": {"type": "string", "nullable": True},
}), "nullable": True, "description": "Nur bei Dokumenten (PDF, DOCX, ODT), bei Webseiten null."}

FACET_VALUE = _obj({"value": {"type": "string"}, "count": {"type": "integer"}})

DOC = _obj({
    "id": {"type": "string"}, "title": {"type": "string"},
    "url": {"type": "string", "format": "uri"},
    "clickUrl": {"type": "string", "description": "Zählt den Klick und leitet weiter."},
    "category": {"type": "string", "nullable": True},
    "onlineDate": {"type": "string", "format": "date-time", "nullable": True,
                   "description": "UTC. Nennt die Seite nur einen Tag, ist es dieser Tag um "
                                  "00:00 UTC und onlineDateHasTime ist false."},
    "onlineDateHasTime": {"type": "boolean", "nullable": True,
                          "description": "true nur, wenn die Seite eine Uhrzeit nennt; "
                                         "Uhrzeiten werden in Europe/Berlin angezeigt."},
    "clickCounter": {"type": "integer"},
    "snippet": {"type": "string", "description": "HTML-kodierter Text, nur <mark> ist Markup."},
    "file": FILE,
    "allWords": {"type": "boolean",
                 "description": "false: die Seite enthält nicht alle Suchbegriffe."},
    "otherUrls": {"type": "array", "items": {"type": "string", "format": "uri"},
                  "description": "Dieselbe Seite unter weiteren Adressen (die beste zuerst, "
                                 "höchstens fünf); die Seite erscheint nur einmal."},
    "otherUrlsTotal": {"type": "integer", "description": "Zahl aller weiteren Adressen."},
    "language": {"type": "string", "nullable": True,
                 "description": "Sprache, in der die Seite veröffentlicht ist (de, en, …)."},
})

LANGUAGE_VALUE = _obj({"value": {"type": "string", "enum": list(LANGUAGES)},
                       "label": {"type": "string", "example": "Englisch"},
                       "count": {"type": "integer"}})

PAGER_ITEM = _obj({"page": {"type": "integer"}, "currentPage": {"type": "integer"},
                   "isCurrent": {"type": "boolean"}})

SEARCH_RESPONSE = _obj({
    "inData": _optional(_obj({
        "KEYWORD": {"type": "string"}, "CATEGORY": {"type": "string"},
        "PAGE": {"type": "integer"}, "ROWS": {"type": "integer", "enum": list(ROWS_CHOICES)},
        "SORT": {"type": "string", "enum": [s.value for s in Sort]},
        "EXACT": {"type": "boolean"},
        "TYPE": {"type": "string", "enum": ["", *DOC_TYPES],
                 "description": "Dateityp-Filter (typ), leer ohne Filter."},
        "LANGUAGE": {"type": "string", "enum": list(LANGUAGES),
                     "description": "Sprach-Filter (sprache); fehlt ohne Filter."},
        "SITE": {"type": "string", "description": "Bereichs-Filter (bereich); fehlt ohne "
                                                  "Filter."}}), "LANGUAGE", "SITE"),
    "outData": _obj({
        "response": _obj({
            "numFound": {"type": "integer"}, "start": {"type": "integer"},
            "docs": {"type": "array", "items": DOC}}),
        "currentKeyword": {"type": "string"},
        "summary": {"type": "string", "description": "Leer ohne Treffer."},
        "replacedKeyword": {"type": "string", "nullable": True},
        "pager": _obj({
            "numPages": {"type": "integer", "description": "0 ohne Treffer."},
            "currentPage": {"type": "integer"},
            "pages": {"type": "array", "items": PAGER_ITEM, "minItems": 1,
                      "description": "Seitenfenster um die aktuelle Seite; ohne Treffer nur "
                                     "Seite 1, damit pages[0].currentPage immer gilt."}}),
        "facets": _obj({
            "category": {"type": "array", "items": FACET_VALUE},
            "fileType": {"type": "array", "items": FACET_VALUE,
                         "description": "Dokumente je Dateityp, ohne den typ-Filter gezählt."},
            "language": {"type": "array", "items": LANGUAGE_VALUE,
                         "description": "Ergebnisse je Sprache, ohne den sprache-Filter "
                                        "gezählt: so viele zeigt die Wahl der Sprache."},
            "site": {"type": "array", "items": FACET_VALUE,
                     "description": "Ergebnisse je Bereich, ohne den bereich-Filter gezählt."}}),
        "spellcheck": _obj({
            "collation": {"type": "string", "nullable": True,
                          "description": "„Meinten Sie“: die ganze korrigierte Suchanfrage."},
            "collationHits": {"type": "integer"},
            "suggestions": {"type": "array", "items": _obj({
                "word": {"type": "string"},
                "alternatives": {"type": "array", "items": {"type": "string"}}})}}),
        "notices": {"type": "array", "items": {"type": "string"}},
        "partialMatches": {"type": "boolean", "description":
                           "true, wenn Treffer dabei sind, die nicht alle Suchbegriffe "
                           "enthalten (gelockerte Suche: sie stehen nach allen Treffern "
                           "mit allen Begriffen)."},
        "partialMatchesNotice": {"type": "string", "nullable": True, "description":
                                 "Hinweis zum Anzeigen vor dem ersten solchen Treffer: "
                                 "„Ergebnisse, die nicht alle Suchbegriffe enthalten“."},
        "searchId": {"type": "string", "description":
                     "Zufällige Kennung dieser Suche (leer ohne Suche): als sid an die "
                     "nächste Suche von dieser Trefferliste anhängen; clickUrl enthält sie "
                     "schon."},
    }),
})

ERROR = {"type": "object", "properties": {"error": {"type": "object", "properties": {
    "status": {"type": "integer"}, "title": {"type": "string"}, "message": {"type": "string"}}}}}


def _json(schema: dict[str, Any], text: str) -> dict[str, Any]:
    return {"description": text, "content": {"application/json": {"schema": schema}}}


def openapi_document(server_url: str) -> dict[str, Any]:
    """The OpenAPI 3.0 document, with `server_url` as the server."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "Stadtsuche Jena API", "version": "1.0.0",
                 "description": "Suche auf jena.de im Datenmodell des Such-Widgets."},
        "servers": [{"url": server_url}],
        "paths": {
            "/api/search": {"get": {
                "summary": "Volltextsuche", "operationId": "search",
                "parameters": SEARCH_PARAMS,
                "responses": {"200": _json(SEARCH_RESPONSE, "Suchergebnis"),
                              "400": _json(ERROR, "Ungültige Anfrage"),
                              "503": _json(ERROR, "Suche nicht verfügbar")}}},
            "/api/suggest": {"get": {
                "summary": "Vorschläge zur Autovervollständigung", "operationId": "suggest",
                "parameters": [_param("q", {"type": "string", "maxLength": 60},
                                      "Bisher eingegebener Text (ab 2 Zeichen).")],
                "responses": {"200": _json(_obj({
                    "query": {"type": "string"},
                    "suggestions": {"type": "array", "items": {"type": "string"}}}),
                    "Vorschläge"), "503": _json(ERROR, "Suche nicht verfügbar")}}},
        },
    }
