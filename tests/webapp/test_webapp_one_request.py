"""One Solr request per search, and no ordinary query ever fails (real Solr, sample site).

The generated queries are drawn from the index's own text: words as written and in lower
case, long compounds, verbs, misspellings, one to six words. Each goes through the results
page and the widget API; every answer must be 200, and where the ranking's own matching of
the words finds pages (asked of Solr directly), the visitor must get results.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from bench.querymix import misspell
from solrclient import SolrClient, SolrError, Timeouts
from tests.support import Core, make_app
from webapp.escape import edismax_terms
from webapp.extensions import solr_repository
from webapp.repository import SolrRepository
from webapp.request import SearchRequest, parse_search_request
from webapp.service import run_search

QUERIES = 2000
SEED = 20261206
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][a-zäöüß]{2,}")
NAMED = ("Bewohnerparkausweis verlängern Bürgerservice", "Führerschein Bewohnerparkausweis",
         "Baumfällung Stadtführungen", "Bürgerbeteiligung Hundesteuer")


class CountingRepository(SolrRepository):
    """The real repository, counting its /search requests (and able to break some)."""

    def __init__(self, client: SolrClient, spoil: Any = None) -> None:
        super().__init__(client)
        self.requests: list[dict[str, Any]] = []
        self.spoil = spoil

    def search(self, params: dict[str, Any]) -> dict[str, Any]:
        self.requests.append(dict(params))
        if self.spoil is not None:
            params = self.spoil(len(self.requests), dict(params))
        return super().search(params)


def _vocabulary(core_url: str) -> list[str]:
    docs = Core(core_url).search("*:*", fl="title,teaser,content", rows=1000).docs
    words: set[str] = set()
    for doc in docs:
        for field in ("title", "teaser", "content"):
            words.update(_WORD.findall(str(doc.get(field) or "")))
    return sorted(words)


def generated_queries(words: list[str], count: int, seed: int = SEED) -> list[str]:
    """``count`` distinct queries of 1–6 words shaped like a query log."""
    rng = random.Random(seed)
    long_words = [w for w in words if len(w) >= 10] or words
    verbs = [w for w in words if w.endswith("en") and w[0].islower()] or words
    found: dict[str, None] = {}
    while len(found) < count:
        size = rng.choice((1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6))
        picked = []
        for _ in range(size):
            pool = rng.choice((words, words, long_words, verbs))
            word = rng.choice(pool)
            roll = rng.random()
            if roll < 0.25:
                word = word.lower()
            elif roll < 0.35 and len(word) > 4:
                word = misspell(word, rng)
            picked.append(word)
        found[" ".join(picked)] = None
    return list(found)


@pytest.fixture(scope="module")
def one_request_app(sample_index: str) -> Iterator[Flask]:
    """The app on the sample site without its result cache (every search asks Solr)."""
    yield make_app(sample_index, TESTING=True, result_cache_seconds=0)


def _strict_hits(core: Core, query: str) -> int:
    """Pages of the ranking's own matching of the words (what the first pass found)."""
    words = edismax_terms(parse_search_request({"q": query}).query)
    if not words:
        return 0
    return core.search(words, "search", rows=0, spellcheck="false", hl="false",
                       facet="false").hits


def _answer(app: Flask, core: Core, query: str) -> str | None:
    """Why ``query`` failed a visitor, or None."""
    client = app.test_client()
    page = client.get("/suche", query_string={"q": query})
    api = client.get("/api/search", query_string={"q": query})
    if page.status_code != 200 or api.status_code != 200:
        return f"{query!r}: /suche {page.status_code}, API {api.status_code}"
    found = api.get_json()["outData"]["response"]["numFound"]
    if found == 0 and _strict_hits(core, query) > 0:  # asked only when nothing was shown
        return f"{query!r}: no results, although the words find pages"
    return None


def test_generated_queries_always_answer_with_results_where_the_words_find_pages(
        one_request_app: Flask, sample_index: str) -> None:
    core = Core(sample_index)
    queries = [*NAMED, *generated_queries(_vocabulary(sample_index), QUERIES)]
    assert len(set(queries)) == len(queries) >= QUERIES
    # A few at a time, as visitors come: Solr's waits overlap, the test takes less time.
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda q: _answer(one_request_app, core, q), queries))
    failures = [a for a in answers if a is not None]
    assert not failures, f"{len(failures)} of {len(queries)} failed:\n" + "\n".join(failures[:20])


def test_the_named_query_shows_the_resident_parking_page(one_request_app: Flask) -> None:
    page = one_request_app.test_client().get(
        "/suche", query_string={"q": "Bewohnerparkausweis verlängern Bürgerservice"})
    assert page.status_code == 200
    assert "parkausweis-anwohner.html" in page.get_data(as_text=True)


