"""Let Solr's highlighted snippets through as HTML only after checking them."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
_MARK_SPLIT = re.compile(r"(</?mark>)")
# The only entities Lucene's HTML encoder produces, plus numeric ones.
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")


def _is_plain_encoded(text: str) -> bool:
    if "<" in text or ">" in text:
        return False
    return "&" not in _ENTITY.sub("", text)


def verified_markup(fragment: str) -> Markup | None:
    """`fragment` as safe Markup if it is HTML-encoded text with balanced <mark> tags only."""
    depth = 0
    for part in _MARK_SPLIT.split(fragment):
        if part == MARK_OPEN:
            depth += 1
            if depth > 1:
                return None
        elif part == MARK_CLOSE:
            depth -= 1
            if depth < 0:
                return None
        elif not _is_plain_encoded(part):
            return None
    if depth != 0:
        return None
    # Checked above: only encoded text and our own <mark> tags remain.
    return Markup(fragment)  # noqa: S704


def safe_highlight(fragments: list[str] | None, fallback: str | None) -> Markup:
    """Join verified highlight fragments; anything unverifiable is shown escaped, unmarked."""
    parts: list[Markup] = []
    for fragment in fragments or []:
        checked = verified_markup(fragment)
        if checked is None:
            # Not what the html encoder makes: show it as plain text, tags and all.
            checked = escape(_MARK_SPLIT.sub("", fragment))
        if checked.strip():
            parts.append(checked)
    if parts:
        return Markup(" … ").join(parts)
    return escape(fallback or "")
