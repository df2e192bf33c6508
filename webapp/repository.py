"""SolrRepository: the visitor search's only Solr I/O, on the project's one Solr client.

Errors are :mod:`solrclient`'s: ``SolrUnavailable`` (→ 503), ``SolrRejected`` (invalid query,
→ 400); ``webapp.errors`` maps them, and any other ``SolrError`` to 503.
"""

from __future__ import annotations

from typing import Any

from solrclient import SolrClient, SolrConflict, SolrError, Timeouts

# Solr applies the increment itself and makes it visible with its next soft commit.
CLICK_COMMIT_WITHIN_MS = 1000


class SolrRepository:
    """Search, suggest, real-time get, click increment and ping on one core."""

    def __init__(self, client: SolrClient) -> None:
        self.client = client

    @classmethod
    def for_url(cls, core_url: str, timeout: float) -> SolrRepository:
        """A repository with its own client, waiting up to ``timeout`` seconds for answers."""
        return cls(SolrClient(core_url, timeouts=Timeouts.reading(timeout)))

    @property
    def core_url(self) -> str:
        """The (first) URL of the core."""
        return self.client.url

    def search(self, params: dict[str, str]) -> dict[str, Any]:
        """Run the /search handler with ready-built parameters (form body: no URL length limit)."""
        return self.client.call("POST", "/search", form=params)

    def suggest(self, prefix: str, count: int = 8) -> list[str]:
        """Title suggestions for what the visitor has typed so far."""
        data = self.client.call("GET", "/suggest", params={"suggest.q": prefix,
                                                          "suggest.count": str(count)})
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
        data = self.client.call("GET", "/get", params={"id": doc_id, "fl": "id,url,title"})
        return data.get("doc")

    def increment_clicks(self, doc_id: str) -> bool:
        """Add one to the document's clickCounter atomically (in place in Solr); False when
        the document no longer exists."""
        # _version_ 1 means "must exist": a click on a deleted page must not create a stub.
        update = [{"id": doc_id, "clickCounter": {"inc": 1}, "_version_": 1}]
        try:
            self.client.call("POST", "/update",
                             params={"commitWithin": str(CLICK_COMMIT_WITHIN_MS)}, json=update)
        except SolrConflict:
            return False
        return True

    def ping(self) -> bool:
        """True when Solr answers its ping handler with OK."""
        try:
            return self.client.call("GET", "/admin/ping").get("status") == "OK"
        except SolrError:
            return False