def _repo(core_url: str, spoil: Any = None) -> CountingRepository:
    return CountingRepository(SolrClient(core_url, timeouts=Timeouts.reading(10)), spoil)


@pytest.mark.parametrize("query", ["Müllkalender", "Personalausweis beantragen",
                                   "Bewohnerparkausweis verlängern Bürgerservice", "Hund"])
def test_a_search_with_results_sends_one_request(sample_index: str, query: str) -> None:
    repo = _repo(sample_index)
    result = run_search(repo, parse_search_request({"q": query}))
    assert result.num_found > 0 and result.hits
    assert len(repo.requests) == 1, [sorted(p) for p in repo.requests]


def test_the_strict_and_relaxed_views_agree_with_two_plain_requests(sample_index: str) -> None:
    """The views of the one request hold what a strict-only request finds."""
    repo = _repo(sample_index)
    strict = run_search(repo, parse_search_request({"q": "Personalausweis"}))
    plain = Core(sample_index).search("Personalausweis", "search", rows=10, fl="id",
                                      spellcheck="false")
    assert strict.num_found == plain.hits and not strict.relaxed
    assert [h.id for h in strict.hits] == [d["id"] for d in plain.docs]
    relaxed = run_search(repo, parse_search_request(
        {"q": "Bewohnerparkausweis verlängern Bürgerservice"}))
    assert relaxed.relaxed and relaxed.num_found > 5
    assert relaxed.hits[0].url.endswith("parkausweis-anwohner.html")


def _too_large(number: int, params: dict[str, Any]) -> dict[str, Any]:
    """The relaxed request made larger than Solr's clause limit: Solr answers 500."""
    if "relq" in params:
        params["relq"] = params["relq"] + " " + " ".join(f"wort{i}" for i in range(400))
    return params


def test_solr_refusing_the_relaxed_request_still_shows_the_strict_results(
        sample_index: str, caplog: pytest.LogCaptureFixture) -> None:
    repo = _repo(sample_index, _too_large)
    with pytest.raises(SolrError):  # the spoiled request really fails in Solr
        SolrRepository.search(repo, _too_large(1, repo_params(sample_index, "Hund Steuer")))
    result = run_search(repo, parse_search_request({"q": "Personalausweis beantragen"}))
    assert result.num_found > 0 and result.hits
    assert any(h.url.endswith("personalausweis.html") for h in result.hits)
    # Over the clause limit: first without phrase boosts (still too large here), then the
    # words only.
    assert len(repo.requests) == 3
    assert repo.requests[1]["pf"] == "" and "relq" in repo.requests[1]
    assert "relq" not in repo.requests[2]
    assert "clause limit, searching again without phrase boosts" in caplog.text
    assert "refused, searching the words only" in caplog.text


def repo_params(core_url: str, query: str) -> dict[str, Any]:
    from webapp.service import solr_params_for
    return dict(solr_params_for(parse_search_request({"q": query})))


def test_a_failing_follow_up_keeps_what_the_first_request_found(sample_index: str) -> None:
    """The page clamp's second request fails in Solr: the first answer is shown."""
    def break_second(number: int, params: dict[str, Any]) -> dict[str, Any]:
        return {**params, "rows": "x"} if number > 1 else params
    repo = _repo(sample_index, break_second)
    request = parse_search_request({"q": "Personalausweis", "page": "50"})
    result = run_search(repo, request)
    # The clamp was tried (relaxed, then the words only) and failed in Solr both times.
    assert len(repo.requests) == 3 and all(p["start"] != "490" for p in repo.requests[1:])
    assert result.num_found > 0 and result.request.page == 50 and not result.hits


def test_the_app_sends_one_request_per_new_search(one_request_app: Flask) -> None:
    repo = solr_repository(one_request_app)
    counted = _repo(repo.core_url)
    for query in ("Abfallkalender", "Wohnsitz anmelden Unterlagen", "Kita Platz Kosten"):
        before = len(counted.requests)
        run_search(counted, SearchRequest(query=query))
        assert len(counted.requests) - before == 1, query


# Five ordinary words, each with a few synonyms: the ranking's phrase boost (with its slop)
# becomes one phrase per path through the synonym graph, past Solr's clause limit.
MANY_SYNONYMS = "online sitzung gebühr ummelden ladesäule"
SYNONYM_QUERIES = 120


def _synonym_words(core_url: str) -> list[str]:
    """Single words of the configset's managed synonyms (as the web team keeps them)."""
    data = Core(core_url).client.call("GET", "/schema/analysis/synonyms/de")
    mapping = data["synonymMappings"]["managedMap"]
    return sorted({w for key, values in mapping.items() for w in (key, *values)
                   if " " not in w and w.isalpha()})


