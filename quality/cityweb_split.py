"""``python -m quality.cityweb_split``: split the city-web queries once into two sets.

``cityweb_queries.json`` holds every query for the sample city web (``sample-web/``) as written
before any tuning, each with the answers (``manifest.json``'s ``answer`` values) a visitor would
be glad to see, and its kind (everyday words, question, other words, compound written together
or apart, typo, English, the page's own words, a plan or matter code). This script shuffles
them with a fixed seed and writes a tuning set and a held-out set, as
``quality.split_visitor_queries`` does for the sample site: it was run once, the two files are
committed, and the held-out set is only ever measured, never tuned against.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from quality.split_visitor_queries import split

HERE = Path(__file__).resolve().parent
ALL_FILE = HERE / "cityweb_queries.json"
TUNING_FILE = HERE / "cityweb_tuning.json"
HELDOUT_FILE = HERE / "cityweb_heldout.json"
SEED = 20261206
HELDOUT_SIZE = 200


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    """Write the two files from ``cityweb_queries.json``."""
    rows = json.loads(ALL_FILE.read_text(encoding="utf-8"))
    tuning, heldout = split(rows, SEED, HELDOUT_SIZE)
    _write(TUNING_FILE, tuning)
    _write(HELDOUT_FILE, heldout)
    print(f"{len(tuning)} tuning, {len(heldout)} held-out queries written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
