"""The one visitor search that the page and the widget API both answer with."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import request

from ..comparison import compared
from ..extensions import repository, result_cache, tuning
from ..request import SearchRequest, parse_search_request
from ..result import SearchResult
from ..result_cache import Kept
from ..service import run_search
from ..statistics import new_event_id, report_search
from ..tuning import SearchTuning


def visitor_page(view: str, render: Callable[[SearchResult], bytes]) -> bytes:
    """Parse the request's parameters, search with the web team's tuning, record statistics,
    and answer with ``render(result)``; a repeated search within the cache time gets the
    rendering made the first time (``view`` names it among the renderings of one result)."""
    kept = _search()
    search_id = new_event_id()
    # In a ranking comparison's share: the merged page, made for this search alone.
    mixed = compared(kept.result, search_id)
    if mixed is not None:
        report_search(mixed.result, search_id, mixed.comparison_id, mixed.sides)
        return render(mixed.result)
    # Every search counts, also one answered from the cache.
    report_search(kept.result, search_id)
    # The paths in a rendering start with the app's mount point, which the server sets.
    return kept.rendered((view, request.script_root), lambda: render(kept.result))


def _search() -> Kept:
    search_tuning = tuning()
    # A plain dict of the first values: werkzeug's MultiDict answers each missing parameter
    # (most of the ten) through a KeyError.
    search_request = parse_search_request(request.args.to_dict(), search_tuning.default_sort())
    cache = result_cache()
    # Switched off, the cache needs no key: the web team's settings are read once, by
    # run_search.
    key = _cache_key(search_request, search_tuning) if cache.enabled else None
    if key is None:
        return Kept(run_search(repository(), search_request, search_tuning))
    return cache.get_or_search(
        key, lambda: run_search(repository(), search_request, search_tuning))


def _cache_key(search_request: SearchRequest, search_tuning: SearchTuning) -> Hashable | None:
    """Everything the result depends on: the request, including the fields it leaves out of
    its equality, and what the web team's settings add to it right now; None (no caching)
    when the settings cannot be read (run_search then goes on without them and says so)."""
    try:
        tuned = (search_tuning.pinned_ids(search_request.query), search_tuning.exclusions(),
                 search_tuning.demoted_ids(search_request.query))
    except Exception:  # noqa: BLE001 - run_search logs and handles the same failure
        return None
    return (search_request, search_request.notices, search_request.sort_from_ranking, tuned)