def test_a_query_past_the_clause_limit_gets_results_without_phrase_boosts(
        sample_index: str, one_request_app: Flask) -> None:
    spoilt = SolrClient(sample_index, timeouts=Timeouts.reading(10))
    with pytest.raises(SolrError, match="maxClauseCount"):  # Solr really refuses it
        SolrRepository(spoilt).search(repo_params(sample_index, MANY_SYNONYMS))
    repo = _repo(sample_index)
    result = run_search(repo, parse_search_request({"q": MANY_SYNONYMS}))
    assert result.num_found > 0 and result.hits
    assert len(repo.requests) == 2
    assert repo.requests[1]["pf"] == "" and repo.requests[1]["phraseq"] == ""
    assert "relq" in repo.requests[1]  # the relaxed matching stays
    client = one_request_app.test_client()
    assert client.get("/suche", query_string={"q": MANY_SYNONYMS}).status_code == 200
    api = client.get("/api/search", query_string={"q": MANY_SYNONYMS})
    assert api.status_code == 200 and api.get_json()["outData"]["response"]["numFound"] > 0


def test_the_last_page_of_a_query_past_the_clause_limit_is_fetched_without_phrase_boosts(
        sample_index: str) -> None:
    """A page past the last of a query Solr took only without phrase boosts: the last page
    is fetched in that form at once, not refused once more."""
    repo = _repo(sample_index)
    result = run_search(repo, parse_search_request({"q": MANY_SYNONYMS, "page": "500"}))
    assert result.num_found > 0 and result.hits
    assert result.request.page == result.num_pages < 500
    assert len(repo.requests) == 3, [p.get("pf") for p in repo.requests]
    assert repo.requests[0].get("pf") != ""  # refused by Solr: its clause limit
    assert all(p["pf"] == "" and "relq" in p for p in repo.requests[1:])
    assert repo.requests[2]["start"] == str((result.num_pages - 1) * 10)


def test_queries_of_words_with_many_synonyms_always_answer(
        one_request_app: Flask, sample_index: str) -> None:
    """Three to six words that all have synonyms: every answer is 200, with results
    where the words (without phrase boosts) find pages."""
    core = Core(sample_index)
    words = _synonym_words(sample_index)
    assert len(words) > 500
    rng = random.Random(SEED)
    queries = list(dict.fromkeys(" ".join(rng.sample(words, rng.randint(3, 6)))
                                 for _ in range(SYNONYM_QUERIES)))

    def failure(query: str) -> str | None:
        client = one_request_app.test_client()
        page = client.get("/suche", query_string={"q": query})
        api = client.get("/api/search", query_string={"q": query})
        if page.status_code != 200 or api.status_code != 200:
            return f"{query!r}: /suche {page.status_code}, API {api.status_code}"
        if api.get_json()["outData"]["response"]["numFound"] == 0:
            plain = edismax_terms(parse_search_request({"q": query}).query)
            if core.search(plain, "search", rows=0, spellcheck="false", pf="", pf2="",
                           pf3="").hits > 0:
                return f"{query!r}: no results, although the words find pages"
        return None

    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [f for f in pool.map(failure, queries) if f is not None]
    assert not failures, f"{len(failures)} of {len(queries)} failed:\n" + "\n".join(failures[:20])


LONG_QUERIES = 150


def test_long_pasted_queries_always_answer(one_request_app: Flask, sample_index: str) -> None:
    """7 to 40 words up to the 200 characters a query keeps (a sentence pasted into the
    box), drawn from the site's words and the synonyms, some misspelled: every answer is 200;
    where nothing is shown, the words themselves find nothing either (when Solr can say: a
    check past its clause limit tells nothing)."""
    core = Core(sample_index)
    words, synonyms = _vocabulary(sample_index), _synonym_words(sample_index)
    rng = random.Random(SEED + 1)
    queries = []
    for _ in range(LONG_QUERIES):
        pool = rng.choice((words, synonyms, words + synonyms))
        picked = [rng.choice(pool) for _ in range(rng.randint(7, 40))]
        picked = [misspell(w, rng) if len(w) > 4 and rng.random() < 0.1 else w
                  for w in picked]
        queries.append(" ".join(picked)[:200])

    def failure(query: str) -> str | None:
        try:
            return _answer(one_request_app, core, query)
        except SolrError as err:  # the check itself was past the clause limit
            assert "maxClauseCount" in str(err)
            return None

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(failure, queries))
    failures = [a for a in answers if a is not None]
    assert not failures, f"{len(failures)} of {len(queries)} failed:\n" + "\n".join(failures[:20])
