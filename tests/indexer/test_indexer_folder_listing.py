"""The folder source: which files it delivers, in which order, under which URLs.

The listing works on strings from ``os.scandir``; these tests hold it to what a plain
``pathlib`` listing says (rglob, ``Path`` order, ``urljoin`` of the quoted relative path).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest

from indexer.files.kinds import SUFFIXES as DOCUMENT_SUFFIXES
from indexer.model import RawPage, SourceProblem
from indexer.overlap import read_while
from indexer.sources import SourceItem, SourceListing
from indexer.sources.folder import folder_source, suffix, url_for

NAMES = ["a", "a.b", "A", "ä", "x y", "q?r", "c#d", "e:f", "%41", "a.", "z.PDF", "k.docx",
         "m.odt", "n.txt", "o.html", "ü.htm"]
# Folder names that sort differently as strings and as path parts ("amt-b/…" < "amt/…" as
# text, but "amt" comes first as a part).
FOLDERS = ["", "amt", "amt-b", "amt/b", "amt b", "öffnung/x y"]


def _site(root: Path) -> Path:
    for folder in FOLDERS:
        for name in NAMES:
            target = root / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(f"<html><p>{folder} {name}</p></html>".encode())
    (root / ".versteckt").mkdir()
    (root / ".versteckt" / "seite.html").write_bytes(b"<p>nie</p>")
    (root / ".htaccess").write_bytes(b"deny")
    (root / "gross.html").write_bytes(b"x" * 5000)
    os.symlink(root / "o.html", root / "verweis.html")
    os.symlink(root / "amt", root / "ordnerverweis")  # a link to a folder is not followed
    os.symlink(root / "fehlt", root / "kaputt.html")  # a broken link is not a file
    return root


def _expected(root: Path, base_url: str) -> list[tuple[str, str]]:
    files = sorted((p for p in root.rglob("*") if p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(root).parts)),
                   key=lambda p: (p.suffix.lower() in DOCUMENT_SUFFIXES, p))
    base = base_url if base_url.endswith("/") else base_url + "/"
    return [(urljoin(base, quote(p.relative_to(root).as_posix())), p.suffix.lower())
            for p in files]


@pytest.mark.parametrize("base_url", ["https://www.jena.de/", "https://www.jena.de/amt",
                                      "https://www.jena.de/a/../b/?q=1#x"])
def test_listing_matches_a_pathlib_listing(tmp_path: Path, base_url: str) -> None:
    root = _site(tmp_path / "site")
    listing = folder_source(root, base_url, max_bytes=1000, max_document_bytes=10_000)
    items = list(listing.items)
    expected = _expected(root, base_url)

    assert listing.total == len(items) == len(expected)
    assert [item.url for item in items] == [url for url, _ in expected]
    for item, (_, ending) in zip(items, expected):
        if ending in (".txt", ".b"):
            assert isinstance(item, SourceProblem) and "Dateiendung" in item.reason
        elif item.url.endswith("gross.html"):
            assert isinstance(item, SourceProblem) and "zu groß" in item.reason
        else:
            assert isinstance(item, RawPage) and item.body.startswith(b"<")
    assert not any(".versteckt" in item.url or ".htaccess" in item.url for item in items)
    assert sum(item.url.endswith("/verweis.html") for item in items) == 1
    assert not any("ordnerverweis" in item.url or "kaputt" in item.url for item in items)
    documents = [i for i, item in enumerate(items) if suffix(item.url) in DOCUMENT_SUFFIXES]
    assert documents and documents == list(range(len(items) - len(documents), len(items)))


def test_url_for_matches_urljoin(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    for path in root.rglob("*"):
        relative = quote(path.relative_to(root).as_posix())
        for base in ("https://www.jena.de/", "http://Host:80/x/../y", "https://h/?a#b"):
            joined = urljoin(base if base.endswith("/") else base + "/", relative)
            assert url_for(path, root, base) == joined


@pytest.mark.parametrize(("name", "ending"), [("a.HTML", ".html"), ("a.", ""), (".a", ""),
                                              ("a", ""), ("a.b.pdf", ".pdf")])
def test_suffix_is_pathlibs(name: str, ending: str) -> None:
    assert suffix(name) == ending == Path(name).suffix.lower()


def test_read_ahead_keeps_order_and_bounds(tmp_path: Path) -> None:
    """While the hash read is in flight the folder is read ahead, within the bounds."""
    root = _site(tmp_path / "site")
    plain = [item.url for item in folder_source(root, "https://www.jena.de/", 1000).items]
    answered: Future[object] = Future()
    answered.set_result({})

    for busy, bounds, read_before in [(Future(), {"max_items": 7}, 7),
                                      (Future(), {"max_bytes": 1}, 1),
                                      (answered, {}, 0)]:
        taken: list[str] = []
        listing = folder_source(root, "https://www.jena.de/", 1000)
        counted = SourceListing(listing.total, _counting(listing.items, taken))
        ahead = read_while(counted, busy, **bounds)
        assert len(taken) == read_before
        assert [item.url for item in ahead.items] == plain == taken
        assert ahead.total == len(plain)


def _counting(items: Iterator[SourceItem], taken: list[str]) -> Iterator[SourceItem]:
    for item in items:
        taken.append(item.url)
        yield item
