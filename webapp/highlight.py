"""Let Solr's highlighted snippets through as HTML only after checking them."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
_MARK_SPLIT = re.compile(r"(</?mark>)")
# HTML-encoded text: no tag characters, "&" only in the entities Lucene's HTML encoder
# produces, plus numeric ones.
_ENCODED = r"(?:[^<>&]++|&(?:amp|lt|gt|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});)*+"
# Such text with <mark>…</mark> around parts of it, never nested: one match per fragment,
# in the regex engine, rather than a walk over its pieces (twenty fragments per results page).
_VERIFIED = re.compile(rf"{_ENCODED}(?:{MARK_OPEN}{_ENCODED}{MARK_CLOSE}{_ENCODED})*+")


def is_verified(fragment: str) -> bool:
    """True when `fragment` is HTML-encoded text with balanced <mark> tags only."""
    return _VERIFIED.fullmatch(fragment) is not None


def verified_markup(fragment: str) -> Markup | None:
    """`fragment` as safe Markup if it is HTML-encoded text with balanced <mark> tags only."""
    if not is_verified(fragment):
        return None
    # Checked above: only encoded text and our own <mark> tags remain.
    return Markup(fragment)  # noqa: S704


def safe_highlight(fragments: list[str] | None, fallback: str | None) -> Markup:
    """Join verified highlight fragments; anything unverifiable is shown escaped, unmarked."""
    # Plain strings until the end: one Markup per field rather than one per fragment and
    # one per strip().
    parts: list[str] = []
    for fragment in fragments or ():
        if not is_verified(fragment):
            # Not what the html encoder makes: show it as plain text, tags and all.
            fragment = str(escape(_MARK_SPLIT.sub("", fragment)))
        if fragment.strip():
            parts.append(fragment)
    if parts:
        # Each part is verified or escaped above.
        return Markup(" … ".join(parts))  # noqa: S704
    return escape(fallback or "")
