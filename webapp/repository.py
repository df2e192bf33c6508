"""SolrRepository: the visitor search's only Solr I/O, on the project's one Solr client.

Errors are :mod:`solrclient`'s: ``SolrUnavailable`` (→ 503), ``SolrRejected`` (invalid query,
→ 400); ``webapp.errors`` maps them, and any other ``SolrError`` to 503.
"""

from __future__ import annotations

from typing import Any

from solrclient import RetryPolicy, SolrClient, SolrError, Timeouts
from solrclient.hedge import hedged_search
from solrclient.watch import NodeWatch, replica_preference


# Suggestions: asked once more, at once, on the next node when the first fails or is silent
# for the search timeout.
SUGGEST_RETRY = RetryPolicy(attempts=2, backoff_s=0.0)

class SolrRepository:
    """Search, suggest, real-time get and ping on one core (clicks: ``click_ledger``)."""

    def __init__(self, client: SolrClient, search_timeout: float | None = None,
                 watch: NodeWatch | None = None) -> None:
        self.client = client
        # After this long without an answer a search is also sent to the next node.
        self.search_timeout = search_timeout or client.timeouts.read
        self.suggest_client = client.with_options(
            timeouts=Timeouts(connect=min(self.search_timeout, 0.5), read=self.search_timeout),
            retry=SUGGEST_RETRY)
        self.watch = watch

    @classmethod
    def for_url(cls, core_url: str, timeout: float,
                search_timeout: float | None = None) -> SolrRepository:
        """A repository with its own client: ``core_url`` may list several nodes (comma-
        separated); no request waits longer than ``timeout``, and a search without answer
        after ``search_timeout`` is sent to the next node as well."""
        client = SolrClient(core_url, timeouts=Timeouts.reading(timeout))
        # With several nodes, learn about a frozen or dead one before a visitor has to.
        watch = NodeWatch(client).start() if len(client.urls) > 1 else None
        return cls(client, search_timeout, watch)

    @property
    def core_url(self) -> str:
        """The (first) URL of the core."""
        return self.client.url

    def search(self, params: dict[str, str]) -> dict[str, Any]:
        """Run the /search handler with ready-built parameters (form body: no URL length limit)."""
        # No shards.tolerant: a result missing a shard would show hit counts and facets as
        # if complete. A search is asked once more on another node instead (hedged_search),
        # steered away from unreachable nodes with shards.preference.
        return hedged_search(self.client, "/search", params, self.search_timeout)

    def suggest(self, prefix: str, count: int = 8,
                context_filter: str | None = None) -> list[str]:
        """Title suggestions for what the visitor has typed so far; ``context_filter``
        (``suggest.cfq`` on the pages' URLs) leaves out excluded pages."""
        # shards.tolerant: suggestions from the shards that answered are still useful, and
        # they show no counts that a missing shard would make wrong.
        params = {"suggest.q": prefix, "suggest.count": str(count), "shards.tolerant": "true",
                  **replica_preference(self.client)}
        if not context_filter:
            data = self.suggest_client.call("GET", "/suggest", params=params)
        else:
            # A form body: in the URL, about a hundred exclusions exceed Jetty's 8 KB limit.
            data = self.suggest_client.call("POST", "/suggest", idempotent=True,
                                            form={**params, "suggest.cfq": context_filter})
        found: list[str] = []
        for by_query in data.get("suggest", {}).values():
            for entry in by_query.values():
                for item in entry.get("suggestions", []):
                    term = str(item.get("term", ""))
                    if term and term not in found:
                        found.append(term)
        return found[:count]

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """The stored document by id via real-time get (sees updates not yet committed)."""
        data = hedged_search(self.client, "/get", {"id": doc_id, "fl": "id,url,title"},
                             self.search_timeout)
        return data.get("doc")

    def nodes(self) -> dict[str, str]:
        """Each configured node's answer to the core's ping: URL -> "ok" or why not."""
        found = self.suggest_client.probe("/admin/ping")
        return {url: "ok" if err is None else str(err)[:200] for url, err in found.items()}

    def ping(self) -> bool:
        """True when Solr answers its ping handler with OK."""
        try:
            return self.client.call("GET", "/admin/ping").get("status") == "OK"
        except SolrError:
            return False
