"""HTML of one page of the sample city web: the host's chrome around the page's own content.

The chrome follows the sample site (cookie banner, header with navigation, breadcrumb,
``<main>``, footer), so the project's indexer reads each host the same way; what differs per
host are the lines inside ``<main>`` that are not content (``hosts.py``).
"""

from __future__ import annotations

from html import escape

from tools.sample_web.hosts import HOSTS
from tools.sample_web.model import Page

_NAV = {
    "www.jena.de": ("Leben in Jena", "Rathaus", "Bürgerservice", "Aktuelles"),
    "service.jena.de": ("Leistungen A–Z", "Lebenslagen", "Online-Termin", "English"),
    "rathaus.jena.de": ("Stadtrat", "Planen und Bauen", "Presse", "Beteiligung"),
    "ksj.jena.de": ("Abfall", "Stadtreinigung", "Friedhöfe", "Aktuelles"),
    "maengelmelder.jena.de": ("Karte", "Neue Meldung", "Archiv", "Hilfe"),
    "mobilitaet.jena.de": ("Rad", "Bus und Bahn", "Parken", "Baustellen"),
    "umwelt.jena.de": ("Klima", "Natur", "Wasser", "Förderung"),
    "vorhaben.jena.de": ("Vorhabenliste", "Beteiligung", "Karte", "Kontakt"),
}


_COOKIES = "Cookies helfen uns bei der Bereitstellung unserer Dienste."


def e(text: str) -> str:
    """Text escaped for HTML."""
    return escape(text, quote=True)


def page_html(page: Page) -> str:
    """The complete HTML document of ``page``."""
    host = HOSTS[page.host]
    head = [f'<meta charset="utf-8">', f"<title>{e(page.title)} | {e(host.site_title)}</title>"]
    if page.description:
        head.append(f'<meta name="description" content="{e(page.description)}">')
    if page.category_meta:
        head.append(f'<meta name="category" content="{e(page.category)}">')
    if page.published:
        head.append(f'<meta property="article:published_time" content="{page.published}">')
    if page.modified:
        head.append(f'<meta name="dcterms.modified" content="{page.modified}">')
    if page.canonical:
        head.append(f'<link rel="canonical" href="{e(page.canonical)}">')
    nav = "".join(f'<li><a href="/">{e(item)}</a></li>' for item in _NAV[page.host])
    crumbs = "".join(f"<li>{e(c)}</li>" for c in ("Startseite", page.category, page.title))
    top = "\n".join(f"<p>{e(line)}</p>" for line in host.top_lines)
    bottom = "\n".join(f"<p>{e(line)}</p>" for line in host.bottom_lines)
    content = f"<h1>{e(page.title)}</h1>\n{page.body}"
    if host.markers:
        content = f"<!--TYPO3SEARCH_begin-->\n{content}\n<!--TYPO3SEARCH_end-->"
    return f"""<!DOCTYPE html>
<html lang="{page.lang}">
<head>
{chr(10).join(head)}
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>{_COOKIES}</p></div>
<header class="site-header"><a class="logo" href="/">{e(host.site_title)}</a>
<nav class="main-nav" aria-label="Hauptnavigation"><ul>{nav}</ul></nav></header>
<nav class="breadcrumb" aria-label="Brotkrumen"><ol>{crumbs}</ol></nav>
<main id="content">
{top}
{content}
{bottom}
</main>
<footer class="site-footer"><p>{e(host.site_title)} · Am Anger 15 · 07743 Jena</p>
<p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></p></footer>
</body>
</html>
"""


def section(title: str, inner: str) -> str:
    """A titled section of a service page."""
    return f"<h2>{e(title)}</h2>\n{inner}\n"


def para(*texts: str) -> str:
    """Paragraphs."""
    return "\n".join(f"<p>{e(t)}</p>" for t in texts)


def items(values: tuple[str, ...] | list[str]) -> str:
    """An unordered list."""
    return "<ul>" + "".join(f"<li>{e(v)}</li>" for v in values) + "</ul>"


def table(head: tuple[str, ...], rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> str:
    """A table with a header row."""
    th = "".join(f"<th>{e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def link_list(links: list[tuple[str, str, str]]) -> str:
    """Teasers of other pages: (url, title, one-line text)."""
    return "<ul class=\"teaser-list\">" + "".join(
        f'<li><a href="{e(url)}">{e(title)}</a> <span>{e(text)}</span></li>'
        for url, title, text in links) + "</ul>"
