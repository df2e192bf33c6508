"""The configset on real Solr: version, search, spellcheck, atomic click counts, restart."""

from __future__ import annotations

import shutil

import pytest

from solrlauncher import SolrLaunchError, StandaloneSolr
from solrlauncher.build import CONFIGSET
from tests.support import Core, Node

DOCS = [
    {"id": "p1", "url": "https://www.jena.de/buergerservice/personalausweis.html",
     "title": "Personalausweis beantragen", "category": "Bürgerservice",
     "teaser": "So beantragen Sie einen neuen Personalausweis.",
     "content": "Den Personalausweis beantragen Sie persönlich im Bürgeramt am Anger.",
     "onlineDate": "2025-03-01T09:00:00Z"},
    {"id": "p2", "url": "https://www.jena.de/umwelt-abfall/abfallkalender.html",
     "title": "Abfallkalender", "category": "Umwelt & Abfall",
     "content": "Die Müllabfuhr leert Restmüll und Biotonne an der Straße.",
     "onlineDate": "2024-11-20T08:00:00Z"},
]


def test_real_solr_9_answers(solr: StandaloneSolr) -> None:
    info = Node(solr.base_url).system_info()
    assert info["lucene"]["solr-spec-version"].startswith("9.")
    assert info["mode"] == "std"


def test_add_and_search_with_german_analysis(empty_core: Core) -> None:
    empty_core.add(DOCS, commit=True)
    hits = empty_core.search("Personalausweise", handler="search")
    assert [d["id"] for d in hits.docs] == ["p1"]
    # Umlaut folding both ways: "Muell" finds "Müll", "Strasse" finds "Straße".
    assert [d["id"] for d in empty_core.search("Muell", handler="search").docs] == ["p2"]
    assert [d["id"] for d in empty_core.search("Strasse", handler="search").docs] == ["p2"]
    facets = empty_core.search("*:*", **{"facet": "true", "facet.field": "category", "rows": 0})
    counts = facets.facets["facet_fields"]["category"]
    assert dict(zip(counts[::2], counts[1::2])) == {"Bürgerservice": 1, "Umwelt & Abfall": 1}


def test_spellcheck_offers_whole_query_collation(empty_core: Core) -> None:
    empty_core.add(DOCS, commit=True)
    res = empty_core.search("Persnalausweis beantragen", handler="search")
    assert res.hits == 0
    collations = res.spellcheck["collations"]
    queries = [c["collationQuery"] for c in collations[1::2]]
    assert "personalausweis beantragen" in queries


def test_atomic_inc_on_click_counter(empty_core: Core) -> None:
    empty_core.add(DOCS, commit=True)
    for _ in range(3):
        empty_core.add([{"id": "p1", "clickCounter": {"inc": 1}}], commit=False)
    empty_core.commit(soft=True)
    doc = empty_core.search("id:p1", fl="id,clickCounter,title").docs[0]
    assert doc["clickCounter"] == 3
    assert doc["title"] == "Personalausweis beantragen"  # the rest of the page survives
    other = empty_core.search("id:p2", fl="clickCounter").docs[0]
    assert other["clickCounter"] == 0


def test_highlighting_escapes_markup(empty_core: Core) -> None:
    empty_core.add([{"id": "x", "title": "Test <script>alert(1)</script> Ausweis",
                     "content": "Ausweis <b>fett</b>"}], commit=True)
    res = empty_core.search("Ausweis", handler="search")
    snippet = res.highlighting["x"]["title"][0]
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "<mark>Ausweis</mark>" in snippet


def test_index_survives_restart(tmp_path) -> None:
    with StandaloneSolr(tmp_path / "home") as first:
        client = Core(first.core_url)
        client.add(DOCS, commit=True)
    with StandaloneSolr(tmp_path / "home") as second:
        client = Core(second.core_url)
        assert client.search("*:*").hits == 2


def test_broken_configset_fails_loudly(tmp_path) -> None:
    broken = tmp_path / "configset"
    shutil.copytree(CONFIGSET / "conf", broken / "conf")
    schema = broken / "conf" / "managed-schema.xml"
    schema.write_text(schema.read_text().replace('type="text_de"', 'type="no_such_type"', 1))
    with pytest.raises(SolrLaunchError, match="core failed to load.*no_such_type"):
        StandaloneSolr(tmp_path / "home", configset=broken).start(timeout=120)
