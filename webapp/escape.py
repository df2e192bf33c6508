"""Turn visitor text into query strings that Solr reads as plain words, never as syntax."""

from __future__ import annotations

import re
from functools import lru_cache

# Every character the Lucene/edismax grammar gives a meaning to. Replacing them with blanks
# (rather than backslash-escaping) also removes "*:*", "{!...}", "field:value", grouping and
# unbalanced quotes in one go; the German analyzer would have split words there anyway.
_SYNTAX = re.compile(r'[+\-&|!(){}\[\]^"~*?:\\/<>=]')
# A hyphen inside a word ("Ernst-Abbe-Hochschule") is kept, escaped, so the words stay together.
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_HYPHEN_MARK = "\x00"
# Upper-case boolean words are operators for edismax; visitors do not mean them that way.
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})


# A search asks for the words of its query several times (the query, the all-words and hub
# queries, the spellcheck text); the last few thousand answers are kept.
@lru_cache(maxsize=4096)
def edismax_terms(text: str) -> str:
    """The words of `text` as an edismax query without any operator, field or local param."""
    text = _INNER_HYPHEN.sub(_HYPHEN_MARK, text)
    text = _SYNTAX.sub(" ", text)
    words = [w for w in text.split() if w.strip(_HYPHEN_MARK) and w not in _OPERATORS]
    words = [w.strip(_HYPHEN_MARK).replace(_HYPHEN_MARK, "\\-") for w in words]
    return " ".join(words)


@lru_cache(maxsize=4096)
def plain_words(text: str) -> str:
    """The words of `text` for spellchecking and display: no syntax, no escapes."""
    return edismax_terms(text).replace("\\-", "-")


def phrase(text: str) -> str:
    """`text` as one quoted phrase; inner quotes and backslashes escaped."""
    words = " ".join(text.split())
    inner = words.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{inner}"' if inner.strip('\\"') else ""
