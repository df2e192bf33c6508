"""RawPage -> ParsedPage: decode, read the head, remove chrome, extract the page's fields."""

from __future__ import annotations

from collections.abc import Mapping

from indexer import boilerplate
from indexer.model import ParsedPage, RawPage
from indexer.parse import category, content, dates, meta, robots, title
from indexer.parse.language import declared_language
from indexer.parse.links import link_share
from indexer.parse.markers import searchable_part
from indexer.parse.cleanup import remove_chrome
from indexer.parse.decoding import check_is_html, decode
from indexer.parse.errors import PageSkipped
from indexer.parse.tree import first, parse_html

__all__ = ["PageSkipped", "page_blocks", "parse_page"]

# Only the first max_content_chars * MARKUP_FACTOR characters of markup are parsed (2 MB by
# default): parsing is the slowest stage, its cost grows with the markup, and text that far
# down a page lies beyond the content cap anyway. A 20 MB page is thus indexed with its first
# ~1 MB of text instead of stalling the run.
MARKUP_FACTOR = 2
# An overview page: at least this share of its main text is link text, in this many links.
HUB_SHARE = 0.5
HUB_LINKS = 5


def parse_page(raw: RawPage, sections: Mapping[str, str], max_content_chars: int,
               known_boilerplate: frozenset[str] = frozenset(),
               template_prints: frozenset[str] = frozenset()) -> ParsedPage:
    """Parse one page; raise PageSkipped with a reason when it is not indexable.

    Blocks whose fingerprints are in ``known_boilerplate`` (the host's, see
    ``indexer.boilerplate``) are taken out of content and teaser; those in
    ``template_prints`` (boilerplate on any host) only out of the content signature.
    """
    tree = _tree(raw, max_content_chars)
    robots.check_indexable(raw, tree)

    url = meta.canonical_url(tree, raw.url)
    head_title = title.head_title(tree)
    page_category = category.category(tree, url, sections)
    found_date = dates.meta_date(tree)
    remove_chrome(tree)

    root = content.content_root(tree)
    prints = tuple(boilerplate.page_prints(root))
    repeated = boilerplate.take_out(root, known_boilerplate)
    body_text = content.main_text(root, max_content_chars)
    # Headings are not part of the signature: language copies translate them ("In Kürze",
    # "In brief") and keep the German body; nor is a block that is boilerplate on any host
    # (``template_prints``): another site's contact block does not make a copy new content.
    signature_text = " ".join(text for _, text in boilerplate.blocks(root)
                              if boilerplate.fingerprint(text) not in template_prints)
    page_title = title.page_title(tree, head_title, url)
    if not body_text and not head_title:
        raise PageSkipped("Seite ohne Text und ohne Titel")
    when = found_date or _later_date(body_text, raw)
    share, links = link_share(root, body_text)
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
        language=declared_language(tree, url),
        canonical=meta.declared_canonical(tree, raw.url),
        link_share=share,
        hub=share >= HUB_SHARE and links >= HUB_LINKS,
        boilerplate=repeated,
        block_prints=prints,
        signature_text=signature_text,
    )


def page_blocks(raw: RawPage, max_content_chars: int) -> list[str]:
    """The block fingerprints of a page's main part (for learning the host's boilerplate);
    empty for what is not an HTML page."""
    try:
        tree = _tree(raw, max_content_chars)
    except PageSkipped:
        return []
    remove_chrome(tree)
    return boilerplate.page_prints(content.content_root(tree))


def _tree(raw: RawPage, max_content_chars: int):  # type: ignore[no-untyped-def]
    check_is_html(raw.body, raw.content_type)
    text, _encoding = decode(raw.body, raw.content_type)
    text = searchable_part(text)[: max_content_chars * MARKUP_FACTOR]
    tree = parse_html(text)
    if tree is None or first(tree, "html", "body") is None:
        raise PageSkipped("kein HTML-Dokument")
    return tree


def _later_date(text: str, raw: RawPage) -> dates.PageDate | None:
    visible = dates.visible_page_date(text)
    if visible:
        return visible
    # A file's time is when it was copied, not when the page went online: an undated page
    # has no date (and sorts last) rather than the day of the copy.
    if raw.http_last_modified:
        return dates.transport_date(raw.http_last_modified, "http-last-modified")
    return None
