"""The page category: meta tag > breadcrumb (second item) > URL section > 'Allgemein'.

The breadcrumb's first item is always "Startseite"; its second item is the section the city
files the page under, which is what the search facet should show. Pages without either fall
back to the first URL path segment, translated by the configured section mapping (unknown
sections are shown with their words capitalised). A language segment in front (``/de/…``,
``/en/…``) is no section: the one after it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

from indexer.parse.cleanup import find_breadcrumb
from indexer.parse.language import segment_language
from indexer.parse.meta import clean_text, meta_content
from indexer.parse.tree import Element, text_of

FALLBACK = "Allgemein"


def breadcrumb_items(root: Element) -> list[str]:
    """Texts of the breadcrumb's items, in order (read before cleanup removes it)."""
    trail = find_breadcrumb(root)
    if trail is None:
        return []
    items = list(trail.iterdescendants("li")) or list(trail.iterdescendants("a", "span"))
    texts = [clean_text(text_of(i)) for i in items]
    return [t for t in texts if t and t not in (">", "/", "»", "›")]


def category(root: Element, url: str, sections: Mapping[str, str]) -> str:
    """Decide the category of a page by the precedence in this module's docstring."""
    meta = meta_content(root, "category", "article:section", "dcterms.subject")
    if meta:
        return meta
    trail = breadcrumb_items(root)
    if len(trail) >= 2:
        return trail[1]
    return section_category(url, sections)


def section_category(url: str, sections: Mapping[str, str]) -> str:
    """Map the URL's first path segment (after a language segment) through ``sections``."""
    segments = [s for s in unquote(urlsplit(url).path).split("/") if s]
    if segments and segment_language(segments[0]):
        segments = segments[1:]
    if len(segments) < 2:  # a page in the site root has no section
        return FALLBACK
    section = segments[0].lower()
    if section in sections:
        return sections[section]
    return " ".join(w.capitalize() for w in section.replace("_", "-").split("-") if w)
