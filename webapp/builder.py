"""build_solr_params: a pure function from SearchRequest to the parameters of Solr's /search.

Each step looks at the request and returns the parameters it is responsible for; the
builder merges them. Nothing here does I/O, so tests compare plain dicts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache

from .escape import edismax_terms, phrase, plain_words
from .exclusion_filter import exclusion_fq
from .request import DOC_TYPES, SearchRequest, Sort

Params = dict[str, str]
# Several steps may add a filter query; Solr takes them as a repeated ``fq``.
SearchParams = dict[str, str | list[str]]

CATEGORY_TAG = "kategorie"
TYPE_TAG = "typ"
FIELDS = ("id,url,title,teaser,category,onlineDate,onlineDateHasTime,clickCounter,score,"
          "fileType,fileSize,pageCount,linkedFrom,linkedFromTitle")
# Document counts per file type, ignoring the type filter (JSON facet).
TYPE_FACET_JSON = {"type": "terms", "field": "fileType", "limit": 10,
                   "domain": {"excludeTags": TYPE_TAG}}
TYPE_FACET = json.dumps({"dateitypen": TYPE_FACET_JSON}, separators=(",", ":"))
# Marks each hit that contains every word the visitor typed (see add_all_words_to_solr).
ALL_WORDS_FIELD = "allwords:exists(query($allwords))"
# One request answers both matchings (see add_query_to_solr): the "strict" matching is the
# ranking's own (its qf and mm) on the words as typed; the main query is the relaxed one,
# where a third of the words and compound parts are enough (one, up to five of them). Pages
# with more of them score higher. With half, a page with the one word that matters was left
# out when the other words and their parts missed it ("pass" in "pass für urlaub usa").
RELAXED_MM = "34%"
ALL_WORDS_QUERY = "{!edismax mm=100% boost=1 bq='' bf='' pf='' pf2='' pf3='' v=$allq}"
STRICT_QUERY = "{!edismax boost=1 bq='' bf='' pf='' pf2='' pf3='' v=$allq}"
STRICT_FIELD = "strict:exists(query($strictq))"
# The main query of a request with both matchings: the pages of the strict matching with
# the score of the ranking's own query on the words as typed (its phrase and other boosts:
# exactly the score a search for the words alone gives them), multiplied by strictfactor so
# that they come first; and the other pages of the relaxed query with its score. A page of
# the strict results is so a prefix of the list in relevance order (ties newest first, as
# the ranking's clause says), and a custom default clause of the web team still applies.
MAIN_QUERY = "{!bool should=$strictranked should=$relaxedonly}"
STRICT_RANKED = "{!boost b=$strictfactor v=$rankq}"
RANK_QUERY = "{!edismax v=$allq}"
RELAXED_ONLY = "{!bool must=$relaxq must_not=$strictq}"
RELAXED_QUERY = "{!edismax mm=$relaxmm pf='' pf2='' pf3='' bq=$phraseq v=$relq}"
STRICT_FACTOR = 1_000_000
# Thesaurus expansions (add_thesaurus_to_solr): the relaxed side becomes "the relaxed query
# or any expansion, not the strict one"; an expansion's score counts a millionth (the inverse
# of STRICT_FACTOR), so a page found only through one comes after every page of the relaxed
# query, and its relaxscore of 0 puts it last on a page of relaxed results too.
RELAXED_OR_THESAURUS = "{!bool should=$relaxq should=$thesaurusq must_not=$strictq}"
THESAURUS_QUERY = "{!boost b=$thesweight v=$thesinner}"
THESAURUS_INNER = "{!edismax mm=1 pf='' pf2='' pf3='' bq='' bf='' boost=1 v=$thesq}"
THESAURUS_WEIGHT = "0.000001"
THESAURUS_LAST = "exists(query($relaxq)) desc, "
# The ranking's phrase boost (its pf fields and slop) for the words as typed. On the relaxed
# text (words and parts) it is no phrase anyone wrote, and with the synonyms of every word and
# part its graph grew past Solr's clause limit ("Bewohnerparkausweis verlängern Bürgerservice").
PHRASE_QUERY = ("{!edismax qf=$pf qs=$ps mm=100% pf='' pf2='' pf3='' bq='' bf='' boost=1 "
                "v=$phrasewords}")
RELAX_BOOST = "if(query($allwords),$relaxfactor,1)"
# A chosen order (newest, oldest, popular) puts the strict matching first in the same way.
STRICT_FIRST = "exists(query($strictq)) desc, "
# The relaxed query's own score of each hit shown, to order the relaxed results' page.
RELAXED_SCORE_FIELD = "relaxscore:query($relaxq,0)"
# Counts of the strict matching in the same request: all hits, and per category and file type
# each without its own filter, as the facets of the main query.
STRICT_COUNT = "{!query v=$strictq}"
PINNED_OUTSIDE = "{!bool filter=$pinq must_not=$strictq}"
# Pages the web team demoted: their score (of either matching, and of a plain search) is
# multiplied by the handler's demotefactor through its appended boost=$demoteboost.
DEMOTE_QUERY = "{!terms f=id v=$demoteids}"
DEMOTE_BOOST = "if(exists(query($demoteq)),$demotefactor,1)"
SORT_CLAUSES = {
    Sort.RELEVANCE: "score desc, onlineDate desc",
    Sort.NEWEST: "onlineDate desc, score desc",
    Sort.OLDEST: "onlineDate asc, score desc",
    Sort.POPULAR: "clickCounter desc, score desc",
}


def _clause_key(clause: str) -> str:
    return ",".join(" ".join(part.split()) for part in clause.split(","))


_SORT_BY_CLAUSE = {_clause_key(clause): sort for sort, clause in SORT_CLAUSES.items()}


def sort_for_clause(clause: str | None) -> Sort:
    """The visitor order a Solr sort clause stands for; another (custom) clause is shown
    as relevance, while Solr still applies it from the ranking ParamSet."""
    return _SORT_BY_CLAUSE.get(_clause_key(clause or ""), Sort.RELEVANCE)


def relaxing(req: SearchRequest) -> bool:
    """True when the request carries both matchings: the service set its compound parts
    (possibly none) because fewer words or the parts alone may find pages."""
    return not req.exact and req.relaxed_terms is not None


def add_query_to_solr(req: SearchRequest) -> Params:
    """The main query: stemmed words; with relaxed matching the words and their compound
    parts, of which a third suffice; with "wortwörtlich" one phrase on unstemmed fields.

    The words travel in their own parameters, escaped, never inside local params."""
    if req.exact:
        return {"q": phrase(plain_words(req.query)), "qf": "title_exact^6 exact",
                "pf": "", "mm": "100%"}
    if not relaxing(req):
        return {"q": edismax_terms(req.query)}
    words = edismax_terms(req.query)
    parts = [edismax_terms(p) for p in req.relaxed_terms or ()]
    # Local params in q count only with the standard parser as defType (Solr ignores them
    # under edismax); the nested edismax queries read the words (and parts) from allq and relq.
    params = {"q": MAIN_QUERY, "defType": "lucene", "strictranked": STRICT_RANKED,
              "relaxedonly": RELAXED_ONLY, "relaxq": RELAXED_QUERY,
              "relq": " ".join([words, *parts]), "relaxmm": RELAXED_MM,
              "strictfactor": str(STRICT_FACTOR), "phraseq": "", "phrasewords": ""}
    if len(words.split()) > 1:
        params.update(phraseq=PHRASE_QUERY, phrasewords=f'"{words}"')
    return params


def add_thesaurus_to_solr(req: SearchRequest) -> Params:
    """Words of the same meaning (webapp.thesaurus) on the relaxed side only, each enough
    for a page but with a tiny weight; in a chosen order (newest, oldest, popular) the pages
    found only through them come after the relaxed query's pages as well. The strict
    matching (the words as typed) is untouched and first in every order. The words travel
    in thesq, escaped, never inside local params."""
    if not relaxing(req) or not req.expansions:
        return {}
    words = " ".join(edismax_terms(w) for w in req.expansions)
    params = {"relaxedonly": RELAXED_OR_THESAURUS, "thesaurusq": THESAURUS_QUERY,
              "thesinner": THESAURUS_INNER, "thesq": words, "thesweight": THESAURUS_WEIGHT}
    if req.sort is not Sort.RELEVANCE:
        params["sort"] = STRICT_FIRST + THESAURUS_LAST + SORT_CLAUSES[req.sort]
    return params


def add_all_words_to_solr(req: SearchRequest) -> Params:
    """The visitor's words as queries of their own: "allwords" (every word), and with relaxed
    matching "strictq" (the ranking's own matching); they rank their pages first and mark
    each hit. The words travel in allq, escaped like q, never inside local params."""
    if req.exact:
        return {}
    params = {"allq": edismax_terms(req.query), "allwords": ALL_WORDS_QUERY}
    if relaxing(req):
        params.update(strictq=STRICT_QUERY, rankq=RANK_QUERY, relaxboost=RELAX_BOOST)
    elif len(plain_words(req.query).split()) > 1:
        # The ranking's mm lets long queries miss a word; pages with all words still first.
        params["relaxboost"] = RELAX_BOOST
    return params


def add_category_filter_to_solr(req: SearchRequest) -> Params:
    """Filter by category; the value travels in its own parameter, never inside local params."""
    if not req.category:
        return {}
    return {"fq": f"{{!term f=category tag={CATEGORY_TAG} v=$kategorie}}",
            "kategorie": req.category}


def add_exclusions_to_solr(req: SearchRequest) -> Params:
    """Leave out the pages the web team excluded (ids and URL prefixes, escaped). As an fq it
    also applies to the spellcheck collations, which Solr tries with the request's filters,
    so "Meinten Sie" never proposes words found only on excluded pages."""
    fq = exclusion_fq(req.exclusions)
    return {"fq": fq} if fq else {}


def add_facets_to_solr(req: SearchRequest) -> Params:
    """Category counts, ignoring the category filter so that the other choices stay visible."""
    return {"facet": "true", "facet.field": f"{{!ex={CATEGORY_TAG}}}category",
            "facet.mincount": "1", "facet.limit": "100", "facet.sort": "count"}


def add_type_filter_to_solr(req: SearchRequest) -> Params:
    """Only documents, or one file type; the value comes from a fixed list, never the visitor."""
    if req.doc_type not in DOC_TYPES:
        return {}
    file_type = DOC_TYPES[req.doc_type]
    if file_type is None:
        return {"fq": f"{{!tag={TYPE_TAG}}}fileType:[* TO *]"}
    return {"fq": f"{{!term f=fileType tag={TYPE_TAG} v=$dateityp}}", "dateityp": file_type}


def add_type_facet_to_solr(req: SearchRequest) -> Params:
    """How many documents of each file type match (the "Dokumente" choices); with relaxed
    matching also the counts of the strict matching (hits, categories, file types)."""
    if not relaxing(req):
        return {"json.facet": TYPE_FACET}
    return {"json.facet": _strict_type_facets(bool(_pinned(req)))}


@lru_cache(maxsize=None)  # two variants, encoded once per process
def _strict_type_facets(pinned: bool) -> str:
    category = {"type": "terms", "field": "category", "limit": 100, "mincount": 1}
    facets: dict[str, object] = {
        "dateitypen": TYPE_FACET_JSON,
        "strict": {"type": "query", "q": STRICT_COUNT},
        "strict_kategorien": {"type": "query", "q": STRICT_COUNT,
                              "domain": {"excludeTags": CATEGORY_TAG},
                              "facet": {"werte": category}},
        "strict_dateitypen": {"type": "query", "q": STRICT_COUNT,
                              "domain": {"excludeTags": TYPE_TAG},
                              "facet": {"werte": {"type": "terms", "field": "fileType",
                                                  "limit": 10}}}}
    if pinned:
        facets["strict_gepinnt"] = {"type": "query", "q": PINNED_OUTSIDE}
    return json.dumps(facets, separators=(",", ":"))


def add_paging_to_solr(req: SearchRequest) -> Params:
    """Start offset and page size."""
    return {"start": str((req.page - 1) * req.rows), "rows": str(req.rows)}


def add_sorting_to_solr(req: SearchRequest) -> Params:
    """Sort clause for the chosen order; none when the visitor chose none, so that the
    web team's default in the ranking ParamSet applies (also a custom clause). An order
    other than relevance, chosen or the web team's, puts the strict matching first when
    the request carries both matchings (in relevance order its score does)."""
    clause = SORT_CLAUSES[req.sort]
    if relaxing(req) and req.sort is not Sort.RELEVANCE:
        # Also for the web team's default order: Solr's clause from the ParamSet would
        # mix the two matchings, and the strict view would find its pages missing.
        return {"sort": STRICT_FIRST + clause}
    if req.sort_from_ranking:
        return {}
    return {"sort": clause}


def add_spellcheck_to_solr(req: SearchRequest) -> Params:
    """Spellcheck the visitor's words (not the escaped or quoted query)."""
    return {"spellcheck": "true", "spellcheck.q": plain_words(req.query)}


def _pinned(req: SearchRequest) -> list[str]:
    if req.sort is not Sort.RELEVANCE:
        return []
    return [i for i in req.pinned_ids if i and "," not in i]


def add_elevation_to_solr(req: SearchRequest) -> Params:
    """Pinned pages first; only for relevance order, a chosen date order stays a date order.
    With relaxed matching, ``pinq`` names them for the strict count (a pinned page is shown
    in the strict results even where it lacks the words)."""
    ids = _pinned(req)
    if not ids:
        return {}
    params = {"elevateIds": ",".join(ids)}
    if relaxing(req):
        params["pinq"] = "{!terms f=id v=$elevateIds}"
    return params


def add_fields_to_solr(req: SearchRequest) -> Params:
    """Stored fields the result list shows, whether each hit has all words and, with relaxed
    matching, whether it is one of the strict matching or pinned."""
    if req.exact:
        return {"fl": FIELDS}
    if relaxing(req):
        extra = f",{STRICT_FIELD},{RELAXED_SCORE_FIELD}"
        extra += ",[elevated]" if _pinned(req) else ""
        return {"fl": f"{FIELDS},{ALL_WORDS_FIELD}{extra}"}
    return {"fl": f"{FIELDS},{ALL_WORDS_FIELD}"}


def add_demotion_to_solr(req: SearchRequest) -> Params:
    """Rank the demoted pages lower: a factor on their score, so that they stay in their
    matching and only give way to the pages around them. The ids travel in their own
    parameter, never inside local params (ids with a comma are left out: terms splits there)."""
    ids = [i for i in req.demoted_ids if i and "," not in i]
    if not ids:
        return {}
    return {"demoteids": ",".join(ids), "demoteq": DEMOTE_QUERY, "demoteboost": DEMOTE_BOOST}


# Duplicates: pages with the same content signature (the same page under several addresses,
# a language copy whose body is still German) are one result. The head is the address with
# the lowest addressRank, which the indexer computes by the stated rule (canonical link,
# German, the service portal over copies, shorter path); pages without a signature stay.
DUPLICATES_TAG = "dubletten"
COLLAPSE_FQ = ("{!collapse tag=" + DUPLICATES_TAG
               + " field=signature nullPolicy=expand min=addressRank}")
# The other addresses of a shown page, listed under it: all of them (expand.q), not only
# those that match the words, best address first; the pager and facets count groups.
OTHER_ADDRESSES_SHOWN = 5
EXPAND_SORT = "addressRank asc"
GROUP_FIELDS = "signature,language"
NO_SIGNATURE = "-signature:[* TO *]"
LANGUAGE_TAG = "sprache"
SITE_TAG = "bereich"
# German first: pages published in another language are multiplied by the handler's
# langfactor; pages without a language (older documents) are left as they are.
LANGUAGE_BOOST = "if(termfreq(language,'de'),1,if(exists(language),$langfactor,1))"
# Overview pages: multiplied by the handler's hubfactor unless every word of the visitor is
# in the overview's own title ("Bürgerservice" still finds the Bürgerservice overview).
HUB_BOOST = "if(hub,if(query($hubtitle,0),1,$hubfactor),1)"
HUB_TITLE_QUERY = "{!edismax qf=title mm=100% boost=1 v=$hubq}"


@lru_cache(maxsize=None)  # a few fixed combinations: encoded once per process
def _group_facet(field: str, tag: str, limit: int, within: str | None = None) -> str:
    """A JSON terms facet that ignores the filter tagged `tag` and counts duplicates once:
    the number of results the visitor gets on choosing the value.

    Collapsed, a group would count only under its head's value, the head being chosen
    among all the group's pages (the Italian copy of a German page counts as German, yet
    "Italienisch" shows it). So the facet sees the pages without the collapse and counts,
    per value, the signatures among its pages (``groups``) plus its pages without one
    (``single``); ``result._group_buckets`` adds them up. `within`: only among the pages
    of this query (the strict matching)."""
    domain = {"excludeTags": f"{tag},{DUPLICATES_TAG}"}
    if within:
        domain["filter"] = within
    return json.dumps({"type": "terms", "field": field, "limit": limit, "mincount": 1,
                       "domain": domain,
                       "facet": {"groups": "unique(signature)",
                                 "single": {"type": "query", "q": NO_SIGNATURE}}},
                      separators=(",", ":"))


def add_collapsing_to_solr(req: SearchRequest) -> Params:
    """One result per content signature, its other addresses listed with it: all of them
    whatever the visitor filtered, except the pages the web team excluded."""
    return {"fq": COLLAPSE_FQ, "expand": "true", "expand.q": "*:*",
            "expand.fq": exclusion_fq(req.exclusions) or "*:*",
            "expand.rows": str(OTHER_ADDRESSES_SHOWN), "expand.sort": EXPAND_SORT}


def add_group_fields_to_solr(req: SearchRequest) -> Params:
    """The fields of add_fields_to_solr plus what ties a hit to its other addresses."""
    return {"fl": f"{GROUP_FIELDS},{add_fields_to_solr(req)['fl']}"}


def add_grouped_filter_facets_to_solr(req: SearchRequest) -> Params:
    """Category and file-type counts with each duplicate group once per value (see
    _group_facet); the result prefers them to the plain counts of the steps above."""
    return {"json.facet.kategorien": _group_facet("category", CATEGORY_TAG, 100),
            "json.facet.dateitypen_gruppen": _group_facet("fileType", TYPE_TAG, 10)}


def add_language_filter_to_solr(req: SearchRequest) -> Params:
    """Only pages published in the chosen language (a value from a fixed list)."""
    if not req.language:
        return {}
    return {"fq": f"{{!term f=language tag={LANGUAGE_TAG} v=$sprache}}",
            "sprache": req.language}


def add_site_filter_to_solr(req: SearchRequest) -> Params:
    """Only pages of the chosen site; the value travels in its own parameter."""
    if not req.site:
        return {}
    return {"fq": f"{{!term f=site tag={SITE_TAG} v=$bereich}}", "bereich": req.site}


def add_language_and_site_facets_to_solr(req: SearchRequest) -> Params:
    """Pages per language and per site, each ignoring its own filter."""
    return {"json.facet.sprachen": _group_facet("language", LANGUAGE_TAG, 50),
            "json.facet.bereiche": _group_facet("site", SITE_TAG, 50)}


def add_strict_group_facets_to_solr(req: SearchRequest) -> Params:
    """With both matchings in the request, the same counts for the strict matching, which
    the visitor sees when it finds enough (see result.parse_matchings)."""
    if not relaxing(req):
        return {}
    return {f"json.facet.strict_{name}": _group_facet(field, tag, limit, STRICT_COUNT)
            for name, field, tag, limit in (("kategorien_gruppen", "category", CATEGORY_TAG, 100),
                                            ("dateitypen_gruppen", "fileType", TYPE_TAG, 10),
                                            ("sprachen", "language", LANGUAGE_TAG, 50),
                                            ("bereiche", "site", SITE_TAG, 50))}


def add_german_first_to_solr(req: SearchRequest) -> Params:
    """Rank German pages above copies in other languages; a chosen language needs no order."""
    if req.language:
        return {}
    return {"langboost": LANGUAGE_BOOST}


def add_hub_demotion_to_solr(req: SearchRequest) -> Params:
    """Overview pages below the service pages they list, unless the visitor names them."""
    words = edismax_terms(req.query)
    if not words:
        return {}
    return {"hubboost": HUB_BOOST, "hubtitle": HUB_TITLE_QUERY, "hubq": words}


STEPS: tuple[Callable[[SearchRequest], Params], ...] = (
    add_query_to_solr,
    add_all_words_to_solr,
    add_category_filter_to_solr,
    add_exclusions_to_solr,
    add_facets_to_solr,
    add_type_filter_to_solr,
    add_type_facet_to_solr,
    add_paging_to_solr,
    add_sorting_to_solr,
    add_thesaurus_to_solr,
    add_spellcheck_to_solr,
    add_elevation_to_solr,
    add_fields_to_solr,
    add_demotion_to_solr,
    add_collapsing_to_solr,
    add_group_fields_to_solr,
    add_grouped_filter_facets_to_solr,
    add_language_filter_to_solr,
    add_site_filter_to_solr,
    add_language_and_site_facets_to_solr,
    add_strict_group_facets_to_solr,
    add_german_first_to_solr,
    add_hub_demotion_to_solr,
)


# The phrase boosts of a search: the ranking's (pf, pf2, pf3: the web team's ParamSet) and the
# relaxed query's own (phraseq). With a slop, Lucene turns a phrase into one phrase query per
# path through the synonym graph of its words, the product of their synonyms: five ordinary
# words with a few synonyms each ("online sitzung gebühr ummelden ladesäule") exceed Solr's
# clause limit, while the words themselves stay a small query.
NO_PHRASE_BOOSTS: Params = {"pf": "", "pf2": "", "pf3": "", "phraseq": "", "phrasewords": ""}


def without_phrase_boosts(params: SearchParams) -> SearchParams:
    """``params`` with every phrase boost off: the same matching, ranked by the words alone."""
    return {**params, **NO_PHRASE_BOOSTS}


def build_solr_params(req: SearchRequest) -> SearchParams:
    """All /search parameters for `req`, merged from the named steps (``fq`` repeated)."""
    params: SearchParams = {}
    for step in STEPS:
        for key, value in step(req).items():
            earlier = params.get(key)
            if key == "fq" and earlier is not None:
                params[key] = [*(earlier if isinstance(earlier, list) else [earlier]), value]
            else:
                params[key] = value
    return params
