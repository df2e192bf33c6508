"""The server limits glibc's malloc arenas, for itself and the workers it forks."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO
from webapp.serve import MALLOC_ARENAS

# Eight threads allocate at once (blocks above pymalloc's size go to malloc) and stay until all
# have; then glibc lists its arenas on stderr, one "Arena N:" line each.
THREADS = """
import ctypes, os, sys, threading
if sys.argv[1] == "limit":
    from webapp.serve import limit_malloc_arenas
    limit_malloc_arenas()
barrier = threading.Barrier(8)
def work():
    kept = [bytes(20_000) for _ in range(50)]
    barrier.wait()
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if os.fork() == 0:  # a worker forked afterwards keeps the limit
    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(os.environ.get("MALLOC_ARENA_MAX"), flush=True)
    ctypes.CDLL(None).malloc_stats()
    os._exit(0)
os.wait()
"""


def _arenas(mode: str, **env: str) -> tuple[int, str]:
    run = subprocess.run([sys.executable, "-c", THREADS, mode], capture_output=True, text=True,
                         timeout=60, check=True, cwd=REPO,
                         env={k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
                         | env)
    arenas = sum(line.startswith("Arena ") for line in run.stderr.splitlines())
    return arenas, run.stdout.strip()


def test_forked_worker_uses_at_most_the_configured_arenas() -> None:
    assert _arenas("limit") == (MALLOC_ARENAS, str(MALLOC_ARENAS))
    # Without the limit the same threads make more (one per thread): the count tells.
    unlimited, _ = _arenas("none")
    assert unlimited > MALLOC_ARENAS


def test_an_arena_limit_set_by_the_operator_holds() -> None:
    assert _arenas("limit", MALLOC_ARENA_MAX="4") == (4, "4")
