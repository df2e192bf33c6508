"""Run the indexer: sources -> parse -> documents -> Solr, then deletions and the suggester.

Guarantees, in the order a run goes:

* Existing ``id -> contentHash`` pairs are read from Solr in one cursor pass first; a page
  whose hash is unchanged is not sent again.
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

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from indexer.batch import BatchSender, Entry
from indexer.config import IndexerConfig, load_config
from indexer.deletion import plan_deletion, scope_prefix
from indexer.document import content_hash, fingerprint, page_fields, to_solr_doc
from indexer.files.reader import DocumentReader
from indexer.model import Outcome, ParsedPage, ProgressEvent, RawPage, Report, SourceProblem
from indexer.parse import PageSkipped, parse_page
from indexer.parse.meta import try_normalise
from indexer.report import RunLog
from indexer.sources import SourceError, SourceItem, SourceListing, chain, kind_of
from indexer.sources.crawl import link_crawl_source, sitemap_source
from indexer.sources.folder import folder_source
from indexer.sources.http import Fetcher
from indexer.sources.url import url_source
from indexer.state import Validators, ValidatorStore
from indexer.writer import SolrError, SolrWriter

log = logging.getLogger(__name__)

Progress = Callable[[ProgressEvent], None]


def run(sources: list[str], solr_url: str | None = None, *, full: bool,
        base_url: str | None = None, progress: Progress | None = None,
        cancel: threading.Event | None = None, crawl: bool = False, dry_run: bool = False,
        jsonl: IO[str] | None = None, max_failures: int | None = None, force: bool = False,
        config: IndexerConfig | None = None) -> Report:
    """Index the given sources (folder paths, page URLs, sitemap URLs) and report.

    ``force`` rewrites every page even when its content hash is unchanged (click counts are
    kept all the same).
    """
    config = (config or load_config()).with_overrides(solr_url=solr_url, base_url=base_url)
    validators = ValidatorStore(None if dry_run else config.state_path)
    fetcher = Fetcher(config, validators)
    writer = None if dry_run else SolrWriter(config.solr_url, timeout=config.solr_timeout)
    started = time.monotonic()
    try:
        existing = writer.existing_hashes() if writer else {}
        # A forced run downloads and parses everything again.
        validators.keep_only(set() if force else set(existing))
        if full and not crawl and all(kind_of(spec) == "url" for spec in sources):
            raise SourceError("--full braucht einen Ordner, eine Sitemap oder --crawl: einzelne "
                              "Seiten-URLs sind nicht die ganze Website, der Rest würde gelöscht")
        listing = open_sources(sources, config, fetcher, crawl)
        report = index_items(listing, writer, existing, config, full=full, progress=progress,
                             cancel=cancel, jsonl=jsonl, max_failures=max_failures,
                             validators=validators, force=force,
                             scope=source_scope(sources, config))
    except (SolrError, SourceError) as err:
        log.error("indexing run stopped: %s", err)
        report = RunLog().to_report(full=full, dry_run=dry_run, error=str(err))
    finally:
        fetcher.close()
        if writer:
            writer.close()
    validators.save()
    return _with_time(report, started)


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
                 crawl: bool = False) -> SourceListing:
    """Turn source specs into one listing; raises SourceError for unusable specs."""
    if not specs:
        raise SourceError("keine Quelle angegeben")
    kinds = [(spec, kind_of(spec)) for spec in specs]
    listings = [folder_source(Path(s), config.base_url, config.max_page_bytes,
                              config.max_file_bytes)
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
    work = _Run(writer, existing, config, jsonl, validators or ValidatorStore(None), force)
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
                error = work.delete_missing(progress, scope)
            work.finish()
    except SolrError as err:
        log.error("indexing run stopped: %s", err)
        error = str(err)
        work.fail_pending(error)
    finally:
        work.close()
    return work.tally.to_report(full=full, dry_run=writer is None, error=error,
                                cancelled=cancelled, suggester_built=work.suggester_built)


class _Run:
    """State of one page loop: seen ids, the pending batch, and the tally."""

    def __init__(self, writer: SolrWriter | None, existing: dict[str, str],
                 config: IndexerConfig, jsonl: IO[str] | None,
                 validators: ValidatorStore, force: bool) -> None:
        self.writer, self.existing, self.config = writer, existing, config
        self.jsonl, self.validators, self.force = jsonl, validators, force
        self.tally = RunLog()
        self.first_url: dict[str, str] = {}
        self.protected: set[str] = set()
        self.sender = None if writer is None else BatchSender(
            writer, config.batch_size, accepted=self._accepted, rejected=self._rejected)
        self.changed = False
        self.suggester_built = False
        self.now = datetime.now(UTC)
        self.settings = json.dumps([sorted(config.sections.items()), config.max_content_chars])
        self.documents = DocumentReader(config, validators.path)
        self.documents.links.keep_only(set(existing))

    def handle(self, item: SourceItem) -> None:
        """Parse one item and queue, skip or count it."""
        if isinstance(item, SourceProblem):
            self._problem(item)
            return
        is_document = self.documents.handles(item)
        page_print = fingerprint(item, self.settings + (
            self.documents.fingerprint_extra(item) if is_document else ""))
        if self._known_unchanged(item.url, page_print):
            return
        try:
            if is_document:
                page = self.documents.parse(item, self.tally.notes)
            else:
                page = parse_page(item, self.config.sections, self.config.max_content_chars)
                self.documents.note_page(item, page)
        except PageSkipped as why:
            self.tally.add(Outcome.SKIPPED, item.url, str(why))
            return
        except Exception as err:  # a parser bug on one page must not end the run
            log.exception("parsing %s failed", item.url)
            self.protected.add(try_normalise(item.url) or item.url)
            self.tally.add(Outcome.FAILED, item.url, f"Parserfehler: {type(err).__name__}: {err}")
            return
        if page.id in self.first_url:
            self.tally.add(Outcome.SKIPPED, item.url,
                           f"gleiche kanonische URL wie {self.first_url[page.id]}")
            return
        self.first_url[page.id] = item.url
        digest = content_hash(page)
        validators = Validators(page.id, item.etag, item.last_modified_header, page_print, digest)
        if self.sender is None:
            self._dump(page, digest, item)
            self.tally.add(Outcome.INDEXED, item.url)
        elif self.existing.get(page.id) == digest and not self.force:
            self.validators.remember(item.url, validators)
            self.tally.add(Outcome.UNCHANGED, item.url)
        else:
            self.sender.add((to_solr_doc(page, digest, self.now), item.url, validators))

    def _known_unchanged(self, url: str, page_print: str) -> bool:
        """Same bytes as last time and Solr still has that version: skip parsing entirely."""
        known = self.validators.get(url)
        if (self.force or self.writer is None or known is None or known.fingerprint != page_print
                or known.page_id in self.first_url
                or self.existing.get(known.page_id) != known.content_hash):
            return False
        self.first_url[known.page_id] = url
        self.tally.add(Outcome.UNCHANGED, url)
        return True

    def _accepted(self, entries: list[Entry]) -> None:
        for doc, url, validators in entries:
            self.validators.remember(url, validators)
            self.first_url.setdefault(str(doc["id"]), url)
        self.tally.add(Outcome.INDEXED, "", n=len(entries))
        self.changed = True

    def _rejected(self, entry: Entry, reason: str) -> None:
        self.protected.add(str(entry[0]["id"]))
        self.tally.add(Outcome.FAILED, entry[1], reason)

    def fail_pending(self, reason: str) -> None:
        """Count the documents Solr never confirmed as failed after it went away."""
        for _, url, _ in self.sender.take_unsent() if self.sender else ():
            self.tally.add(Outcome.FAILED, url, f"nicht gespeichert: {reason}")

    def drain(self) -> None:
        """Wait until Solr has taken every queued document."""
        if self.sender:
            self.sender.drain()

    def close(self) -> None:
        """Stop the sender thread and the document worker."""
        if self.sender:
            self.sender.close()
        self.documents.close()

    def delete_missing(self, progress: Progress | None, scope: tuple[str, ...]) -> str | None:
        """Delete the scope's documents the complete source no longer has (not failed pages).

        Returns why nothing was deleted when the share limit refused it.
        """
        assert self.writer is not None or not self.existing
        plan = plan_deletion(self.existing, set(self.first_url) | self.protected, scope,
                             self.config.delete_max_share, self.force)
        if (plan.ids or plan.refused) and not self.first_url:
            self.tally.notes.append("Quelle lieferte keine Seiten – nichts gelöscht")
            return None
        if plan.refused:
            log.error("full run deleted nothing: %s", plan.refused)
            return plan.refused
        missing = plan.ids
        if self.writer is None or not missing:
            return None
        if progress:
            progress(self.tally.event(None, "", phase="deleting"))
        self.writer.delete(missing)
        for page_id in missing:
            self.tally.add(Outcome.DELETED, page_id)
        self.changed = True
        return None

    def finish(self) -> None:
        """Commit and rebuild the suggester when the index changed."""
        if self.writer is not None and self.changed:
            self.writer.commit()
            self.writer.build_suggester()
            self.suggester_built = True

    def _problem(self, item: SourceProblem) -> None:
        if item.outcome is Outcome.UNCHANGED and item.page_id:
            self.first_url.setdefault(item.page_id, item.url)
        elif item.outcome is Outcome.FAILED:
            self.protected.add(try_normalise(item.url) or item.url)
        self.tally.add(item.outcome, item.url, item.reason)

    def _dump(self, page: ParsedPage, digest: str, raw: RawPage) -> None:
        if self.jsonl is not None:
            record = {**page_fields(page), "contentHash": digest, "dateSource": page.date_source,
                      "sourceUrl": raw.url}
            self.jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")


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
    from dataclasses import replace

    return replace(report, seconds=time.monotonic() - started)
