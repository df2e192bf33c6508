"""Announce searches and clicks to whoever collects statistics."""

from __future__ import annotations

from flask import current_app

from .result import SearchResult
from .signals import notify, result_clicked, search_performed


def report_search(result: SearchResult) -> None:
    """Send search_performed for a search that actually ran."""
    if not result.searched:
        return
    # When the correction's hits were shown instead, the typed query itself found nothing.
    replaced = result.replaced_query is not None
    notify(search_performed, current_app._get_current_object(),  # type: ignore[attr-defined]
           query=result.replaced_query if replaced else result.request.query,
           category=result.request.category, num_found=0 if replaced else result.num_found,
           page=result.page, corrected=result.request.query if replaced else None)


def report_click(doc_id: str, query: str | None) -> None:
    """Send result_clicked."""
    notify(result_clicked, current_app._get_current_object(),  # type: ignore[attr-defined]
           doc_id=doc_id, query=query)
