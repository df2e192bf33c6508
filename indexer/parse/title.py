"""The page title: the visible <h1>, else <title> without the site suffix, else the URL.

The <h1> is what the visitor reads on the page, so it wins. The <title> tag carries the site
name (" | Stadt Jena", " - Jena.de"), which would repeat on every hit, so it is cut off. A
page with neither gets a title made from the last part of its URL path, so that it can still
be found and shown.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from indexer.parse.meta import clean_text, meta_content

_SITE_SUFFIX = re.compile(r"\s*[|–—:-]\s*(?:(?:die\s+)?stadt\s+)?jena(?:\.de)?\s*$", re.I)


def strip_site_suffix(title: str) -> str:
    """Remove trailing site names such as " | Stadt Jena" (repeatedly)."""
    previous = None
    while previous != title:
        previous, title = title, _SITE_SUFFIX.sub("", title).strip()
    return title or previous


def head_title(soup: BeautifulSoup) -> str:
    """<title> or og:title without the site suffix ('' when missing); read before cleanup."""
    tag = soup.find("title")
    text = clean_text(tag.get_text(" ")) if tag else ""
    return strip_site_suffix(text or meta_content(soup, "og:title") or "")


def page_title(cleaned: BeautifulSoup, head: str, url: str) -> str:
    """Pick the title from the cleaned tree's <h1>, the head title, or the URL."""
    root = cleaned.find("main") or cleaned.find("article") or cleaned
    for candidate in (root.find("h1"), cleaned.find("h1")):
        if candidate is not None:
            text = clean_text(candidate.get_text(" "))
            if text:
                return text
    return head or title_from_url(url)


def title_from_url(url: str) -> str:
    """'…/abfall-kalender_2025.html' -> 'Abfall Kalender 2025'."""
    path = unquote(urlsplit(url).path).rstrip("/")
    last = path.rsplit("/", 1)[-1] or urlsplit(url).hostname or "Startseite"
    stem = re.sub(r"\.(s?html?|php|aspx?)$", "", last, flags=re.I)
    words = re.split(r"[-_.\s]+", stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Startseite"
