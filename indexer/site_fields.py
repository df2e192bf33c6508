"""The fields a page gets from where it was found: host, site, source, body language,
content signature and its rank among duplicates (a pure step after parsing)."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from indexer.address import address_rank
from indexer.config import IndexerConfig
from indexer.model import ParsedPage
from indexer.parse.language import body_language
from indexer.signature import body_without_title, signature
from indexer.sites import site_name


def with_site_fields(page: ParsedPage, source_id: str, config: IndexerConfig) -> ParsedPage:
    """The page with host, site, source, bodyLanguage, signature and addressRank set.

    The signature is taken over the main text without headings (for documents: without the
    title), so that a translated copy whose body is still German gets the German page's
    signature; a page without words gets none and is never grouped with another.
    """
    host = urlsplit(page.url).netloc.lower()
    body = body_without_title(page.content, page.title)
    signed = page.signature_text or body
    return replace(
        page, host=host, site=site_name(host, config.site_names), source=source_id,
        body_language=body_language(body, page.language), signature=signature(signed),
        address_rank=address_rank(page.url, page.canonical, page.language,
                                  config.preferred_hosts))
