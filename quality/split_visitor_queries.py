"""``python -m quality.split_visitor_queries``: split the visitor queries once into two sets.

``visitor_queries.json`` holds every query as written (before any tuning), each with the
page or pages a visitor would be glad to see. This script shuffles them with a fixed seed
and writes a tuning set and a held-out set. It was run once; the two files are committed and
the held-out set is only ever measured, never tuned against. Running it again reproduces the
same split, so a changed split shows up in the diff.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ALL_FILE = HERE / "visitor_queries.json"
TUNING_FILE = HERE / "visitor_tuning.json"
HELDOUT_FILE = HERE / "visitor_heldout.json"
SEED = 20261129
HELDOUT_SIZE = 150


Rows = list[dict[str, object]]


def split(rows: Rows, seed: int = SEED, heldout_size: int = HELDOUT_SIZE) -> tuple[Rows, Rows]:
    """(tuning, held-out): a seeded shuffle, the first ``heldout_size`` rows held out."""
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    return shuffled[heldout_size:], shuffled[:heldout_size]


def _write(path: Path, rows: Rows) -> None:
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_split(all_file: Path, tuning_file: Path, heldout_file: Path, seed: int,
                heldout_size: int) -> int:
    """Split the queries of ``all_file`` and write the two sets; exit status 0."""
    rows = json.loads(all_file.read_text(encoding="utf-8"))
    tuning, heldout = split(rows, seed, heldout_size)
    _write(tuning_file, tuning)
    _write(heldout_file, heldout)
    print(f"{len(tuning)} tuning, {len(heldout)} held-out queries written", file=sys.stderr)
    return 0


def main() -> int:
    """Write the two files from ``visitor_queries.json``."""
    return write_split(ALL_FILE, TUNING_FILE, HELDOUT_FILE, SEED, HELDOUT_SIZE)


if __name__ == "__main__":
    sys.exit(main())
