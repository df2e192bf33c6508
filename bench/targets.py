"""The three things a search can be sent to, each as ready-encoded HTTP requests.

The raw-Solr requests carry exactly what the app sends for the same visitor input: the
parameters come from the app's own pure builder, and the method and encoding mirror its
repository (POST to /search, parameters as a form body, ``wt=json`` in the URL).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode, urlsplit

from bench.loadgen import HttpRequest
from bench.querymix import MixEntry
from webapp.request import parse_search_request
from webapp.service import solr_params_for

API_PATH = "/api/search"
HTML_PATH = "/suche"
FORM = "application/x-www-form-urlencoded; charset=UTF-8"


def solr_params(entry: MixEntry) -> dict[str, str]:
    """The /search parameters the app builds for this visitor input."""
    return solr_params_for(parse_search_request(entry.args))


def raw_solr_request(core_url: str, entry: MixEntry) -> HttpRequest:
    """One request straight to Solr's /search handler of the core at `core_url`."""
    path = urlsplit(core_url).path.rstrip("/") + "/search?wt=json"
    return HttpRequest("POST", path, urlencode(solr_params(entry), doseq=True).encode("utf-8"),
                       {"Content-Type": FORM})


def raw_solr_requests(core_url: str, mix: Sequence[MixEntry]) -> list[HttpRequest]:
    """Requests straight to Solr for every entry of the mix."""
    return [raw_solr_request(core_url, e) for e in mix]


def app_requests(path: str, mix: Sequence[MixEntry]) -> list[HttpRequest]:
    """GET requests to one of the app's search endpoints, as a browser or the widget sends."""
    return [HttpRequest("GET", f"{path}?{urlencode(dict(e.args))}") for e in mix]
