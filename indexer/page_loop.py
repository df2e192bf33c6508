"""One run's page loop: judge each source item, queue what changed, count everything.

Used by ``indexer.pipeline.index_items``; the guarantees it keeps are listed in that module.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import IO

from indexer.batch import BatchSender, Entry
from indexer.boilerplate import BoilerplateBook
from indexer.config import IndexerConfig
from indexer.deletion import plan_deletion, scope_prefix
from indexer.document import body_digest, content_hash, fingerprint, page_fields, to_solr_doc
from indexer.files.reader import DocumentReader
from indexer.model import (Outcome, ParsedPage, ProgressEvent, RawPage, SourceProblem,
                           UnreadFile)
from indexer.parse import PageSkipped, parse_page
from indexer.report import RunLog
from indexer.site_fields import with_site_fields
from indexer.sources import SourceItem
from indexer.sources.folder import read_file
from indexer.sites import host_of
from indexer.state import Validators, ValidatorStore
from indexer.urls import try_normalise
from indexer.writer import SolrWriter

log = logging.getLogger(__name__)

Progress = Callable[[ProgressEvent], None]
# (source id, URL prefixes) of one source of a run; the id "" stands for documents of any
# source (runs over a page stream, and documents written before the source field existed).
Scope = tuple[str, tuple[str, ...]]


class PageLoop:
    """State of one page loop: seen ids, the pending batch, and the tally."""

    def __init__(self, writer: SolrWriter | None, existing: dict[str, str],
                 config: IndexerConfig, jsonl: IO[str] | None,
                 validators: ValidatorStore, force: bool, book: BoilerplateBook | None = None,
                 existing_sources: dict[str, str] | None = None) -> None:
        self.writer, self.existing, self.config = writer, existing, config
        self.book = book or BoilerplateBook(None)
        self.existing_sources = existing_sources or {}
        self.source_id = ""  # the source the items handled now come from
        self.jsonl, self.validators, self.force = jsonl, validators, force
        self.tally = RunLog()
        self.first_url: dict[str, str] = {}
        self.protected: set[str] = set()
        self.sender = None if writer is None else BatchSender(
            writer, config.batch_size, accepted=self._accepted, rejected=self._rejected)
        self.changed = False
        self.suggester_built = False
        self.now = datetime.now(UTC)
        self.settings = json.dumps([sorted(config.sections.items()), config.max_content_chars,
                                    sorted(config.site_names.items()), config.preferred_hosts])
        self.documents = DocumentReader(config, validators.path)
        self.documents.links.keep_only(set(existing))

    def handle(self, item: SourceItem) -> None:
        """Parse one item and queue, skip or count it."""
        if isinstance(item, SourceProblem):
            self._problem(item)
            return
        is_document = self.documents.handles(item)
        host = host_of(item.url)
        # The source and the host's boilerplate are part of what a page becomes.
        settings = self.settings + self.source_id + (
            self.documents.fingerprint_extra(item) if is_document else self.book.digest(host))
        if isinstance(item, UnreadFile):
            page_print = fingerprint(item.body_digest, item, settings)
            if not self._known_unchanged(item, page_print, item.body_digest):
                self.handle(read_file(item))  # the page must be looked at after all
            return
        bytes_digest = body_digest(item.body)
        page_print = fingerprint(bytes_digest, item, settings)
        if self._known_unchanged(item, page_print, bytes_digest):
            return
        try:
            if is_document:
                page = self.documents.parse(item, self.tally.notes)
            else:
                page = parse_page(item, self.config.sections, self.config.max_content_chars,
                                  self.book.known(host), self.book.known_anywhere())
                self.book.record(item.url, page.block_prints)
                self.documents.note_page(item, page)
            page = with_site_fields(page, self.source_id, self.config)
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
        validators = Validators(page.id, item.etag, item.last_modified_header, page_print, digest,
                                item.file_key, bytes_digest if item.file_key else None)
        if self.sender is None:
            self._dump(page, digest, item)
            self.tally.add(Outcome.INDEXED, item.url)
        elif self.existing.get(page.id) == digest and not self.force:
            self.validators.remember(item.url, validators)
            self.tally.add(Outcome.UNCHANGED, item.url)
        else:
            self.sender.add((to_solr_doc(page, digest, self.now), item.url, validators))

    def _known_unchanged(self, item: RawPage | UnreadFile, page_print: str,
                         bytes_digest: str) -> bool:
        """Same bytes as last time and Solr still has that version: skip parsing entirely."""
        known = self.validators.get(item.url)
        if (self.force or self.writer is None or known is None or known.fingerprint != page_print
                or known.page_id in self.first_url
                or self.existing.get(known.page_id) != known.content_hash):
            return False
        self.first_url[known.page_id] = item.url
        self.book.mark_seen(item.url)
        self.tally.add(Outcome.UNCHANGED, item.url)
        if known.file_key != item.file_key:  # a file read again: its key for the next run
            self.validators.remember(item.url, replace(
                known, file_key=item.file_key,
                body_digest=bytes_digest if item.file_key else None))
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

    def delete_missing(self, progress: Progress | None, scopes: list[Scope]) -> str | None:
        """Delete, per source, the documents the complete source no longer has (not failed
        pages, not pages another source of the run delivered, not pages another source wrote).

        Returns why a source deleted nothing when the share limit refused it.
        """
        assert self.writer is not None or not self.existing
        kept = set(self.first_url) | self.protected
        refusals = []
        for source_id, prefixes in scopes:
            owned = [page_id for page_id in self.existing
                     if not self._other_source(page_id, source_id, prefixes)]
            plan = plan_deletion(owned, kept, prefixes, self.config.delete_max_share, self.force)
            if (plan.ids or plan.refused) and not self.first_url:
                self.tally.notes.append("Quelle lieferte keine Seiten – nichts gelöscht")
                return None
            if plan.refused:
                log.error("full run deleted nothing under %s: %s", prefixes, plan.refused)
                refusals.append(plan.refused)
            elif plan.ids and self.writer is not None:
                self._delete(plan.ids, progress)
        if not refusals:
            self.book.forget_unseen(tuple(p for _, prefixes in scopes for p in prefixes))
        return " ".join(refusals) or None

    def _other_source(self, page_id: str, source_id: str, prefixes: tuple[str, ...]) -> bool:
        """Whether another configured source within this one's scope wrote the page (say a
        folder published under https://www.jena.de/archiv/ beside the sitemap of
        https://www.jena.de/): that source's own full run decides about it. A page written
        by a wider source (the whole site, when this run covers one of its folders) is this
        run's as before."""
        owner = self.existing_sources.get(page_id, "")
        return bool(source_id and owner and owner != source_id
                    and scope_prefix(owner).startswith(prefixes))

    def _delete(self, ids: tuple[str, ...], progress: Progress | None) -> None:
        assert self.writer is not None
        if progress:
            progress(self.tally.event(None, "", phase="deleting"))
        self.writer.delete(ids)
        for page_id in ids:
            self.tally.add(Outcome.DELETED, page_id)
        self.changed = True

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
