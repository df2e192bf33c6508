"""``python -m quality.cityweb [--solr-url URL] [--index]``: search quality on the sample city web.

Without ``--solr-url`` a private Solr is started in a temporary directory from this repo's
configset and every host folder of ``sample-web/`` is indexed into it by the project's own
indexer (one run per host, under ``https://<host>/``). With ``--solr-url`` the given core is
evaluated as it is, unless ``--index`` asks to index the city web into it first. Every query
of the tuning and the held-out set goes through the web app's search service
(``webapp.service.run_search``); the report gives top-1 and top-3 rates, the zero-hit rate,
the rates per kind of query, and how many top-10 lists show the same content twice.

Exit status: 1 when a figure is below its floor, 2 when the evaluation could not run. The
thresholds are issue 23's targets (a held-out top-3 of 90 %, no repeated content in any top
10) and floors just under the other figures reached (the constants below).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from quality.cityweb_corpus import CityWeb, index_web, load_queries, load_web
from quality.cityweb_report import duplicate_lists, format_set
from quality.cityweb_split import HELDOUT_FILE, TUNING_FILE
from quality.indexing import IndexingError
from quality.page import PageSearch
from quality.solr import SearchClient
from quality.visitor import VisitorReport, evaluate_visitor
from solrclient import SolrError

# Thresholds: issue 23's targets for the held-out set (top-3 of 90 %, no content twice in any
# top 10), and for the rest a floor a point under what the search reached on 2026-12-06 08:30
# (tuning top-3 85.3 %, held-out top-1 83.0 %). Before duplicates, languages and overview
# pages were handled (06:57): tuning top-3 84.8 %, held-out top-3 88.5 %, top-1 82.0 %, 376
# of 431 top-10 lists with repeated content. Undated pages have no date since then, so the
# figures no longer depend on the checkout's file times.
MIN_TUNING_TOP3 = 0.84
MIN_HELDOUT_TOP3 = 0.90
MIN_HELDOUT_TOP1 = 0.82
MAX_DUPLICATE_LISTS = 0


@dataclass(frozen=True)
class CitywebReport:
    """Both sets' reports and the number of top-10 lists with repeated content."""

    tuning: VisitorReport
    heldout: VisitorReport
    duplicate_lists: int

    def passes(self) -> bool:
        """True when every figure meets its floor."""
        return (self.tuning.top3 >= MIN_TUNING_TOP3 and self.heldout.top3 >= MIN_HELDOUT_TOP3
                and self.heldout.top1 >= MIN_HELDOUT_TOP1
                and self.duplicate_lists <= MAX_DUPLICATE_LISTS)


def evaluate_cityweb(core_url: str, web: CityWeb) -> CitywebReport:
    """Run both query sets through the search service against an indexed core."""
    page = PageSearch(core_url)
    tuning = evaluate_visitor("tuning", load_queries(TUNING_FILE, web), page)
    heldout = evaluate_visitor("held-out", load_queries(HELDOUT_FILE, web), page)
    return CitywebReport(tuning, heldout,
                         duplicate_lists(tuning, web) + duplicate_lists(heldout, web))


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m quality.cityweb",
                                description=__doc__.split("\n")[0])
    p.add_argument("--solr-url", help="core URL (default: start a private Solr)")
    p.add_argument("--index", action="store_true",
                   help="index sample-web/ into --solr-url first (always done for a private Solr)")
    p.add_argument("--show-heldout-failures", action="store_true",
                   help="also list the held-out misses (not while tuning)")
    p.add_argument("-v", "--verbose", action="store_true")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Index (if asked), evaluate, print; see the module docstring for exit codes."""
    args = _args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    with ExitStack() as stack:
        core_url, index = args.solr_url, args.index
        try:
            web = load_web()
            if core_url is None:
                from solrlauncher import StandaloneSolr

                home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cityweb-")))
                print("starting a private Solr …", file=sys.stderr)
                solr = StandaloneSolr(home / "solr").start()
                stack.callback(solr.stop)
                core_url, index = solr.core_url, True
            if index:
                print(f"indexing {len(web.hosts)} hosts of {web.root} …", file=sys.stderr)
                index_web(web, core_url)
                client = SearchClient(core_url)
                client.commit()
                client.close()
            report = evaluate_cityweb(core_url, web)
        except (SolrError, IndexingError, OSError, ValueError) as err:
            print(f"quality.cityweb: {err}", file=sys.stderr)
            return 2
    print(format_set(report.tuning, web, show_failures=True))
    print(format_set(report.heldout, web, show_failures=args.show_heldout_failures))
    verdict = "passed" if report.passes() else "FAILED"
    print(f"Thresholds: tuning top-3 >= {MIN_TUNING_TOP3:.1%}, held-out top-3 >= "
          f"{MIN_HELDOUT_TOP3:.1%}, held-out top-1 >= {MIN_HELDOUT_TOP1:.1%}, top-10 lists "
          f"with repeated content <= {MAX_DUPLICATE_LISTS}: {verdict}")
    return 0 if report.passes() else 1


if __name__ == "__main__":
    sys.exit(main())
