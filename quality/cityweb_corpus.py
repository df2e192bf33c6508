"""The sample city web as the evaluation sees it: its manifest, its queries, its indexing.

``sample-web/manifest.json`` (written by ``tools/sample_web``) lists every address with the
content it shows and the answer it stands for. A query names answers; every address of an
answer counts as right, under its own URL and under the canonical URL a search shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from quality.golden import VisitorQuery
from quality.indexing import REPO, index_sources

SAMPLE_WEB = REPO / "sample-web"


@dataclass(frozen=True)
class Address:
    """One published address of the city web."""

    url: str
    indexed_url: str
    host: str
    file: str  # below sample-web/<host>/
    content: str
    answer: str | None
    kind: str
    lang: str


@dataclass(frozen=True)
class CityWeb:
    """All addresses, with look-ups by answer and by URL."""

    root: Path
    addresses: tuple[Address, ...]
    contents: dict[str, str]  # URL (own or canonical) -> content

    @property
    def hosts(self) -> tuple[str, ...]:
        """The host folders, sorted."""
        return tuple(sorted({a.host for a in self.addresses}))

    def urls_of(self, answer: str) -> tuple[str, ...]:
        """Every URL (own and canonical) of the addresses that stand for ``answer``."""
        found = {u for a in self.addresses if a.answer == answer for u in (a.url, a.indexed_url)}
        return tuple(sorted(found))

    def content_of(self, url: str) -> str:
        """The content a URL shows; a URL the manifest does not know is its own content."""
        return self.contents.get(url, f"unknown:{url}")


@dataclass(frozen=True)
class CitywebQuery(VisitorQuery):
    """A visitor query with the answers it names and its kind (typo, English, …)."""

    answers: tuple[str, ...]
    kind: str


def load_web(root: Path = SAMPLE_WEB) -> CityWeb:
    """The manifest of the city web in ``root``."""
    rows = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    addresses = tuple(Address(**row) for row in rows)
    contents = {u: a.content for a in addresses for u in (a.url, a.indexed_url)}
    return CityWeb(root, addresses, contents)


def load_queries(path: Path, web: CityWeb) -> tuple[CitywebQuery, ...]:
    """The queries of ``path``; an answer no address stands for raises ValueError."""
    items = []
    for i, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        try:
            query, answers, kind = str(row["query"]), tuple(row["expected"]), str(row["kind"])
        except (KeyError, TypeError) as err:
            raise ValueError(f"{path}: entry {i} needs 'query', 'expected' (a list of "
                             "answers) and 'kind'") from err
        missing = [a for a in answers if not web.urls_of(a)]
        if missing or not answers or not query.strip():
            raise ValueError(f"{path}: entry {i} ({query!r}) names unknown answers {missing}")
        urls = tuple(u for answer in answers for u in web.urls_of(answer))
        items.append(CitywebQuery(query=query, expected_urls=urls, answers=answers, kind=kind))
    return tuple(items)


def index_web(web: CityWeb, core_url: str) -> None:
    """Index every host folder with the project's indexer in one run, each under its host's
    base URL (``FOLDER/*=https://*/``), the portal preferred among copies, as ``make run``."""
    index_sources(f"{web.root}/*=https://*/", core_url, PREFERRED_HOSTS="service.jena.de")
