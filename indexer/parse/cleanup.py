"""Remove page chrome so that only the page's own text reaches the index.

Chrome is everything the visitor sees on every page: header, navigation, breadcrumb, footer,
cookie banner, forms and the search widget. The widget is an AngularJS-style template whose
``[[ … ]]`` bindings must never be indexed, so besides removing its element we drop every
remaining text that still contains a binding.

The checks run as one pass of plain Python predicates over the tree: CSS selectors cost a full
tree walk each and made this stage the slowest of the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Comment, Tag

_ALWAYS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "canvas",
                     "form", "button", "select", "textarea", "input", "nav", "dialog", "object",
                     "embed"})
_OUTSIDE_CONTENT = frozenset({"header", "footer", "aside"})
_ANGULAR = ("ng-app", "data-ng-app", "ng-controller", "data-ng-controller")
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "dialog"})
_CHROME_CLASSES = frozenset({"search-widget", "breadcrumb", "breadcrumbs", "skip-link",
                             "skiplinks"})
# Cookie and consent banners carry these words in their id or class names.
_BANNER_WORDS = re.compile(r"cookie|consent|gdpr|dsgvo-banner", re.I)
_BREADCRUMB_WORDS = re.compile(r"breadcrumb|brotkrume", re.I)
_CONTENT = ("main", "article")
_BINDING = re.compile(r"\[\[.*?\]\]", re.S)
_BINDING_LEFTOVER = re.compile(r"\[\[|\]\]")


def strip_bindings(text: str) -> str:
    """Remove ``[[ … ]]`` template bindings (and stray halves) from a text."""
    return _BINDING_LEFTOVER.sub("", _BINDING.sub(" ", text))


def is_breadcrumb(tag: Tag) -> bool:
    """A breadcrumb trail, by class, id or aria-label."""
    names = " ".join([tag.get("id") or "", *(tag.get("class") or []),
                      tag.get("aria-label") or "", tag.get("itemtype") or ""])
    return bool(_BREADCRUMB_WORDS.search(names)) or "BreadcrumbList" in names


def remove_chrome(soup: BeautifulSoup) -> None:
    """Delete chrome elements, comments and binding text from the tree in place."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    _drop(tag for tag in soup.find_all(True) if _is_chrome(tag))
    # An article's own header or footer holds its heading and date; the page's do not.
    _drop(t for t in soup.find_all(_OUTSIDE_CONTENT) if t.find_parent(_CONTENT) is None)
    for text in soup.find_all(string=_has_binding):
        text.replace_with(strip_bindings(str(text)))


def _is_chrome(tag: Tag) -> bool:
    if tag.name in _ALWAYS:
        return True
    attrs = tag.attrs
    if not attrs or tag.name in ("html", "body", "main", "article"):
        return False
    classes = attrs.get("class") or ()
    if any(a in attrs for a in _ANGULAR) or "hidden" in attrs:
        return True
    if attrs.get("role") in _CHROME_ROLES or attrs.get("aria-hidden") == "true":
        return True
    if _CHROME_CLASSES.intersection(classes) or is_breadcrumb(tag):
        return True
    names = " ".join([attrs.get("id") or "", *classes])
    return bool(names.strip()) and _BANNER_WORDS.search(names) is not None


def _drop(tags: Iterable[Tag]) -> None:
    for tag in list(tags):
        # Broken markup (an unclosed <nav>) can swallow the main content; keep such wrappers,
        # the content is read from <main> inside them and the rest of them is not used.
        if not tag.decomposed and tag.find(_CONTENT) is None:
            tag.decompose()


def _has_binding(text: str) -> bool:
    return "[[" in text or "]]" in text
