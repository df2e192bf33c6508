"""Signals for search statistics and tuning changes; subscribers must never be able to break
a search."""

from __future__ import annotations

import logging
from typing import Any

from blinker import Namespace, Signal

log = logging.getLogger(__name__)

_signals = Namespace()

#: Sent after every visitor search with query (as typed), category, num_found (hits of that
#: query), page, and corrected: the correction whose hits were shown instead (else None).
search_performed = _signals.signal("search-performed")
#: Sent when a visitor follows a result link, with doc_id and query (query may be None).
result_clicked = _signals.signal("result-clicked")
#: Sent by whoever changes what a search finds or how it ranks (the admin area: pins,
#: exclusions, ranking, synonyms, stopwords, default order), with the changed ``area``.
search_tuning_changed = _signals.signal("search-tuning-changed")


def notify(signal: Signal, sender: Any, **kwargs: Any) -> None:
    """Call each receiver of `signal`; a failing receiver is logged and the others still run."""
    for receiver in list(signal.receivers_for(sender)):
        try:
            receiver(sender, **kwargs)
        except Exception:  # noqa: BLE001 - statistics are optional, the visitor's search is not
            log.exception("Receiver %r of signal %s failed", receiver, signal.name)
