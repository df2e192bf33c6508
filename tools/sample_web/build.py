"""All pages and documents of the sample city web, checked, written, and listed in a manifest.

The manifest (``sample-web/manifest.json``) is what the evaluation reads: for every address
its host, the URL a search shows (the canonical one), the content it carries (same content =
same body) and the answer it stands for (queries name answers, and every address of an answer
counts as right).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

from tools.sample_web.documents import DOCUMENTS, write_document
from tools.sample_web.model import Page
from tools.sample_web.other_pages import (council_pages, news_pages, plan_pages, report_pages,
                                          topic_pages)
from tools.sample_web.render import page_html
from tools.sample_web.service_pages import (hub_pages, language_pages, service_pages,
                                            staff_pages)


def all_pages() -> list[Page]:
    """Every page, in a fixed order."""
    builders = (service_pages, language_pages, hub_pages, staff_pages, news_pages,
                council_pages, plan_pages, report_pages, topic_pages)
    pages = [page for build in builders for page in build()]
    _check(pages)
    return pages


def _check(pages: list[Page]) -> None:
    """No address twice, and no file that is also a folder of another file."""
    files = [f"{p.host}/{p.file}" for p in pages] + [f"{d.host}/{d.path}" for d in DOCUMENTS]
    if len(set(files)) != len(files):
        dupes = sorted({f for f in files if files.count(f) > 1})
        raise ValueError(f"address used twice: {dupes[:5]}")
    folders = {f.rsplit("/", i)[0] for f in files for i in range(1, f.count("/"))}
    clash = sorted(set(files) & folders)
    if clash:
        raise ValueError(f"file and folder at once: {clash[:5]}")


def manifest_rows(pages: list[Page]) -> Iterator[dict[str, str | None]]:
    """One row per published address (pages, then documents)."""
    for p in pages:
        yield {"url": p.url, "indexed_url": p.indexed_url, "host": p.host, "file": p.file,
               "content": p.content, "answer": p.answer, "kind": p.kind, "lang": p.lang}
    for d in DOCUMENTS:
        url = f"https://{d.host}/{d.path}"
        yield {"url": url, "indexed_url": url, "host": d.host, "file": d.path,
               "content": d.key, "answer": d.key, "kind": "document", "lang": "de"}


def write(out: Path) -> int:
    """Write the web into ``out``; returns the number of addresses.

    The host folders are replaced as a whole (a page dropped from the data disappears); other
    files in ``out`` (its README) stay.
    """
    pages = all_pages()
    out.mkdir(parents=True, exist_ok=True)
    for child in out.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
    for page in pages:
        target = out / page.host / page.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_html(page), encoding="utf-8")
    for doc in DOCUMENTS:
        write_document(doc, out / doc.host / doc.path)
    rows = list(manifest_rows(pages))
    (out / "manifest.json").write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n",
                                       encoding="utf-8")
    return len(rows)
