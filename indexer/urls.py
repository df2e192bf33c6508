"""The document id of a URL: one normal form, whichever source the page came from.

Kept apart from the parser (``indexer.parse``) so that what needs only the URL rule (the
source list and deletion scopes that the admin area reads at start) does not load the HTML
parsers with it.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop default ports and fragments, '/' for an empty path.

    The normalised canonical URL is the document id: readable in the admin area, and the
    same whether a page came from the folder, the crawler or a single-URL refresh.
    Raises ValueError for a malformed URL.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


def try_normalise(url: str) -> str | None:
    """``normalise_url``, or None for a malformed URL (bad port, bad IPv6 literal)."""
    try:
        return normalise_url(url)
    except ValueError:
        return None
