"""Main text and teaser of a page whose chrome has already been removed.

The text comes from <main> (or role=main, else <article>, else <body>). It is capped at
``max_chars`` characters (default 1,000,000, see IndexerConfig.max_content_chars) at a word
boundary: longer pages are still indexed, their tail is simply not searchable.
"""

from __future__ import annotations

from lxml import etree

from indexer.parse.cleanup import cleaned_text
from indexer.parse.meta import clean_text, meta_content
from indexer.parse.tree import Element, first, text_nodes

TEASER_CHARS = 300
_MIN_PARAGRAPH = 40
_ROLE_MAIN = etree.XPath("(//*[@role = 'main'])[1]")


def content_root(root: Element) -> Element:
    """The element holding the page's own text."""
    for found in (first(root, "main"), next(iter(_ROLE_MAIN(root)), None),
                  first(root, "article"), first(root, "body")):
        if found is not None:
            return found
    return root


def main_text(root: Element, max_chars: int) -> str:
    """Whitespace-collapsed text of ``root``, capped at ``max_chars``."""
    return cap(clean_text(cleaned_text(text_nodes(root))), max_chars)


def teaser(head: Element, root: Element, content: str) -> str:
    """Meta description, else the first real paragraph, else the start of the content."""
    described = meta_content(head, "description", "og:description")
    if described:
        return cap(described, TEASER_CHARS)
    for paragraph in root.iterdescendants("p"):
        text = clean_text(cleaned_text(text_nodes(paragraph)))
        if len(text) >= _MIN_PARAGRAPH:
            return cap(text, TEASER_CHARS)
    return cap(content, TEASER_CHARS)


def cap(text: str, max_chars: int) -> str:
    """Cut ``text`` to at most ``max_chars`` characters at the last space before the limit."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", 0, max_chars + 1)
    return text[: cut if cut > max_chars // 2 else max_chars].rstrip()
