"""Which page links a document, with what link text: title, category and date fall back on it.

Pages are parsed before the files of a run (sources list documents last), and every parsed
page that links documents records its links here. Pages skipped as unchanged are not parsed,
so the links are kept between runs in a JSON file next to the indexer state; an entry is
replaced when its page is parsed again and dropped when its page leaves the index.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

from indexer.files.kinds import suffix_kind
from indexer.model import ParsedPage
from indexer.urls import try_normalise

log = logging.getLogger(__name__)

# Cheap test on the raw bytes before any parsing: most pages link no document.
_MAYBE_DOCUMENT = re.compile(rb"\.(?:pdf|docx|odt)\b", re.IGNORECASE)
# "(PDF, 240 KB)", "(Word)", "[pdf]": format hints the result list shows on its own.
_FORMAT_HINT = re.compile(r"\s*[(\[](?:pdf|docx?|odt|word|opendocument)\b[^)\]]*[)\]]\s*$",
                          re.IGNORECASE)


@dataclass(frozen=True)
class LinkingPage:
    """The page that links a document, and the text of its link."""

    page_id: str
    page_title: str
    category: str
    online_date: str | None
    link_text: str


def document_links(body: bytes, page_url: str) -> list[tuple[str, str]]:
    """(normalised document URL, link text) for every same-host link to a document."""
    if not _MAYBE_DOCUMENT.search(body):
        return []
    try:
        tree = lxml.html.document_fromstring(body)
    except (lxml.etree.ParserError, ValueError):
        return []
    host = urlsplit(page_url).netloc
    found: list[tuple[str, str]] = []
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        try:
            target = try_normalise(urljoin(page_url, href))
        except ValueError:
            continue
        if target and urlsplit(target).netloc == host and suffix_kind(target):
            text = " ".join(anchor.text_content().split())
            found.append((target, _FORMAT_HINT.sub("", text) or text))
    return found


class LinkBook:
    """Document URL -> the first page that links it; persisted between runs."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._pages: dict[str, dict[str, object]] = {}
        self._index: dict[str, LinkingPage] | None = None
        if path is not None and path.is_file():
            try:
                self._pages = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                log.warning("ignoring unreadable document links %s: %s", path, err)

    def record(self, page: ParsedPage, links: list[tuple[str, str]]) -> None:
        """Remember (or forget) the document links of a page that was just parsed."""
        if links:
            self._pages[page.id] = {
                "title": page.title, "category": page.category,
                "date": page.online_date.isoformat() if page.online_date else None,
                "links": links}
        elif self._pages.pop(page.id, None) is None:
            return
        self._index = None

    def linking_page(self, document_id: str) -> LinkingPage | None:
        """The page that links the document (the first in URL order), if any."""
        if self._index is None:
            self._index = {}
            for page_id in sorted(self._pages):
                entry = self._pages[page_id]
                for target, text in entry["links"]:  # type: ignore[union-attr]
                    self._index.setdefault(target, LinkingPage(
                        page_id, str(entry["title"]), str(entry["category"]),
                        entry["date"], text))  # type: ignore[arg-type]
        return self._index.get(document_id)

    def keep_only(self, page_ids: set[str]) -> None:
        """Forget pages that are not in the index."""
        self._pages = {k: v for k, v in self._pages.items() if k in page_ids}
        self._index = None

    def save(self) -> None:
        """Write atomically (no-op without a path)."""
        if self.path is None or (not self._pages and not self.path.exists()):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._pages, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)


def as_json(page: LinkingPage | None) -> str:
    """Stable text of a linking page for fingerprints."""
    return json.dumps(asdict(page) if page else None, ensure_ascii=False, sort_keys=True)
