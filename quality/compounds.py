"""Propose compound parts for ``lang/compounds_de.txt`` from the indexed pages' own words.

``python -m quality.compounds --solr-url URL`` reads the stored text of every page (as the
real indexer wrote it) and lists words that stand alone on the site *and* end or start
longer words there, e.g. "ausweis" in "personalausweis". The list is a proposal for review:
a part that also hides inside unrelated words ("amt" in "gesamt") belongs in the dictionary
only together with an entry in ``lang/compound_exceptions_de.txt``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable

from solrclient import SolrClient, SolrError, Timeouts

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
TEXT_FIELDS = ("title", "teaser", "content", "keywords")


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Lower-cased words (letters only) with the number of texts each occurs in."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(_WORD.findall(text.lower())))
    return counts


def candidates(vocab: Counter[str], min_part: int = 4, min_rest: int = 3,
               min_compounds: int = 2) -> dict[str, list[str]]:
    """Words that are the head (end) or the start of at least ``min_compounds`` longer words.

    Endings of one or two letters after the part are allowed (plural, case, linking "s"),
    so "amt" is found in "bürgeramts" and "straße" in "straßenbahn".
    """
    words = sorted(vocab)
    found: dict[str, set[str]] = defaultdict(set)
    standalone = {w for w in words if len(w) >= min_part}
    for long_word in words:
        for part in _parts_of(long_word, standalone, min_rest):
            found[part].add(long_word)
    return {p: sorted(ws) for p, ws in sorted(found.items(), key=lambda kv: -len(kv[1]))
            if len(ws) >= min_compounds}


def _parts_of(word: str, known: set[str], min_rest: int) -> set[str]:
    parts = set()
    for cut in range(min_rest, len(word) - min_rest + 1):
        head, tail = word[:cut], word[cut:]
        for ending in range(0, 3):  # tail may carry an inflection ending
            stem = tail[:len(tail) - ending] if ending else tail
            if stem in known and stem != word:
                parts.add(stem)
        if head in known and len(tail) >= min_rest:
            parts.add(head)
    return parts


def fetch_texts(core_url: str, timeout: float = 30.0) -> list[str]:
    """The stored text fields of every page in the core."""
    data = SolrClient(core_url, timeouts=Timeouts.reading(timeout)).call(
        "GET", "/select", params={"q": "*:*", "rows": 100_000, "fl": ",".join(TEXT_FIELDS)})
    texts = []
    for doc in data["response"]["docs"]:
        for name in TEXT_FIELDS:
            value = doc.get(name, "")
            texts.append(" ".join(value) if isinstance(value, list) else str(value))
    return texts


def main(argv: list[str] | None = None) -> int:
    """Print the proposed parts, one per line with up to eight example compounds."""
    p = argparse.ArgumentParser(prog="python -m quality.compounds", description=__doc__)
    p.add_argument("--solr-url", required=True, help="core URL of an indexed site")
    p.add_argument("--min-compounds", type=int, default=2)
    args = p.parse_args(argv)
    try:
        texts = fetch_texts(args.solr_url)
    except SolrError as err:
        print(f"quality.compounds: cannot read {args.solr_url}: {err}", file=sys.stderr)
        return 2
    for part, compounds in candidates(vocabulary(texts), min_compounds=args.min_compounds).items():
        print(f"{part}\t{len(compounds)}\t{' '.join(compounds[:8])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
