"""The synonym list of the admin area: a page at a time, filtered by a word."""

from __future__ import annotations

import json
import re
from pathlib import Path

from flask.testing import FlaskClient

from webapp.admin.synonym_list import PAGE_SIZE, synonym_page
from webapp.request import int_or

SHIPPED = Path(__file__).resolve().parents[2] / "solr-config/conf/_schema_analysis_synonyms_de.json"

MAPPINGS = {"fundbüro": ["fundbüro", "fundsache"], "ausweis": ["ausweis", "personalausweis"],
            "kita": ["kita", "kindertagesstätte"], "müll": ["abfall", "müll"]}


def _rows(html: str) -> list[str]:
    table = html.split('id="synonym-liste"')[1].split("</table>")[0]
    return re.findall(r"<tr><td>([^<]*)</td>", table)


def test_the_filter_matches_terms_and_targets_whatever_the_umlaut_spelling() -> None:
    assert [t for t, _ in synonym_page(MAPPINGS, "FUNDBUERO").rows] == ["fundbüro"]
    assert [t for t, _ in synonym_page(MAPPINGS, "abfall").rows] == ["müll"]
    assert [t for t, _ in synonym_page(MAPPINGS, "Kindertagesstaette").rows] == ["kita"]
    assert [t for t, _ in synonym_page(MAPPINGS, "ausweis").rows] == ["ausweis"]
    nothing = synonym_page(MAPPINGS, "xylophon")
    assert (nothing.rows, nothing.matching, nothing.total, nothing.pages) == ([], 0, 4, 1)


def test_pages_cover_every_mapping_once_in_order() -> None:
    many = {f"wort{n:03d}": [f"ziel{n}"] for n in range(7)}
    seen = [term for number in (1, 2, 3) for term, _ in synonym_page(many, page=number, size=3).rows]
    assert seen == sorted(many)
    last = synonym_page(many, page=99, size=3)
    assert (last.page, last.pages, [t for t, _ in last.rows]) == (3, 3, ["wort006"])
    assert synonym_page(many, page=-5, size=3).page == 1


def test_the_page_parameter_never_fails() -> None:
    many = {f"wort{n:03d}": [f"ziel{n}"] for n in range(7)}
    assert [synonym_page(many, page=int_or(raw, 1), size=3).page
            for raw in (None, "", "2", "abc", "0", "-3", "1e9")] == [1, 1, 2, 1, 1, 1, 1]


def test_the_admin_page_lists_a_page_of_the_shipped_synonyms(admin: FlaskClient) -> None:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))["managedMap"]
    assert len(shipped) > PAGE_SIZE  # otherwise this test shows nothing
    first = admin.get("/admin/begriffe").get_data(as_text=True)
    assert _rows(first) == sorted(shipped)[:PAGE_SIZE]
    pages = -(-len(shipped) // PAGE_SIZE)
    assert f"{len(shipped)} Zuordnungen, Seite 1 von {pages}." in first
    assert 'rel="next" href="/admin/begriffe?seite=2"' in first and 'rel="prev"' not in first

    # A page past the end shows the last; a word filters terms and targets.
    last = admin.get("/admin/begriffe?seite=100000").get_data(as_text=True)
    assert _rows(last) == sorted(shipped)[(pages - 1) * PAGE_SIZE:]
    assert 'rel="next"' not in last
    filtered = admin.get("/admin/begriffe?suche=Fundbuero").get_data(as_text=True)
    expected = sorted(term for term, targets in shipped.items()
                      if any("fundbüro" in word for word in (term, *targets)))
    assert expected and _rows(filtered) == expected
    assert f"{len(expected)} von {len(shipped)} Zuordnungen enthalten „Fundbuero“" in filtered


def test_the_filter_word_stays_inert(admin: FlaskClient) -> None:
    page = admin.get("/admin/begriffe", query_string={"suche": '"><script>x</script>',
                                                      "seite": "<b>2</b>"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<script>x" not in html
    assert "Kein Synonym enthält dieses Wort." in html
