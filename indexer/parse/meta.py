"""Head metadata: meta tags, canonical link, language, keywords."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from indexer.parse.cleanup import strip_bindings
from indexer.parse.tree import Element
from indexer.urls import normalise_url, try_normalise

_SPLIT_KEYWORDS = re.compile(r"[,;]")


def meta_content(root: Element, *names: str) -> str | None:
    """Content of the first meta tag whose name, property or http-equiv matches (any case)."""
    wanted = [n.lower() for n in names]
    found: dict[str, str] = {}
    for tag in root.iter("meta"):
        key = (tag.get("name") or tag.get("property") or tag.get("http-equiv") or "").lower()
        if key in wanted and key not in found:
            value = clean_text(tag.get("content") or "")
            if value:
                found[key] = value
    return next((found[n] for n in wanted if n in found), None)


def clean_text(text: str) -> str:
    """Collapse whitespace and drop template bindings."""
    return " ".join(strip_bindings(text).split())


def canonical_url(root: Element, page_url: str) -> str:
    """The page's canonical URL, else its own URL; normalised.

    Only a canonical URL on the page's own site counts (http/https, same host apart from a
    leading "www."): a page must not be able to make the index link to, or overwrite, a page
    of another site.
    """
    for link in root.iter("link"):
        href = link.get("href")
        rels = (link.get("rel") or "").split()
        if href is not None and "canonical" in (r.lower() for r in rels):
            try:
                candidate = try_normalise(urljoin(page_url, href.strip()))
            except ValueError:  # e.g. a broken IPv6 literal; fall back to the page's URL
                candidate = None
            if (candidate and urlsplit(candidate).scheme in ("http", "https")
                    and _site(candidate) == _site(page_url)):
                return candidate
    return normalise_url(page_url)


def declared_canonical(root: Element, page_url: str) -> str | None:
    """The canonical URL the page declares (any http/https host), normalised; else None."""
    for link in root.iter("link"):
        href = link.get("href")
        rels = (link.get("rel") or "").split()
        if href is not None and "canonical" in (r.lower() for r in rels):
            try:
                candidate = try_normalise(urljoin(page_url, href.strip()))
            except ValueError:
                candidate = None
            if candidate and urlsplit(candidate).scheme in ("http", "https"):
                return candidate
    return None


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def keywords(root: Element) -> tuple[str, ...]:
    """Meta keywords, split on commas or semicolons, without duplicates."""
    raw = meta_content(root, "keywords") or ""
    seen: dict[str, None] = {}
    for word in _SPLIT_KEYWORDS.split(raw):
        word = word.strip()
        if word and word.lower() not in (k.lower() for k in seen):
            seen[word] = None
    return tuple(seen)
