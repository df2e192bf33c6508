"""``python -m quality [--solr-url URL] [--index SAMPLE_SITE]``: print the search quality.

Without ``--solr-url`` a private Solr is started in a temporary directory from this repo's
configset and the sample site is indexed into it; with ``--solr-url`` the given core is
evaluated as it is, unless ``--index`` names a site to (re)index first. The exit status is 1
when a rate is below its threshold, 2 when the evaluation could not run.
``python -m quality cityweb [ARGS]`` evaluates the sample city web instead (quality.cityweb).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from quality.evaluate import evaluate, format_report
from quality.golden import (VISITOR_HELDOUT_FILE, VISITOR_TUNING_FILE, load_golden,
                            load_misspellings, load_precision, load_visitor)
from quality.indexing import SAMPLE_SITE, IndexingError, index_site
from quality.page import PageSearch
from quality.solr import SearchClient
from quality.visitor import VisitorReport, evaluate_visitor, format_visitor
from solrclient import SolrError

MIN_TOP3 = 0.95
MIN_CORRECTION = 0.90
# Held-out visitor queries (never tuned against).
MIN_HELDOUT_TOP3 = 0.95
MIN_HELDOUT_TOP1 = 0.85
MAX_HELDOUT_ZERO_HIT = 0.01


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m quality", description=__doc__.split("\n")[0])
    p.add_argument("--solr-url", help="core URL, e.g. http://127.0.0.1:8983/solr/stadtsuche "
                                      "(default: start a private Solr)")
    p.add_argument("--index", type=Path, metavar="SITE",
                   help="folder to index first (default without --solr-url: sample-site/)")
    p.add_argument("--min-top3", type=float, default=MIN_TOP3)
    p.add_argument("--min-correction", type=float, default=MIN_CORRECTION)
    p.add_argument("--show-heldout-failures", action="store_true",
                   help="also list the held-out queries that miss (not while tuning)")
    p.add_argument("--without-heldout", action="store_true",
                   help="leave the held-out set out entirely (while tuning: not even its "
                        "rates are printed, and its thresholds are not checked)")
    p.add_argument("-v", "--verbose", action="store_true")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the report; see the module docstring for exit codes."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["cityweb"]:  # the sample city web: quality/cityweb.py
        from quality.cityweb import main as cityweb_main
        return cityweb_main(argv[1:])
    args = _args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    with ExitStack() as stack:
        core_url, site = args.solr_url, args.index
        try:
            if core_url is None:
                from solrlauncher import StandaloneSolr

                home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="quality-")))
                print("starting a private Solr …", file=sys.stderr)
                solr = StandaloneSolr(home / "solr").start()
                stack.callback(solr.stop)
                core_url, site = solr.core_url, site or SAMPLE_SITE
            client = SearchClient(core_url)
            stack.callback(client.close)
            if site is not None:
                print(f"indexing {site} …", file=sys.stderr)
                index_site(site, core_url)
                client.commit()
            report = evaluate(client.search, load_golden(), load_misspellings(),
                              load_precision())
            page = PageSearch(core_url)
            tuning = evaluate_visitor("tuning", load_visitor(VISITOR_TUNING_FILE), page)
            heldout = None if args.without_heldout else evaluate_visitor(
                "held-out", load_visitor(VISITOR_HELDOUT_FILE), page)
        except (SolrError, IndexingError, OSError, ValueError) as err:
            print(f"quality: {err}", file=sys.stderr)
            return 2
    print(format_report(report))
    print(format_visitor(tuning, show_failures=True))
    if heldout is not None:
        print(format_visitor(heldout, show_failures=args.show_heldout_failures))
    ok = (report.top3 >= args.min_top3 and report.correction_accuracy >= args.min_correction
          and report.precision_violations == 0)
    print(f"Thresholds: top-3 >= {args.min_top3:.0%}, 'Meinten Sie' >= "
          f"{args.min_correction:.0%}, no precision violation: {'passed' if ok else 'FAILED'}")
    held_ok = heldout is None or heldout_passes(heldout)
    verdict = "not checked" if heldout is None else "passed" if held_ok else "FAILED"
    print(f"Held-out thresholds: top-3 >= {MIN_HELDOUT_TOP3:.0%}, top-1 >= "
          f"{MIN_HELDOUT_TOP1:.0%}, zero-hit <= {MAX_HELDOUT_ZERO_HIT:.0%}: {verdict}")
    return 0 if ok and held_ok else 1


def heldout_passes(heldout: VisitorReport) -> bool:
    """True when the held-out visitor set meets all three thresholds."""
    return (heldout.top3 >= MIN_HELDOUT_TOP3 and heldout.top1 >= MIN_HELDOUT_TOP1
            and heldout.zero_hit <= MAX_HELDOUT_ZERO_HIT)


if __name__ == "__main__":
    sys.exit(main())
