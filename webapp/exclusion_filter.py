"""Solr syntax that keeps excluded pages out: a filter query for /search (and with it the
spellcheck collations, which Solr tries with the request's filters) and a context filter for
the title suggester. Pure functions; every value is backslash-escaped, never pasted raw."""

from __future__ import annotations

import re

from .tuning import Exclusions

# Every character the Lucene query grammars (standard and flexible parser) give a meaning
# to, plus whitespace, which would end a term.
_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/\s])')


def escape_term(value: str) -> str:
    """``value`` as one literal term of the Lucene query syntax."""
    return _SPECIAL.sub(r"\\\1", value)


def exclusion_fq(exclusions: Exclusions) -> str | None:
    """A filter that drops excluded ids and URLs under excluded prefixes (None: nothing)."""
    clauses = [f"-id:{escape_term(i)}" for i in exclusions.ids if i]
    clauses += [f"-url:{escape_term(p)}*" for p in exclusions.url_prefixes if p]
    if not clauses:
        return None
    return "*:* " + " ".join(clauses)


def suggest_context_filter(exclusions: Exclusions) -> str | None:
    """``suggest.cfq`` for the title suggester, whose context is each page's URL.

    The suggester only knows URLs, so an excluded id is matched as a URL too (a page's id
    is its normalised URL). Solr parses this with a tokenizing analyzer: a plain term would
    be split at "/" and ":", so one URL is written as a range from itself to itself (ranges
    and prefixes are not analysed). A query of only negative clauses is what the infix
    suggester expects for "all but these".
    """
    clauses = [f"-[{escape_term(i)} TO {escape_term(i)}]" for i in exclusions.ids if i]
    clauses += [f"-{escape_term(p)}*" for p in exclusions.url_prefixes if p]
    return " ".join(clauses) or None
