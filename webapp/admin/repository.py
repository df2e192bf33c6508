"""The admin area's only Solr I/O: ParamSets, managed resources, core reload, statistics core."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any
from urllib.parse import quote

import requests

log = logging.getLogger(__name__)

# Stored fields the page inspector shows (what visitors see, plus index bookkeeping).
PAGE_FIELDS = ("id,url,title,teaser,content,keywords,category,onlineDate,language,"
               "clickCounter,contentHash,indexedAt")
MANAGED_PATHS = {"synonyms": "/schema/analysis/synonyms/de",
                 "stopwords": "/schema/analysis/stopwords/de"}


class AdminSolrError(Exception):
    """A Solr request of the admin area failed; the message is precise, for admins."""


class SolrUnreachable(AdminSolrError):
    """Solr could not be reached or answered with a server error."""


class VersionConflict(AdminSolrError):
    """Optimistic concurrency refused the write (the record exists or has changed)."""


class _Http:
    """JSON over HTTP to one core, with timeouts, timing logs and translated errors."""

    def __init__(self, core_url: str, timeout: float) -> None:
        self.core_url = core_url.rstrip("/")
        self.timeout = (min(timeout, 3.0), timeout)
        self._local = threading.local()

    def _session(self) -> requests.Session:
        if getattr(self._local, "session", None) is None:
            self._local.session = requests.Session()
        return self._local.session

    def call(self, method: str, path: str, *, params: dict[str, Any] | None = None,
             json: Any = None, url: str | None = None) -> dict[str, Any]:
        target = url or f"{self.core_url}{path}"
        started = time.perf_counter()
        params = {**(params or {}), "wt": "json"}
        # A POST without JSON carries its parameters as a form body (queries may be long).
        form, params = (params, None) if method == "POST" and json is None else (None, params)
        try:
            response = self._session().request(method, target, params=params, data=form,
                                               json=json, timeout=self.timeout)
        except requests.RequestException as err:
            raise SolrUnreachable(f"Solr unter {target} ist nicht erreichbar: {err}") from err
        log.info("Solr %s %s -> %s in %.0f ms", method, target, response.status_code,
                 (time.perf_counter() - started) * 1000)
        if response.status_code == 409:
            raise VersionConflict(_message(response))
        if response.status_code >= 500 or response.status_code == 404:
            raise SolrUnreachable(f"Solr antwortete {response.status_code} auf {target}: "
                                  f"{_message(response)}")
        if response.status_code != 200:
            raise AdminSolrError(f"Solr lehnte {method} {target} ab ({response.status_code}): "
                                 f"{_message(response)}")
        try:
            return response.json()
        except ValueError as err:
            raise SolrUnreachable(f"Solr sandte kein JSON auf {target}") from err


class CoreAdmin(_Http):
    """Configuration of the page index: ParamSets, synonyms, stopwords, reload, counts."""

    def param_sets(self) -> dict[str, dict[str, Any]]:
        """All ParamSets of the core by name."""
        return self.call("GET", "/config/params")["response"].get("params", {})

    def set_param_sets(self, sets: dict[str, dict[str, Any]]) -> None:
        """Create or replace ParamSets; Solr applies them to the next request on every node."""
        self.call("POST", "/config/params", json={"set": sets})

    def managed(self, kind: str) -> Any:
        """The synonym map or stopword list as Solr holds it."""
        data = self.call("GET", MANAGED_PATHS[kind])
        key = "synonymMappings" if kind == "synonyms" else "wordSet"
        body = data[key]
        return body["managedMap"] if kind == "synonyms" else body["managedList"]

    def add_managed(self, kind: str, payload: Any) -> None:
        """Add synonym mappings (dict) or stopwords (list); takes effect after reload()."""
        self.call("PUT", MANAGED_PATHS[kind], json=payload)

    def delete_managed(self, kind: str, term: str) -> None:
        """Remove one synonym key or stopword; takes effect after reload()."""
        self.call("DELETE", f"{MANAGED_PATHS[kind]}/{quote(term, safe='')}")

    def reload(self) -> None:
        """Reload the core (standalone) or collection (SolrCloud) so analyzers see the changes."""
        base, name = self.core_url.rsplit("/", 1)
        mode = self.call("GET", "", url=f"{base}/admin/info/system").get("mode")
        if mode == "solrcloud":
            # The app may address an alias (rebuilds swap the collection behind it).
            aliases = self.call("GET", "", url=f"{base}/admin/collections",
                                params={"action": "LISTALIASES"}).get("aliases", {})
            for collection in str(aliases.get(name, name)).split(","):
                self.call("GET", "", url=f"{base}/admin/collections",
                          params={"action": "RELOAD", "name": collection})
        else:
            self.call("GET", "", url=f"{base}/admin/cores", params={"action": "RELOAD",
                                                                    "core": name})

    def find(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Stored title and URL of the given pages by id (unknown ids are left out)."""
        if not ids:
            return {}
        data = self.call("GET", "/get", params={"ids": ",".join(ids), "fl": "id,url,title"})
        return {d["id"]: d for d in data.get("response", {}).get("docs", [])}

    def select(self, params: dict[str, Any]) -> dict[str, Any]:
        """A plain /select request (admin tools only, never with visitor syntax)."""
        return self.call("POST", "/select", params=params)

    def page(self, doc_id: str) -> dict[str, Any] | None:
        """Every stored field of one page by id (real-time get), or None."""
        return self.call("GET", "/get", params={"id": doc_id, "fl": PAGE_FIELDS}).get("doc")

    def pages_with_url(self, url: str) -> list[dict[str, Any]]:
        """Pages whose stored URL is exactly ``url`` (sent as a parameter, never as syntax)."""
        data = self.select({"q": "{!term f=url v=$adresse}", "adresse": url,
                            "fl": PAGE_FIELDS, "rows": 10})
        return data["response"]["docs"]

    def search_titles(self, words: str, rows: int = 10) -> list[dict[str, Any]]:
        """Pages whose title matches ``words`` (already reduced to plain words)."""
        if not words:
            return []
        data = self.select({"q": words, "defType": "edismax", "qf": "title^3 title_exact",
                            "mm": "100%", "fl": "id,url,title,category", "rows": rows})
        return data["response"]["docs"]

    def category_counts(self) -> tuple[int, dict[str, int]]:
        """Pages in total and per category."""
        data = self.select({"q": "*:*", "rows": 0, "facet": "true", "facet.field": "category",
                            "facet.limit": 200, "facet.mincount": 1, "json.nl": "map"})
        counts = data.get("facet_counts", {}).get("facet_fields", {}).get("category", {})
        return int(data["response"]["numFound"]), {str(k): int(v) for k, v in counts.items()}

    def delete_page(self, doc_id: str) -> None:
        """Remove one page now and rebuild the title suggester, which would still offer it."""
        self.call("POST", "/update", params={"commit": "true"}, json={"delete": {"id": doc_id}})
        self.call("GET", "/suggest", params={"suggest.build": "true", "suggest.q": ""})

    def health(self) -> dict[str, Any]:
        """Ping status and Solr version of the node behind the page index."""
        base = self.core_url.rsplit("/", 1)[0]
        ping = self.call("GET", "/admin/ping").get("status", "")
        info = self.call("GET", "", url=f"{base}/admin/info/system")
        return {"ping": ping, "version": info.get("lucene", {}).get("solr-spec-version", ""),
                "mode": info.get("mode", "")}


