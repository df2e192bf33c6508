"""Synonyms and stopwords (Solr managed resources, live after a core reload) and golden
queries (records in the statistics core); each change to synonyms or stopwords is audited."""

from __future__ import annotations

import re

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from webapp.request import clean_text, int_or
from webapp.thesaurus import candidates as thesaurus_candidates

from .audit import record_change
from .blueprint import bp
from .records import save_golden
from .security import signed_in_user
from .services import services
from .synonym_list import synonym_page

MAX_TERM = 100
_SPLIT = re.compile(r"[,;\n]+")


def _terms(raw: str | None) -> list[str]:
    """Comma- or line-separated words, cleaned and lower-cased (the analyzer ignores case)."""
    return [t for t in (clean_text(p)[:MAX_TERM].lower() for p in _SPLIT.split(raw or "")) if t]


@bp.get("/begriffe")
def terms() -> str:
    """Synonyms (filtered by `suche`, a page at a time) and stopwords as Solr holds them; the
    form is prefilled from a zero-hit query link (`begriff`)."""
    svc = services()
    prefill = clean_text(request.args.get("begriff", ""))[:MAX_TERM]
    listing = synonym_page(svc.core.managed("synonyms"),
                           clean_text(request.args.get("suche", ""))[:MAX_TERM],
                           int_or(request.args.get("seite"), 1))
    return render_template("admin/terms.html", listing=listing,
                           stopwords=sorted(svc.core.managed("stopwords")), prefill=prefill,
                           candidates=thesaurus_candidates(prefill))


@bp.post("/begriffe/synonym")
def synonym_add() -> Response:
    """Map a term to one or more others (both ways if asked), then reload the core."""
    svc = services()
    term = (_terms(request.form.get("begriff")) or [""])[0]
    targets = _terms(request.form.get("synonyme"))
    if not term or not targets:
        flash("Bitte einen Begriff und mindestens ein Synonym angeben.", "error")
        return redirect(url_for("admin.terms"))
    # Each mapping keeps the word itself, so a page that uses the word is still found.
    group = list(dict.fromkeys([term, *targets]))
    mapping = {term: group}
    if request.form.get("beidseitig"):
        mapping = {word: group for word in group}
    known = svc.core.managed("synonyms")
    svc.core.add_managed("synonyms", mapping)
    svc.core.reload()
    record_change(svc.stats, "synonyms", signed_in_user() or "?", f"Synonym gespeichert: {term}",
                  {word: known[word] for word in mapping if word in known} or None, mapping)
    flash(f"Synonym gespeichert: {term} → {', '.join(targets)}. Es wirkt ab sofort.")
    # The list shows the saved mapping (and any the word already was part of).
    return redirect(url_for("admin.terms", suche=term))


@bp.post("/begriffe/synonym/entfernen")
def synonym_delete() -> Response:
    """Remove one synonym mapping."""
    svc = services()
    term = clean_text(request.form.get("begriff", ""))[:MAX_TERM]
    before = svc.core.managed("synonyms").get(term)
    svc.core.delete_managed("synonyms", term)
    svc.core.reload()
    record_change(svc.stats, "synonyms", signed_in_user() or "?", f"Synonym entfernt: {term}",
                  {term: before}, None)
    flash(f"Synonym „{term}“ entfernt.")
    return redirect(url_for("admin.terms"))


@bp.post("/begriffe/stoppwort")
def stopword_add() -> Response:
    """Add stopwords (words the search ignores)."""
    svc = services()
    words = _terms(request.form.get("woerter"))
    if not words:
        flash("Bitte mindestens ein Wort angeben.", "error")
    else:
        before = sorted(svc.core.managed("stopwords"))
        svc.core.add_managed("stopwords", words)
        svc.core.reload()
        record_change(svc.stats, "stopwords", signed_in_user() or "?",
                      f"Stoppwörter hinzugefügt: {', '.join(words)}", before,
                      sorted(set(before) | set(words)))
        flash(f"Stoppwörter gespeichert: {', '.join(words)}.")
    return redirect(url_for("admin.terms"))


@bp.post("/begriffe/stoppwort/entfernen")
def stopword_delete() -> Response:
    """Remove one stopword."""
    svc = services()
    word = clean_text(request.form.get("wort", ""))[:MAX_TERM]
    before = sorted(svc.core.managed("stopwords"))
    svc.core.delete_managed("stopwords", word)
    svc.core.reload()
    record_change(svc.stats, "stopwords", signed_in_user() or "?", f"Stoppwort entfernt: {word}",
                  before, [w for w in before if w != word])
    flash(f"Stoppwort „{word}“ entfernt.")
    return redirect(url_for("admin.terms"))


@bp.get("/golden")
def golden() -> str:
    """The golden queries the preview checks."""
    return render_template("admin/golden.html", golden=services().golden())


@bp.post("/golden")
def golden_save() -> Response:
    """Create, change or (with no pages) remove a golden query."""
    expected = [i for i in re.split(r"[\s,]+", request.form.get("seiten", "")) if i]
    try:
        save_golden(services().stats, request.form.get("begriff", ""), expected,
                    request.form.get("notiz", ""))
    except ValueError as err:
        flash(str(err), "error")
    else:
        flash("Goldene Suchanfrage gespeichert." if expected
              else "Goldene Suchanfrage entfernt.")
    return redirect(url_for("admin.golden"))
