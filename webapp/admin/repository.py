"""The admin area's only Solr I/O: ParamSets, managed resources, core reload, statistics core.

Built on :mod:`solrclient`; its errors are the admin area's: ``SolrError`` (any failure, shown
to admins with Solr's precise message), ``SolrUnavailable`` and ``SolrConflict`` (optimistic
concurrency refused a write).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from solrclient import SolrClient

# Stored fields the page inspector shows (what visitors see, plus index bookkeeping).
PAGE_FIELDS = ("id,url,title,teaser,content,keywords,category,onlineDate,onlineDateHasTime,"
               "language,clickCounter,contentHash,indexedAt")
MANAGED_PATHS = {"synonyms": "/schema/analysis/synonyms/de",
                 "stopwords": "/schema/analysis/stopwords/de"}
# The web team's own edits must show on the next page they see.
AT_ONCE = {"softCommit": "true", "commit": "true"}


@dataclass(frozen=True)
class PageRef:
    """An indexed page as the admin lists show it."""

    id: str
    url: str
    title: str
    category: str = ""

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> PageRef:
        """From a stored Solr document."""
        return cls(str(doc["id"]), str(doc.get("url", "")), str(doc.get("title", "")),
                   str(doc.get("category", "")))


class CoreAdmin:
    """Configuration of the page index: ParamSets, synonyms, stopwords, reload, counts."""

    def __init__(self, client: SolrClient) -> None:
        self.client = client

    @property
    def core_url(self) -> str:
        """The (first) URL of the page index."""
        return self.client.url

    def param_sets(self) -> dict[str, dict[str, Any]]:
        """All ParamSets of the core by name."""
        return self.client.call("GET", "/config/params")["response"].get("params", {})

    def set_param_sets(self, sets: dict[str, dict[str, Any]]) -> None:
        """Create or replace ParamSets; Solr applies them to the next request on every node."""
        self.client.call("POST", "/config/params", json={"set": sets})

    def managed(self, kind: str) -> Any:
        """The synonym map or stopword list as Solr holds it."""
        data = self.client.call("GET", MANAGED_PATHS[kind])
        key = "synonymMappings" if kind == "synonyms" else "wordSet"
        body = data[key]
        return body["managedMap"] if kind == "synonyms" else body["managedList"]

    def add_managed(self, kind: str, payload: Any) -> None:
        """Add synonym mappings (dict) or stopwords (list); takes effect after reload()."""
        self.client.call("PUT", MANAGED_PATHS[kind], json=payload)

    def delete_managed(self, kind: str, term: str) -> None:
        """Remove one synonym key or stopword; takes effect after reload()."""
        self.client.call("DELETE", f"{MANAGED_PATHS[kind]}/{quote(term, safe='')}")

    def reload(self) -> None:
        """Reload the core (standalone) or collection (SolrCloud) so analyzers see the changes."""
        node, name = self.client.root(), self.client.name
        mode = node.call("GET", "/admin/info/system").get("mode")
        if mode == "solrcloud":
            # The app may address an alias (rebuilds swap the collection behind it).
            aliases = node.call("GET", "/admin/collections",
                                params={"action": "LISTALIASES"}).get("aliases", {})
            for collection in str(aliases.get(name, name)).split(","):
                node.call("GET", "/admin/collections",
                          params={"action": "RELOAD", "name": collection})
        else:
            node.call("GET", "/admin/cores", params={"action": "RELOAD", "core": name})

    def find(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Stored title and URL of the given pages by id (unknown ids are left out)."""
        if not ids:
            return {}
        data = self.client.call("GET", "/get", params={"ids": ",".join(ids), "fl": "id,url,title"})
        return {d["id"]: d for d in data.get("response", {}).get("docs", [])}

    def select(self, params: dict[str, Any]) -> dict[str, Any]:
        """A plain /select request (admin tools only, never with visitor syntax)."""
        return self.client.call("POST", "/select", form=params)

    def page(self, doc_id: str) -> dict[str, Any] | None:
        """Every stored field of one page by id (real-time get), or None."""
        return self.client.call("GET", "/get", params={"id": doc_id, "fl": PAGE_FIELDS}).get("doc")

    def pages_with_url(self, url: str) -> list[dict[str, Any]]:
        """Pages whose stored URL is exactly ``url`` (sent as a parameter, never as syntax)."""
        data = self.select({"q": "{!term f=url v=$adresse}", "adresse": url,
                            "fl": PAGE_FIELDS, "rows": 10})
        return data["response"]["docs"]

    def search_titles(self, words: str, rows: int = 10) -> list[PageRef]:
        """Pages whose title matches ``words`` (already reduced to plain words)."""
        if not words:
            return []
        data = self.select({"q": words, "defType": "edismax", "qf": "title^3 title_exact",
                            "mm": "100%", "fl": "id,url,title,category", "rows": rows})
        return [PageRef.from_doc(d) for d in data["response"]["docs"]]

    def category_counts(self) -> tuple[int, dict[str, int]]:
        """Pages in total and per category."""
        data = self.select({"q": "*:*", "rows": 0, "facet": "true", "facet.field": "category",
                            "facet.limit": 200, "facet.mincount": 1, "json.nl": "map"})
        counts = data.get("facet_counts", {}).get("facet_fields", {}).get("category", {})
        return int(data["response"]["numFound"]), {str(k): int(v) for k, v in counts.items()}

    def delete_page(self, doc_id: str) -> None:
        """Remove one page now and rebuild the title suggester, which would still offer it."""
        self.client.call("POST", "/update", params={"commit": "true"},
                         json={"delete": {"id": doc_id}})
        self.client.call("GET", "/suggest", params={"suggest.build": "true", "suggest.q": ""})

    def solr_version(self) -> tuple[str, str]:
        """Solr's version and mode (``std`` or ``solrcloud``) of the node behind the index."""
        info = self.client.root().call("GET", "/admin/info/system")
        return str(info.get("lucene", {}).get("solr-spec-version", "")), str(info.get("mode", ""))


