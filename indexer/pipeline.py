"""Run the indexer: sources -> parse -> documents -> Solr, then deletions and the suggester.

Guarantees, in the order a run goes:

* Existing ``id -> contentHash`` pairs are read from Solr in one cursor pass first (a
  folder's first files are read meanwhile, ``indexer.overlap``); a page whose hash is
  unchanged is not sent again.
* Documents are atomic updates that never touch ``clickCounter`` (see ``indexer.document``).
* Nothing is ever deleted before all pages were processed. Pages missing from a *full* run
  are deleted by id only when the run completed: not cancelled, Solr reachable throughout, no
  more failures than allowed. Pages that failed to fetch or parse keep their old document.
* A full run deletes only within the sources it covered (host and folder of the base URL,
  sitemap or start page), and at most ``delete_max_share`` of them unless forced
  (``indexer.deletion``).
* The index stays searchable: there is no delete-all; documents are replaced one by one.
* When anything changed, the run commits and rebuilds the title suggester.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import IO

from indexer.boilerplate import BoilerplateBook, book_path
from indexer.config import IndexerConfig, load_config
from indexer.deletion import scope_prefix
from indexer.model import Outcome, Report
from indexer.learning import learn_folders
from indexer.page_loop import PageLoop, Progress, Scope
from indexer.report import RunLog
from indexer.sites import SourceEntry, SourceListError, parse_source_list
from indexer.sources import SourceError, SourceItem, SourceListing, chain, kind_of
from indexer.sources.crawl import link_crawl_source, sitemap_source
from indexer.sources.folder import folder_source
from indexer.sources.http import Fetcher
from indexer.sources.url import url_source
from indexer.state import ValidatorStore
from indexer.urls import try_normalise
from indexer.writer import SolrError, SolrWriter

log = logging.getLogger(__name__)

__all__ = ["Progress", "delete_urls", "index_items", "index_pages", "open_sources", "run",
           "source_scope"]


def run(sources: list[str], solr_url: str | None = None, *, full: bool,
        base_url: str | None = None, progress: Progress | None = None,
        cancel: threading.Event | None = None, crawl: bool = False, dry_run: bool = False,
        jsonl: IO[str] | None = None, max_failures: int | None = None, force: bool = False,
        config: IndexerConfig | None = None) -> Report:
    """Index the given sources (folder paths, page URLs, sitemap URLs, or source lists as in
    ``indexer.sites``: ``FOLDER=https://host/;…``) in one run and report.

    ``force`` rewrites every page even when its content hash is unchanged (click counts are
    kept all the same).
    """
    config = (config or load_config()).with_overrides(solr_url=solr_url, base_url=base_url)
    validators = ValidatorStore(None if dry_run else config.state_path)
    book = BoilerplateBook(None if dry_run else book_path(config.state_path))
    fetcher = Fetcher(config, validators)
    writer = None if dry_run else SolrWriter(config.solr_url, timeout=config.solr_timeout)
    started = time.monotonic()
    notes: list[str] = []
    try:
        entries = _entries(sources, config, notes)
        known = None if force else validators  # a forced run reads every file
        owners: dict[str, str] = {}
        # The folders are read for their boilerplate while Solr answers the hash read.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hash-read") as pool:
            hashes = pool.submit(writer.existing_hashes, sources=owners) if writer else None
            read = learn_folders(entries, config, known, book)
            existing = hashes.result() if hashes else {}
        # A forced run downloads and parses everything again.
        validators.keep_only(set() if force else set(existing))
        if full and not crawl and all(_kind(e) == "url" for e in entries):
            raise SourceError("--full braucht einen Ordner, eine Sitemap oder --crawl: einzelne "
                              "Seiten-URLs sind nicht die ganze Website, der Rest würde gelöscht")
        work = PageLoop(writer, existing, config, jsonl, validators, force, book, owners)
        work.tally.notes.extend(notes)
        listing = _tagged(entries, config, fetcher, crawl, known, work, read)
        report = _loop(work, listing, writer, full=full, progress=progress, cancel=cancel,
                       max_failures=max_failures, scopes=[
                           (e.id, (_scope(e),)) for e in entries])
    except (SolrError, SourceError) as err:
        log.error("indexing run stopped: %s", err)
        report = RunLog().to_report(full=full, dry_run=dry_run, error=str(err))
    finally:
        fetcher.close()
        if writer:
            writer.close()
    validators.save()
    book.save()
    return _with_time(report, started)


def _entries(sources: list[str], config: IndexerConfig, notes: list[str]
             ) -> tuple[SourceEntry, ...]:
    try:
        entries = parse_source_list(sources, config.base_url, config.skip_missing_folders, notes)
    except SourceListError as err:
        raise SourceError(str(err)) from err
    if not entries:
        raise SourceError("keine Quelle angegeben" if not notes else "; ".join(notes))
    return entries


def _kind(entry: SourceEntry) -> str:
    return kind_of(entry.location)


def _scope(entry: SourceEntry) -> str:
    return scope_prefix(entry.base_url or entry.location)


def _tagged(entries: tuple[SourceEntry, ...], config: IndexerConfig, fetcher: Fetcher,
            crawl: bool, known: ValidatorStore | None, work: PageLoop,
            read: dict[SourceEntry, SourceListing]) -> SourceListing:
    """One listing over every source (folders already read are not listed again); the page
    loop learns which source each item is from."""
    listings = [(entry, read.get(entry) or open_sources(
        [entry.location], config.with_overrides(base_url=entry.base_url), fetcher, crawl,
        known)) for entry in entries]

    def tag(entry: SourceEntry, listing: SourceListing) -> Iterator[SourceItem]:
        for item in listing.items:
            work.source_id = entry.id
            yield item

    return chain([SourceListing(listing.total, tag(entry, listing))
                  for entry, listing in listings])


def index_pages(pages: Iterable[SourceItem], total: int | None, config: IndexerConfig, *,
                full: bool, progress: Progress | None = None,
                cancel: threading.Event | None = None, force: bool = False) -> Report:
    """Index pages from any iterable, e.g. the benchmark corpus streamed without files."""
    writer = SolrWriter(config.solr_url, timeout=config.solr_timeout)
    validators = ValidatorStore(config.state_path)
    started = time.monotonic()
    try:
        existing = writer.existing_hashes()
        validators.keep_only(set() if force else set(existing))
        report = index_items(SourceListing(total, iter(pages)), writer, existing, config,
                             full=full, progress=progress, cancel=cancel, force=force,
                             validators=validators)
    except SolrError as err:
        report = RunLog().to_report(full=full, error=str(err))
    finally:
        writer.close()
    validators.save()
    return _with_time(report, started)


def open_sources(specs: list[str], config: IndexerConfig, fetcher: Fetcher,
                 crawl: bool = False, known: ValidatorStore | None = None) -> SourceListing:
    """Turn source specs into one listing; raises SourceError for unusable specs.

    With ``known``, folder files whose metadata are those recorded there are not read.
    """
    if not specs:
        raise SourceError("keine Quelle angegeben")
    kinds = [(spec, kind_of(spec)) for spec in specs]
    listings = [folder_source(Path(s), config.base_url, config.max_page_bytes,
                              config.max_file_bytes, known.known_file if known else None)
                for s, k in kinds if k == "folder"]
    listings += [sitemap_source(s, fetcher) for s, k in kinds if k == "sitemap"]
    page_urls = [s for s, k in kinds if k == "url"]
    if page_urls:
        listings.append(link_crawl_source(page_urls, fetcher) if crawl
                        else url_source(page_urls, fetcher))
    return chain(listings)


def source_scope(specs: list[str], config: IndexerConfig) -> tuple[str, ...]:
    """URL prefixes of the pages the sources cover (a folder: its base URL)."""
    return tuple(dict.fromkeys(
        scope_prefix(config.base_url if kind_of(spec) == "folder" else spec) for spec in specs))


def index_items(listing: SourceListing, writer: SolrWriter | None, existing: dict[str, str],
                config: IndexerConfig, *, full: bool, progress: Progress | None = None,
                cancel: threading.Event | None = None, jsonl: IO[str] | None = None,
                max_failures: int | None = None, validators: ValidatorStore | None = None,
                force: bool = False, scope: tuple[str, ...] = ("",)) -> Report:
    """The page loop for any listing (also used directly by the benchmark's page stream).

    A full run deletes only documents whose id starts with one of the ``scope`` prefixes
    (the default ``("",)`` is the whole index, for page streams without a source URL).
    """
    work = PageLoop(writer, existing, config, jsonl, validators or ValidatorStore(None), force)
    return _loop(work, listing, writer, full=full, progress=progress, cancel=cancel,
                 max_failures=max_failures, scopes=[("", scope)])


def _loop(work: PageLoop, listing: SourceListing, writer: SolrWriter | None, *, full: bool,
          progress: Progress | None, cancel: threading.Event | None,
          max_failures: int | None, scopes: list[Scope]) -> Report:
    error: str | None = None
    cancelled = False
    try:
        for item in listing.items:
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            work.handle(item)
            work.tally.done += 1
            if progress:
                progress(work.tally.event(listing.total, item.url))
            if max_failures is not None and work.tally.counts[Outcome.FAILED] > max_failures:
                error = f"mehr als {max_failures} fehlgeschlagene Seiten"
                break
        work.drain()
        if error is None and not cancelled:
            if full:
                error = work.delete_missing(progress, scopes)
            work.finish()
    except SolrError as err:
        log.error("indexing run stopped: %s", err)
        error = str(err)
        work.fail_pending(error)
    finally:
        work.close()
    return work.tally.to_report(full=full, dry_run=writer is None, error=error,
                                cancelled=cancelled, suggester_built=work.suggester_built)


def delete_urls(urls: list[str], solr_url: str | None = None,
                config: IndexerConfig | None = None) -> Report:
    """Delete single pages by URL (their id is the normalised URL) and rebuild the suggester."""
    config = (config or load_config()).with_overrides(solr_url=solr_url)
    writer = SolrWriter(config.solr_url, timeout=config.solr_timeout)
    tally = RunLog()
    started = time.monotonic()
    try:
        existing = writer.existing_hashes()
        ids = list(dict.fromkeys(try_normalise(u) or u for u in urls))
        present = [i for i in ids if i in existing]
        for missing in (i for i in ids if i not in existing):
            tally.add(Outcome.SKIPPED, missing, "nicht im Index")
        if present:
            writer.delete(present)
            writer.commit()
            writer.build_suggester()
        for page_id in present:
            tally.add(Outcome.DELETED, page_id)
        report = tally.to_report(suggester_built=bool(present))
    except SolrError as err:
        report = tally.to_report(error=str(err))
    finally:
        writer.close()
    return _with_time(report, started)


def _with_time(report: Report, started: float) -> Report:
    return replace(report, seconds=time.monotonic() - started)
