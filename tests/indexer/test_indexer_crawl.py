"""The crawler against local HTTP servers on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from indexer_http import Served

from indexer.config import IndexerConfig
from indexer.model import Outcome
from indexer.pipeline import run
from indexer.state import ValidatorStore
from tests.support import Core

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title} | Stadt Jena</title>
<meta name="dcterms.modified" content="2026-01-0{day}"></head>
<body><nav><a href="/">NAVTEXT</a></nav><main><h1>{title}</h1><p>{text}</p>{links}</main></body></html>"""


def _page(root: Path, path: str, title: str, text: str, links: list[str], day: int = 1) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    anchors = "".join(f'<a href="{href}">Link</a>' for href in links)
    target.write_text(PAGE.format(title=title, text=text, links=anchors, day=day), encoding="utf-8")


def _site(root: Path, foreign: str) -> None:
    """Four pages, one behind robots.txt, links to a foreign host and to a PDF."""
    _page(root, "index.html", "Startseite", "Willkommen in Jena.",
          ["/buergerservice/ausweis.html", "umwelt/abfall.html#oben", "/intern/geheim.html",
           f"{foreign}/fremd.html", "/formulare/antrag.pdf", "mailto:info@jena.de"])
    _page(root, "buergerservice/ausweis.html", "Ausweis", "Personalausweis beantragen.",
          ["/", "/umwelt/abfall.html"], day=2)
    _page(root, "umwelt/abfall.html", "Abfall", "Sperrmüll und Biotonne.", ["/nicht-da.html"], 3)
    _page(root, "intern/geheim.html", "Geheim", "INTERNTEXT", [], 4)
    (root / "formulare").mkdir()
    (root / "formulare" / "antrag.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /intern/\n", encoding="utf-8")


def _sitemap(root: Path, base: str, paths: list[str]) -> None:
    urls = "".join(f"<url><loc>{p if p.startswith('http') else base + p}</loc></url>"
                   for p in paths)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
        encoding="utf-8")


def _crawl_config(config: IndexerConfig) -> IndexerConfig:
    return dataclasses.replace(config, crawl_delay=0.0, http_retries=0)


