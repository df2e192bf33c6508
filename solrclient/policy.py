"""Timeouts and the opt-in retry policy, as small frozen values."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection and for Solr's answer (one meaning each)."""

    connect: float = 3.0
    read: float = 5.0

    @classmethod
    def reading(cls, seconds: float) -> Timeouts:
        """Wait ``seconds`` for an answer; connecting on a local network takes at most 3 s."""
        return cls(connect=min(float(seconds), 3.0), read=float(seconds))


@dataclass(frozen=True)
class RetryPolicy:
    """Which failures are tried again, how often and how patiently (off unless given).

    Only for idempotent requests: reads, atomic ``set`` updates, deletes by id.
    """

    attempts: int = 3
    backoff_s: float = 0.5
    statuses: frozenset[int] = field(default_factory=lambda: frozenset({500, 502, 503, 504}))
    on_connection_error: bool = True
    # Tries when Solr cannot be reached at all (None: as many as ``attempts``); a refused
    # connection usually means Solr is down, and a caller may want to give up sooner.
    connection_attempts: int | None = None

    def delay(self, attempt: int) -> float:
        """Seconds to wait before try number ``attempt + 1`` (exponential back-off)."""
        return self.backoff_s * (2 ** attempt)
