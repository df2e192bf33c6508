"""Indexer throughput against raw Solr ingest, and the cost of an unchanged re-index.

    python -m bench.indexing --pages 5000

One run starts its own Solr (temporary home), writes ``--pages`` corpus pages and
``--documents`` PDF/DOCX/ODT files (the sample site's documents, each copy under its own URL;
default one per 200 pages) to a folder (not timed) and measures:

(a) the indexer end to end, exactly as ``python -m indexer index FOLDER --full`` runs it (read
    the folder -> parse -> hash lookup -> atomic writes -> commit -> suggester build), against
    raw ingest of the very same documents, pre-built and posted to ``/update/json/docs`` in
    batches of the same size by one client, plus a commit; the ratio indexer/raw of their
    throughputs shows what parsing and the indexer's bookkeeping cost;
(b) a second, unchanged indexer run over the same folder as a fraction of the first.

Each measured phase starts once Solr is idle (no merges left over from the phase before).
Besides wall-clock seconds it reports the CPU seconds of this process (parsing, hashing,
HTTP; not the document extraction worker) and of Solr in each phase: on a shared machine they
move much less with other people's load than the wall-clock figures, and they show which side
a phase waits for.

This is a benchmark, not a test: it prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import logging
import itertools
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.cpu import process_cpu_seconds
from bench.solr import SolrCore
from indexer.config import IndexerConfig
from indexer.corpus import BASE_URL, FIXED_MTIME, generate, write_corpus
from indexer.document import content_hash, page_fields, solr_date
from indexer.files.reader import read_document_here
from indexer.model import RawPage
from indexer.parse import PageSkipped, parse_page
from indexer.pipeline import run
from indexer.sources.folder import url_for
from indexer.writer import SolrWriter
from solrlauncher import StandaloneSolr

SAMPLE_DOCUMENTS = Path(__file__).resolve().parent.parent / "sample-site" / "dokumente"
DOCUMENTS_DIR = "dokumente"


@dataclass(frozen=True)
class IndexingNumbers:
    """Seconds measured in one run; the derived ratios are properties."""

    pages: int
    batch_size: int
    parse_seconds: float
    raw_seconds: float
    index_seconds: float
    suggester_seconds: float
    unchanged_seconds: float
    # CPU seconds (this process, Solr) spent in raw ingest, the first and the unchanged run.
    raw_cpu: tuple[float, float] = (0.0, 0.0)
    index_cpu: tuple[float, float] = (0.0, 0.0)
    unchanged_cpu: tuple[float, float] = (0.0, 0.0)
    documents: int = 0  # of ``pages``: PDF/DOCX/ODT files

    @property
    def ratio_indexer_to_raw(self) -> float:
        """Indexer throughput / raw ingest throughput (1.0 = as fast as raw ingest)."""
        return self.raw_seconds / self.index_seconds

    @property
    def unchanged_fraction(self) -> float:
        """Unchanged re-index time / first index time."""
        return self.unchanged_seconds / self.index_seconds


def prebuilt_documents(pages: int, seed: int, config: IndexerConfig,
                       files: Path | None = None) -> list[dict[str, object]]:
    """The indexer's documents for the corpus (and the files below ``files``), as plain
    (non-atomic) Solr documents."""
    now = solr_date(datetime.now(UTC))
    docs = []
    for raw in itertools.chain(generate(pages, seed), _file_pages(files)):
        try:
            if raw.url.startswith(f"{BASE_URL}{DOCUMENTS_DIR}/"):
                page = read_document_here(raw, config)
            else:
                page = parse_page(raw, config.sections, config.max_content_chars)
        except PageSkipped:
            continue
        fields = {k: v for k, v in page_fields(page).items() if v is not None}
        docs.append({**fields, "contentHash": content_hash(page), "indexedAt": now})
    return docs


def raw_ingest(core_url: str, docs: list[dict[str, object]], batch_size: int) -> None:
    """POST the documents in batches to /update/json/docs, then commit."""
    solr = SolrCore(core_url)
    try:
        for start in range(0, len(docs), batch_size):
            body = json.dumps(docs[start:start + batch_size], ensure_ascii=False).encode()
            solr.client.call_bytes("POST", "/update/json/docs", data=body,
                                   content_type="application/json")
        solr.client.call("POST", "/update", params={"commit": "true"}, json={})
    finally:
        solr.close()


def clear(core_url: str) -> None:
    """Delete every document and commit (between the measured runs)."""
    SolrCore(core_url).delete_all()


def corpus_folder(folder: Path, pages: int, seed: int, documents: int = 0) -> Path:
    """Write the corpus pages as files, dated like the generated pages (same documents), and
    ``documents`` copies of the sample site's PDF/DOCX/ODT files."""
    write_corpus(pages, seed, folder)
    samples = sorted(p for p in SAMPLE_DOCUMENTS.rglob("*") if p.is_file())
    for number, source in zip(range(documents), itertools.cycle(samples)):
        target = folder / DOCUMENTS_DIR / str(number) / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    stamp = FIXED_MTIME.timestamp()
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (stamp, stamp))
    return folder


def _file_pages(files: Path | None) -> Iterator[RawPage]:
    for path in sorted(files.rglob("*")) if files and files.is_dir() else ():
        if path.is_file():
            yield RawPage(url=url_for(path, files.parent, BASE_URL), body=path.read_bytes(),
                          file_mtime=FIXED_MTIME)