def test_link_crawl_same_host_and_robots(empty_core: Core, config: IndexerConfig,
                                         serve: Callable[[Path], Served], tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    other = serve(tmp_path / "other")
    site = serve(tmp_path / "www")
    _site(site.root, foreign=other.url)

    report = run([site.url + "/"], full=False, crawl=True, config=_crawl_config(config))

    assert report.ok
    assert report.indexed == 3
    assert report.reasons(Outcome.SKIPPED) == {
        f"{site.url}/intern/geheim.html": "durch robots.txt gesperrt",
        f"{site.url}/nicht-da.html": "nicht gefunden (HTTP 404)",
        # Linked documents are fetched too; this one is a stub without content.
        f"{site.url}/formulare/antrag.pdf": "PDF unvollständig (Datei endet vorzeitig, "
                                              "z. B. abgebrochener Upload)",
    }
    assert "/intern/geheim.html" not in site.paths()
    assert other.requests == []  # the foreign host was never contacted
    empty_core.commit(soft=True)
    docs = {d["id"]: d for d in empty_core.search("*:*", rows=50).docs}
    assert sorted(docs) == [f"{site.url}/", f"{site.url}/buergerservice/ausweis.html",
                            f"{site.url}/umwelt/abfall.html"]
    assert docs[f"{site.url}/umwelt/abfall.html"]["onlineDate"] == "2026-01-03T00:00:00Z"
    assert all("NAVTEXT" not in d["content"] for d in docs.values())


def test_sitemap_crawl_conditional_requests(empty_core: Core, config: IndexerConfig,
                                            serve: Callable[[Path], Served],
                                            tmp_path: Path) -> None:
    site = serve(tmp_path / "www")
    _site(site.root, foreign="https://www.example.org")
    _sitemap(site.root, site.url, ["/", "/buergerservice/ausweis.html", "/umwelt/abfall.html",
                                   "/intern/geheim.html"])
    cfg = _crawl_config(config)

    first = run([f"{site.url}/sitemap.xml"], full=True, config=cfg)
    assert first.ok and first.indexed == 3 and first.skipped == 1
    stored = ValidatorStore(cfg.state_path)
    assert stored.get(f"{site.url}/umwelt/abfall.html").etag

    site.requests.clear()
    second = run([f"{site.url}/sitemap.xml"], full=True, config=cfg)
    assert second.ok and (second.indexed, second.unchanged, second.deleted) == (0, 3, 0)
    assert site.statuses("/umwelt/abfall.html") == [304]

    _page(site.root, "umwelt/abfall.html", "Abfall", "Sperrmüll, Biotonne und Gelber Sack.", [], 5)
    site.requests.clear()
    third = run([f"{site.url}/sitemap.xml"], full=True, config=cfg)
    assert (third.indexed, third.unchanged) == (1, 2)
    assert site.statuses("/umwelt/abfall.html") == [200]

    # The page leaves the sitemap and the server: a full run deletes it, 304s keep the others.
    # (One of three pages is more than the default share a run may delete; allow a third.)
    (site.root / "buergerservice" / "ausweis.html").unlink()
    _sitemap(site.root, site.url, ["/", "/umwelt/abfall.html", "https://www.example.org/x.html"])
    fourth = run([f"{site.url}/sitemap.xml"], full=True,
                 config=dataclasses.replace(cfg, delete_max_share=0.34))
    assert fourth.ok and fourth.deleted_urls == (f"{site.url}/buergerservice/ausweis.html",)
    assert fourth.reasons(Outcome.SKIPPED) == {"https://www.example.org/x.html":
                                               "fremder Host, nicht abgerufen"}
    assert fourth.unchanged == 2


def test_unreachable_site_fails_pages_and_deletes_nothing(empty_core: Core,
                                                          config: IndexerConfig,
                                                          serve: Callable[[Path], Served],
                                                          tmp_path: Path) -> None:
    site = serve(tmp_path / "www")
    _site(site.root, foreign="https://www.example.org")
    cfg = _crawl_config(config)
    pages = [f"{site.url}/", f"{site.url}/umwelt/abfall.html"]
    assert run(pages, full=False, config=cfg).indexed == 2

    dead = ["http://127.0.0.1:9/", "http://127.0.0.1:9/umwelt/abfall.html"]
    assert "--full braucht" in (run(dead, full=True, config=cfg).error or "")
    report = run(dead, full=True, crawl=True, config=cfg)
    assert report.failed == 2 and report.deleted == 0
    assert all("nicht erreichbar" in r.reason for r in report.problems)
    empty_core.commit(soft=True)
    assert empty_core.search("*:*").hits == 2


def test_polite_rate_limit_and_user_agent(empty_core: Core, config: IndexerConfig,
                                          serve: Callable[[Path], Served], tmp_path: Path) -> None:
    site = serve(tmp_path / "www")
    _site(site.root, foreign="https://www.example.org")
    cfg = dataclasses.replace(config, crawl_delay=0.5, http_retries=0)
    pages = [f"{site.url}/", f"{site.url}/umwelt/abfall.html",
             f"{site.url}/buergerservice/ausweis.html"]
    report = run(pages, full=False, config=cfg)
    assert report.indexed == 3
    assert set(site.agents) == {"Stadtsuche-Indexer/1.0 (+https://www.jena.de/suche)"}
    assert report.seconds >= 1.0  # the client waited twice
    page_times = [t for path, t in site.arrivals if path != "/robots.txt"]
    gaps = [b - a for a, b in zip(page_times, page_times[1:], strict=False)]
    # Arrival times carry the loaded test machine's scheduling jitter, hence the margin.
    assert len(gaps) == 2 and min(gaps) >= 0.35
