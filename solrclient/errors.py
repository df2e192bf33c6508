"""One small error hierarchy for every Solr call, and the one place that reads Solr's message."""

from __future__ import annotations

import json


class SolrError(Exception):
    """Base of every error the client raises; ``status`` is Solr's HTTP status, if any."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class SolrUnavailable(SolrError):
    """Solr could not be reached, timed out, or failed on its side (HTTP 5xx)."""


class SolrRejected(SolrError):
    """Solr understood the request and refused it (HTTP 400 and other 4xx): invalid input."""


class SolrConflict(SolrError):
    """Optimistic concurrency refused a write (HTTP 409): the version did not match."""


class SolrNotFound(SolrError):
    """The path does not exist: no such core, collection, handler or resource (HTTP 404)."""


def solr_message(body: bytes, limit: int = 500) -> str:
    """Solr's own error text from a response body (its JSON ``error.msg``, else the raw start)."""
    try:
        data = json.loads(body)
    except ValueError:
        return body[:200].decode("utf-8", "replace").strip()
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict) and error.get("msg"):
        return str(error["msg"])[:limit]
    return body[:200].decode("utf-8", "replace").strip()


def error_for_status(status: int, message: str) -> SolrError:
    """The error that an HTTP status from Solr means."""
    if status == 409:
        return SolrConflict(message, status)
    if status == 404:
        return SolrNotFound(message, status)
    if 400 <= status < 500:
        return SolrRejected(message, status)
    return SolrUnavailable(message, status)
