"""The sample city web (sample-web/) and its query sets: size, patterns, determinism, split.

No Solr here: these tests read the committed files. The search figures on the same web are
in test_cityweb.py.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from lxml import html as lxml_html

from quality.cityweb_corpus import SAMPLE_WEB, CityWeb, load_queries, load_web
from quality.cityweb_split import ALL_FILE, HELDOUT_FILE, SEED, TUNING_FILE
from quality.split_visitor_queries import split
from tools.sample_web.build import write
from tools.sample_web.hosts import HOSTS

KINDS = {"everyday", "question", "synonym", "compound-together", "compound-apart", "typo",
         "english"}


@pytest.fixture(scope="module")
def web() -> CityWeb:
    """The committed manifest."""
    return load_web()


def _page(web: CityWeb, url: str) -> lxml_html.HtmlElement:
    address = next(a for a in web.addresses if a.url == url)
    return lxml_html.fromstring((SAMPLE_WEB / address.host / address.file).read_bytes())


def _main_text(root: lxml_html.HtmlElement) -> str:
    return " ".join(root.xpath("//main")[0].text_content().split())


def test_generator_output_is_committed_unchanged(tmp_path: Path) -> None:
    """Regenerating gives the committed web: pages and manifest byte for byte.

    Documents are compared by name only: another fpdf2 or python-docx release may lay out
    the same text in other bytes.
    """
    write(tmp_path / "web")
    made = {p.relative_to(tmp_path / "web").as_posix(): p.read_bytes()
            for p in (tmp_path / "web").rglob("*") if p.is_file()}
    committed = {p.relative_to(SAMPLE_WEB).as_posix(): p.read_bytes()
                 for p in SAMPLE_WEB.rglob("*") if p.is_file() and p.name != "README.md"}
    assert made.keys() == committed.keys()
    differ = [name for name in made if made[name] != committed[name]
              and not name.endswith((".pdf", ".docx"))]
    assert differ == []


def test_at_least_600_pages_on_at_least_6_hosts(web: CityWeb) -> None:
    pages = [a for a in web.addresses if a.kind != "document"]
    assert len(pages) >= 600
    per_host = Counter(a.host for a in pages)
    assert len(per_host) >= 6
    assert min(per_host.values()) >= 9, per_host


def test_manifest_matches_the_files(web: CityWeb) -> None:
    listed = {f"{a.host}/{a.file}" for a in web.addresses}
    on_disk = {p.relative_to(SAMPLE_WEB).as_posix() for p in SAMPLE_WEB.rglob("*")
               if p.is_file() and p.parent != SAMPLE_WEB}
    assert listed == on_disk


def test_same_content_under_several_addresses(web: CityWeb) -> None:
    """Copies within a host (/x, /de/x, index.php/) and across hosts, some merged by canonical."""
    by_content: dict[str, list] = defaultdict(list)
    for a in web.addresses:
        if a.lang == "de":
            by_content[a.content].append(a)
    groups = [g for g in by_content.values() if len(g) > 1]
    assert len(groups) >= 50
    assert any(len({a.host for a in g}) > 1 for g in groups)
    urls = {a.url for a in web.addresses}
    assert {"https://service.jena.de/de/baugenehmigung",
            "https://rathaus.jena.de/de/baugenehmigung"} <= urls
    assert any("/index.php/de/" in u for u in urls)
    assert "https://service.jena.de/wohnung-ummelden" in urls
    assert "https://service.jena.de/de/wohnung-ummelden" in urls
    merged = [a for a in web.addresses if a.indexed_url != a.url and not a.url.endswith("/")]
    assert merged and all(web.content_of(a.indexed_url) == a.content for a in merged)


def test_language_copies_have_a_translated_title_and_the_german_body(web: CityWeb) -> None:
    copies = [a for a in web.addresses if a.kind == "language-copy"]
    assert {a.lang for a in copies} >= {"en", "it", "pl", "fr", "zh-hans", "pt-pt"}
    copy = next(a for a in copies if a.lang == "it" and a.content == "svc:wohnung-ummelden")
    root = _page(web, copy.url)
    german = _page(web, "https://service.jena.de/de/wohnung-ummelden")
    assert root.get("lang") == "it"
    assert root.findtext(".//h1") != german.findtext(".//h1")
    assert german.xpath("//main/p[2]")[0].text in _main_text(root)  # the In-Kürze text, German
    assert copy.answer is None


def test_a_few_pages_are_english_throughout(web: CityWeb) -> None:
    english = [a for a in web.addresses if a.kind == "english"]
    assert 4 <= len(english) <= 10
    assert {"en:personalausweis", "en:abfuhrtermine", "en:wohnsitz-anmelden"} <= {
        a.answer for a in english}
    text = _main_text(_page(web, "https://service.jena.de/en/identity-card"))
    assert "identity card or passport" in text and "beantragen" not in text


@pytest.mark.parametrize("host", sorted(HOSTS))
def test_every_host_puts_its_boilerplate_lines_into_the_content(web: CityWeb, host: str) -> None:
    page = next(a for a in web.addresses if a.host == host and a.kind != "document")
    text = _main_text(_page(web, page.url))
    for line in HOSTS[host].top_lines + HOSTS[host].bottom_lines:
        assert line in text


def test_contact_blocks_and_staff_tables_repeat_across_a_hosts_pages(web: CityWeb) -> None:
    portal = [a for a in web.addresses if a.url.startswith("https://service.jena.de/de/")
              and a.kind == "service"]
    with_staff = [a for a in portal if "Buchstaben A – D" in _main_text(_page(web, a.url))]
    assert len(with_staff) >= 10
    assert any(a.kind == "staff" for a in web.addresses)


def test_service_pages_have_the_five_sections(web: CityWeb) -> None:
    root = _page(web, "https://service.jena.de/de/personalausweis")
    assert [h.text for h in root.xpath("//main//h2")] == [
        "In Kürze", "Unterlagen", "Kosten", "Details", "Kontakt"]
    assert len([a for a in web.addresses if a.kind == "service"]) >= 80


def test_plans_council_matters_reports_and_documents(web: CityWeb) -> None:
    kinds = Counter(a.kind for a in web.addresses)
    assert kinds["plan"] >= 15 and kinds["council"] >= 20 and kinds["report"] >= 40
    assert kinds["document"] >= 3
    titles = [_page(web, a.url).findtext(".//h1") for a in web.addresses if a.kind == "plan"]
    assert any("B-Zw 01.1" in t for t in titles) and any("VBB-Wz 06" in t for t in titles)
    magic = {".pdf": b"%PDF", ".docx": b"PK"}
    for a in web.addresses:
        if a.kind == "document":
            head = (SAMPLE_WEB / a.host / a.file).read_bytes()[:4]
            assert head.startswith(magic[Path(a.file).suffix])


def test_news_go_back_to_2010_and_some_pages_have_no_date(web: CityWeb) -> None:
    years, undated = set(), 0
    for a in web.addresses:
        if a.kind == "document":
            continue
        source = (SAMPLE_WEB / a.host / a.file).read_text(encoding="utf-8")
        stamp = re.search(r'article:published_time" content="(\d{4})', source)
        if stamp:
            years.add(int(stamp.group(1)))
        elif "dcterms.modified" not in source and "Erstellt am" not in source:
            undated += 1
    assert min(years) <= 2010 and max(years) >= 2026
    assert undated >= 50


def test_hub_pages_list_twenty_services(web: CityWeb) -> None:
    root = _page(web, "https://service.jena.de/de/lebenslagen/umzug")
    assert len(root.xpath("//main//ul[@class='teaser-list']/li")) == 20


def test_some_pages_name_a_canonical_address(web: CityWeb) -> None:
    source = (SAMPLE_WEB / "service.jena.de" / "wohnung-ummelden").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://service.jena.de/de/wohnung-ummelden">' in source
    plain = (SAMPLE_WEB / "service.jena.de" / "wohnsitz-abmelden").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in plain  # a copy that does not say which address is its own


def test_query_sets_are_the_seeded_split_of_all_queries(web: CityWeb) -> None:
    rows = json.loads(ALL_FILE.read_text(encoding="utf-8"))
    tuning, heldout = split(rows, SEED, len(json.loads(HELDOUT_FILE.read_text(encoding="utf-8"))))
    assert json.loads(TUNING_FILE.read_text(encoding="utf-8")) == tuning
    assert json.loads(HELDOUT_FILE.read_text(encoding="utf-8")) == heldout
    assert len(rows) >= 250
    assert len({r["query"].lower() for r in rows}) == len(rows)
    assert KINDS <= {r["kind"] for r in rows}
    assert load_queries(TUNING_FILE, web) and load_queries(HELDOUT_FILE, web)


def test_an_answer_counts_under_every_address_of_its_group(web: CityWeb) -> None:
    urls = web.urls_of("svc:baugenehmigung")
    assert {"https://rathaus.jena.de/de/baugenehmigung", "https://service.jena.de/de/baugenehmigung"
            } <= set(urls)
    assert not any("/en/" in u for u in urls)
