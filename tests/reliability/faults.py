"""Searches and clicks through the app while a Solr node fails, and what they came to.

Used by test_cloud_faults.py: a closed-loop load of search clients and click clients against
the app server, a fault injected into one node process at a known time, and the bookkeeping that
tells acknowledged clicks from clicks whose outcome the app could not confirm.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from tests.reliability.loadgen import LoadReport, run_load
from tests.reliability.support import QUERIES

CLICK_HEADER = "X-Stadtsuche-Click"


@dataclass
class ClickLedger:
    """Per document: clicks sent, and clicks the app accepted (303 + header: counted now or
    kept in its outbox to be counted later)."""

    sent: Counter = field(default_factory=Counter)
    acknowledged: Counter = field(default_factory=Counter)
    queued: Counter = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, doc_id: str, confirmed: bool, queued: bool = False) -> None:
        with self._lock:
            self.sent[doc_id] += 1
            if confirmed:
                self.acknowledged[doc_id] += 1
            if queued:
                self.queued[doc_id] += 1

    def verdict(self, delta: dict[str, int]) -> dict[str, int]:
        """Compare the counters' increase per document with what was sent and confirmed.

        lost: confirmed clicks missing from the count; doubled: counted more often than sent.
        A click whose outcome the app could not confirm may be counted once or not at all.
        """
        lost = sum(max(0, self.acknowledged[d] - delta.get(d, 0)) for d in self.sent)
        doubled = sum(max(0, delta.get(d, 0) - self.sent[d]) for d in self.sent)
        strays = sum(v for d, v in delta.items() if d not in self.sent)
        return {"clicks_sent": sum(self.sent.values()),
                "clicks_acknowledged": sum(self.acknowledged.values()),
                "clicks_unconfirmed": sum(self.sent.values()) - sum(self.acknowledged.values()),
                "clicks_counted_at_once": sum(self.acknowledged.values()) - sum(self.queued.values()),
                "clicks_kept_for_later": sum(self.queued.values()),
                "clicks_lost": lost, "clicks_doubled": doubled + strays}


@dataclass(frozen=True)
class Traffic:
    """What the visitors did: the search load report and the click ledger."""

    searches: LoadReport
    clicks: LoadReport
    ledger: ClickLedger


def search_target(app_url: str, expected: dict[str, int]) -> Callable[..., str | None]:
    """A visitor search through the widget API that must return the complete hit count."""

    def target(session: requests.Session, i: int) -> str | None:
        q = QUERIES[i % len(QUERIES)]
        resp = session.get(f"{app_url}/api/search", params={"q": q}, timeout=15)
        if resp.status_code != 200:
            return f"HTTP {resp.status_code}"
        found = resp.json()["outData"]["response"]["numFound"]
        return None if found == expected[q] else f"numFound {found} != {expected[q]}"

    return target


def click_target(app_url: str, doc_ids: list[str], ledger: ClickLedger) -> Callable[..., str | None]:
    """A visitor click on a result; every request counts as sent, even one that failed."""

    def target(session: requests.Session, i: int) -> str | None:
        doc_id = doc_ids[i % len(doc_ids)]
        try:
            resp = session.get(f"{app_url}/klick", params={"id": doc_id}, timeout=15,
                               allow_redirects=False)
        except requests.RequestException:
            ledger.record(doc_id, False)
            raise
        # "counted": counted at once; "queued": accepted and kept by the app's outbox, to be
        # counted once Solr takes it. Both are a promise to count the click exactly once.
        state = resp.headers.get(CLICK_HEADER)
        confirmed = resp.status_code == 303 and state in ("counted", "queued")
        ledger.record(doc_id, confirmed, queued=confirmed and state == "queued")
        return None if resp.status_code == 303 else f"HTTP {resp.status_code}"

    return target


def run_traffic(app_url: str, expected: dict[str, int], doc_ids: list[str], *,
                search_clients: int, click_clients: int, duration: float) -> Traffic:
    """Searches and clicks side by side for ``duration`` seconds (call in a thread)."""
    ledger = ClickLedger()
    result: dict[str, LoadReport] = {}
    # Visitors pause between requests; a closed loop without pauses would measure how
    # saturated the machine is rather than what a node loss costs.
    clicks = threading.Thread(target=lambda: result.update(c=run_load(
        click_target(app_url, doc_ids, ledger), clients=click_clients, duration=duration,
        pause=0.2)))
    clicks.start()
    result["s"] = run_load(search_target(app_url, expected), clients=search_clients,
                           duration=duration, pause=0.1)
    clicks.join(duration + 120)
    return Traffic(result["s"], result["c"], ledger)


def p99_ms(report: LoadReport, start: float, end: float) -> tuple[float, float, int]:
    """p99 and maximum latency (ms) of every search in flight at some moment of [start, end)
    (started before ``end``, finished after ``start``), and how many: a search caught by the
    fault counts for the fault even when it started just before it."""
    window = sorted(s.latency for s in report.samples
                    if s.started < end and s.started + s.latency > start)
    return _p99(window)


def p99_before_ms(report: LoadReport, end: float) -> tuple[float, float, int]:
    """p99, maximum and count of the searches that started and finished before ``end``."""
    return _p99(sorted(s.latency for s in report.samples if s.started + s.latency < end))


def _p99(latencies: list[float]) -> tuple[float, float, int]:
    if not latencies:
        return float("nan"), float("nan"), 0
    rank = max(1, -(-99 * len(latencies) // 100))
    return round(latencies[rank - 1] * 1000), round(latencies[-1] * 1000), len(latencies)


def elapsed_since(t0: float) -> float:
    return time.monotonic() - t0
