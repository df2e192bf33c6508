"""The page's element tree: lxml's HTML parser, read with C-level iteration and XPath.

Every parse stage reads this one tree. It used to be a BeautifulSoup tree built on top of the
same lxml parser; reading lxml's own tree skips building a second, Python-level copy of every
node and lets searches run in C (see the parser comparison in indexer/README.md).

Two rules keep the extracted text exactly what the stages have always produced:

* ``text_of`` joins the element's text nodes with a space, skipping comments and the text in
  ``script``, ``style``, ``template``, ``rt`` and ``rp`` (text a reader never sees as prose);
* ``remove`` empties a removed element in place instead of unlinking it, so the text before and
  after it stay two text nodes ("a<nav>…</nav>b" reads "a b", not "ab"). Moving that text
  elsewhere is not an option: lxml refuses to assign text with control characters, which the
  HTML parser itself lets through.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

Element = etree._Element

# Text that belongs to these elements is not prose (text nested in them either).
_NOT_PROSE = ("script", "style", "template", "rt", "rp")
_TEXT = etree.XPath("descendant::text()[not(ancestor::script or ancestor::style or "
                    "ancestor::template or ancestor::rt or ancestor::rp)]", smart_strings=False)
# The same nodes when no such element is around: testing every text node's ancestors costs
# about three times more than a look for those elements first (most reads, and every read of
# the cleaned tree, have none).
_ALL_TEXT = etree.XPath("descendant::text()", smart_strings=False)


def parse_html(text: str) -> Element | None:
    """The document element of ``text`` (None when there is no element at all)."""
    # Fed as one chunk through the feed interface, which accepts any str (fromstring refuses
    # str input with an XML encoding declaration) and never raises for an empty document.
    parser = etree.HTMLParser(recover=True, no_network=True)
    parser.feed(text.removeprefix("\ufeff"))
    return parser.close()


def text_of(element: Element) -> str:
    """The element's text nodes joined by one space (not yet whitespace-collapsed)."""
    return " ".join(text_nodes(element))


def text_nodes(element: Element) -> list[str]:
    """The element's text nodes, in document order (see ``text_of``)."""
    if (element.tag not in _NOT_PROSE and next(element.iterdescendants(*_NOT_PROSE), None) is None
            and next(element.iterancestors(*_NOT_PROSE), None) is None):
        return _ALL_TEXT(element)
    return _TEXT(element)


def first(root: Element, *tags: str) -> Element | None:
    """The first element (root included) with one of the tag names, in document order."""
    return next(root.iter(*tags), None)


def first_below(element: Element, *tags: str) -> Element | None:
    """The first descendant (element itself excluded) with one of the tag names."""
    return next(element.iterdescendants(*tags), None)


def elements(root: Element) -> Iterator[Element]:
    """Every element of the tree in document order (no comments or instructions)."""
    return root.iter(etree.Element)


def classes(element: Element) -> list[str]:
    """The element's class names."""
    return (element.get("class") or "").split()


def remove(element: Element) -> None:
    """Take the element's attributes, text and subtree out of the tree; its tail stays."""
    element.clear(keep_tail=True)
    element.tag = REMOVED


REMOVED = "removed-by-indexer"  # no stage searches for this tag name
