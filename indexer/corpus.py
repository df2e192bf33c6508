"""Synthetic city pages for benchmarks: deterministic, offline, with the sample site's chrome.

Page ``i`` of seed ``s`` is always the same bytes (it has its own ``Random("s:i")``), so a
second run over the same corpus is an unchanged re-index, and any page can be made on its own.

    python -m indexer.corpus --pages 100000 --seed 1 --out DIR      # write files
    python -m indexer.corpus --pages 100000 --seed 1 --solr-url URL  # stream into the indexer
"""

from __future__ import annotations

import argparse
import html
import random
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from indexer import corpus_words as words
from indexer.model import RawPage

BASE_URL = "https://www.jena.de/"
# A fixed file time keeps page hashes identical between runs of the same corpus.
FIXED_MTIME = datetime(2026, 1, 1, tzinfo=UTC)

_CHROME_TOP = """<div class="cookie-banner" id="cookie-consent" role="dialog"><p>Wir verwenden Cookies,
um unsere Website nutzerfreundlich zu gestalten.</p><button type="button">Alle akzeptieren</button></div>
<header class="site-header"><a class="skip-link" href="#content">Zum Inhalt springen</a>
<a class="logo" href="/"><span class="logo__text">Stadt Jena</span></a>
<nav class="main-nav" aria-label="Hauptnavigation"><ul>{nav}</ul></nav></header>
<nav class="breadcrumb" aria-label="Brotkrumen"><ol><li><a href="/">Startseite</a></li>
<li><a href="/{section}/">{category}</a></li><li aria-current="page">{title}</li></ol></nav>
<div class="page"><main id="content" class="content"><article class="article">"""
_CHROME_BOTTOM = """</article></main>
<aside class="search-widget" ng-app="solrSearch" ng-controller="SolrSearchController">
<form role="search" action="/suche"><input type="search" name="q" ng-model="inData.KEYWORD"></form>
<div class="search-widget__summary">[[ outData.response.numFound ]] Suchergebnisse für
[[ outData.currentKeyword ]] in Kategorie [[ inData.CATEGORY ]]</div></aside></div>
<footer class="site-footer"><p><strong>Stadtverwaltung Jena</strong><br>Am Anger 15<br>07743 Jena</p>
<nav class="footer-nav" aria-label="Rechtliches"><ul><li><a href="/impressum.html">Impressum</a></li>
<li><a href="/datenschutz.html">Datenschutz</a></li></ul></nav><p class="copyright">© Stadt Jena</p>
</footer>"""
_NAV = "".join(f'<li><a href="/{s}/">{html.escape(c)}</a></li>' for s, c in words.SECTIONS)


def generate(pages: int, seed: int = 1, base_url: str = BASE_URL) -> Iterator[RawPage]:
    """Yield ``pages`` RawPages; the same arguments always give the same pages."""
    for index in range(pages):
        yield make_page(index, seed, base_url)


def make_page(index: int, seed: int = 1, base_url: str = BASE_URL) -> RawPage:
    """Page number ``index`` of the corpus for ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    section, category = rng.choice(words.SECTIONS)
    topic = rng.choice(words.TOPICS)
    title = f"{topic} {rng.choice(words.ACTIONS)}" if rng.random() < 0.6 else \
        f"{topic} in {rng.choice(words.PLACES)}"
    slug = f"{_slug(topic)}-{index}"
    url = f"{base_url.rstrip('/')}/{section}/{slug}.html"
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(4, 12))]
    date = datetime(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28),
                    rng.randint(6, 18), rng.choice((0, 15, 30, 45)), tzinfo=UTC)
    head_date, body_date = _dates(rng, section, date)
    keywords = ", ".join(dict.fromkeys([topic, *rng.sample(words.NOUNS, 3)]))
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs[1:])
    document = f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{html.escape(title)} | Stadt Jena</title>
<meta name="description" content="{html.escape(paragraphs[0][:160])}">
<meta name="keywords" content="{html.escape(keywords)}">{head_date}
<link rel="canonical" href="{url}"><script src="/assets/js/angular.min.js" defer></script></head>
<body class="section-{section}">
{_CHROME_TOP.format(nav=_NAV, section=section, category=html.escape(category),
                    title=html.escape(title))}
<h1>{html.escape(title)}</h1>
<p>{html.escape(paragraphs[0])}</p>
<h2>{html.escape(rng.choice(words.NOUNS))} und {html.escape(rng.choice(words.NOUNS))}</h2>
{body}{body_date}
<script>window.jenaTracking = [{{page: "{slug}"}}];</script>
{_CHROME_BOTTOM}
</body></html>"""
    return RawPage(url=url, body=document.encode("utf-8"), file_mtime=FIXED_MTIME)


def write_corpus(pages: int, seed: int, out: Path) -> int:
    """Write the pages below ``out`` (folder = section); returns the number written."""
    count = 0
    for page in generate(pages, seed):
        target = out / page.url.removeprefix(BASE_URL)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.body)
        count += 1
    return count


def _dates(rng: random.Random, section: str, date: datetime) -> tuple[str, str]:
    """News carry article:published_time; other pages a visible "Stand" or nothing."""
    if section == "aktuelles":
        return f'\n<meta property="article:published_time" content="{date.isoformat()}">', ""
    if rng.random() < 0.7:
        return "", f'<p class="stand">Stand: {date:%d.%m.%Y}</p>'
    return "", ""


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))


def _sentence(rng: random.Random) -> str:
    return rng.choice(words.SENTENCES).format(
        topic=rng.choice(words.TOPICS), topic2=rng.choice(words.TOPICS),
        action=rng.choice(words.ACTIONS), office=rng.choice(words.OFFICES),
        place=rng.choice(words.PLACES), place2=rng.choice(words.PLACES),
        adj=rng.choice(words.ADJECTIVES), noun=rng.choice(words.NOUNS),
        day=rng.randint(1, 28), year=rng.randint(2024, 2027),
        month_name=rng.choice(words.MONTHS), euro=rng.randint(5, 120),
        phone=rng.randint(1000, 9999), weeks=rng.randint(2, 8))


def _slug(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})
    return "".join(c for c in text.lower().translate(table) if c.isalnum() or c == "-")


def main(argv: list[str] | None = None) -> int:
    """Write the corpus to a folder, or stream it straight into Solr through the indexer."""
    parser = argparse.ArgumentParser(prog="python -m indexer.corpus", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="folder to write the pages to")
    target.add_argument("--solr-url", help="index the pages into this core without files")
    args = parser.parse_args(argv)
    if args.out:
        print(f"{write_corpus(args.pages, args.seed, args.out)} Seiten in {args.out}")
        return 0
    from indexer.config import load_config
    from indexer.pipeline import index_pages
    from indexer.report import format_report

    report = index_pages(generate(args.pages, args.seed), args.pages,
                         load_config().with_overrides(solr_url=args.solr_url), full=False)
    print(format_report(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
