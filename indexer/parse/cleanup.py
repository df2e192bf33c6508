"""Remove page chrome so that only the page's own text reaches the index.

Chrome is everything the visitor sees on every page: header, navigation, breadcrumb, footer,
cookie banner, forms and the search widget. The widget is an AngularJS-style template whose
``[[ … ]]`` bindings must never be indexed, so besides removing its element we drop every
remaining text that still contains a binding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Comment, Tag

_ALWAYS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "form",
           "button", "select", "textarea", "input", "nav", "dialog", "object", "embed")
_CHROME_SELECTORS = (
    "aside.search-widget", "[ng-app]", "[data-ng-app]", "[ng-controller]",
    "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=search]",
    "[aria-label*=Breadcrumb]", "[aria-label*=breadcrumb]", ".breadcrumb", ".breadcrumbs",
    "#breadcrumb", ".skip-link", ".skiplinks", "[hidden]", "[aria-hidden=true]",
)
# Cookie and consent banners carry these words in their id or class names.
_BANNER_WORDS = re.compile(r"cookie|consent|gdpr|dsgvo-banner", re.I)
_CONTENT = ("main", "article")
_BINDING = re.compile(r"\[\[.*?\]\]", re.S)
_BINDING_LEFTOVER = re.compile(r"\[\[|\]\]")


def strip_bindings(text: str) -> str:
    """Remove ``[[ … ]]`` template bindings (and stray halves) from a text."""
    return _BINDING_LEFTOVER.sub("", _BINDING.sub(" ", text))


def remove_chrome(soup: BeautifulSoup) -> None:
    """Delete chrome elements, comments and binding text from the tree in place."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    _drop(soup.find_all(_ALWAYS))
    for selector in _CHROME_SELECTORS:
        _drop(soup.select(selector))
    _drop(soup.find_all(_is_banner))
    # An article's own header or footer holds its heading and date; the page's do not.
    _drop(t for t in soup.find_all(["header", "footer", "aside"])
          if t.find_parent(["main", "article"]) is None)
    for text in soup.find_all(string=_has_binding):
        text.replace_with(strip_bindings(str(text)))


def _drop(tags: Iterable[Tag]) -> None:
    for tag in list(tags):
        # Broken markup (an unclosed <nav>) can swallow the main content; keep such wrappers,
        # the content is read from <main> inside them and the rest of them is not used.
        if not tag.decomposed and tag.find(_CONTENT) is None:
            tag.decompose()


def _is_banner(tag: Tag) -> bool:
    if tag.decomposed or tag.name in ("html", "body", "main", "article"):
        return False
    names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return bool(names) and _BANNER_WORDS.search(names) is not None


def _has_binding(text: str) -> bool:
    return "[[" in text or "]]" in text
