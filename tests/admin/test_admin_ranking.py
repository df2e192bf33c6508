"""Ranking tuning: typed settings, preview, saving to the ParamSet, versions, golden queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.admin.conftest import csrf, order
from tests.support import Core
from webapp.admin.forms import ranking_from_form
from webapp.admin.ranking import (RankingError, RankingSettings, RecencyRule, parse_ranking,
                                  to_params, validate)

REPO = Path(__file__).resolve().parents[2]


def _form(settings: RankingSettings, **changes: str) -> dict[str, str]:
    """The ranking form as the page fills it, with some fields changed."""
    form = {f"qf_{name}": str(weight) for name, weight in settings.field_weights}
    form.update({f"pf_{name}": str(weight) for name, weight in settings.phrase_weights})
    form.update(ps=str(settings.phrase_slop), popularity=str(settings.popularity),
                sort=settings.default_sort)
    for i, rule in enumerate(settings.recency):
        form.update({f"rec_cat_{i}": rule.category, f"rec_half_{i}": str(rule.half_life_days),
                     f"rec_weight_{i}": str(rule.weight)})
    form.update(changes)
    return form


def _live(solr_url: str) -> RankingSettings:
    return parse_ranking(Core(solr_url).param_set("ranking"))


def test_params_json_round_trips_through_typed_settings() -> None:
    raw = json.loads((REPO / "solr-config/conf/params.json").read_text())["params"]["ranking"]
    settings = parse_ranking(raw)
    assert settings.weight("title") > 0 and settings.weight("content") > 0
    assert parse_ranking(to_params(settings)) == settings
    written = to_params(settings)
    for key, value in raw.items():
        if key and key not in ("boost", "sort"):
            assert str(written[key]).split() == str(value).split(), key


def test_recency_and_unknown_boosts_survive_a_round_trip() -> None:
    settings = RankingSettings(
        field_weights=(("title", 5.0), ("content", 1.0)), popularity=0.5,
        recency=(RecencyRule("Aktuelles", 30.0, 2.0), RecencyRule("Umwelt & Abfall", 90.0, 0.5)),
        other_boosts=("if(exists(onlineDate),1.1,1)",), extra=(("mm", "2<-1 5<75%"),))
    params = to_params(settings)
    assert params["boost"].startswith("product(") and "'Umwelt & Abfall'" in params["boost"]
    assert parse_ranking(params) == settings
    assert parse_ranking({"qf": "title", "boost": "recip(ms(NOW,onlineDate),3.16e-11,1,1)"}) \
        .other_boosts == ("recip(ms(NOW,onlineDate),3.16e-11,1,1)",)


def test_invalid_values_get_german_messages() -> None:
    base = RankingSettings(field_weights=(("title", 1.0),))
    with pytest.raises(RankingError, match="Mindestens ein Feld"):
        validate(base.with_changes(field_weights=(("title", 0.0),)))
    with pytest.raises(RankingError, match="keine Zahl"):
        ranking_from_form({"qf_title": "viel"}, base)
    with pytest.raises(RankingError, match="Beliebtheits-Boost"):
        ranking_from_form({"qf_title": "1", "popularity": "99"}, base)
    with pytest.raises(RankingError, match="enthält"):
        ranking_from_form({"qf_title": "1", "rec_cat_0": "It's"}, base)
    with pytest.raises(RankingError, match="Sortierung"):
        ranking_from_form({"qf_title": "1", "sort": "id asc; drop"}, base)
    german = ranking_from_form({"qf_title": "2,5", "popularity": "0,75"}, base)
    assert german.weight("title") == 2.5 and german.popularity == 0.75


def test_raising_popularity_shows_in_preview_then_live_after_saving(
        admin: FlaskClient, solr_url: str, pages: list) -> None:
    before = order(solr_url, "Ausweis")
    assert before[:2] == ["adm-personalausweis", "adm-fundbuero"]
    live = _live(solr_url)
    admin.get("/admin/ranking")
    form = _form(live, popularity="8", vorschau_q="Ausweis", csrf_token=csrf(admin))
    preview = admin.post("/admin/ranking", data={**form, "aktion": "vorschau"})
    assert preview.status_code == 200
    html = preview.get_data(as_text=True)
    current_col = html.split('id="vorschau-aktuell"')[1].split("</ol>")[0]
    proposed_col = html.split('id="vorschau-vorschlag"')[1].split("</ol>")[0]
    assert current_col.index("adm-personalausweis") < current_col.index("adm-fundbuero")
    assert proposed_col.index("adm-fundbuero") < proposed_col.index("adm-personalausweis")
    assert "▲ 1" in proposed_col
    # The preview changed nothing for visitors.
    assert order(solr_url, "Ausweis") == before

    saved = admin.post("/admin/ranking", data={**form, "aktion": "speichern",
                                               "kommentar": "Beliebtes nach oben"})
    assert saved.status_code == 302
    assert order(solr_url, "Ausweis")[:2] == ["adm-fundbuero", "adm-personalausweis"]
    assert _live(solr_url).popularity == 8
    page = admin.get("/admin/ranking").get_data(as_text=True)
    assert "Ranking gespeichert (Version 2)" in page and "Beliebtes nach oben" in page
    versions = admin.get("/admin/api/ranking").json["versions"]
    assert [(v["number"], v["user"]) for v in versions] == [(2, "redaktion"), (1, "system")]

    # Restoring version 1 (the starting values) brings the old order back, as version 3.
    restored = admin.post("/admin/ranking/version/1", data={"csrf_token": csrf(admin)})
    assert restored.status_code == 302
    assert order(solr_url, "Ausweis") == before
    assert admin.get("/admin/api/ranking").json["versions"][0]["number"] == 3
    assert _live(solr_url) == live.with_changes(default_sort=_live(solr_url).default_sort)


def test_recency_boost_per_category_lifts_fresh_news(admin: FlaskClient, solr_url: str,
                                                     pages: list) -> None:
    assert order(solr_url, "Baustelle")[0] == "adm-baustelle-alt"
    live = _live(solr_url)
    admin.get("/admin/ranking")
    response = admin.post("/admin/ranking", data=_form(
        live, rec_cat_0="Aktuelles", rec_half_0="30", rec_weight_0="20", aktion="speichern",
        csrf_token=csrf(admin)))
    assert response.status_code == 302
    assert order(solr_url, "Baustelle")[0] == "adm-baustelle-neu"
    assert _live(solr_url).recency == (RecencyRule("Aktuelles", 30.0, 20.0),)


def test_default_sort_is_saved_in_the_param_set(admin: FlaskClient, solr_url: str,
                                                pages: list) -> None:
    admin.get("/admin/ranking")
    admin.post("/admin/ranking", data=_form(_live(solr_url), sort="onlineDate desc, score desc",
                                            aktion="speichern", csrf_token=csrf(admin)))
    assert order(solr_url, "Baustelle") == ["adm-baustelle-neu", "adm-baustelle-alt"]
    assert _live(solr_url).default_sort == "onlineDate desc, score desc"


def test_preview_names_golden_queries_the_proposal_would_break(admin: FlaskClient,
                                                               solr_url: str, pages: list) -> None:
    admin.get("/admin/golden")
    admin.post("/admin/golden", data={"begriff": "Ausweis", "seiten": "adm-personalausweis",
                                      "notiz": "Bürgeramt zuerst", "csrf_token": csrf(admin)})
    admin.post("/admin/golden", data={"begriff": "Hundesteuer",
                                      "seiten": "https://www.jena.de/test/hundesteuer",
                                      "csrf_token": csrf(admin)})
    golden_page = admin.get("/admin/golden").get_data(as_text=True)
    assert "Bürgeramt zuerst" in golden_page
    # Popularity alone pushes the Fundbüro up, but the Personalausweis stays in the top 3.
    harmless = admin.post("/admin/ranking", data=_form(
        _live(solr_url), popularity="8", vorschau_q="Ausweis", aktion="vorschau",
        csrf_token=csrf(admin))).get_data(as_text=True)
    assert "Alle goldenen Suchanfragen, die heute passen, passen auch mit dem Vorschlag" in harmless
    # Searching the content only, "Hundesteuer" (a word of that page's title alone, nor are
    # its parts in the page's text) is lost.
    breaking = admin.post("/admin/ranking", data=_form(
        _live(solr_url), qf_title="0", qf_teaser="0", qf_keywords="0", pf_title="0",
        pf_teaser="0", vorschau_q="Hundesteuer", aktion="vorschau",
        csrf_token=csrf(admin))).get_data(as_text=True)
    assert "würde 1 goldene" in breaking
    broken = breaking.split("brechen:")[1].split("</p>")[0]
    assert "„Hundesteuer“" in broken and "Ausweis" not in broken
    assert "(würde brechen)" in breaking
    # Nothing was saved: the live search still finds the page.
    assert order(solr_url, "Hundesteuer") == ["adm-hundesteuer"]


def test_golden_queries_are_seeded_once_from_the_quality_file(admin: FlaskClient,
                                                              tmp_path: Path) -> None:
    from webapp.admin.services import services
    app = admin.application
    path = tmp_path / "golden.json"
    path.write_text(json.dumps([{"query": "Personalausweis", "expected": ["adm-personalausweis"]},
                                {"q": "Hund", "top3": "/test/hundesteuer"}]), encoding="utf-8")
    with app.app_context():
        svc = services()
        object.__setattr__(svc.settings, "golden_queries_file", str(path))
        assert [g.query for g in svc.golden()] == ["Hund", "Personalausweis"]
        path.write_text("[]", encoding="utf-8")
        assert len(svc.golden()) == 2  # imported once; the list lives in Solr afterwards


def test_bad_form_values_are_shown_not_saved(admin: FlaskClient, solr_url: str) -> None:
    admin.get("/admin/ranking")
    before = _live(solr_url)
    response = admin.post("/admin/ranking", data={"qf_title": "abc", "aktion": "speichern",
                                                  "csrf_token": csrf(admin)})
    assert response.status_code == 400
    assert "ist keine Zahl" in response.get_data(as_text=True)
    assert _live(solr_url) == before


def test_the_quality_teams_golden_file_is_understood() -> None:
    from webapp.admin.records import parse_golden_file
    path = REPO / "quality" / "golden_queries.json"
    assert path.is_file(), "quality/golden_queries.json is missing"
    raw = json.loads(path.read_text(encoding="utf-8"))
    golden = parse_golden_file(raw)
    assert len(golden) == len([g for g in raw if g.get("expected")])
    assert all(g.query and g.expected for g in golden)
    assert parse_golden_file({"Perso": ["adm-personalausweis"]})[0].expected == (
        "adm-personalausweis",)


def test_golden_check_sees_what_visitors_see(admin: FlaskClient, solr_url: str,
                                             pages: list) -> None:
    """Spelling fallback and pins apply in the check as in the visitor search."""
    from webapp.admin.preview import check_golden
    from webapp.admin.records import GoldenQuery, save_pin
    from webapp.admin.services import services
    with admin.application.app_context():
        svc = services()
        save_pin(svc.stats, "Ausweis", ["adm-hundesteuer"])
        svc.pins.invalidate()
        live = _live(solr_url)
        checks = check_golden(svc.search, [
            GoldenQuery("Hundesteur", ("adm-hundesteuer",)),
            GoldenQuery("Ausweis", ("https://www.jena.de/test/hundesteuer",)),
            GoldenQuery("Ausweis", ("adm-baustelle-neu",))], live, svc.tuning)
    assert [c.passes_now for c in checks] == [True, True, False]
    assert [c.passes_proposed for c in checks] == [True, True, False]
    assert checks[1].proposed_top[0] == "Hundesteuer"


def test_seed_command_imports_the_golden_file(solr_url: str, tmp_path: Path) -> None:
    from tests.admin.conftest import make_app
    path = tmp_path / "golden.json"
    path.write_text(json.dumps([{"query": "Hundesteuer", "expected": "adm-hundesteuer"}]),
                    encoding="utf-8")
    app = make_app(solr_url, GOLDEN_QUERIES_FILE=str(path))
    result = app.test_cli_runner().invoke(args=["admin-seed-golden"])
    assert result.exit_code == 0 and "1 goldene Suchanfragen übernommen" in result.output
    again = app.test_cli_runner().invoke(args=["admin-seed-golden"])
    assert "0 goldene Suchanfragen übernommen" in again.output


def test_preview_of_a_misspelled_query_says_which_correction_it_shows(
        admin: FlaskClient, solr_url: str, pages: list) -> None:
    admin.get("/admin/ranking")
    html = admin.post("/admin/ranking", data=_form(
        _live(solr_url), vorschau_q="Hundesteur", aktion="vorschau",
        csrf_token=csrf(admin))).get_data(as_text=True)
    assert "Besucher sehen die Treffer" in html and "„hundesteuer“" in html.lower()
    assert "adm-hundesteuer" in html.split('id="vorschau-vorschlag"')[1].split("</ol>")[0]


def test_preview_of_an_order_other_than_relevance_keeps_the_words_as_typed_first(
        admin: FlaskClient, solr_url: str) -> None:
    """A proposal sorted by date: the pages with every word come first, as for a visitor
    who chose that order, not the newer pages that have only one of the words."""
    from tests.admin.conftest import page
    from webapp.admin.preview import search_as_visitor
    from webapp.admin.services import services
    both = [page(f"beide-{i}", f"Antrag Formular {i}", "Antrag und Formular.", days_old=300 + i)
            for i in range(6)]
    one = [page(f"eines-{i}", f"Antrag {i}", "Nur der Antrag.", days_old=1 + i)
           for i in range(12)]
    Core(solr_url).load(both + one)
    with admin.application.app_context():
        svc = services()
        proposal = _live(solr_url).with_changes(default_sort="onlineDate desc, score desc")
        shown = search_as_visitor(svc.search, "Antrag Formular", proposal, pins=svc.tuning)
    assert [h.id for h in shown.hits] == [f"adm-beide-{i}" for i in range(6)]
