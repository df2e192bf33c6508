"""The visitor sets: written once, split once with a fixed seed, every expected page real."""

from __future__ import annotations

import json
from pathlib import Path

from quality.golden import VISITOR_HELDOUT_FILE, VISITOR_TUNING_FILE, load_visitor
from quality.split_visitor_queries import ALL_FILE, split

SITE = Path(__file__).resolve().parents[2] / "sample-site"
BASE = "https://www.jena.de/"


def test_committed_split_is_the_seeded_split_of_all_queries() -> None:
    rows = json.loads(ALL_FILE.read_text(encoding="utf-8"))
    tuning, heldout = split(rows)
    assert json.loads(VISITOR_TUNING_FILE.read_text(encoding="utf-8")) == tuning
    assert json.loads(VISITOR_HELDOUT_FILE.read_text(encoding="utf-8")) == heldout
    assert len(rows) >= 300 and len(heldout) >= 100


def test_sets_do_not_overlap_and_name_existing_pages() -> None:
    tuning, heldout = load_visitor(VISITOR_TUNING_FILE), load_visitor(VISITOR_HELDOUT_FILE)
    assert not {q.query.lower() for q in tuning} & {q.query.lower() for q in heldout}
    for item in tuning + heldout:
        for url in item.expected_urls:
            path = url[len(BASE):]
            # The indexer publishes a folder's index.html under the folder's URL.
            page = SITE / (path + "index.html" if path.endswith("/") or not path else path)
            assert url.startswith(BASE) and page.is_file(), item
