"""A fuzzy signature of a page's main text: equal for identical and nearly identical bodies.

The text is reduced to lower-case words (punctuation, case and spacing do not count), cut into
overlapping three-word shingles, and the ``SKETCH`` smallest shingle hashes are kept (a
bottom-k MinHash sketch); the signature is the hash of that sketch. Two bodies with the same
words have the same signature. A small edit changes it only when one of the shingles it
touches is among the smallest, which for a page of a few hundred words is rare; two different
pages share it only when their smallest shingles are all the same, which in practice means
almost the same text. Texts too short for a sketch are hashed word for word.

Computed here rather than by Solr's SignatureUpdateProcessorFactory: the indexer writes every
field as an atomic update and click counts arrive as ``inc`` updates carrying only the id and
``clickCounter``. A signature processor in the update chain runs on the partial update as
sent, before Solr merges it with the stored document, so it would compute a signature over
the fields present in the click (none) and overwrite the page's real signature with it.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import zlib

SHINGLE = 3
SKETCH = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The text's words, lower-cased."""
    return _WORD.findall(text.casefold())


def body_without_title(content: str, title: str) -> str:
    """The main text without its heading: a translated copy keeps the German body."""
    if title and content.startswith(title):
        return content[len(title):]
    return content.replace(title, " ", 1) if title else content


def signature(text: str) -> str | None:
    """The signature of a text; None when it has no words at all."""
    found = words(text)
    if not found:
        return None
    if len(found) < SHINGLE + SKETCH:
        return _digest("w:" + " ".join(found))
    shingles = {" ".join(found[i:i + SHINGLE]) for i in range(len(found) - SHINGLE + 1)}
    # CRC-32 is stable across processes and cheap; with a few hundred shingles per page its
    # collisions do not matter for a sketch of 8.
    sketch = heapq.nsmallest(SKETCH, (zlib.crc32(s.encode("utf-8")) for s in shingles))
    return _digest("s:" + ",".join(f"{h:08x}" for h in sketch))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