class StatsStore(_Http):
    """The statistics core: events, pins, golden queries, reindex lock and jobs."""

    def add(self, docs: list[dict[str, Any]], commit_within_ms: int = 1000) -> None:
        """Add or replace documents; visible within ``commit_within_ms`` (0: at once, for the
        web team's own edits, which the next page they see must show)."""
        if docs:
            params = ({"softCommit": "true", "commit": "true"} if commit_within_ms == 0
                      else {"commitWithin": str(commit_within_ms)})
            self.call("POST", "/update", params=params, json=docs)

    def add_if_absent(self, doc: dict[str, Any]) -> None:
        """Create ``doc`` only if its id is unused; VersionConflict otherwise."""
        self.add([{**doc, "_version_": -1}], 500)

    def replace_if_version(self, doc: dict[str, Any], version: int) -> None:
        """Replace ``doc`` only if Solr still holds ``version``; VersionConflict otherwise."""
        self.add([{**doc, "_version_": version}], 500)

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """The record by id via real-time get (sees uncommitted writes)."""
        return self.call("GET", "/get", params={"id": doc_id, "fl": "*,_version_"}).get("doc")

    def delete(self, doc_id: str) -> None:
        """Remove one record (visible at once)."""
        self.call("POST", "/update", params={"softCommit": "true", "commit": "true"},
                  json={"delete": {"id": doc_id}})

    def delete_query(self, query: str) -> None:
        """Remove records matching a query built by this package (never visitor text)."""
        self.call("POST", "/update", params={"softCommit": "true", "commit": "true"},
                  json={"delete": {"query": query}})

    def commit(self) -> None:
        """Make every write so far visible now (the web team's reports, tests)."""
        self.call("POST", "/update", json={"commit": {}})

    def select(self, params: dict[str, Any]) -> dict[str, Any]:
        """A /select request; params come from this package's builders."""
        return self.call("POST", "/select", params=params)


def _message(response: requests.Response) -> str:
    try:
        return str(response.json().get("error", {}).get("msg", ""))[:500]
    except ValueError:
        return response.text[:200]
