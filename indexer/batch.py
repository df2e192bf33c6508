"""Batches of documents on their way to Solr, one batch in flight while the next is parsed.

Solr analyses a batch on its own cores while this process parses the following pages, so
parsing and indexing overlap instead of waiting for each other. Results are handled in the
caller's thread (in ``add``/``drain``), so the caller's bookkeeping needs no locks.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from indexer.state import Validators
from indexer.writer import SolrRejected, SolrUnavailable, SolrWriter

Entry = tuple[dict[str, object], str, Validators]  # document, source URL, what to remember


class BatchSender:
    """Collects entries, sends full batches in the background, reports what Solr took."""

    def __init__(self, writer: SolrWriter, batch_size: int,
                 accepted: Callable[[list[Entry]], None],
                 rejected: Callable[[Entry, str], None]) -> None:
        self.writer = writer
        self.batch_size = batch_size
        self._accepted, self._rejected = accepted, rejected
        self.pending: list[Entry] = []
        self._in_flight: tuple[Future[None], list[Entry]] | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="solr-sender")

    def add(self, entry: Entry) -> None:
        """Queue one document; a full batch is sent (raises SolrUnavailable from earlier ones)."""
        self.pending.append(entry)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Send the pending entries after settling the batch before them."""
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        self._settle()
        future = self._thread.submit(self.writer.add, [doc for doc, _, _ in batch])
        self._in_flight = (future, batch)

    def drain(self) -> None:
        """Send everything and wait until Solr has answered for all of it."""
        self.flush()
        self._settle()

    def take_unsent(self) -> list[Entry]:
        """Entries Solr never confirmed (after SolrUnavailable); the sender forgets them."""
        unsent, self.pending = self.pending, []
        return unsent

    def close(self) -> None:
        """Stop the background thread after its last request."""
        self._thread.shutdown(wait=True)

    def _settle(self) -> None:
        if self._in_flight is None:
            return
        (future, batch), self._in_flight = self._in_flight, None
        try:
            future.result()
            accepted = batch
        except SolrRejected:
            accepted = self._one_by_one(batch)  # find the document Solr refuses
        except SolrUnavailable:
            self.pending = batch + self.pending
            raise
        if accepted:
            self._accepted(accepted)

    def _one_by_one(self, batch: list[Entry]) -> list[Entry]:
        accepted = []
        for entry in batch:
            try:
                self.writer.add([entry[0]])
                accepted.append(entry)
            except SolrRejected as err:
                self._rejected(entry, str(err))
        return accepted
