"""Plain text out of extractor output: joined hyphenation, tidy whitespace, no control bytes."""

from __future__ import annotations

import re
import unicodedata

# PDFium marks a hyphen it recognised at a line end with U+0002 (and drops the line break);
# other extractors leave "Stadt-\nrat". Words continuing after such a break start in lower case;
# an upper-case start ("Haus-\nUnd") or a conjunction ("Haus- und …") is a real hyphen.
_PDFIUM_BREAK = re.compile(r"\x02\s*")
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad]\r?\n[ \t]*(?!(?:und|oder|bzw|sowie)\b)"
                              r"(?=[a-zäöüß])")
_SOFT_HYPHEN = "\u00ad"
# Blanks of a form ("Name: ________") and leader dots carry no words; in snippets they are noise.
_BLANKS = re.compile(r"_{3,}|\.{5,}|…{2,}")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def clean_extracted(text: str) -> str:
    """Join words broken at line ends, drop control characters, collapse spaces per line."""
    text = _PDFIUM_BREAK.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = _LINE_END_HYPHEN.sub("", text)
    text = text.replace(_SOFT_HYPHEN, "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = unicodedata.normalize("NFC", text)
    text = _BLANKS.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def flat(text: str) -> str:
    """One line: what the search index and snippets need."""
    return " ".join(text.split())


def cap(text: str, max_chars: int) -> tuple[str, bool]:
    """``text`` cut at a word boundary to at most ``max_chars``; True when it was cut."""
    if len(text) <= max_chars:
        return text, False
    cut = text[:max_chars]
    space = cut.rfind(" ")
    return (cut[:space] if space > max_chars // 2 else cut).rstrip(), True
