"""Words of the same meaning from OpenThesaurus: the lookup, the query step, and real Solr."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quality.thesaurus import format_group, parse_entry, parse_group
from solrclient import SolrError
from tests.support import Core
from webapp import thesaurus
from webapp.builder import RELAXED_OR_THESAURUS, RELAXED_QUERY, build_solr_params
from webapp.repository import SolrRepository
from webapp.request import SearchRequest, Sort
from webapp.service import run_search, solr_params_for
from webapp.thesaurus import MAX_EXPANSIONS, Thesaurus, default_thesaurus

SMALL = Thesaurus.from_lines([
    "# comment",
    "Personalausweis;~Perso;Lichtbildausweis",
    "Müll;Abfall;~Kram",
    "Karte;Fahrkarte", "Karte;Landkarte", "Karte;Speisekarte", "Karte;Postkarte",
    "Tier;Vieh",
    "Schnee;Neuschnee", "Heroin;Diamorphin;~Schnee",
])


def test_everyday_word_gives_the_standard_words_of_its_group() -> None:
    assert SMALL.related("Perso") == ("Personalausweis", "Lichtbildausweis")


def test_standard_word_never_gives_an_everyday_word() -> None:
    assert SMALL.related("müll") == ("Abfall",)
    assert "Perso" not in SMALL.related("Personalausweis")


def test_standard_word_keeps_to_its_standard_meanings() -> None:
    assert SMALL.related("Schnee") == ("Neuschnee",)
    assert "Heroin" not in default_thesaurus().related("Schnee")


def test_word_of_many_groups_and_short_words_give_nothing() -> None:
    assert SMALL.related("Karte") == ()  # four meanings: too vague
    assert SMALL.related("Tier") == ("Vieh",)
    assert Thesaurus.from_lines(["Amt;Behörde"]).related("amt") == ()


def test_expansions_leave_out_typed_words_and_stay_bounded() -> None:
    assert SMALL.expansions("Perso Lichtbildausweis") == ("Personalausweis",)
    letters = "abcdefghijklmnopqrst"
    words = " ".join(f"wort{c}" for c in letters)
    big = Thesaurus.from_lines([f"wort{c};ersatz{c}a;ersatz{c}b" for c in letters])
    assert len(big.expansions(words)) == MAX_EXPANSIONS


def test_committed_file_maps_everyday_words_of_the_city() -> None:
    assert "Personalausweis" in thesaurus.expansions("Perso beantragen")
    assert "Abfall" in default_thesaurus().related("Müll")
    for group in default_thesaurus().groups:
        assert 2 <= len(group) and all(word.isalpha() for word, _ in group)


def test_generator_keeps_single_words_with_harmless_marks_only() -> None:
    assert parse_entry("Perso (ugs.)").everyday  # type: ignore[union-attr]
    assert parse_entry("im Eimer (ugs.)") is None
    assert parse_entry("zuscheißen (derb)") is None
    assert parse_entry("Billett (schweiz.)") is None
    assert parse_entry("Deputat...") is None
    group = parse_group("Personalausweis;Perso (ugs.);Lichtbildausweis;ein Ausweis")
    assert format_group(group) == "Personalausweis;~Perso;Lichtbildausweis"


def test_builder_adds_expansions_only_to_the_relaxed_side() -> None:
    req = SearchRequest(query="perso verlängern", relaxed_terms=(),
                        expansions=("Personalausweis", "{!lucene}x:y"))
    params = build_solr_params(req)
    assert params["relaxedonly"] == RELAXED_OR_THESAURUS and params["relaxq"] == RELAXED_QUERY
    assert params["thesq"].startswith("Personalausweis ")
    assert not set("{}:!") & set(params["thesq"])  # no syntax reaches Solr
    assert params["allq"] == "perso verlängern"  # the strict matching: words as typed
    for plain in (SearchRequest(query="perso verlängern", expansions=("Personalausweis",)),
                  SearchRequest(query="perso", exact=True, relaxed_terms=(),
                                expansions=("Personalausweis",))):
        assert "thesq" not in build_solr_params(plain)


def _doc(slug: str, title: str, content: str,
         date: str = "2026-01-05T00:00:00Z") -> dict[str, object]:
    return {"id": f"thes-{slug}", "url": f"https://www.jena.de/thes/{slug}", "title": title,
            "teaser": title, "category": "Bürgerservice", "content": content,
            "onlineDate": date, "onlineDateHasTime": False,
            "language": "de"}


@pytest.fixture(scope="module")
def thesaurus_core(solr_url: str) -> Iterator[str]:
    """The core holding three pages only (emptied afterwards; other modules refill it)."""
    core = Core(solr_url)
    core.load([
        _doc("steig", "Winterdienst der Anlieger", "Anlieger räumen den Bürgersteig vor "
             "ihrem Grundstück von Schnee und Eis.", "2026-03-01T00:00:00Z"),
        _doc("parken", "Bewohnerparken", "Den Parkschein für Bewohner können Sie online "
             "verlängern."),
        _doc("hund", "Hundesteuer", "Die Hundesteuer melden Sie beim Steueramt an."),
    ])
    yield solr_url
    core.delete(q="*:*", commit=True)


@pytest.fixture()
def repo(thesaurus_core: str, monkeypatch: pytest.MonkeyPatch) -> SolrRepository:
    """The repository of the three pages, with the thesaurus switched on."""
    monkeypatch.setattr(thesaurus, "ENABLED", True)
    return SolrRepository.for_url(thesaurus_core, 10.0)


def test_thesaurus_is_off_by_default() -> None:
    assert thesaurus.ENABLED is False
    assert thesaurus.expansions_for("gehweg verlängern") == ()
    assert "thesq" not in solr_params_for(SearchRequest(query="gehweg verlängern"))


def _ids(repo: SolrRepository, query: str) -> list[str]:
    return [hit.id for hit in run_search(repo, SearchRequest(query=query)).hits]


def test_other_word_finds_the_page_of_the_same_meaning(repo: SolrRepository) -> None:
    # "Gehweg" is on no page, its thesaurus neighbour "Bürgersteig" is; "verlängern" is on
    # the parking page, which keeps the lead: a visitor's word beats an expansion.
    assert _ids(repo, "gehweg verlängern") == ["thes-parken", "thes-steig"]


def test_in_date_order_too_the_visitors_word_comes_first(repo: SolrRepository) -> None:
    # The Bürgersteig page is newer, but found only through an expansion.
    result = run_search(repo, SearchRequest(query="gehweg verlängern", sort=Sort.NEWEST))
    assert [hit.id for hit in result.hits] == ["thes-parken", "thes-steig"]


def test_without_the_thesaurus_the_page_is_not_found(repo: SolrRepository,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thesaurus, "ENABLED", False)
    assert _ids(repo, "gehweg verlängern") == ["thes-parken"]


def test_strict_matching_is_unchanged_by_expansions(repo: SolrRepository) -> None:
    # Both words on one page: the strict results, as without the thesaurus.
    result = run_search(repo, SearchRequest(query="bürgersteig schnee"))
    assert [h.id for h in result.hits] == ["thes-steig"] and not result.relaxed


def test_longest_query_with_expansions_stays_within_solr_limits(repo: SolrRepository) -> None:
    words = ("perso müll auto firma sofa wohnung umzug ausweis geburt hochzeit "
             "steuer hund katze baum schnee lärm straße fahrrad bus bahn kita schule")
    params = solr_params_for(SearchRequest(query=words))
    assert len(str(params["thesq"]).split()) == MAX_EXPANSIONS
    try:
        repo.search(params)
    except SolrError as err:  # the service would fall back to the strict search
        pytest.fail(f"Solr refused the query with expansions: {err}")


def test_a_missing_file_costs_only_the_expansions(repo: SolrRepository,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thesaurus, "DATA", thesaurus.DATA.with_name("no-such-file.txt"))
    thesaurus.default_thesaurus.cache_clear()
    thesaurus.expansions.cache_clear()
    try:
        assert _ids(repo, "gehweg verlängern") == ["thes-parken"]
    finally:
        monkeypatch.setattr(thesaurus, "DATA", thesaurus.DATA.with_name("thesaurus_de.txt"))
        thesaurus.default_thesaurus.cache_clear()
        thesaurus.expansions.cache_clear()
