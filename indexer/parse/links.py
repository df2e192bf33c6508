"""How much of a page's main text is link text: overview pages are mostly links."""

from __future__ import annotations

from indexer.parse.meta import clean_text
from indexer.parse.tree import Element, text_nodes


def link_share(root: Element, body_text: str) -> tuple[float, int]:
    """(share of the main text that is link text, number of links with text)."""
    if not body_text:
        return 0.0, 0
    chars = links = 0
    for anchor in root.iter("a"):
        text = clean_text(" ".join(text_nodes(anchor)))
        if text:
            chars += len(text)
            links += 1
    return round(min(chars / len(body_text), 1.0), 3), links
