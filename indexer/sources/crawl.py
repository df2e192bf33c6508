"""The live site: pages listed in sitemap.xml, or found by following links from start URLs.

Only pages on the host(s) of the given sitemap or start URLs are fetched; robots.txt, the
crawl delay and conditional requests are handled by the Fetcher. Links are resolved against
the page's ``<base href>`` (many CMS pages declare one, often relative such as
``../../../``); links marked ``rel="nofollow"`` and all links of a page whose meta robots tag
or X-Robots-Tag header says ``nofollow`` are not followed. A ``noindex`` page is still read
for its links (unless it also says nofollow); the parser reports it as skipped.
"""

from __future__ import annotations

import gzip
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import requests

from indexer.files.kinds import looks_like_document, suffix_kind
from indexer.model import Outcome, RawPage, SourceProblem
from indexer.parse.robots import page_directives
from indexer.sources import SourceError, SourceItem, SourceListing
from indexer.sources.http import Fetcher
from indexer.urls import try_normalise

log = logging.getLogger(__name__)

_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Not fetched when linked; documents (.pdf, .docx, .odt) are, see indexer/files.
_NOT_PAGES = (".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".zip", ".doc",
              ".xls", ".xlsx", ".ppt", ".pptx", ".mp3", ".mp4", ".ics", ".css", ".js",
              ".xml", ".txt")
MAX_SITEMAP_DEPTH = 3


def sitemap_source(sitemap_url: str, fetcher: Fetcher) -> SourceListing:
    """Read the sitemap (and nested sitemap indexes) now; fetch the pages lazily."""
    host = _host(sitemap_url)
    pages: list[str] = []
    problems: dict[str, SourceProblem] = {}
    for loc in _sitemap_locs(sitemap_url, fetcher, depth=0):
        url = try_normalise(loc)
        if url is None:
            problems[loc] = SourceProblem(loc, Outcome.SKIPPED, "ungültige URL in der Sitemap")
        elif _host(url) != host:
            problems[url] = SourceProblem(url, Outcome.SKIPPED, "fremder Host, nicht abgerufen")
        else:
            pages.append(url)
    # Documents after pages: the pages that link them are read first (see indexer/files).
    pages = sorted(dict.fromkeys(pages), key=lambda u: suffix_kind(u) is not None)
    pages = pages[: fetcher.config.max_pages]
    return SourceListing(len(pages) + len(problems),
                         _fetch_all(pages, list(problems.values()), fetcher))


def link_crawl_source(start_urls: list[str], fetcher: Fetcher) -> SourceListing:
    """Breadth-first from the start URLs over links on the same host(s); total unknown."""
    return SourceListing(None, _crawl(start_urls, fetcher))


def _fetch_all(urls: list[str], problems: list[SourceProblem],
               fetcher: Fetcher) -> Iterator[SourceItem]:
    yield from problems
    for url in urls:
        yield fetcher.fetch_page(url)


def _crawl(start_urls: list[str], fetcher: Fetcher) -> Iterator[SourceItem]:
    hosts = {_host(u) for u in start_urls}
    queue = deque(try_normalise(u) or u for u in start_urls)
    seen = set(queue)
    fetched = 0
    while queue and fetched < fetcher.config.max_pages:
        url = queue.popleft()
        item = fetcher.fetch_page(url)
        fetched += 1
        yield item
        if isinstance(item, RawPage) and not looks_like_document(item.url, item.content_type):
            for link in _links(item):
                if _host(link) in hosts and link not in seen:
                    seen.add(link)
                    queue.append(link)


def _host(url: str) -> str:
    """Host and port: another port on the same machine is another site."""
    return urlsplit(try_normalise(url) or "").netloc


def _links(page: RawPage) -> Iterable[str]:
    """Absolute, normalised http(s) links of a page that look like pages and may be followed."""
    try:
        tree = lxml.html.document_fromstring(page.body)
    except (lxml.etree.ParserError, ValueError):
        return []
    if page_directives(page, tree).nofollow:
        return []
    base = _base_url(tree, page.url)
    links = []
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if href is None or "nofollow" in (anchor.get("rel") or "").lower().split():
            continue
        try:
            absolute = urljoin(base, str(href).strip())
        except ValueError:
            continue
        link = try_normalise(absolute)
        parts = urlsplit(link or "")
        is_page = not parts.path.lower().endswith(_NOT_PAGES)
        if link and parts.scheme in ("http", "https") and is_page:
            links.append(link)
    return links


def _base_url(tree: lxml.html.HtmlElement, page_url: str) -> str:
    """The first ``<base href>``, resolved against the page's URL (the page's URL if none)."""
    for base in tree.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            try:
                return urljoin(page_url, href)
            except ValueError:
                break
    return page_url


def _sitemap_locs(url: str, fetcher: Fetcher, depth: int) -> Iterator[str]:
    if not fetcher.allowed(url):
        trouble = fetcher.trouble(url)
        if trouble:  # not a refusal: the site could not be asked at all
            raise SourceError(f"Sitemap nicht abrufbar: {url}: {trouble}")
        raise SourceError(f"Sitemap durch robots.txt gesperrt: {url}")
    try:
        _response, body = fetcher.get_bytes(url)
    except requests.RequestException as err:
        raise SourceError(f"Sitemap nicht abrufbar: {url}: {err}") from err
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(body, parser=parser)
    except lxml.etree.XMLSyntaxError as err:
        raise SourceError(f"Sitemap ist kein gültiges XML: {url}: {err}") from err
    locs = [(loc.text or "").strip() for loc in root.iter(f"{_NS}loc", "loc")]
    if root.tag in (f"{_NS}sitemapindex", "sitemapindex"):
        if depth >= MAX_SITEMAP_DEPTH:
            raise SourceError(f"Sitemap-Index zu tief verschachtelt: {url}")
        for nested in locs:
            yield from _sitemap_locs(urljoin(url, nested), fetcher, depth + 1)
        return
    yield from (urljoin(url, loc) for loc in locs if loc)
