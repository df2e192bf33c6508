"""What an extractor found in one file, before it becomes a search document."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Extracted:
    """Text and facts of one document; ``notes`` say why it was read only in part."""

    kind: str                       # pdf | docx | odt
    text: str
    pages: int | None = None        # page count where the format knows it (PDF)
    title: str | None = None        # document metadata
    date: str | None = None         # ISO 8601 from document metadata (modified, else created)
    subject: str | None = None
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Plain values for the worker's pipe."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extracted:
        """The inverse of ``to_json``."""
        return cls(**{**data, "notes": tuple(data.get("notes") or ())})
