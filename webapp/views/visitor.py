"""The one visitor search that the page and the widget API both answer with."""

from __future__ import annotations

from flask import request

from ..extensions import repository, tuning
from ..request import parse_search_request
from ..result import SearchResult
from ..service import run_search
from ..statistics import report_search


def visitor_search() -> SearchResult:
    """Parse the request's parameters, search with the web team's tuning, record statistics."""
    search_tuning = tuning()
    search_request = parse_search_request(request.args, search_tuning.default_sort())
    result = run_search(repository(), search_request, search_tuning)
    report_search(result)
    return result
