"""The test suite's one set of helpers for Solr: a small core client (search, ids, add,
delete, commit, real-time get, autocomplete, parameter sets, managed resources, analysis), a
node client (system info, core admin, Collections API), "empty the core and load", "index the
sample site", and "an app for tests". Tests send nothing to Solr any other way. Built on the project's Solr client,
like everything else that talks to Solr.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import Flask

from solrclient import SolrClient, Timeouts

TIMEOUTS = Timeouts(connect=5.0, read=60.0)


@dataclass(frozen=True)
class Results:
    """One search answer: the documents, the hit count and Solr's other sections."""

    raw: Mapping[str, Any]
    docs: list[dict[str, Any]] = field(default_factory=list)
    hits: int = 0

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Results:
        response = raw.get("response", {})
        return cls(raw, list(response.get("docs", [])), int(response.get("numFound", 0)))

    @property
    def facets(self) -> Mapping[str, Any]:
        return self.raw.get("facet_counts", {})

    @property
    def spellcheck(self) -> Mapping[str, Any]:
        return self.raw.get("spellcheck", {})

    @property
    def highlighting(self) -> Mapping[str, Any]:
        return self.raw.get("highlighting", {})

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.docs)

    def __len__(self) -> int:
        return len(self.docs)


class Core:
    """What tests do with a core or collection: search, add, delete, commit, count."""

    def __init__(self, url: str | SolrClient, timeouts: Timeouts = TIMEOUTS) -> None:
        self.client = url if isinstance(url, SolrClient) else SolrClient(url, timeouts=timeouts)
        self.url = self.client.url

    def search(self, q: str, handler: str = "select", **params: Any) -> Results:
        """``q`` on ``/select`` (or ``/search``, the visitors' handler)."""
        return Results.of(self.client.call("POST", f"/{handler}", form={"q": q, **params}))

    def count(self, q: str = "*:*") -> int:
        """Number of documents matching ``q``."""
        return self.search(q, rows=0).hits

    def ids(self, q: str = "*:*", handler: str = "select", **params: Any) -> list[str]:
        """Ids of the hits for ``q``, in Solr's order."""
        return [str(d["id"]) for d in self.search(q, handler, **{"fl": "id", **params})]

    def get(self, doc_id: str, fl: str = "*") -> dict[str, Any] | None:
        """The document by id via real-time get (sees uncommitted updates)."""
        return self.client.call("GET", "/get", params={"id": doc_id, "fl": fl}).get("doc")

    def get_many(self, doc_ids: Sequence[str], fl: str = "*") -> list[dict[str, Any]]:
        """The documents of ``doc_ids`` that exist, via real-time get."""
        return self.client.call("GET", "/get", params={"ids": ",".join(doc_ids),
                                                       "fl": fl})["response"]["docs"]

    def add(self, docs: Sequence[Mapping[str, Any]], commit: bool = False) -> None:
        """Add or update documents (atomic updates too)."""
        self.client.call("POST", "/update", params={"commit": "true"} if commit else None,
                         json=list(docs))

    def delete(self, q: str | None = None, id: str | None = None,  # noqa: A002 - Solr's name
               commit: bool = False) -> None:
        """Delete by query or by id."""
        what = {"query": q} if q is not None else {"id": id}
        self.client.call("POST", "/update", params={"commit": "true"} if commit else None,
                         json={"delete": what})

    def commit(self, soft: bool = False) -> None:
        """Make every update visible (a soft commit: without flushing to disk)."""
        self.client.call("POST", "/update", params={"softCommit" if soft else "commit": "true"},
                         json={})

    def build_suggester(self) -> None:
        """Build the autocomplete index from what is committed."""
        self.client.call("GET", "/suggest", params={"suggest.build": "true", "suggest.q": ""})

    def suggest(self, q: str) -> dict[str, Any]:
        """Solr's whole autocomplete answer for ``q``."""
        return self.client.call("GET", "/suggest", params={"suggest.q": q})

    def suggestions(self, q: str, dictionary: str = "titles") -> list[str]:
        """The terms one suggester dictionary offers for ``q``."""
        found = self.suggest(q)["suggest"][dictionary][q]["suggestions"]
        return [s["term"] for s in found]

    def param_sets(self, name: str = "") -> dict[str, Any]:
        """The ``response`` section of Solr's request-parameter API (the sets and their
        version): every set, or only ``name``."""
        return self.client.call("GET", f"/config/params/{name}".rstrip("/"))["response"]

    def param_set(self, name: str) -> dict[str, Any]:
        """One request-parameter set (for example ``ranking``) as Solr holds it."""
        return self.param_sets(name)["params"][name]

    def set_param_set(self, name: str, values: Mapping[str, Any]) -> None:
        """Replace the parameter set ``name`` with ``values``."""
        self.client.call("POST", "/config/params", json={"set": {name: dict(values)}})

    def delete_param_sets(self, names: Sequence[str]) -> None:
        """Remove the parameter sets ``names``."""
        self.client.call("POST", "/config/params", json={"delete": list(names)})

    def managed(self, resource: str) -> dict[str, Any]:
        """A managed resource of the schema, e.g. ``synonyms/de`` or ``stopwords/de``."""
        return self.client.call("GET", f"/schema/analysis/{resource}")

    def add_managed(self, resource: str, entries: Any) -> None:
        """Add ``entries`` (words, or a term -> synonyms mapping) to a managed resource."""
        self.client.call("PUT", f"/schema/analysis/{resource}", json=entries)

    def forget_managed(self, resource: str, entry: str) -> None:
        """Remove one word or synonym term from a managed resource (SolrNotFound if absent)."""
        self.client.call("DELETE", f"/schema/analysis/{resource}/{quote(entry, safe='')}")

    def analysis(self, fieldtype: str, value: str) -> dict[str, Any]:
        """Solr's field analysis of ``value`` by ``fieldtype``: the token stream per stage."""
        return self.client.call("GET", "/analysis/field", params={
            "analysis.fieldtype": fieldtype, "analysis.fieldvalue": value})["analysis"]

    def node(self) -> Node:
        """The Solr node (or nodes) this core lives on, for node-level APIs."""
        return Node(self.client.root())

    def load(self, docs: Sequence[Mapping[str, Any]], suggester: bool = False) -> None:
        """Empty the core and load exactly ``docs`` (visible when this returns)."""
        self.delete(q="*:*", commit=True)
        if docs:
            self.add(docs, commit=True)
        if suggester:
            self.build_suggester()


