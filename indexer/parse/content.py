"""Main text and teaser of a page whose chrome has already been removed.

The text comes from <main> (or role=main, else <article>, else <body>). It is capped at
``max_chars`` characters (default 1,000,000, see IndexerConfig.max_content_chars) at a word
boundary: longer pages are still indexed, their tail is simply not searchable.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from indexer.parse.meta import clean_text, meta_content

TEASER_CHARS = 300
_MIN_PARAGRAPH = 40


def content_root(soup: BeautifulSoup) -> Tag | BeautifulSoup:
    """The element holding the page's own text."""
    for found in (soup.find("main"), soup.find(attrs={"role": "main"}), soup.find("article"),
                  soup.find("body")):
        if isinstance(found, Tag):
            return found
    return soup


def main_text(root: Tag | BeautifulSoup, max_chars: int) -> str:
    """Whitespace-collapsed text of ``root``, capped at ``max_chars``."""
    return cap(clean_text(root.get_text(" ")), max_chars)


def teaser(head: BeautifulSoup, root: Tag | BeautifulSoup, content: str) -> str:
    """Meta description, else the first real paragraph, else the start of the content."""
    described = meta_content(head, "description", "og:description")
    if described:
        return cap(described, TEASER_CHARS)
    for paragraph in root.find_all("p"):
        text = clean_text(paragraph.get_text(" "))
        if len(text) >= _MIN_PARAGRAPH:
            return cap(text, TEASER_CHARS)
    return cap(content, TEASER_CHARS)


def cap(text: str, max_chars: int) -> str:
    """Cut ``text`` to at most ``max_chars`` characters at the last space before the limit."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", 0, max_chars + 1)
    return text[: cut if cut > max_chars // 2 else max_chars].rstrip()
