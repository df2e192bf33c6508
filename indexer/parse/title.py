"""The page title: the visible <h1>, else <title> without the site suffix, else the URL.

The <h1> is what the visitor reads on the page, so it wins. The <title> tag carries the site
name (" | Stadt Jena", " - Jena.de"), which would repeat on every hit, so it is cut off. A
page with neither gets a title made from the last part of its URL path, so that it can still
be found and shown.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from indexer.parse.cleanup import cleaned_text
from indexer.parse.meta import clean_text, meta_content
from indexer.parse.tree import Element, first, first_below, text_nodes, text_of

_SITE_SUFFIX = re.compile(r"\s*[|–—:-]\s*(?:(?:die\s+)?stadt\s+)?jena(?:\.de)?\s*$", re.I)


def strip_site_suffix(title: str) -> str:
    """Remove trailing site names such as " | Stadt Jena" (repeatedly)."""
    previous = None
    while previous != title:
        previous, title = title, _SITE_SUFFIX.sub("", title).strip()
    return title or previous


def head_title(root: Element) -> str:
    """<title> or og:title without the site suffix ('' when missing); read before cleanup."""
    tag = first(root, "title")
    text = clean_text(text_of(tag)) if tag is not None else ""
    return strip_site_suffix(text or meta_content(root, "og:title") or "")


def page_title(cleaned: Element, head: str, url: str) -> str:
    """Pick the title from the cleaned tree's <h1>, the head title, or the URL."""
    area = first(cleaned, "main")
    if area is None:
        area = first(cleaned, "article")
    for candidate in (first_below(area if area is not None else cleaned, "h1"),
                      first(cleaned, "h1")):
        if candidate is not None:
            text = clean_text(cleaned_text(text_nodes(candidate)))
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
