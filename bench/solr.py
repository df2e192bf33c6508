"""The benchmarks' own Solr I/O: loading ready documents, committing, sampling the index.

None of this is inside a measured loop except ``ingest`` (the raw-ingest reference), so it
favours clarity: the project's Solr client, JSON bodies, explicit timeouts.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from solrclient import SolrClient, SolrError, Timeouts

log = logging.getLogger(__name__)

TIMEOUTS = Timeouts(connect=5.0, read=600.0)


class BenchSolrError(SolrError):
    """The index did not reach the state the benchmark needs."""


class SolrCore:
    """One core of a running Solr, addressed by its URL."""

    def __init__(self, core_url: str) -> None:
        self.client = SolrClient(core_url, timeouts=TIMEOUTS)
        self.core_url = self.client.url

    def close(self) -> None:
        """Release the pooled connections."""
        self.client.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return self.client.call(method, path, **kwargs)

    def ingest(self, docs: Iterable[Mapping[str, Any]], batch_size: int = 1000,
               senders: int = 2) -> int:
        """Send documents to /update as JSON arrays; `senders` batches are in flight at once,
        so that Solr indexes on more than one core while the next batch is encoded."""
        batches: queue.Queue[bytes | None] = queue.Queue(maxsize=senders * 2)
        failures: list[BaseException] = []

        def send() -> None:
            while (body := batches.get()) is not None:
                if failures:
                    continue
                try:
                    self.client.call_bytes("POST", "/update", data=body,
                                           content_type="application/json")
                except BaseException as err:  # noqa: BLE001 - re-raised in the caller below
                    failures.append(err)

        threads = [threading.Thread(target=send, daemon=True) for _ in range(senders)]
        for thread in threads:
            thread.start()
        sent = 0
        it: Iterator[Mapping[str, Any]] = iter(docs)
        try:
            while (batch := list(islice(it, batch_size))) and not failures:
                batches.put(json.dumps(batch, ensure_ascii=False).encode("utf-8"))
                sent += len(batch)
                if sent % (batch_size * 50) == 0:
                    log.info("ingested %d documents", sent)
        finally:
            for _ in threads:
                batches.put(None)
            for thread in threads:
                thread.join()
        if failures:
            raise failures[0]
        return sent

    def commit(self) -> None:
        """Hard commit that opens a new searcher, so that everything sent is visible."""
        self._call("POST", "/update", params={"commit": "true", "waitSearcher": "true"},
                   json=[])

    def delete_all(self) -> None:
        """Remove every document (committed)."""
        self._call("POST", "/update", params={"commit": "true"}, json={"delete": {"query": "*:*"}})

    def build_suggester(self) -> None:
        """Build the title suggester, as the indexer does after a run."""
        self._call("GET", "/suggest", params={"suggest.build": "true", "suggest.q": "x"})

    def num_docs(self) -> int:
        """Number of searchable documents."""
        data = self._call("GET", "/select", params={"q": "*:*", "rows": "0"})
        return int(data["response"]["numFound"])

    def sample(self, fields: str, size: int, slices: int = 10) -> list[dict[str, Any]]:
        """About `size` stored documents taken from `slices` places spread over the index."""
        total = self.num_docs()
        if total == 0:
            return []
        per_slice = max(1, size // slices)
        starts = sorted({min(total - 1, k * total // slices) for k in range(slices)})
        docs: list[dict[str, Any]] = []
        for start in starts:
            data = self._call("GET", "/select", params={"q": "*:*", "fl": fields,
                                                        "start": str(start),
                                                        "rows": str(per_slice)})
            docs.extend(data["response"]["docs"])
        return docs

    def query_cache(self) -> tuple[int, int]:
        """Lookups and hits of the core's query result cache so far (all searchers)."""
        data = self.client.root().call("GET", "/admin/metrics", params={
            "group": "core", "prefix": "CACHE.searcher.queryResultCache"})
        cache = data["metrics"][f"solr.core.{self.client.name}"]["CACHE.searcher.queryResultCache"]
        return int(cache["cumulative_lookups"]), int(cache["cumulative_hits"])

    def wait_until_searchable(self, expected: int, timeout: float = 120) -> None:
        """Wait until `expected` documents are visible (soft commits are asynchronous)."""
        deadline = time.monotonic() + timeout
        while (found := self.num_docs()) < expected:
            if time.monotonic() > deadline:
                raise BenchSolrError(f"only {found} of {expected} documents visible")
            time.sleep(0.5)
