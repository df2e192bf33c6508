"""Full rebuild on SolrCloud without downtime, by swapping a collection alias.

    python -m indexer.rebuild --solr-base http://127.0.0.1:8983/solr --alias stadtsuche SOURCE

``--solr-base`` may list several nodes, comma-separated (``http://solr1:8983/solr,http://
solr2:8983/solr``): every call fails over to the next node as the app's do.

Steps: create a fresh collection from the configset in ZooKeeper, index SOURCE into it with the
indexer's pipeline, copy the click counters of the live collection (with each page's ``clickSeq``,
by which the app counts a click exactly once), point the alias at the new collection, then add
the clicks that reached the old collection meanwhile (as increments of the difference) and
delete the old collection. The app and the indexer only know the alias URL
(``…/solr/stadtsuche``), so searches never see a half-built index.

The first rebuild also migrates a plain collection that carries the alias's name (as the
launcher's cloud mode creates it): Solr resolves an alias before a collection of the same name.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from solrclient import SolrClient, SolrConflict, SolrError, Timeouts

log = logging.getLogger(__name__)

CURSOR_ROWS = 5_000
UPDATE_CHUNK = 1_000
# Clicks that were routed to the old collection just before the alias changed can still be
# in flight; the catch-up repeats until a round finds nothing new.
CATCH_UP_ROUNDS = 4
CATCH_UP_PAUSE = 1.5

IndexFn = Callable[[str], Any]
READ_ACTIONS = frozenset({"LIST", "LISTALIASES", "CLUSTERSTATUS"})


class RebuildError(RuntimeError):
    """The rebuild stopped; the alias still points at the previous collection."""


@dataclass(frozen=True)
class RebuildResult:
    """What one rebuild did."""

    alias: str
    old_collection: str | None
    new_collection: str
    documents: int
    clicks_copied: int
    clicks_caught_up: int
    old_deleted: bool
    seconds: float


class CloudAdmin:
    """The rebuild's Solr I/O: Collections API plus reading and writing click counters.

    Every failure of a call becomes ``RebuildError`` with Solr's own message (the rebuild
    stops and the alias stays where it was).
    """

    def __init__(self, solr_base: str, timeout: float = 120.0) -> None:
        # One node or several (comma-separated): the client fails over between them.
        self.node = SolrClient(solr_base, timeouts=Timeouts.reading(timeout))
        self._collections: dict[str, SolrClient] = {}

    def _call(self, client: SolrClient, method: str, path: str, **kwargs: Any) -> dict:
        try:
            data = client.call(method, path, **kwargs)
        except SolrError as err:
            raise RebuildError(str(err)) from err
        status = data.get("responseHeader", {}).get("status", 0)
        if status != 0:
            raise RebuildError(f"Solr meldet Status {status} auf {client.url}{path}: "
                               f"{data.get('exception') or data.get('failure') or data}")
        return data

    def _collection(self, name: str) -> SolrClient:
        """The collection (or alias) on every configured node."""
        if name not in self._collections:
            self._collections[name] = SolrClient([f"{u}/{name}" for u in self.node.urls],
                                                 timeouts=self.node.timeouts)
        return self._collections[name]

    def collection_urls(self, name: str) -> str:
        """The collection on every node, comma-separated (the indexer's ``solr_url``)."""
        return ",".join(self._collection(name).urls)

    def collections_api(self, action: str, **params: Any) -> dict:
        """Call one Collections API action."""
        # A read may go to the next node after a timeout; a change (CREATE, DELETE …) only
        # when the first node refused the connection, so it never runs twice.
        return self._call(self.node, "GET", "/admin/collections",
                          params={"action": action, **params},
                          idempotent=action in READ_ACTIONS)

    def aliases(self) -> dict[str, str]:
        """alias -> comma-separated collections."""
        return self.collections_api("LISTALIASES").get("aliases", {})

    def collections(self) -> list[str]:
        return self.collections_api("LIST").get("collections", [])

    def shape(self, collection: str) -> tuple[int, int, str]:
        """(shards, replicas per shard, config name) of a collection."""
        coll = self.collections_api("CLUSTERSTATUS", collection=collection)["cluster"][
            "collections"][collection]
        shards = coll["shards"]
        return len(shards), max(len(s["replicas"]) for s in shards.values()), coll["configName"]

    def live_nodes(self) -> list[str]:
        nodes = self.collections_api("CLUSTERSTATUS")["cluster"].get("live_nodes", [])
        return [f"http://{n.replace('_solr', '/solr')}" for n in nodes]

    def node_sees_alias(self, node_base: str, alias: str, collection: str) -> bool:
        data = self._call(self.node.at(node_base), "GET", "/admin/collections",
                          params={"action": "LISTALIASES"})
        return data.get("aliases", {}).get(alias) == collection

    def commit(self, collection: str) -> None:
        self._call(self._collection(collection), "POST", "/update",
                   params={"commit": "true", "waitSearcher": "true"}, json={})

    def build_suggester(self, collection: str) -> None:
        """Build the autocomplete index; the empty suggest.q lets the distributed build answer."""
        self._call(self._collection(collection), "GET", "/suggest",
                   params={"suggest.build": "true", "suggest.q": ""})

    def count(self, collection: str) -> int:
        data = self._call(self._collection(collection), "GET", "/select",
                          params={"q": "*:*", "rows": 0})
        return int(data["response"]["numFound"])

    def read(self, collection: str, query: str, field: str,
             distrib: bool = True) -> dict[str, Any]:
        """id -> ``field`` for every document matching ``query``, via a cursor.

        ``collection`` is a name below the Solr base, or with ``distrib=False`` a core URL.
        """
        values: dict[str, Any] = {}
        cursor = "*"
        client = self._collection(collection) if distrib else self.node.at(collection)
        while True:
            data = self._call(client, "GET", "/select", params={
                "q": query, "fl": f"id,{field}", "sort": "id asc", "rows": CURSOR_ROWS,
                "cursorMark": cursor, "distrib": str(distrib).lower()})
            for doc in data["response"]["docs"]:
                values[doc["id"]] = doc.get(field)
            if data.get("nextCursorMark", cursor) == cursor:
                return values
            cursor = data["nextCursorMark"]

    def leader_cores(self, collection: str) -> list[str]:
        """URL of each shard leader's core: addresses the collection itself, never an alias."""
        coll = self.collections_api("CLUSTERSTATUS", collection=collection)["cluster"][
            "collections"][collection]
        return [f"{r['base_url']}/{r['core']}" for s in coll["shards"].values()
                for r in s["replicas"].values() if r.get("leader") == "true"]

    def click_counts(self, collection: str, field: str = "clickCounter") -> dict[str, int]:
        """id -> clickCounter (or ``clickSeq``, the app's last click counted) for documents
        that were clicked at least once (after a commit).

        Read shard by shard from the leaders: after the swap a collection named like the
        alias is no longer reachable by its name, the alias would answer instead.
        """
        counts: dict[str, int] = {}
        cores = self.leader_cores(collection)
        for core in cores:
            self._call(self.node.at(core), "POST", "/update", json={},
                       params={"commit": "true", "waitSearcher": "true"})
        for core in cores:
            counts.update({k: int(v or 0) for k, v in self.read(
                core, f"{field}:[1 TO *]", field, distrib=False).items()})
        return counts

    def ids(self, collection: str) -> set[str]:
        return set(self.read(collection, "*:*", "id"))

    def update_clicks(self, collection: str, values: Mapping[str, int], op: str,
                      seqs: Mapping[str, int] | None = None) -> None:
        """Atomic in-place ``set`` or ``inc`` of clickCounter for the given ids, with their
        ``clickSeq`` set alongside (``seqs``; the app counts a click once by it)."""
        seqs = seqs or {}
        items = [{"id": k, **({"clickCounter": {op: values[k]}} if k in values else {}),
                  **({"clickSeq": {"set": seqs[k]}} if k in seqs else {})}
                 for k in sorted(set(values) | set(seqs))]
        client = self._collection(collection)
        for start in range(0, len(items), UPDATE_CHUNK):
            self._call(client, "POST", "/update", json=items[start:start + UPDATE_CHUNK])

    def catch_up_page(self, collection: str, doc_id: str, clicks: int, seq: int) -> None:
        """Add ``clicks`` to a page and raise its ``clickSeq`` to at least ``seq``, in place
        and on the version read, so that a click the app counts at the same moment through
        the alias is neither lost nor lowered below its number."""
        client = self._collection(collection)
        for _ in range(10):
            doc = self._call(client, "GET", "/get", params={
                "id": doc_id, "fl": "id,clickSeq,_version_"}).get("doc")
            if doc is None:
                return
            update: dict[str, Any] = {"id": doc_id, "_version_": doc["_version_"],
                                      "clickSeq": {"set": max(seq, int(doc.get("clickSeq") or 0))}}
            if clicks:
                update["clickCounter"] = {"inc": clicks}
            try:
                client.call("POST", "/update", json=[update], idempotent=True)
                return
            except SolrConflict:
                continue
            except SolrError as err:
                raise RebuildError(str(err)) from err
        raise RebuildError(f"Klicks auf {doc_id} nicht nachgetragen: Seite ständig geändert")


def default_index(collection_url: str, source: str) -> Any:
    """Index ``source`` into the collection with the indexer's pipeline (full run)."""
    from indexer import pipeline  # imported late: the pipeline pulls in every source module

    return pipeline.run([source], collection_url, full=True)


def _check_index_run(report: Any) -> None:
    """Refuse a cancelled run or one in which pages failed; a late error is tolerated.

    A run can report an error after every page was written, from its final commit or
    suggester build (the indexer's distributed suggester build fails on SolrCloud without a
    ``suggest.q``). Both are redone by the rebuild, so only page failures count here.
    """
    if getattr(report, "cancelled", False):
        raise RebuildError("Indexlauf abgebrochen")
    failed, indexed = getattr(report, "failed", 0), getattr(report, "indexed", 1)
    if failed or not indexed:
        raise RebuildError(f"Indexlauf gescheitert: {indexed} Seiten indexiert, {failed} "
                           f"fehlgeschlagen ({getattr(report, 'error', None) or 'ohne Meldung'})")
    if getattr(report, "error", None):
        log.warning("index run ended with %r after all pages were written; the rebuild "
                    "commits and builds the suggester itself", report.error)


def _new_name(alias: str) -> str:
    return f"{alias}_{datetime.now(timezone.utc):%Y%m%d_%H%M%S_%f}"


def _wait_for_alias(admin: CloudAdmin, alias: str, collection: str, timeout: float = 30) -> None:
    """Until every live node resolves the alias to the new collection."""
    deadline = time.monotonic() + timeout
    pending = admin.live_nodes()
    while pending and time.monotonic() < deadline:
        pending = [n for n in pending if not admin.node_sees_alias(n, alias, collection)]
        if pending:
            time.sleep(0.2)
    if pending:
        log.warning("alias %s not yet seen by %s after %.0f s", alias, pending, timeout)


def _diff(now: Mapping[str, int], before: Mapping[str, int], keep: set[str]) -> dict[str, int]:
    return {k: v - before.get(k, 0) for k, v in now.items()
            if k in keep and v > before.get(k, 0)}


def rebuild(solr_base: str, alias: str, source: str, *, index: IndexFn | None = None,
            shards: int | None = None, replicas: int | None = None,
            config_name: str | None = None, min_ratio: float = 0.5,
            keep_old: bool = False, timeout: float = 120.0) -> RebuildResult:
    """Build a new collection for ``alias`` from ``source`` and swap it in; see module doc."""
    started = time.monotonic()
    admin = CloudAdmin(solr_base, timeout=timeout)
    index = index or (lambda url: default_index(url, source))
    old = admin.aliases().get(alias)
    if old and "," in old:
        raise RebuildError(f"Alias {alias} zeigt auf mehrere Collections ({old}); abgebrochen")
    if old is None and alias in admin.collections():
        old = alias
    if old:
        o_shards, o_replicas, o_config = admin.shape(old)
        shards, replicas = shards or o_shards, replicas or o_replicas
        config_name = config_name or o_config
    new = _new_name(alias)
    first: dict[str, int] = {}
    first_seqs: dict[str, int] = {}
    new_ids: set[str] = set()
    log.info("rebuild %s: %s -> %s", alias, old, new)
    admin.collections_api("CREATE", name=new, numShards=shards or 1,
                          replicationFactor=replicas or 1,
                          **{"collection.configName": config_name or alias},
                          waitForFinalState="true")
    try:
        log.info("collection %s created after %.1f s; indexing", new, time.monotonic() - started)
        report = index(admin.collection_urls(new))
        _check_index_run(report)
        log.info("indexed after %.1f s", time.monotonic() - started)
        # Done here again on purpose: a fresh searcher and a suggester built on every replica
        # before visitors see the collection.
        admin.commit(new)
        admin.build_suggester(new)
        documents = admin.count(new)
        if old:
            live_docs = admin.count(old)
            if documents < min_ratio * live_docs:
                raise RebuildError(f"neue Collection hat nur {documents} Dokumente, die aktive "
                                   f"{live_docs}; Alias nicht umgestellt")
            new_ids = admin.ids(new)
            first = admin.click_counts(old)
            # After the counts: a number read later may be ahead of its count (the catch-up
            # adds the count), never behind it (a click counted twice).
            first_seqs = admin.click_counts(old, "clickSeq")
            admin.update_clicks(new, {k: v for k, v in first.items() if k in new_ids}, "set",
                                seqs={k: v for k, v in first_seqs.items() if k in new_ids})
        admin.collections_api("CREATEALIAS", name=alias, collections=new)
        log.info("alias %s -> %s after %.1f s", alias, new, time.monotonic() - started)
    except BaseException:
        log.error("rebuild of %s failed; deleting the unfinished collection %s", alias, new)
        try:
            admin.collections_api("DELETE", name=new)
        except RebuildError as err:
            log.error("could not delete %s: %s", new, err)
        raise
    _wait_for_alias(admin, alias, new)
    caught_up = (_catch_up_clicks(admin, old, new, first, first_seqs, new_ids)
                 if old else 0)
    deleted = False
    if old and not keep_old:
        admin.collections_api("DELETE", name=old)
        deleted = True
    return RebuildResult(alias=alias, old_collection=old, new_collection=new,
                         documents=documents,
                         clicks_copied=sum(v for k, v in first.items() if k in new_ids),
                         clicks_caught_up=caught_up, old_deleted=deleted,
                         seconds=time.monotonic() - started)


def _catch_up_clicks(admin: CloudAdmin, old: str, new: str, first: Mapping[str, int],
                     first_seqs: Mapping[str, int], new_ids: set[str]) -> int:
    """Add clicks that reached ``old`` after the first copy to ``new``, as increments, and
    carry their sequence numbers along.

    Increments rather than absolute values, because ``new`` already counts the clicks that
    arrived through the alias since the swap. Returns the number of clicks added.
    """
    added = 0
    seen, seen_seqs = dict(first), dict(first_seqs)
    for _ in range(CATCH_UP_ROUNDS):
        time.sleep(CATCH_UP_PAUSE)
        now = admin.click_counts(old)
        now_seqs = admin.click_counts(old, "clickSeq")
        late = _diff(now, seen, new_ids)
        raised = {k: v for k, v in now_seqs.items() if k in new_ids and v > seen_seqs.get(k, 0)}
        seen.update(now)
        seen_seqs.update(now_seqs)
        if not late and not raised:
            break
        for doc_id in sorted(set(late) | set(raised)):
            admin.catch_up_page(new, doc_id, late.get(doc_id, 0), raised.get(doc_id, 0))
        added += sum(late.values())
    admin.commit(new)
    return added


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild and print a German summary; exit 1 on failure."""
    ap = argparse.ArgumentParser(prog="python -m indexer.rebuild", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", help="Ordner, Sitemap-URL oder Seiten-URL")
    ap.add_argument("--solr-base", required=True,
                    help="z. B. http://solr1:8983/solr; mehrere Knoten durch Kommas getrennt")
    ap.add_argument("--alias", default="stadtsuche")
    ap.add_argument("--shards", type=int)
    ap.add_argument("--replicas", type=int)
    ap.add_argument("--config-name")
    ap.add_argument("--min-ratio", type=float, default=0.5,
                    help="Mindestanteil der Dokumente der aktiven Collection (Standard 0.5)")
    ap.add_argument("--keep-old", action="store_true", help="alte Collection nicht löschen")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        result = rebuild(args.solr_base, args.alias, args.source, shards=args.shards,
                         replicas=args.replicas, config_name=args.config_name,
                         min_ratio=args.min_ratio, keep_old=args.keep_old)
    except RebuildError as err:
        print(f"Neuaufbau fehlgeschlagen: {err}", file=sys.stderr)
        return 1
    print(f"Alias {result.alias} -> {result.new_collection} ({result.documents} Dokumente, "
          f"{result.clicks_copied} Klicks übernommen, {result.clicks_caught_up} nachgetragen, "
          f"alte Collection {result.old_collection or '-'}"
          f"{' gelöscht' if result.old_deleted else ''}) in {result.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
