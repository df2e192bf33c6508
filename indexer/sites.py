"""Several sources in one index: the source list, site names, and which copy's address to show.

A source list is what ``STADTSUCHE_INDEX_SOURCE`` holds and what ``python -m indexer index``
takes: entries separated by ``;`` or line breaks, each one of

* a URL (sitemap, start page or single page), e.g. ``https://www.jena.de/sitemap.xml``;
* ``FOLDER=BASE_URL``: a folder of saved pages published under ``BASE_URL``;
* ``FOLDER/*=https://*/``: every subfolder of ``FOLDER`` is one host's pages, published at
  ``https://<subfolder name>/`` (``sample-web/service.jena.de/`` → ``https://service.jena.de/``);
* a bare ``FOLDER``: published under ``STADTSUCHE_BASE_URL`` (the one-source form of earlier
  versions).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from indexer.deletion import scope_prefix

_SPLIT = re.compile(r"[;\n]")
_FOLDER_WITH_BASE = re.compile(r"^(?P<folder>.+?)=(?P<base>https?://\S+)$")
_HOST_FOLDERS = "/*"
_HOST_BASE = re.compile(r"^(https?)://\*/$")


class SourceListError(ValueError):
    """A source list entry that cannot be read (the message is German, for the report)."""


@dataclass(frozen=True)
class SourceEntry:
    """One configured source: a folder with the URL it is published under, or a URL."""

    location: str
    base_url: str | None = None  # set for folders, None for URLs

    @property
    def is_folder(self) -> bool:
        """True for a folder of saved pages."""
        return self.base_url is not None

    @property
    def id(self) -> str:
        """Stable id written to every page's ``source`` field (the folder's URL prefix, or the
        sitemap / start URL), so that a full run deletes only what its own source indexed."""
        return scope_prefix(self.base_url) if self.base_url else self.location


def parse_source_list(raw: str | list[str], default_base: str | None,
                      skip_missing: bool = False, notes: list[str] | None = None
                      ) -> tuple[SourceEntry, ...]:
    """The entries of a source list (a string, or a list of strings each being a list).

    ``skip_missing`` (development only) leaves out folders that do not exist, with a note;
    otherwise such a folder stays in and the run reports it as a missing source.
    """
    texts = [raw] if isinstance(raw, str) else raw
    entries: list[SourceEntry] = []
    for text in texts:
        for part in _SPLIT.split(text):
            part = part.strip()
            if part:
                entries += _entries_of(part, default_base, skip_missing, notes)
    return tuple(dict.fromkeys(entries))


def _entries_of(part: str, default_base: str | None, skip_missing: bool,
                notes: list[str] | None) -> list[SourceEntry]:
    if part.startswith(("http://", "https://")):
        return [SourceEntry(part)]
    matched = _FOLDER_WITH_BASE.match(part)
    folder, base = (matched["folder"].strip(), matched["base"]) if matched else (part, None)
    if folder.endswith(_HOST_FOLDERS):
        return _host_folders(folder[: -len(_HOST_FOLDERS)], base, skip_missing, notes)
    if base is None:
        base = default_base
    if base is None:
        raise SourceListError(f"Ordner {folder} ohne Basis-URL: als ORDNER=https://… angeben "
                              "oder STADTSUCHE_BASE_URL setzen")
    if skip_missing and not Path(folder).is_dir():
        _note(notes, f"Ordner {folder} fehlt – in der Entwicklung übersprungen")
        return []
    return [SourceEntry(folder, base if base.endswith("/") else base + "/")]


def _host_folders(parent: str, base: str | None, skip_missing: bool,
                  notes: list[str] | None) -> list[SourceEntry]:
    scheme = _HOST_BASE.match(base or "")
    if scheme is None:
        raise SourceListError(f"{parent}/* braucht die Basis-URL https://*/ (je Unterordner "
                              "ein Host)")
    if not Path(parent).is_dir():
        if skip_missing:
            _note(notes, f"Ordner {parent} fehlt – in der Entwicklung übersprungen")
            return []
        raise SourceListError(f"Quelle nicht gefunden: {parent}")
    hosts = sorted(p.name for p in Path(parent).iterdir()
                   if p.is_dir() and not p.name.startswith("."))
    return [SourceEntry(str(Path(parent) / host), f"{scheme[1]}://{host.lower()}/")
            for host in hosts]


def _note(notes: list[str] | None, text: str) -> None:
    if notes is not None:
        notes.append(text)


def parse_site_names(raw: str | None) -> Mapping[str, str]:
    """``host=Name;other.host=Other Name`` → host → display name (hosts lower-cased)."""
    names: dict[str, str] = {}
    for pair in _SPLIT.split(raw or ""):
        host, sep, name = pair.partition("=")
        if sep and host.strip() and name.strip():
            names[host.strip().lower()] = name.strip()
    return MappingProxyType(names)


def parse_hosts(raw: str | None) -> tuple[str, ...]:
    """A comma- or semicolon-separated host list, lower-cased, in its order."""
    return tuple(h.strip().lower() for h in re.split(r"[,;\s]+", raw or "") if h.strip())


def host_of(url: str) -> str:
    """The URL's host, lower-case, with a non-default port."""
    return urlsplit(url).netloc.lower()


def site_name(host: str, names: Mapping[str, str]) -> str:
    """The web team's name of the host's site, else the host without a leading ``www.``."""
    return names.get(host) or names.get(host.removeprefix("www.")) or host.removeprefix("www.")
