"""Announce searches and clicks to whoever collects statistics, and give each answered search
the random id that its page and links carry (``sid``), so that the searches and clicks of
one trail of result pages can be linked without any cookie or visitor identifier."""

from __future__ import annotations

import re
import secrets

from flask import current_app, g, request

from .result import SearchResult
from .signals import notify, result_clicked, search_performed

# The parameter that names the search a request was made from (form field, pager and click
# links); on a click link ``pos`` is the result's position in the list.
SEARCH_ID_PARAM, POSITION_PARAM = "sid", "pos"
_SEARCH_ID = re.compile(r"^[0-9a-f]{32}$")
MAX_POSITION = 100_000

# A rendering is kept by the result cache and shared by every repeated search, but each
# search has an id of its own: the rendering holds this mark (random per process, so no
# visitor can type it), replaced by the search's id when the answer is sent.
SEARCH_ID_MARK = "sidmark" + secrets.token_hex(12)
_MARK_BYTES = SEARCH_ID_MARK.encode()


def new_event_id() -> str:
    """A random id for one search or click (not derived from the visitor or the time)."""
    return secrets.token_hex(16)


def search_id_from(value: str | None) -> str | None:
    """A search id from a request parameter, or None when absent or malformed."""
    value = (value or "").strip()
    return value if _SEARCH_ID.match(value) else None


def position_from(value: str | None) -> int | None:
    """A result position (1-based) from a request parameter, or None."""
    text = (value or "").strip()
    if not text.isdigit() or len(text) > 6:
        return None
    number = int(text)
    return number if 1 <= number <= MAX_POSITION else None


def with_search_id(body: bytes) -> bytes:
    """The rendering with this request's search id in place of the mark (empty when the
    request searched nothing)."""
    return body.replace(_MARK_BYTES, str(g.get("search_id", "")).encode())


def report_search(result: SearchResult, search_id: str | None = None,
                  comparison: str | None = None, sides: tuple[str, ...] = ()) -> None:
    """Give the search its id (``search_id`` or a new one) and send search_performed for a
    search that actually ran; ``comparison`` and ``sides`` name the ranking comparison it
    took part in and the side of each shown position (webapp.comparison)."""
    if not result.searched:
        return
    g.search_id = search_id or new_event_id()
    req = result.request
    # When the correction's hits were shown instead, the typed query itself found nothing.
    replaced = result.replaced_query is not None
    notify(search_performed, current_app._get_current_object(),  # type: ignore[attr-defined]
           query=result.replaced_query if replaced else req.query,
           category=req.category, num_found=0 if replaced else result.num_found,
           page=result.page, corrected=req.query if replaced else None,
           search_id=g.search_id, follows=search_id_from(_arg(SEARCH_ID_PARAM)),
           source="api" if request.blueprint == "api" else "page",
           sort=req.sort.value, rows=req.rows, exact=req.exact, doc_type=req.doc_type,
           start=result.start, shown=tuple(hit.id for hit in result.hits),
           comparison=comparison, sides=sides)


def _arg(name: str) -> str | None:
    """The request's first value of ``name``; a new search has no ``sid``, and werkzeug's
    ``MultiDict.get`` answers a missing one through a KeyError."""
    args = request.args
    return args.get(name) if name in args else None


def report_click(doc_id: str, query: str | None, *, click_id: str) -> None:
    """Send result_clicked with the search the link came from and the result's position."""
    notify(result_clicked, current_app._get_current_object(),  # type: ignore[attr-defined]
           doc_id=doc_id, query=query, click_id=click_id,
           search_id=search_id_from(request.args.get(SEARCH_ID_PARAM)),
           position=position_from(request.args.get(POSITION_PARAM)))