class _Clock:
    """Wall seconds and CPU seconds of this process and of Solr around one phase."""

    def __init__(self, solr_cpu: Callable[[], float]) -> None:
        self.solr_cpu = solr_cpu

    def __enter__(self) -> _Clock:
        self._start = (time.perf_counter(), time.process_time(), self.solr_cpu())
        return self

    def __exit__(self, *exc: object) -> None:
        wall, own, solr = self._start
        self.seconds = time.perf_counter() - wall
        self.cpu = (time.process_time() - own, self.solr_cpu() - solr)


def wait_until_idle(solr_cpu: Callable[[], float], busy: float = 0.1,
                    limit: float = 60.0) -> None:
    """Wait (at most ``limit`` s) until Solr spends less than ``busy`` CPU s per second.

    A phase must not be charged for the previous one's tail: after a commit Solr merges
    segments in the background for several seconds (0.7 CPU s in the 5 s after a first run of
    5000 pages, more than the unchanged run's own hash read).
    """
    deadline = time.monotonic() + limit
    before = solr_cpu()
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = solr_cpu()
        if now - before < busy:
            return
        before = now


def measure(core_url: str, work_dir: Path, pages: int, seed: int = 1, batch_size: int = 500,
            solr_pid: int | None = None, documents: int | None = None) -> IndexingNumbers:
    """Run (a) and (b) against an empty core and return the timings."""
    config = IndexerConfig(solr_url=core_url, batch_size=batch_size, solr_timeout=300,
                           state_path=work_dir / "indexer-state.json", base_url=BASE_URL)
    documents = pages // 200 if documents is None else documents
    folder = corpus_folder(work_dir / "corpus", pages, seed, documents)
    solr_cpu = (lambda: process_cpu_seconds(solr_pid)) if solr_pid else (lambda: 0.0)
    started = time.perf_counter()
    docs = prebuilt_documents(pages, seed, config, folder / DOCUMENTS_DIR)
    parse_seconds = time.perf_counter() - started

    # Warm Solr's JIT up on the same work first: a fresh JVM spends several times more CPU per
    # document until its hot paths are compiled, and raw ingest runs first.
    raw_ingest(core_url, docs, batch_size)
    clear(core_url)
    wait_until_idle(solr_cpu)
    with _Clock(solr_cpu) as raw:
        raw_ingest(core_url, docs, batch_size)
    clear(core_url)

    wait_until_idle(solr_cpu)
    with _Clock(solr_cpu) as first_clock:
        first = run([str(folder)], full=True, config=config)
    if not first.ok or first.indexed != len(docs):
        raise RuntimeError(f"indexer run failed: {first.error or first.problems[:3]}")
    started = time.perf_counter()
    SolrWriter(core_url, timeout=300).build_suggester()
    suggester_seconds = time.perf_counter() - started

    wait_until_idle(solr_cpu)
    with _Clock(solr_cpu) as second_clock:
        second = run([str(folder)], full=True, config=config)
    if second.unchanged != len(docs):
        raise RuntimeError(f"re-index was not unchanged: {second.indexed} pages rewritten")
    return IndexingNumbers(pages=len(docs), batch_size=batch_size, parse_seconds=parse_seconds,
                           raw_seconds=raw.seconds, index_seconds=first_clock.seconds,
                           suggester_seconds=suggester_seconds,
                           unchanged_seconds=second_clock.seconds, raw_cpu=raw.cpu,
                           index_cpu=first_clock.cpu, unchanged_cpu=second_clock.cpu,
                           documents=documents)


def table(n: IndexingNumbers) -> str:
    """The numbers as a small text table."""
    rows = [
        ("pages (of which PDF/DOCX/ODT) / batch size",
         f"{n.pages} ({n.documents}) / {n.batch_size}"),
        ("parse only (pre-building the documents)",
         f"{n.parse_seconds:8.1f} s  {n.pages / n.parse_seconds:8.0f} pages/s"),
        ("raw ingest /update/json/docs + commit",
         f"{n.raw_seconds:8.1f} s  {n.pages / n.raw_seconds:8.0f} pages/s{_cpu(n.raw_cpu)}"),
        ("indexer end to end (incl. commit, suggester)",
         f"{n.index_seconds:8.1f} s  {n.pages / n.index_seconds:8.0f} pages/s"
         f"{_cpu(n.index_cpu)}"),
        ("  of which suggester build (measured again)", f"{n.suggester_seconds:8.1f} s"),
        ("(a) throughput indexer / raw ingest", f"{n.ratio_indexer_to_raw:8.3f}"),
        # Two decimals: the unchanged run takes well under a second.
        ("unchanged re-index", f"{n.unchanged_seconds:8.2f} s{_cpu(n.unchanged_cpu)}"),
        ("(b) unchanged re-index / first index", f"{n.unchanged_fraction:8.3f}"),
    ]
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def _cpu(cpu: tuple[float, float]) -> str:
    return f"  (CPU s: this process {cpu[0]:.1f}, Solr {cpu[1]:.1f})"


def main(argv: list[str] | None = None) -> int:
    """Start a private Solr, measure, print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.indexing", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=None,
                        help="PDF/DOCX/ODT files besides the pages (default: pages / 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="bench-indexing-") as home:
        with StandaloneSolr(Path(home), heap=args.heap) as solr:
            numbers = measure(solr.core_url, Path(home), args.pages, args.seed,
                              args.batch_size, solr_pid=solr.pid, documents=args.documents)
    print(table(numbers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
