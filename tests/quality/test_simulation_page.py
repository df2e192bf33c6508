"""The page a visitor in a comparison sees, from the real search over the sample site:
the current ranking's counts and facets, the merged hits, pins and exclusions on both sides."""

from __future__ import annotations

from quality.page import FixedDateRepository
from quality.paramset import shipped_ranking
from webapp.admin.evaluation.interleave import Side
from webapp.admin.evaluation.mixed_page import interleaved_page
from webapp.admin.preview import search_as_visitor
from webapp.admin.ranking import parse_ranking
from webapp.request import Sort, parse_search_request
from webapp.service import run_search
from webapp.tuning import Exclusions

QUERY = "Antrag"
PINNED = "https://www.jena.de/buergerservice/hundesteuer.html"


class PinAndExclude:
    """One page pinned for QUERY, one excluded everywhere."""

    def __init__(self, excluded: str) -> None:
        self.excluded = excluded

    def pinned_ids(self, query: str) -> tuple[str, ...]:
        return (PINNED,) if query == QUERY else ()

    def default_sort(self) -> Sort:
        return Sort.RELEVANCE

    def exclusions(self) -> Exclusions:
        return Exclusions(ids=(self.excluded,))


def test_the_merged_page_keeps_layout_pins_and_exclusions(indexed_core: str) -> None:
    repo = FixedDateRepository.for_url(indexed_core, 30.0)
    request = parse_search_request({"q": QUERY})
    plain = run_search(repo, request)
    excluded = plain.hits[2].id
    tuning = PinAndExclude(excluded)
    current = run_search(repo, request, tuning)
    # A relevance candidate (pins hold for relevance order only, by design of the builder):
    # the body text alone decides, the title counts for nothing extra.
    content_only = parse_ranking(shipped_ranking()).with_changes(
        field_weights=(("content", 1.0),), phrase_weights=())
    candidate = search_as_visitor(repo, QUERY, content_only, rows=10, pins=tuning).hits
    assert len(current.hits) == 10
    assert [h.id for h in candidate] != [h.id for h in current.hits]
    seen_sides = set()
    for n in range(20):
        page, merged = interleaved_page(current, candidate, f"search-{n}", "cmp-1")
        ids = [hit.id for hit in page.hits]
        assert ids == list(merged.ids) and len(ids) == len(set(ids)) == 10
        assert ids[0] == PINNED  # both sides pin it first, whichever picks first
        assert excluded not in ids
        assert set(ids) <= {h.id for h in current.hits} | {h.id for h in candidate}
        assert (page.num_found, page.facets, page.request) == (current.num_found,
                                                               current.facets, current.request)
        seen_sides.add(merged.sides[0])
        # A page both found is shown with the current ranking's hit (snippet included).
        for hit in page.hits:
            if hit.id in {h.id for h in current.hits}:
                assert hit in current.hits
    assert seen_sides == {Side.CURRENT, Side.CANDIDATE}
    again, _ = interleaved_page(current, candidate, "search-3", "cmp-1")
    assert again == interleaved_page(current, candidate, "search-3", "cmp-1")[0]


def test_later_pages_show_the_current_ranking(indexed_core: str) -> None:
    repo = FixedDateRepository.for_url(indexed_core, 30.0)
    second = run_search(repo, parse_search_request({"q": QUERY, "page": "2"}))
    assert second.start > 0 and second.hits
    page, merged = interleaved_page(second, (), "search-1", "cmp-1")
    assert page == second and set(merged.sides) == {Side.CURRENT}