class StatsStore:
    """The statistics core: events, pins, golden queries, reindex lock and jobs."""

    def __init__(self, client: SolrClient) -> None:
        self.client = client

    def add(self, docs: list[dict[str, Any]], commit_within_ms: int = 1000) -> None:
        """Add or replace documents; visible within ``commit_within_ms`` (0: at once, for the
        web team's own edits, which the next page they see must show; negative: with the
        core's own soft-commit interval)."""
        if docs:
            params = (AT_ONCE if commit_within_ms == 0 else {} if commit_within_ms < 0
                      else {"commitWithin": str(commit_within_ms)})
            self.client.call("POST", "/update", params=params, json=docs)

    def add_if_absent(self, doc: dict[str, Any]) -> None:
        """Create ``doc`` only if its id is unused; SolrConflict otherwise."""
        self.add([{**doc, "_version_": -1}], 500)

    def replace_if_version(self, doc: dict[str, Any], version: int) -> None:
        """Replace ``doc`` only if Solr still holds ``version``; SolrConflict otherwise."""
        self.add([{**doc, "_version_": version}], 500)

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """The record by id via real-time get (sees uncommitted writes)."""
        return self.client.call("GET", "/get", params={"id": doc_id, "fl": "*,_version_"}).get("doc")

    def delete(self, doc_id: str) -> None:
        """Remove one record (visible at once)."""
        self.client.call("POST", "/update", params=AT_ONCE, json={"delete": {"id": doc_id}})

    def delete_query(self, query: str) -> None:
        """Remove records matching a query built by this package (never visitor text)."""
        self.client.call("POST", "/update", params=AT_ONCE, json={"delete": {"query": query}})

    def commit(self) -> None:
        """Make every write so far visible now (the web team's reports, tests)."""
        self.client.call("POST", "/update", json={"commit": {}})

    def select(self, params: dict[str, Any]) -> dict[str, Any]:
        """A /select request; params come from this package's builders."""
        return self.client.call("POST", "/select", form=params)
