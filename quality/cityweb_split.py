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

import sys
from pathlib import Path

from quality.split_visitor_queries import write_split

HERE = Path(__file__).resolve().parent
ALL_FILE = HERE / "cityweb_queries.json"
TUNING_FILE = HERE / "cityweb_tuning.json"
HELDOUT_FILE = HERE / "cityweb_heldout.json"
SEED = 20261206
HELDOUT_SIZE = 200


def main() -> int:
    """Write the two files from ``cityweb_queries.json``."""
    return write_split(ALL_FILE, TUNING_FILE, HELDOUT_FILE, SEED, HELDOUT_SIZE)


if __name__ == "__main__":
    sys.exit(main())
