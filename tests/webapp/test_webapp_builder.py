"""Pure parts of the flow: request parsing, escaping, the Solr param builder, presenters."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from webapp.builder import ALL_WORDS_QUERY, COLLAPSE_FQ, build_solr_params
from webapp.escape import edismax_terms, phrase, plain_words
from webapp.highlight import safe_highlight, verified_markup
from webapp.presenters import format_online_date, page_window, summary_sentence
from webapp.request import SearchRequest, Sort, parse_search_request
from webapp.result import SearchResult, Suggestion, parse_suggestion


@pytest.mark.parametrize("raw, expected", [
    ("Personalausweis beantragen", "Personalausweis beantragen"),
    ("*:*", ""),
    ("title:Rathaus", "title Rathaus"),
    ("{!lucene df=id}x", "lucene df id x"),
    ("_query_:\"{!dismax}x\"", "_query_ dismax x"),
    ("Müll AND Abfall OR NOT Biotonne", "Müll Abfall Biotonne"),
    ('"Stadt Jena', "Stadt Jena"),
    ("Ernst-Abbe-Hochschule", "Ernst\\-Abbe\\-Hochschule"),
    ("-Müll +Biotonne", "Müll Biotonne"),
    ("a && b || c", "a b c"),
    ("Kita/Krippe (Jena) [2025] ^2 ~3 ?", "Kita Krippe Jena 2025 2 3"),
    ("Straße\\", "Straße"),
])
def test_edismax_terms_remove_syntax(raw: str, expected: str) -> None:
    assert edismax_terms(raw) == expected


@given(st.text(max_size=80))
def test_edismax_terms_never_leave_syntax(raw: str) -> None:
    out = edismax_terms(raw)
    unescaped = out.replace("\\-", "")
    assert not set(unescaped) & set('+-&|!(){}[]^"~*?:\\/')
    assert not {"AND", "OR", "NOT"} & set(out.split())


def test_phrase_escapes_inner_quotes_and_backslashes() -> None:
    assert phrase('Stadt "Jena"') == '"Stadt \\"Jena\\""'
    assert phrase("a\\b") == '"a\\\\b"'
    assert phrase("   ") == ""
    assert plain_words("Ernst-Abbe-Hochschule *:*") == "Ernst-Abbe-Hochschule"


def test_build_params_default_request() -> None:
    params = build_solr_params(SearchRequest(query="Müll abfuhr"))
    assert params == {
        "q": "Müll abfuhr", "facet": "true", "facet.field": "{!ex=kategorie}category",
        "facet.mincount": "1", "facet.limit": "100", "facet.sort": "count",
        "start": "0", "rows": "10", "sort": "score desc, onlineDate desc",
        "spellcheck": "true", "spellcheck.q": "Müll abfuhr",
        "fl": "id,url,title,teaser,category,onlineDate,onlineDateHasTime,clickCounter,score,"
              "fileType,fileSize,pageCount,linkedFrom,linkedFromTitle,"
              "allwords:exists(query($allwords))",
        "json.facet": '{"dateitypen":{"type":"terms","field":"fileType","limit":10,'
                      '"domain":{"excludeTags":"typ"}}}',
        "allq": "Müll abfuhr", "allwords": ALL_WORDS_QUERY,
        "relaxboost": "if(query($allwords),$relaxfactor,1)",
        **GROUPING_PARAMS,
        "fl": "signature,language,id,url,title,teaser,category,onlineDate,onlineDateHasTime,"
              "clickCounter,score,fileType,fileSize,pageCount,linkedFrom,linkedFromTitle,"
              "allwords:exists(query($allwords))",
        "hubq": "Müll abfuhr",
    }


# Duplicates, languages, sites and overview pages (test_webapp_duplicates.py and its
# neighbours test them against Solr).
_GROUP_FACET = ('{"type":"terms","field":"%s","limit":%d,"mincount":1,"domain":'
                '{"excludeTags":"%s,dubletten"},"facet":{"groups":"unique(signature)",'
                '"single":{"type":"query","q":"-signature:[* TO *]"}}}')
GROUPING_PARAMS = {
    "fq": COLLAPSE_FQ, "expand": "true", "expand.q": "*:*", "expand.fq": "*:*",
    "expand.rows": "5", "expand.sort": "addressRank asc",
    "json.facet.kategorien": _GROUP_FACET % ("category", 100, "kategorie"),
    "json.facet.dateitypen_gruppen": _GROUP_FACET % ("fileType", 10, "typ"),
    "json.facet.sprachen": _GROUP_FACET % ("language", 50, "sprache"),
    "json.facet.bereiche": _GROUP_FACET % ("site", 50, "bereich"),
    "langboost": "if(termfreq(language,'de'),1,if(exists(language),$langfactor,1))",
    "hubboost": "if(hub,if(query($hubtitle,0),1,$hubfactor),1)",
    "hubtitle": "{!edismax qf=title mm=100% boost=1 v=$hubq}",
}


def test_relaxed_matching_carries_parts_lower_mm_and_the_strict_count_in_one_request() -> None:
    params = build_solr_params(SearchRequest(query="Müllkalender {!x} Termine",
                                             relaxed_terms=("müll", "kalender")))
    # The standard parser reads the nested queries; the words travel in their own params.
    assert params["defType"] == "lucene"
    assert params["q"] == "{!bool should=$strictranked should=$relaxedonly}"
    assert params["strictranked"] == "{!boost b=$strictfactor v=$rankq}"
    assert params["rankq"] == "{!edismax v=$allq}"  # the ranking's own score of the words
    assert params["relaxedonly"] == "{!bool must=$relaxq must_not=$strictq}"
    assert params["relaxq"] == "{!edismax mm=$relaxmm pf='' pf2='' pf3='' bq=$phraseq v=$relq}"
    assert params["relq"] == "Müllkalender x Termine müll kalender"
    assert params["relaxmm"] == "34%"
    assert params["allq"] == "Müllkalender x Termine"  # the words as typed decide "all words"
    assert params["phrasewords"] == '"Müllkalender x Termine"'  # phrase boost: typed words only
    facets = json.loads(params["json.facet"])
    assert facets["strict"] == {"type": "query", "q": "{!query v=$strictq}"}
    assert facets["strict_kategorien"]["domain"] == {"excludeTags": "kategorie"}
    assert "strict:exists(query($strictq))" in params["fl"]
    assert "relaxscore:query($relaxq,0)" in params["fl"]
    assert params["sort"] == "score desc, onlineDate desc"
    # The visitor's text never enters a local-params string.
    for key in ("q", "allwords", "strictq", "rankq", "relaxq", "relaxedonly", "strictranked",
                "relaxboost", "json.facet", "fl", "sort", "phraseq"):
        assert "Müll" not in params[key] and "{!x}" not in params[key]


def test_a_chosen_order_puts_the_strict_matching_first() -> None:
    newest = build_solr_params(SearchRequest(query="a b", sort=Sort.NEWEST, relaxed_terms=()))
    assert newest["sort"] == "exists(query($strictq)) desc, onlineDate desc, score desc"
    plain = build_solr_params(SearchRequest(query="a b", sort=Sort.NEWEST))
    assert plain["sort"] == "onlineDate desc, score desc"
    # No choice: the ranking's own clause applies, also with both matchings.
    assert "sort" not in build_solr_params(SearchRequest(query="a b", relaxed_terms=(),
                                                         sort_from_ranking=True))


def test_pinned_pages_outside_the_strict_matching_are_counted_with_it() -> None:
    params = build_solr_params(SearchRequest(query="a b", relaxed_terms=(),
                                             pinned_ids=("p1", "p2")))
    assert params["pinq"] == "{!terms f=id v=$elevateIds}" and params["elevateIds"] == "p1,p2"
    assert json.loads(params["json.facet"])["strict_gepinnt"]["q"] == (
        "{!bool filter=$pinq must_not=$strictq}")
    assert params["fl"].endswith(",[elevated]")


def test_first_pass_and_exact_search_are_not_relaxed() -> None:
    first = build_solr_params(SearchRequest(query="Müll abfuhr"))
    assert "mm" not in first and first["q"] == "Müll abfuhr"
    assert "relaxboost" not in build_solr_params(SearchRequest(query="Müll"))
    exact = build_solr_params(SearchRequest(query="Müll", exact=True, relaxed_terms=("x",)))
    assert "relaxboost" not in exact and "allwords" not in exact


def test_type_filter_joins_the_category_filter() -> None:
    params = build_solr_params(SearchRequest(query="x", category="Soziales", doc_type="pdf"))
    assert params["fq"] == ["{!term f=category tag=kategorie v=$kategorie}",
                            "{!term f=fileType tag=typ v=$dateityp}", COLLAPSE_FQ]
    assert (params["kategorie"], params["dateityp"]) == ("Soziales", "PDF")
    documents = build_solr_params(SearchRequest(query="x", doc_type="dokumente"))
    assert documents["fq"] == ["{!tag=typ}fileType:[* TO *]", COLLAPSE_FQ]
    assert "dateityp" not in documents
    assert build_solr_params(SearchRequest(query="x"))["fq"] == COLLAPSE_FQ


def test_build_params_category_travels_outside_local_params() -> None:
    nasty = "Verkehr} OR {!lucene}*:* v=$x"
    params = build_solr_params(SearchRequest(query="x", category=nasty))
    assert params["fq"] == ["{!term f=category tag=kategorie v=$kategorie}", COLLAPSE_FQ]
    assert params["kategorie"] == nasty


def test_build_params_exact_uses_unstemmed_fields() -> None:
    params = build_solr_params(SearchRequest(query='Stadt "Jena', exact=True))
    assert params["q"] == '"Stadt Jena"'
    assert params["qf"] == "title_exact^6 exact"
    assert params["mm"] == "100%"


@pytest.mark.parametrize("sort, clause", [
    (Sort.RELEVANCE, "score desc, onlineDate desc"),
    (Sort.NEWEST, "onlineDate desc, score desc"),
    (Sort.OLDEST, "onlineDate asc, score desc"),
    (Sort.POPULAR, "clickCounter desc, score desc"),
])
def test_build_params_sort_and_paging(sort: Sort, clause: str) -> None:
    params = build_solr_params(SearchRequest(query="x", sort=sort, page=3, rows=20))
    assert params["sort"] == clause
    assert (params["start"], params["rows"]) == ("40", "20")


@pytest.mark.parametrize("args, expected", [
    ({}, SearchRequest()),
    ({"q": "  Jena \t Rathaus ", "page": "2", "rows": "20", "sort": "datum_neu", "exact": "1"},
     SearchRequest(query="Jena Rathaus", page=2, rows=20, sort=Sort.NEWEST, exact=True)),
    ({"q": "x", "page": "0", "rows": "15", "sort": "zufall"}, SearchRequest(query="x")),
    ({"q": "x", "page": "-4", "rows": "abc"}, SearchRequest(query="x")),
    ({"q": "x", "page": "99999999999"}, SearchRequest(query="x", page=1000)),
    ({"q": "x", "category": " Umwelt & Abfall "}, SearchRequest(query="x", category="Umwelt & Abfall")),
    ({"q": "x\x00y"}, SearchRequest(query="x y")),
])
def test_parse_search_request_normalises(args: dict[str, str], expected: SearchRequest) -> None:
    assert parse_search_request(args) == expected


def test_overlong_query_is_cut_with_german_notice() -> None:
    req = parse_search_request({"q": "Wort " * 100})
    assert len(req.query) <= 200
    assert req.notices == ("Ihre Suchanfrage war länger als 200 Zeichen und wurde gekürzt.",)


def _result(num_found: int, rows: int = 10, page: int = 1, category: str | None = None,
            query: str = "Jena") -> SearchResult:
    req = SearchRequest(query=query, rows=rows, page=page, category=category)
    return SearchResult(request=req, num_found=num_found)


def test_summary_sentence_plural_and_category() -> None:
    assert summary_sentence(_result(33, page=2, category="Verkehr")) == (
        "33 Suchergebnisse für Jena in Kategorie Verkehr auf insgesamt 4 Seiten. "
        "Sie befinden sich auf Seite 2.")


def test_summary_sentence_singular_forms_and_all_categories() -> None:
    assert summary_sentence(_result(1)) == (
        "1 Suchergebnis für Jena in allen Kategorien auf insgesamt 1 Seite. "
        "Sie befinden sich auf Seite 1.")
    assert summary_sentence(_result(10)).startswith("10 Suchergebnisse für Jena in allen "
                                                    "Kategorien auf insgesamt 1 Seite.")


def test_online_date_in_berlin_time_with_summer_and_winter() -> None:
    assert format_online_date(datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)) == "01.03.2025 10:00"
    assert format_online_date(datetime(2025, 7, 1, 22, 30, tzinfo=timezone.utc)) == "02.07.2025 00:30"
    assert format_online_date(None) == ""


@pytest.mark.parametrize("current, last, expected", [
    (1, 1, [1]), (1, 4, [1, 2, 3, 4]), (1, 9, [1, 2, 3, 4, 5]), (5, 9, [3, 4, 5, 6, 7]),
    (9, 9, [5, 6, 7, 8, 9]), (2, 0, []),
])
def test_page_window(current: int, last: int, expected: list[int]) -> None:
    window = page_window(current, last)
    assert [item.number for item in window] == expected
    assert [item.number for item in window if item.current] == ([current] if expected else [])


def test_highlight_lets_only_mark_through() -> None:
    ok = "Den <mark>Personalausweis</mark> &amp; &lt;b&gt; &#x2F; &quot;x&quot;"
    assert str(verified_markup(ok)) == ok
    for bad in ["<b>x</b>", "<mark>x", "x</mark>", "<mark><mark>x</mark></mark>",
                "a & b", "<script>alert(1)</script>", "<mark onclick=x>y</mark>"]:
        assert verified_markup(bad) is None, bad
    shown = str(safe_highlight(["<img src=x onerror=alert(1)><mark>Jena</mark>"], None))
    assert "<img" not in shown and "&lt;img" in shown and "<mark>" not in shown
    assert str(safe_highlight([], "Teaser <b>")) == "Teaser &lt;b&gt;"


def test_suggestion_keeps_user_capitalisation_and_prefers_the_closest_spelling() -> None:
    spellcheck = {"collations": [
        "collation", {"collationQuery": "personalausweise beantragen", "hits": 5,
                      "misspellingsAndCorrections": ["persnalausweis", "personalausweise"]},
        "collation", {"collationQuery": "personalausweis beantragen", "hits": 3,
                      "misspellingsAndCorrections": ["persnalausweis", "personalausweis"]},
    ]}
    best = parse_suggestion(spellcheck, "Persnalausweis Beantragen", 0)
    assert best == Suggestion("Personalausweis Beantragen", 3,
                              (("persnalausweis", "personalausweis"),))
    # Never a suggestion that finds no more than what was typed.
    assert parse_suggestion(spellcheck, "Persnalausweis Beantragen", 5) is None
    assert parse_suggestion({}, "x", 0) is None


def test_build_params_pins_only_for_relevance() -> None:
    pinned = SearchRequest(query="jena", pinned_ids=("t-a", "t-b", "bad,id"))
    assert build_solr_params(pinned)["elevateIds"] == "t-a,t-b"
    by_date = SearchRequest(query="jena", sort=Sort.NEWEST, pinned_ids=("t-a",))
    assert "elevateIds" not in build_solr_params(by_date)
    assert "elevateIds" not in build_solr_params(SearchRequest(query="jena"))


@pytest.mark.parametrize("fragment, passes", [
    ("", True), ("<mark></mark>", True), ("a <mark>b</mark> c <mark>d</mark>", True),
    ("&#123; &#x1F600; &amp;amp;", True), ("&#12345678;", False), ("&#xZZ;", False),
    ("&nbsp;", False), ("&amp", False), ("<mark>a</mark></mark>", False),
    ("<MARK>a</MARK>", False), ("<mark>a<mark>b</mark>c</mark>", False), ("a > b", False),
    ("<mark>a & b</mark>", False), ("x" * 5000 + "<mark>y</mark>", True),
])
def test_highlight_check_covers_entities_nesting_and_long_texts(fragment: str,
                                                                 passes: bool) -> None:
    assert (verified_markup(fragment) is not None) is passes
