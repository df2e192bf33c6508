"""Crawling a locally served site by its own rules: <base href>, noindex, X-Robots-Tag,
nofollow, TYPO3SEARCH markers — against real Solr."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from indexer_http import Served

from indexer.config import IndexerConfig
from indexer.model import Outcome
from indexer.pipeline import run
from tests.support import Core

HEAD = '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'


def _write(root: Path, path: str, title: str, body: str, head: str = "") -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(HEAD.format(title=title, head=head) + f"<body>{body}</body></html>",
                      encoding="utf-8")


def _config(config: IndexerConfig) -> IndexerConfig:
    return dataclasses.replace(config, crawl_delay=0.0, http_retries=0)


def _docs(client: Core) -> dict[str, dict]:
    client.commit(soft=True)
    return {d["id"]: d for d in client.search("*:*", rows=100).docs}


def test_links_resolve_against_base_href(empty_core: Core, config: IndexerConfig,
                                         serve: Callable[[Path], Served], tmp_path: Path) -> None:
    # Help pages deep in folders declare <base href="../../../">: their links are relative to
    # the site root, not to their own folder (resolved against the folder, all would be 404).
    site = serve(tmp_path / "www")
    deep = [f"hilfe/{chapter}/{section}/seite.html" for chapter in ("antraege", "gebuehren")
            for section in ("a", "b", "c")]
    for n, path in enumerate(deep):
        links = "".join(f'<a href="{other}">Kapitel</a>' for other in deep)
        _write(site.root, path, f"Hilfe {n}", f"<main><h1>Hilfe {n}</h1><p>Text {n}.</p>"
               f"{links}</main>", head='<base href="../../../">')
    _write(site.root, "index.html", "Start", f'<main><p>Start.</p><a href="{deep[0]}">Hilfe</a>'
           '<a href="basis.html">Basis</a></main>')
    # An absolute base elsewhere on the site.
    _write(site.root, "basis.html", "Basis", '<main><p>Basis.</p><a href="absolut.html">A</a>'
           "</main>", head=f'<base href="{site.url}/abs/">')
    _write(site.root, "abs/absolut.html", "Absolut", "<main><p>Absolute Basis.</p></main>")

    report = run([site.url + "/"], full=False, crawl=True, config=_config(config))

    assert report.ok and report.failed == 0 and report.skipped == 0
    found = set(_docs(empty_core))
    assert found == {site.url + "/", f"{site.url}/basis.html", f"{site.url}/abs/absolut.html",
                     *(f"{site.url}/{path}" for path in deep)}
    assert all(status == 200 for _method, _path, status in site.requests
               if _path != "/robots.txt")


def test_noindex_pages_are_reported_not_indexed_but_followed(
        empty_core: Core, config: IndexerConfig, serve: Callable[[Path], Served],
        tmp_path: Path) -> None:
    site = serve(tmp_path / "www")
    _write(site.root, "index.html", "Start", '<main><p>Start.</p><a href="meta.html">1</a>'
           '<a href="header.html">2</a><a href="anderer.html">3</a></main>')
    _write(site.root, "meta.html", "Meta", '<main><p>Intern.</p><a href="hinter-meta.html">x</a>'
           "</main>", head='<meta name="robots" content="noindex, follow">')
    _write(site.root, "header.html", "Header", "<main><p>Auch intern.</p></main>")
    site.headers["/header.html"] = {"X-Robots-Tag": "noindex"}
    # Said to another crawler only: does not apply to us.
    _write(site.root, "anderer.html", "Anderer", "<main><p>Für alle.</p></main>",
           head='<meta name="googlebot" content="noindex">')
    site.headers["/anderer.html"] = {"X-Robots-Tag": "googlebot: noindex"}
    _write(site.root, "hinter-meta.html", "Dahinter", "<main><p>Erreichbar.</p></main>")

    report = run([site.url + "/"], full=False, crawl=True, config=_config(config))

    assert report.ok
    assert report.reasons(Outcome.SKIPPED) == {
        f"{site.url}/meta.html": 'noindex (<meta name="robots">): nicht indiziert',
        f"{site.url}/header.html": "noindex (X-Robots-Tag): nicht indiziert",
    }
    assert set(_docs(empty_core)) == {f"{site.url}/", f"{site.url}/anderer.html",
                                      f"{site.url}/hinter-meta.html"}


def test_nofollow_links_and_pages_are_not_followed(empty_core: Core,
                                                   config: IndexerConfig,
                                                   serve: Callable[[Path], Served],
                                                   tmp_path: Path) -> None:
    site = serve(tmp_path / "www")
    _write(site.root, "index.html", "Start", '<main><p>Start.</p>'
           '<a href="gefolgt.html">ja</a><a rel="nofollow" href="kalender.html">nein</a>'
           '<a href="meta-nofollow.html">ja</a><a href="header-nofollow.html">ja</a></main>')
    _write(site.root, "gefolgt.html", "Gefolgt", "<main><p>Gefolgt.</p></main>")
    _write(site.root, "kalender.html", "Kalender", "<main><p>Endlos.</p></main>")
    _write(site.root, "meta-nofollow.html", "Meta", '<main><p>Text.</p><a href="a.html">a</a>'
           "</main>", head='<meta name="robots" content="nofollow">')
    _write(site.root, "header-nofollow.html", "Header", '<main><p>Text.</p>'
           '<a href="b.html">b</a></main>')
    site.headers["/header-nofollow.html"] = {"X-Robots-Tag": "nofollow"}
    for name in ("a", "b"):
        _write(site.root, f"{name}.html", name, "<main><p>Nie gefunden.</p></main>")

    report = run([site.url + "/"], full=False, crawl=True, config=_config(config))

    assert report.ok and report.skipped == 0
    # nofollow pages are indexed themselves; only their links are not followed.
    assert set(_docs(empty_core)) == {f"{site.url}/{p}" for p in (
        "", "gefolgt.html", "meta-nofollow.html", "header-nofollow.html")}
    fetched = set(site.paths())
    assert not fetched & {"/kalender.html", "/a.html", "/b.html"}


def test_typo3search_markers_limit_the_indexed_text(empty_core: Core,
                                                    config: IndexerConfig,
                                                    serve: Callable[[Path], Served],
                                                    tmp_path: Path) -> None:
    site = serve(tmp_path / "www")
    body = ('<div class="menu"><a href="/">MENUTEXT</a> <a href="zweite.html">weiter</a></div>'
            "<div class='rechts'>TEASERTEXT anderer Seiten</div>"
            "<!--TYPO3SEARCH_begin--><div class='inhalt'><h1>Wohngeld</h1>"
            "<p>Wohngeld beantragen Sie im Bürgerbüro.</p></div><!--TYPO3SEARCH_end-->"
            "<div>ZWISCHENTEXT</div>"
            "<!-- TYPO3SEARCH_begin --><p>Zweiter markierter Teil.</p><!-- TYPO3SEARCH_end -->"
            "<footer>FUSSTEXT</footer>")
    _write(site.root, "index.html", "Wohngeld | Stadt Jena", body,
           head='<meta name="description" content="Wohngeld in Jena.">')
    _write(site.root, "zweite.html", "Ohne Marker", "<main><p>Ganz normaler Text.</p></main>"
           "<footer>FUSSTEXT</footer>")

    report = run([site.url + "/"], full=False, crawl=True, config=_config(config))

    assert report.ok and report.indexed == 2
    docs = _docs(empty_core)
    marked = docs[f"{site.url}/"]
    assert marked["title"] == "Wohngeld"
    assert "Wohngeld beantragen Sie im Bürgerbüro." in marked["content"]
    assert "Zweiter markierter Teil." in marked["content"]
    for outside in ("MENUTEXT", "TEASERTEXT", "ZWISCHENTEXT", "FUSSTEXT"):
        assert outside not in marked["content"], outside
    # Links outside the marked part are still followed (the menu leads to the next page).
    assert "Ganz normaler Text." in docs[f"{site.url}/zweite.html"]["content"]
