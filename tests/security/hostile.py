"""Hostile pages, documents and inputs, and the checks every response must pass."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

MARKER = "Bösewicht"  # every hostile document contains this word, so one search finds all
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
ANGULAR = "[[ constructor.constructor('alert(1)')() ]]"
MUSTACHE = "{{ constructor.constructor('alert(2)')() }}"
SVG = "<svg/onload=alert(3)>"
JS_URL = "javascript:alert(4)"
EVIL_SITE = "https://evil.example/phishing.html"
PAYLOADS = (SCRIPT, IMG, ANGULAR, MUSTACHE, SVG, "</mark><script>alert(5)</script><mark>",
            "&lt;script&gt;alert(6)&lt;/script&gt;", "\u202eevil", "'\"`;--")

# Queries that try to leave the visitor's box: local params, field queries, sub-queries,
# wildcard-everything, joins, functions.
INJECTIONS = (
    "{!lucene}*:*", "{!lucene v=$qq}", "*:*", "id:*", "title:*", "_query_:\"{!lucene}*:*\"",
    "{!join from=id to=id}*:*", "{!func}sum(1,1)", "{!frange l=0}clickCounter",
    "category:Verkehr", "url:*evil*", "title:Hundesteuer OR *:*", "*", "?", "a* OR b*",
    "{!xmlparser v='<!DOCTYPE a SYSTEM \"http://evil.example:1/x\"><a/>'}",
    "{!terms f=id}evil-1,evil-2", "Hundesteuer)) OR ((*:*", "\\", "\"", "((((",
    "NOT Hundesteuer", "-Hundesteuer", "Hundesteuer^1000000", "Hundesteuer~",
)

# Words in Solr's and Java's error texts that must never reach a visitor.
LEAKS = ("Traceback", "org.apache", "SolrException", "SyntaxError", "java.", "Exception:",
         "solr/", "/solr", "127.0.0.1", "requests.exceptions", "pysolr", "undefined field",
         "Werkzeug Debugger", "File \"")


def hostile_page(slug: str, title: str, body: str, category: str = "Bürgerservice") -> str:
    """A page in the sample site's layout carrying hostile text (HTML-encoded, as a CMS would)."""
    t, b, c = html.escape(title), html.escape(body), html.escape(category)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>{t} | Stadt Jena</title>
