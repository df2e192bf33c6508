"""What a full run may delete: only pages of the sources it covered, and not too many at once.

A full run over the folder published under ``https://www.jena.de/soziales/`` says nothing
about pages under ``https://www.jena.de/kultur/`` or on another host; those stay. Within its
scope, a run that finds far fewer pages than the index holds is more likely a broken sitemap
or a half-copied folder than a site that lost most of its pages, so beyond a share of the
scope's documents nothing is deleted unless the operator forces it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from indexer.urls import try_normalise


@dataclass(frozen=True)
class DeletionPlan:
    """Ids to delete, or none with the reason why the limit stopped them."""

    ids: tuple[str, ...]
    in_scope: int
    refused: str | None = None


def scope_prefix(url: str) -> str:
    """Host and folder of a base URL, sitemap or start page: the prefix its pages share."""
    normal = try_normalise(url) or url
    parts = urlsplit(normal)
    folder = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return urlunsplit((parts.scheme, parts.netloc, folder, "", ""))


def in_scope(page_id: str, prefixes: Iterable[str]) -> bool:
    """True when the page lies under one of the prefixes."""
    return page_id.startswith(tuple(prefixes))


def plan_deletion(existing: Collection[str], kept: Collection[str], prefixes: tuple[str, ...],
                  max_share: float, force: bool) -> DeletionPlan:
    """The documents of the scope that the run neither saw nor must protect."""
    scoped = [page_id for page_id in existing if page_id.startswith(prefixes)]
    missing = tuple(sorted(page_id for page_id in scoped if page_id not in kept))
    if missing and not force and len(missing) > max_share * len(scoped):
        share = len(missing) / len(scoped)
        return DeletionPlan((), len(scoped), refused=(
            f"{len(missing)} von {len(scoped)} Seiten unter {', '.join(prefixes)} fehlen in der "
            f"Quelle ({share:.0%}, Grenze {max_share:.0%}); nichts gelöscht. Ist die Quelle "
            f"vollständig, mit --force löschen (STADTSUCHE_DELETE_MAX_SHARE)."))
    return DeletionPlan(missing, len(scoped))
