"""Which address of a group of duplicates to show: ``addressRank``, lower is better.

The rule, in this order (each step only breaks ties of the one before):

1. the canonical target first: a page that names another URL as its canonical one is a copy;
2. German before other languages (the language the page is published in);
3. the hosts the web team prefers (``STADTSUCHE_PREFERRED_HOSTS``, in their order, e.g. the
   service portal), then every other host;
4. the shorter path (and query).

The rank is one integer, so the search can pick the address of a group with a plain sort.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

_COPY = 100_000_000
_FOREIGN = 10_000_000
_HOST = 100_000
_MAX_HOSTS = 99
_MAX_PATH = 99_999


def address_rank(url: str, canonical: str | None, language: str,
                 preferred_hosts: Sequence[str]) -> int:
    """The page's place among its duplicates (see the module's rule)."""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    is_copy = canonical is not None and canonical != url
    if host in preferred_hosts:
        host_place = preferred_hosts.index(host)
    elif host.removeprefix("www.") in preferred_hosts:
        host_place = preferred_hosts.index(host.removeprefix("www."))
    else:
        host_place = len(preferred_hosts)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return (_COPY * is_copy + _FOREIGN * (language != "de")
            + _HOST * min(host_place, _MAX_HOSTS) + min(len(path), _MAX_PATH))