<meta name="description" content="{b[:150]}">
<meta name="keywords" content="{t}, {MARKER}">
<meta name="dcterms.modified" content="2026-01-05">
<link rel="canonical" href="https://www.jena.de/buergerservice/{slug}.html">
<script>alert('script in head')</script>
</head><body>
<nav class="breadcrumb" aria-label="Brotkrumen"><ol><li><a href="/">Startseite</a></li>
<li><a href="/buergerservice/">{c}</a></li><li>{t}</li></ol></nav>
<main id="content"><article><h1>{t}</h1>
<p>{b}</p>
<p>Der {MARKER} schreibt: {b}</p>
<script>document.write('inline script in content')</script>
<p onclick="alert(7)">Absatz mit Ereignis-Attribut und {MARKER}.</p>
</article></main></body></html>"""


def write_hostile_site(folder: Path) -> Path:
    """A small folder of hostile pages for the real indexer."""
    pages = {
        "boese-skript": (f"Hundesteuer {SCRIPT}", f"Anmeldung {SCRIPT} {IMG} {SVG}"),
        "boese-angular": (f"Angular {ANGULAR}", f"Vorlage {ANGULAR} {MUSTACHE} Hundesteuer"),
        "boese-attribut": (f"Attribut {IMG}", f"Attribut {IMG} Hundesteuer {JS_URL}"),
    }
    # A page whose canonical link points away from the city's site.
    pages["boese-kanonisch"] = (f"Kanonisch {MARKER}", "Umleitung Hundesteuer")
    section = folder / "buergerservice"
    section.mkdir(parents=True, exist_ok=True)
    for slug, (title, body) in pages.items():
        page = hostile_page(slug, title, body)
        if slug == "boese-kanonisch":
            page = page.replace(f"https://www.jena.de/buergerservice/{slug}.html", EVIL_SITE)
        (section / f"{slug}.html").write_text(page, encoding="utf-8")
    return folder


def hostile_docs() -> list[dict[str, object]]:
    """Documents written straight into Solr: fields as hostile as the schema allows."""
    docs = []
    for n, payload in enumerate(PAYLOADS):
        docs.append({
            "id": f"evil-{n}", "url": f"https://www.jena.de/boese/{n}.html",
            "title": f"{payload} Hundesteuer {MARKER}", "teaser": f"Teaser {payload}",
            "content": f"Text {payload} über die Hundesteuer und den {MARKER}. {payload}",
            "category": f"Kategorie {payload}", "keywords": [payload, MARKER],
            "onlineDate": "2025-01-01T00:00:00Z", "language": "de"})
    # URLs a click must never lead to.
    docs.append({"id": "evil-js", "url": JS_URL, "title": f"Javascript-Link {MARKER}",
                 "content": f"{MARKER} Hundesteuer", "category": "Bürgerservice"})
    docs.append({"id": "evil-data", "url": "data:text/html,<script>alert(8)</script>",
                 "title": f"Data-Link {MARKER}", "content": f"{MARKER}", "category": "Bürgerservice"})
    docs.append({"id": "evil-proto", "url": "//evil.example/", "title": f"Protokoll-Link {MARKER}",
                 "content": f"{MARKER}", "category": "Bürgerservice"})
    return docs


_ALLOWED_SCRIPT_SRC = re.compile(r"^/static/")


def assert_safe_html(body: str) -> None:
    """No markup or script from data: only our own scripts, no event handlers, no JS URLs."""
    soup = BeautifulSoup(body, "lxml")
    for script in soup.find_all("script"):
        src = script.get("src")
        assert src and _ALLOWED_SCRIPT_SRC.match(src) and not script.string, str(script)[:200]
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), f"event handler in {str(tag)[:200]}"
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attr.lower() in ("href", "src", "action", "formaction"):
                assert not text.strip().lower().startswith(("javascript:", "data:", "vbscript:")), \
                    str(tag)[:200]
    for name in ("img", "svg", "iframe", "object", "embed"):
        for tag in soup.find_all(name):
            # Our own templates may use images/icons; data never brings one in.
            assert "alert" not in str(tag) and tag.get("src") != "x", str(tag)[:200]
    # AngularJS must never see a template in data: no ng-app here, so nothing compiles text.
    assert not soup.find(attrs={"ng-app": True}) and not soup.find(attrs={"data-ng-app": True})
    # Highlight tags only ever wrap plain text.
    for mark in soup.find_all("mark"):
        assert not mark.find(True), str(mark)[:200]


def assert_no_leak(body: str, echoed: tuple[str, ...] = ()) -> None:
    """No traceback, no Solr or Python error text, no internal address.

    ``echoed`` are the visitor's own inputs; showing them back (escaped) is not a leak.
    """
    for text in echoed:
        for form in {text, html.escape(text), html.escape(text, quote=False),
                     json.dumps(text, ensure_ascii=False)[1:-1]}:
            if form:
                body = body.replace(form, "")
    for word in LEAKS:
        assert word not in body, f"{word!r} leaked: {body[:300]}"


def json_strings(data: object) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (k, *json_strings(v))]
    if isinstance(data, list):
        return [s for v in data for s in json_strings(v)]
    return []


def assert_safe_json(data: object) -> None:
    """Snippets are HTML-encoded with only <mark> as markup; other strings are plain data."""
    assert_no_leak(json.dumps(data, ensure_ascii=False))
    for doc in data.get("outData", {}).get("response", {}).get("docs", []):  # type: ignore[union-attr]
        snippet = re.sub(r"</?mark>", "", doc.get("snippet") or "")
        assert "<" not in snippet and ">" not in snippet, doc["snippet"]
        assert str(doc.get("clickUrl", "")).startswith("/klick"), doc