class Node:
    """What tests ask a Solr node: system info, core admin, Collections API."""

    def __init__(self, url: str | SolrClient, timeouts: Timeouts = TIMEOUTS) -> None:
        self.client = url if isinstance(url, SolrClient) else SolrClient(url, timeouts=timeouts)
        self.url = self.client.url

    def system_info(self) -> dict[str, Any]:
        """``/admin/info/system``: version, mode (std or solrcloud), JVM."""
        return self.client.call("GET", "/admin/info/system")

    def cores(self, action: str, **params: Any) -> dict[str, Any]:
        """One CoreAdmin call (``STATUS``, ``CREATE``, ``RELOAD`` …)."""
        return self.client.call("GET", "/admin/cores", params={"action": action, **params})

    def collections(self, action: str, **params: Any) -> dict[str, Any]:
        """One Collections API call (``CLUSTERSTATUS``, ``LIST``, ``CREATEALIAS`` …)."""
        return self.client.call("GET", "/admin/collections",
                                params={"action": action, **params})

    def upload_configset(self, name: str, zipped: bytes) -> None:
        """Upload a zipped configset to ZooKeeper under ``name`` (SolrCloud only)."""
        self.client.call_bytes("POST", "/admin/configs", params={"action": "UPLOAD", "name": name},
                               data=zipped, content_type="application/octet-stream")

    def core(self, name: str) -> Core:
        """A core (or collection, or alias) on this node."""
        return Core(SolrClient([f"{u}/{name}" for u in self.client.urls],
                               timeouts=self.client.timeouts))


def index_sample_site(core_url: str, site: Path) -> None:
    """Empty the core and index ``site`` with the project's indexer CLI, as production does."""
    core = Core(core_url)
    core.delete(q="*:*", commit=True)
    run = subprocess.run(
        [sys.executable, "-m", "indexer", "index", str(site), "--full", "--quiet",
         "--solr-url", core_url, "--base-url", "https://www.jena.de/"],
        capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, f"indexer failed: {run.stdout[-2000:]} {run.stderr[-2000:]}"
    core.commit()
    core.build_suggester()


def make_app(solr_url: str, **config: Any) -> Flask:
    """The web app for tests on ``solr_url`` (development: no login is required to start)."""
    from webapp import create_app
    return create_app({"solr_url": solr_url, "solr_timeout": 10, "env": "development",
                       **config})
