"""Exactly-once click counting on the page core, with in-place updates only.

Every accepted click has a sequence number from the app's outbox (``webapp.click_queue``),
increasing on this host. The page document carries two docValues-only fields that Solr
updates in place: ``clickCounter`` (the count) and ``clickSeq`` (the highest sequence number
counted). A page's pending clicks are applied together, in sequence order, as one update

    {"clickCounter": {"inc": k}, "clickSeq": {"set": top}, "_version_": v}

where ``v`` is the version just read. The leader refuses the update (409) if anything wrote
the page since, so two deliverers, a repeated request or a read from a replica that is
behind can never count a click twice: they meet a new version and read again. Clicks whose
number is at most the page's ``clickSeq`` were counted; deciding that from a read also takes
a conditional write (of the same ``clickSeq``), so the decision always rests on the version
the leader holds, never on a replica that recovered with updates the leader never had.

This is the click path's Solr I/O, kept next to, not inside, ``webapp.repository``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from solrclient import SolrClient, SolrConflict, SolrUnavailable, Timeouts

log = logging.getLogger(__name__)

# Conflicts mean other clicks or a reindex wrote the page at the same moment; beyond this
# many in a row the clicks wait for the next round.
MAX_CONFLICTS = 10
# The new count shows in searches within a second, as with the earlier plain increment.
COMMIT_WITHIN_MS = 1000
# Ask the shard leader first: it holds every acknowledged update, so the version read is the
# one the leader checks, and conflicts stay rare while a replica recovers.
LEADER_FIRST = "replica.leader:true"


class Applied(Enum):
    """What became of a page's pending clicks."""

    COUNTED = "counted"      # counted now, or found counted earlier (confirmed by the leader)
    GONE = "gone"            # the page is no longer in the index (confirmed on every leader)


@dataclass(frozen=True)
class PageClicks:
    """What the page holds now: its count, the last sequence number counted, its version."""

    counter: int
    seq: int
    version: int


class ClickLedger:
    """Apply a page's pending clicks to the page core exactly once, by sequence number."""

    def __init__(self, client: SolrClient) -> None:
        self.client = client

    def impatient(self, read_s: float) -> ClickLedger:
        """The same ledger waiting at most ``read_s`` per Solr answer (for the visitor's
        request: a click that cannot be counted quickly is kept and counted later)."""
        return ClickLedger(self.client.with_options(
            timeouts=Timeouts(connect=min(read_s, self.client.timeouts.connect), read=read_s)))

    def read(self, doc_id: str) -> PageClicks | None:
        """The page's click fields by real-time get (uncommitted updates included)."""
        data = self.client.call("GET", "/get", params={
            "id": doc_id, "fl": "id,clickCounter,clickSeq,_version_",
            "shards.preference": LEADER_FIRST})
        doc = data.get("doc")
        if doc is None:
            return None
        return PageClicks(int(doc.get("clickCounter") or 0), int(doc.get("clickSeq") or 0),
                          int(doc["_version_"]))

    def apply(self, doc_id: str, seqs: Sequence[int]) -> Applied:
        """Count each of ``seqs`` (sequence numbers of this page's pending clicks, every
        pending one) exactly once. Raises ``SolrError`` when the outcome is not known; calling
        this again later, with the same or more numbers, is safe."""
        top = max(seqs)
        for _ in range(MAX_CONFLICTS):
            page = self.read(doc_id)
            if page is None:
                if self.gone(doc_id):
                    return Applied.GONE
                continue  # a replica that does not have it yet answered: read again
            new = sum(1 for s in seqs if s > page.seq)
            update: dict[str, object] = {"id": doc_id, "clickSeq": {"set": max(top, page.seq)},
                                         "_version_": page.version}
            if new:
                update["clickCounter"] = {"inc": new}
            try:
                # Safe to send again: a repeat meets a new version and is refused.
                self.client.call("POST", "/update",
                                 params={"commitWithin": str(COMMIT_WITHIN_MS)},
                                 json=[update], idempotent=True)
            except SolrConflict:
                log.debug("click on %s: version %s changed, reading again", doc_id,
                          page.version)
                continue
            log.debug("click on %s: %d of %d counted now (seq %s -> %s)", doc_id, new,
                      len(seqs), page.seq, max(top, page.seq))
            return Applied.COUNTED
        raise SolrConflict(f"click on {doc_id}: the page changed {MAX_CONFLICTS} times "
                           "while counting", 409)

    def gone(self, doc_id: str) -> bool:
        """True only when the page is in no shard leader's index and every leader is live
        and active (a standalone core answers for itself); raises ``SolrError`` otherwise."""
        root = self.client.root()
        if root.call("GET", "/admin/info/system").get("mode") != "solrcloud":
            # A standalone core: its real-time get is the whole truth.
            return True
        status = root.call("GET", "/admin/collections", params={
            "action": "CLUSTERSTATUS", "collection": self.client.name})
        cluster = status["cluster"]
        live = set(cluster.get("live_nodes", []))
        leaders = []
        for coll in cluster["collections"].values():
            for name, shard in coll["shards"].items():
                leader = [r for r in shard["replicas"].values() if r.get("leader") == "true"
                          and r.get("state") == "active" and r.get("node_name") in live]
                if not leader:
                    raise SolrUnavailable(f"shard {name} has no active leader")
                leaders.append(f"{leader[0]['base_url']}/{leader[0]['core']}")
        for core in leaders:
            data = self.client.at(core).call("GET", "/get", params={
                "id": doc_id, "fl": "id", "distrib": "false"})
            if data.get("doc") is not None:
                return False
        return True
