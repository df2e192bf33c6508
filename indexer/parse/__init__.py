"""RawPage -> ParsedPage: decode, read the head, remove chrome, extract the page's fields."""

from __future__ import annotations

from collections.abc import Mapping

from indexer.model import ParsedPage, RawPage
from indexer.parse import category, content, dates, meta, robots, title
from indexer.parse.markers import searchable_part
from indexer.parse.cleanup import remove_chrome
from indexer.parse.decoding import check_is_html, decode
from indexer.parse.errors import PageSkipped
from indexer.parse.tree import first, parse_html

__all__ = ["PageSkipped", "parse_page"]

# Only the first max_content_chars * MARKUP_FACTOR characters of markup are parsed (2 MB by
# default): parsing is the slowest stage, its cost grows with the markup, and text that far
# down a page lies beyond the content cap anyway. A 20 MB page is thus indexed with its first
# ~1 MB of text instead of stalling the run.
MARKUP_FACTOR = 2


def parse_page(raw: RawPage, sections: Mapping[str, str], max_content_chars: int) -> ParsedPage:
    """Parse one page; raise PageSkipped with a reason when it is not indexable."""
    check_is_html(raw.body, raw.content_type)
    text, _encoding = decode(raw.body, raw.content_type)
    text = searchable_part(text)[: max_content_chars * MARKUP_FACTOR]
    tree = parse_html(text)
    if tree is None or first(tree, "html", "body") is None:
        raise PageSkipped("kein HTML-Dokument")
    robots.check_indexable(raw, tree)

    url = meta.canonical_url(tree, raw.url)
    head_title = title.head_title(tree)
    page_category = category.category(tree, url, sections)
    found_date = dates.meta_date(tree)
    remove_chrome(tree)

    root = content.content_root(tree)
    body_text = content.main_text(root, max_content_chars)
    page_title = title.page_title(tree, head_title, url)
    if not body_text and not head_title:
        raise PageSkipped("Seite ohne Text und ohne Titel")
    when = found_date or _later_date(body_text, raw)
    return ParsedPage(
        id=url,
        url=url,
        title=page_title,
        teaser=content.teaser(tree, root, body_text),
        content=body_text,
        category=page_category,
        online_date=when.moment if when else None,
        date_source=when.source if when else None,
        online_time_known=bool(when and when.time_known),
        keywords=meta.keywords(tree),
        language=meta.language(tree),
    )


def _later_date(text: str, raw: RawPage) -> dates.PageDate | None:
    visible = dates.visible_page_date(text)
    if visible:
        return visible
    if raw.http_last_modified:
        return dates.transport_date(raw.http_last_modified, "http-last-modified")
    if raw.file_mtime:
        return dates.transport_date(raw.file_mtime, "file-mtime")
    return None
