"""Exactly-once click counting on the page core: the increment and the click's id are
written together, guarded by the document's version.

Each page document keeps the ids of its last ``KEEP`` counted clicks (``clickIds``). A click
is applied by reading the document (real-time get: counter, ids, ``_version_``) and writing
``clickCounter +1`` together with the ids list plus this click's id, on the condition that
the version is still the one read. If anything else wrote the page in between, Solr refuses
(409) and the step is repeated on the new version. A click whose outcome was unknown (the
node died, the answer timed out) is simply applied again later: if its id is on the
document, it was counted and nothing is written.

This is Solr I/O of the click path kept next to, not inside, ``webapp.repository``.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from solrclient import SolrClient, SolrConflict

# A click delivered again is found among the last KEEP clicks of its page. The app retries
# a click within minutes; KEEP covers that many other clicks on the same page meanwhile.
KEEP = 200
# Conflicts mean other clicks or a reindex wrote the page at the same moment.
MAX_CONFLICTS = 20
# The new count shows in searches within a second, like the earlier in-place increment.
COMMIT_WITHIN_MS = 1000


class Applied(Enum):
    """What became of a click."""

    COUNTED = "counted"      # counted now, or found counted earlier
    GONE = "gone"            # the page is no longer in the index: nothing to count


class ClickLedger:
    """Count clicks on the page core exactly once, by click id."""

    def __init__(self, client: SolrClient) -> None:
        self.client = client

    def _current(self, doc_id: str) -> dict[str, Any] | None:
        data = self.client.call("GET", "/get", params={
            "id": doc_id, "fl": "id,clickIds,_version_"})
        return data.get("doc")

    def apply(self, doc_id: str, click_id: str) -> Applied:
        """Count the click once; raises ``SolrError`` when the outcome is not known (then
        calling this again later is safe)."""
        for _ in range(MAX_CONFLICTS):
            doc = self._current(doc_id)
            if doc is None:
                return Applied.GONE
            ids = [str(i) for i in doc.get("clickIds") or []]
            if click_id in ids:
                return Applied.COUNTED
            update = [{"id": doc_id, "clickCounter": {"inc": 1},
                       "clickIds": {"set": (ids + [click_id])[-KEEP:]},
                       "_version_": doc["_version_"]}]
            try:
                # Safe to send again (idempotent): a repeat meets a new version and is refused.
                self.client.call("POST", "/update",
                                 params={"commitWithin": str(COMMIT_WITHIN_MS)},
                                 json=update, idempotent=True)
            except SolrConflict:
                continue
            return Applied.COUNTED
        raise SolrConflict(f"click on {doc_id}: the page changed {MAX_CONFLICTS} times "
                           "while counting", 409)
