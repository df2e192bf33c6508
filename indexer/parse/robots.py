"""Robots directives of a page: ``<meta name="robots">`` and the ``X-Robots-Tag`` header.

``noindex`` keeps a page out of the index (reported as skipped with where it was said);
``nofollow`` (or ``none``) stops the crawler from following the page's links. Directives
addressed to another crawler ("googlebot: noindex") do not apply to us.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.model import RawPage
from indexer.parse.errors import PageSkipped
from indexer.parse.meta import meta_content
from indexer.parse.tree import Element

# Names under which a page or header may address this crawler in particular.
OUR_NAMES = frozenset({"stadtsuche", "stadtsuche-indexer"})
# Directives that carry a value after a colon and are not a crawler's name.
_VALUED = frozenset({"unavailable_after", "max-snippet", "max-image-preview", "max-video-preview"})


@dataclass(frozen=True)
class Directives:
    """What the page and its server allow."""

    noindex: str | None = None  # where it was said, e.g. "X-Robots-Tag"
    nofollow: bool = False


def parse_directives(value: str | None) -> set[str]:
    """``"googlebot: noindex, nofollow"`` style text -> the directives meant for us."""
    found: set[str] = set()
    applies = True
    for part in (value or "").lower().split(","):
        part = part.strip()
        name, colon, rest = part.partition(":")
        if colon and name.strip() not in _VALUED:
            applies = name.strip() in OUR_NAMES
            part = rest.strip()
        if applies and part:
            found.add(part.split(":", 1)[0].strip())
    return found


def page_directives(raw: RawPage, root: Element) -> Directives:
    """The header's and the meta tags' directives together."""
    header = parse_directives(raw.robots_header)
    meta = parse_directives(meta_content(root, "robots"))
    for name in OUR_NAMES:
        meta |= parse_directives(meta_content(root, name))
    noindex = ("X-Robots-Tag" if header & {"noindex", "none"} else
               '<meta name="robots">' if meta & {"noindex", "none"} else None)
    nofollow = bool((header | meta) & {"nofollow", "none"})
    return Directives(noindex, nofollow)


def check_indexable(raw: RawPage, root: Element) -> None:
    """Raise PageSkipped when the page or its server says noindex."""
    where = page_directives(raw, root).noindex
    if where:
        raise PageSkipped(f"noindex ({where}): nicht indiziert")
