"""LoadStats: what one measurement of one target produced, and the ratios between two."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values (0 < fraction <= 1)."""
    if not sorted_values:
        raise ValueError("no values to take a percentile of")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


@dataclass(frozen=True)
class LoadStats:
    """Completed requests in a measurement window, with latency percentiles in milliseconds."""

    target: str
    concurrency: int
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float
    # CPU milliseconds per successful request, per process group ("solr", "app", "client").
    cpu_ms: tuple[tuple[str, float], ...] = field(default=())

    @property
    def throughput(self) -> float:
        """Successful requests per second."""
        return self.requests / self.seconds

    @classmethod
    def from_latencies(cls, target: str, concurrency: int, latencies: Sequence[float],
                       errors: int, seconds: float,
                       cpu_seconds: Mapping[str, float] | None = None) -> "LoadStats":
        """Summarise latencies (seconds) of the successful requests of one window, and the CPU
        seconds each process group spent meanwhile."""
        ordered = sorted(latencies)
        if not ordered:
            raise ValueError(f"{target}: no request completed in {seconds:.1f} s "
                             f"({errors} errors)")
        return cls(target=target, concurrency=concurrency, requests=len(ordered), errors=errors,
                   seconds=seconds, p50_ms=percentile(ordered, 0.50) * 1000,
                   p99_ms=percentile(ordered, 0.99) * 1000,
                   cpu_ms=tuple((k, v * 1000 / len(ordered))
                                for k, v in (cpu_seconds or {}).items()))

    def cpu(self, group: str) -> float | None:
        """CPU ms per request spent by `group`, if it was measured."""
        return dict(self.cpu_ms).get(group)

    def line(self) -> str:
        """One human-readable line."""
        cpu = "  ".join(f"{k} {v:.2f}" for k, v in self.cpu_ms)
        return (f"{self.target:<5} c={self.concurrency:<3} {self.throughput:7.1f} req/s  "
                f"p50 {self.p50_ms:7.1f} ms  p99 {self.p99_ms:7.1f} ms  "
                f"({self.requests} ok, {self.errors} errors, {self.seconds:.0f} s)"
                + (f"  CPU ms/req: {cpu}" if cpu else ""))
