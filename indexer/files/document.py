"""Extracted text + transport facts + the linking page -> a ParsedPage for the index."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import unquote, urlsplit

from indexer.files.extracted import Extracted
from indexer.files.kinds import LABELS
from indexer.files.links import LinkingPage
from indexer.files.text import cap, flat
from indexer.model import FileFacts, ParsedPage, RawPage
from indexer.parse.category import section_category
from indexer.parse.dates import parse_date, to_utc

TEASER_CHARS = 300
# Metadata titles that office programs fill in by themselves and that say nothing.
_EMPTY_TITLES = re.compile(r"^(?:untitled|unbenannt|ohne titel|dokument\d*|document\d*|"
                           r"microsoft word - .*|titel|title|\W*)$", re.IGNORECASE)


def file_page(raw: RawPage, doc_id: str, extracted: Extracted, link: LinkingPage | None,
              sections: dict[str, str], max_chars: int) -> ParsedPage:
    """The search document of one file (the rules are in indexer/README.md)."""
    text, _cut = cap(flat(extracted.text), max_chars)
    when, source = _date(extracted, raw, link)
    return ParsedPage(
        id=doc_id, url=doc_id,
        title=document_title(extracted.title, link, doc_id),
        teaser=_teaser(extracted, text),
        content=text,
        category=link.category if link else section_category(doc_id, sections),
        # The day only: a metadata time is when a program saved the file, which the document
        # itself does not state to its readers.
        online_date=when, date_source=source, online_time_known=False,
        file=FileFacts(kind=LABELS[extracted.kind], size=len(raw.body), pages=extracted.pages,
                       linked_from=link.page_id if link else None,
                       linked_from_title=link.page_title if link else None))


def document_title(meta_title: str | None, link: LinkingPage | None, url: str) -> str:
    """Metadata title, else the link text, else the file name made readable."""
    cleaned = flat(meta_title or "")
    if cleaned and not _EMPTY_TITLES.match(cleaned):
        return cleaned[:300]
    if link and link.link_text:
        return link.link_text[:300]
    return readable_file_name(url)


def readable_file_name(url: str) -> str:
    """'…/antrag_wohngeld-2026.pdf' -> 'Antrag Wohngeld 2026'."""
    name = unquote(urlsplit(url).path).rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    words = [w for w in re.split(r"[-_.\s]+", stem) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words) or name or url


def _teaser(extracted: Extracted, text: str) -> str:
    subject = flat(extracted.subject or "")
    if len(subject) >= 20:
        return cap(subject, TEASER_CHARS)[0]
    return cap(text, TEASER_CHARS)[0]


def _date(extracted: Extracted, raw: RawPage,
          link: LinkingPage | None) -> tuple[datetime | None, str | None]:
    meta = parse_date(extracted.date) if extracted.date else None
    if meta:
        return meta, "document-metadata"
    if raw.http_last_modified:
        return to_utc(raw.http_last_modified), "http-last-modified"
    linked = parse_date(link.online_date) if link and link.online_date else None
    if linked:
        return linked, "linking-page"
    # Not the file's time: in a folder it is the day the files were copied (as for pages).
    return None, None
