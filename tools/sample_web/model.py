"""The page record every builder returns, and how its address becomes a file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One address of the sample city web.

    ``content`` names the body: two addresses with the same content show the same text (a
    language copy keeps the content of its German page). ``answer`` names what a visitor
    looking for this page wants; a language copy with a German body answers nothing of its own.
    """

    host: str
    path: str  # URL path without the leading "/"; "" or ending in "/" for a folder page
    title: str
    body: str
    category: str
    content: str
    answer: str | None
    kind: str
    lang: str = "de"
    description: str = ""
    category_meta: bool = False
    published: str = ""
    modified: str = ""
    canonical_path: str | None = None  # the page names this path of its own host as canonical

    @property
    def file(self) -> str:
        """The file below ``sample-web/<host>/`` that is published under this address."""
        return self.path + "index.html" if self.path == "" or self.path.endswith("/") else self.path

    @property
    def url(self) -> str:
        """The address the page is published under."""
        return f"https://{self.host}/{self.path}"

    @property
    def canonical(self) -> str | None:
        """The canonical link the page carries: folder pages always name their folder."""
        if self.canonical_path is not None:
            return f"https://{self.host}/{self.canonical_path}"
        if self.file != self.path:
            return self.url
        return None

    @property
    def indexed_url(self) -> str:
        """The address a search shows for this page (its canonical one)."""
        return self.canonical or self.url
