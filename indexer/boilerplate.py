"""Boilerplate learned from the site itself: text blocks that repeat across a host's pages.

Skip links, photo credits, "search this site" lines, cookie notes, contact blocks and staff
tables are written once into a site's templates and then appear on page after page. No list
of such phrases is kept here: every page is cut into its text blocks (the innermost block
elements of its main part, and inline elements standing between blocks, such as a skip link
at the top of ``<body>``), each block's normalised text gets a fingerprint, and a block whose
fingerprint occurs on at least ``MIN_PAGES`` pages and ``MIN_SHARE`` of its host's pages is
boilerplate on that host. Headings are never boilerplate: a heading repeated on many pages
("Gebühren", "Zuständige Stelle") is structure, not template text.

Boilerplate blocks are taken out of the page's content and teaser and kept in the field
``boilerplate``, which the search weighs low. A page whose blocks are all its own parses
exactly as before.

The fingerprints of every page are kept between runs in a JSON file next to the indexer
state (``…-bausteine.json``), so a run learns from all pages of a host, also those it skips
as unchanged. Folder sources are read once before the run (``learn``), so that even the
first run knows the boilerplate; web sources learn from what earlier runs and the current run
fetched (their first run indexes with what is known so far, the next run corrects it).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from indexer.parse.meta import clean_text
from indexer.parse.tree import Element, text_nodes

log = logging.getLogger(__name__)

MIN_PAGES = 5
# A quarter, not less: on the sample site the Bürgeramt's address block stands on 19 of 99
# pages; taking it out shortened those pages and cost a visitor query its top-3 hit
# ("rente reicht nicht", indexer/README.md). Template text stands on nearly every page.
MIN_SHARE = 0.25
_BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th", "figcaption", "caption", "address",
                     "blockquote", "div", "section", "article", "aside", "header", "footer",
                     "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "figure",
                     "h1", "h2", "h3", "h4", "h5", "h6", "pre", "main", "nav", "details",
                     "summary", "fieldset", "hr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "th", "dt", "summary", "caption"})
_TRANSPARENT = frozenset({"div", "section", "article", "main", "header", "footer", "aside",
                          "figure", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr",
                          "details", "blockquote"})


def blocks(root: Element) -> list[tuple[Element, str]]:
    """The page's text blocks in document order, with their text (headings left out)."""
    found: list[tuple[Element, str]] = []
    _collect(root, found)
    return found


def _collect(element: Element, found: list[tuple[Element, str]]) -> None:
    for child in element.iterchildren():
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag:
            continue
        if tag in _TRANSPARENT and any(True for _ in child.iterdescendants(*_BLOCKS)):
            _collect(child, found)
        elif tag not in _HEADINGS:
            text = clean_text(" ".join(text_nodes(child)))
            if text:
                found.append((child, text))


def fingerprint(text: str) -> str:
    """Fingerprint of a block's text: case and spacing do not count."""
    normal = " ".join(text.casefold().split())
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=8).hexdigest()


def page_prints(root: Element) -> list[str]:
    """The distinct fingerprints of a page's blocks."""
    return list(dict.fromkeys(fingerprint(text) for _, text in blocks(root)))


def take_out(root: Element, known: frozenset[str]) -> str:
    """Empty the blocks that are boilerplate on this host; return their joined text."""
    if not known:
        return ""
    taken = []
    for element, text in blocks(root):
        if fingerprint(text) in known:
            taken.append(text)
            tail = element.tail
            element.clear()
            element.tail = tail
    return " ".join(dict.fromkeys(taken))


class BoilerplateBook:
    """Fingerprints of every page's blocks (by URL), and the boilerplate of each host."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._pages: dict[str, list[str]] = {}
        self._changed = False
        self._known: dict[str, frozenset[str]] = {}
        self._digests: dict[str, str] = {}
        self._seen: set[str] = set()
        if path is not None and path.is_file():
            try:
                self._pages = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                log.warning("ignoring unreadable boilerplate file %s: %s", path, err)

    def has(self, url: str) -> bool:
        """Whether the page's fingerprints are recorded."""
        return url in self._pages

    def record(self, url: str, prints: Iterable[str]) -> None:
        """Remember the page's fingerprints (its host's boilerplate is worked out anew)."""
        prints = list(prints)
        self._seen.add(url)
        if self._pages.get(url) != prints:
            self._pages[url] = prints
            self._changed = True

    def mark_seen(self, url: str) -> None:
        """The page is still there (skipped as unchanged, its fingerprints as recorded)."""
        self._seen.add(url)

    def forget_unseen(self, prefixes: tuple[str, ...]) -> None:
        """After a complete full run: forget the pages under its sources it did not see."""
        gone = [url for url in self._pages if url.startswith(prefixes) and url not in self._seen]
        for url in gone:
            del self._pages[url]
        self._changed = self._changed or bool(gone)

    def known(self, host: str) -> frozenset[str]:
        """The fingerprints that are boilerplate on ``host``, worked out once per run (on its
        first use) from the pages recorded by then."""
        if host not in self._known:
            pages = [prints for url, prints in self._pages.items() if _host(url) == host]
            counts = Counter(p for prints in pages for p in set(prints))
            needed = max(MIN_PAGES, math.ceil(MIN_SHARE * len(pages)))
            self._known[host] = frozenset(p for p, n in counts.items() if n >= needed)
        return self._known[host]

    def known_anywhere(self) -> frozenset[str]:
        """The fingerprints that are boilerplate on any host of the run. A site's contact
        block or staff table is template text even where another site shows it on a few
        pages only: the content signature leaves it out everywhere, so that the same service
        on two sites is one result (``indexer.signature``)."""
        if "*" not in self._known:
            hosts = {_host(url) for url in self._pages}
            self._known["*"] = frozenset().union(*(self.known(h) for h in hosts))
        return self._known["*"]

    def digest(self, host: str) -> str:
        """A short hash of the host's boilerplate and of all hosts' (the signature leaves
        those out), part of every page's fingerprint."""
        if host not in self._digests:
            joined = ",".join(sorted(self.known(host))) + "|" + ",".join(
                sorted(self.known_anywhere()))
            self._digests[host] = hashlib.blake2b(joined.encode("ascii"),
                                                  digest_size=8).hexdigest()
        return self._digests[host]

    def save(self) -> None:
        """Write the file atomically when something changed."""
        if self.path is None or not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._pages, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path)
        self._changed = False


def book_path(state_path: Path | None) -> Path | None:
    """Where the fingerprints live: next to the indexer state."""
    return None if state_path is None else state_path.with_name(
        state_path.stem + "-bausteine.json")


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()
