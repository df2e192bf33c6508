"""``python -m bench.render_page``: the results page's own CPU, on recorded search results.

``record`` runs new searches of the bench's pool against the bench's Solr (production settings,
result cache off) and keeps each search's typed result (pickled) with its address. ``render``
builds the page of every recorded result again (page model and template, inside a request
context of its address, no Solr), prints the CPU per page (``time.process_time``) and writes
the pages, so that two versions of the page code can be compared byte for byte on the same
results. Run ``render`` of two checkouts alternately (``PYTHONPATH=<other checkout>``) to
compare their CPU side by side.

    python -m bench.render_page record --searches 400 --out var/bench/pages.pickle
    python -m bench.render_page render --results var/bench/pages.pickle --pages-out a.json
    python -m bench.render_page compare a.json b.json
"""

from __future__ import annotations

import argparse
import json
import pickle
import secrets
import sys
import time
from pathlib import Path
from urllib.parse import urlencode


def record(core_url: str, searches: int, out: Path) -> None:
    """Search ``searches`` new queries of the bench pool through /suche, keep their results."""
    from werkzeug.security import generate_password_hash

    from bench.suite import BenchOptions, new_query_pool, query_mix
    from webapp import create_app
    from webapp.views import search_page

    app = create_app({"solr_url": core_url, "env": "production",
                      "secret_key": secrets.token_hex(32), "admin_user": "bench",
                      "admin_password_hash": generate_password_hash(secrets.token_hex(8)),
                      "result_cache_seconds": 0})
    client = app.test_client()
    pool = new_query_pool(core_url, BenchOptions(), query_mix(core_url, 1000, 8))
    kept: list[tuple[str, bytes]] = []
    original = search_page._page_bytes

    def keeping(result):  # type: ignore[no-untyped-def]
        kept.append((current_path[0], pickle.dumps(result)))
        return original(result)

    current_path = [""]
    search_page._page_bytes = keeping
    try:
        for entry in pool[:searches]:
            current_path[0] = f"/suche?{urlencode(dict(entry.args))}"
            client.get(current_path[0])
    finally:
        search_page._page_bytes = original
    out.write_bytes(pickle.dumps(kept))
    print(f"recorded {len(kept)} results of {searches} searches in {out}")


def render(results: Path, rounds: int, pages_out: Path | None) -> None:
    """Render every recorded result ``rounds`` times; print CPU per page, write the pages."""
    from flask import render_template

    from webapp import create_app
    from webapp.page_model import build_page_model
    from webapp.statistics import SEARCH_ID_MARK

    from werkzeug.security import generate_password_hash

    app = create_app({"solr_url": "http://127.0.0.1:9/solr/none", "env": "production",
                      "secret_key": secrets.token_hex(32), "admin_user": "bench",
                      "admin_password_hash": generate_password_hash(secrets.token_hex(8)),
                      "result_cache_seconds": 0})
    kept = [(path, pickle.loads(blob)) for path, blob in pickle.loads(results.read_bytes())]
    pages: list[str] = []
    spent = 0.0
    for n in range(rounds + 1):
        for path, result in kept:
            with app.test_request_context(path):
                started = time.process_time()
                body = render_template("search.html", page=build_page_model(result),
                                       search_id=SEARCH_ID_MARK).encode("utf-8")
                if n:  # round 0 warms the template cache
                    spent += time.process_time() - started
            if n == 1:
                pages.append(body.decode().replace(SEARCH_ID_MARK, "SID"))
    print(f"{spent * 1000 / (rounds * len(kept)):.3f} ms CPU per page "
          f"({len(kept)} results x {rounds} rounds)")
    if pages_out:
        pages_out.write_text(json.dumps(pages, ensure_ascii=False))


def compare(before: Path, after: Path) -> int:
    """Compare two ``render`` outputs page by page: byte for byte, and with every run of
    whitespace read as one space (what a browser shows). 1 when a page differs beyond that."""
    import difflib
    import re

    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    if len(old) != len(new):
        print(f"{len(old)} pages against {len(new)}")
        return 1
    spaces = re.compile(r"\s+")
    same = sum(a == b for a, b in zip(old, new))
    differ = [(a, b) for a, b in zip(old, new) if spaces.sub(" ", a) != spaces.sub(" ", b)]
    print(f"{len(old)} pages: {same} identical, {len(old) - same - len(differ)} differ in "
          f"whitespace only, {len(differ)} differ otherwise")
    for a, b in differ[:1]:
        print("\n".join(difflib.unified_diff(spaces.sub(" ", a).split("> "),
                                             spaces.sub(" ", b).split("> "), lineterm="", n=1)))
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    """Record results from the bench's index, or render recorded ones."""
    p = argparse.ArgumentParser(prog="python -m bench.render_page", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--core-url", help="a running Solr core with the bench corpus")
    rec.add_argument("--pages", type=int, default=10_000)
    rec.add_argument("--searches", type=int, default=400)
    rec.add_argument("--out", type=Path, required=True)
    ren = sub.add_parser("render")
    ren.add_argument("--results", type=Path, required=True)
    ren.add_argument("--rounds", type=int, default=5)
    ren.add_argument("--pages-out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = p.parse_args(argv)
    if args.command == "compare":
        return compare(args.before, args.after)
    if args.command == "render":
        render(args.results, args.rounds, args.pages_out)
        return 0
    if args.core_url:
        record(args.core_url, args.searches, args.out)
        return 0
    from bench.suite import BenchOptions, prepared_index

    with prepared_index(BenchOptions().work_dir, args.pages, "1g") as index:
        record(index.core_url, args.searches, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
