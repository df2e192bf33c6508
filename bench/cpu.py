"""CPU time of the processes under test, from /proc, to tell where each request's time goes.

On a shared machine wall-clock figures swing with other people's load; CPU seconds spent per
request by Solr and by the app do not, so they back up (and explain) the ratios.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

CpuProbe = Callable[[], float]
_TICK = os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid: int, reaped_children: bool = False) -> float:
    """User plus system CPU seconds of all threads of `pid` (0 if it has gone); with
    `reaped_children` also those of its children that have ended (the server replaces workers)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # Fields 14-17 of proc(5): utime, stime, cutime, cstime; the list starts at field 3.
    ticks = int(fields[11]) + int(fields[12])
    if reaped_children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / _TICK


def probe(pids: Callable[[], Iterable[int]]) -> CpuProbe:
    """A probe summing the CPU seconds of whatever processes `pids` lists at call time."""
    return lambda: sum(process_cpu_seconds(pid) for pid in pids())


def read_all(probes: Mapping[str, CpuProbe]) -> dict[str, float]:
    """Current cumulative CPU seconds of every probe."""
    return {name: fn() for name, fn in probes.items()}
