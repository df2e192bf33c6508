"""TYPO3's search markers: where a page marks its searchable content, only that part counts.

TYPO3 sites (common among German cities) wrap the content column in
``<!--TYPO3SEARCH_begin-->`` … ``<!--TYPO3SEARCH_end-->`` so that menus, teasers of other
pages and footers stay out of the site search. The cut works on the decoded HTML text before
the tree is built: the head (title, meta tags, canonical link) and the opening ``<body>`` tag
stay, the body keeps only the marked parts. A begin without an end runs to the end of the
page; a page without markers is left as it is.
"""

from __future__ import annotations

import re

_BEGIN = re.compile(r"<!--\s*TYPO3SEARCH_begin\s*-->", re.I)
_END = re.compile(r"<!--\s*TYPO3SEARCH_end\s*-->", re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)


def searchable_part(text: str) -> str:
    """``text`` with the body reduced to its TYPO3SEARCH-marked parts (unchanged if none)."""
    first = _BEGIN.search(text)
    if first is None:
        return text
    body = _BODY.search(text, 0, first.start())
    head = text[: body.end()] if body else text[: first.start()]
    pieces = []
    begin: re.Match[str] | None = first
    while begin is not None:
        end = _END.search(text, begin.end())
        pieces.append(text[begin.end(): end.start() if end else len(text)])
        begin = _BEGIN.search(text, end.end()) if end else None
    return head + "\n".join(pieces) + "\n</body></html>"
