"""Per-node back-off: which node a request should try first, shared by derived clients."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

# A node that failed is tried last for this long; every further failure in a row doubles it.
BACKOFF_FIRST_S = 2.0
BACKOFF_MAX_S = 30.0


@dataclass
class _Node:
    failures: int = 0
    down_until: float = 0.0


class NodeHealth:
    """Back-off per Solr node (host and port of any URL on it), thread-safe.

    When a node's back-off runs out, one request (the next one that would use it first) is let
    through as a probe while the others keep avoiding it for another back-off period: a frozen
    node then costs one request a timeout per period, not every request in flight.
    """

    def __init__(self, first_s: float = BACKOFF_FIRST_S, max_s: float = BACKOFF_MAX_S) -> None:
        self.first_s, self.max_s = first_s, max_s
        self._nodes: dict[str, _Node] = {}
        self._lock = threading.Lock()

    def order(self, bases: Sequence[str], last: Sequence[str] = ()) -> list[str]:
        """``bases`` with healthy nodes first (configured order), then backed-off ones by
        expiry; ``last`` (nodes this call already tried) go to the very end."""
        now = time.monotonic()
        with self._lock:
            fresh = [b for b in bases if b not in last]
            up = [b for b in fresh if self._node(b).down_until <= now]
            down = sorted((b for b in fresh if b not in up), key=lambda b: self._node(b).down_until)
            ordered = up + down + [b for b in last if b in bases]
            first = self._node(ordered[0]) if ordered else None
            if first is not None and first.failures and first.down_until <= now:
                # The probe: others avoid the node until this request has told us more.
                first.down_until = now + self._backoff(first.failures)
        return ordered

    def mark_down(self, base: str) -> None:
        """The node refused, timed out or broke the connection."""
        with self._lock:
            node = self._node(base)
            node.failures += 1
            node.down_until = time.monotonic() + self._backoff(node.failures)

    def mark_up(self, base: str) -> None:
        """The node answered."""
        with self._lock:
            node = self._node(base)
            node.failures, node.down_until = 0, 0.0

    def is_down(self, base: str) -> bool:
        """True while the node is backed off."""
        with self._lock:
            return self._node(base).down_until > time.monotonic()

    def _backoff(self, failures: int) -> float:
        return min(self.first_s * 2 ** max(failures - 1, 0), self.max_s)

    def _node(self, base: str) -> _Node:
        # Keyed by host:port: the collection and the statistics core on one node share a fate.
        return self._nodes.setdefault(urlsplit(base).netloc, _Node())


# The process's one view of the nodes (SolrClient uses it unless given another).
SHARED_HEALTH = NodeHealth()
