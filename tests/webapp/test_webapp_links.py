"""The query strings of the app's own links read exactly as werkzeug's url_for writes them."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given
from hypothesis import strategies as st

from webapp.links import _SAFE, LinkPattern, link, query_string, slot

TEXT = st.text(max_size=40)
VALUE = st.one_of(TEXT, st.integers(), st.booleans(), st.floats(allow_nan=False),
                  st.lists(TEXT, max_size=3), st.binary(max_size=10))


@given(st.lists(st.tuples(TEXT, VALUE), max_size=6))
def test_query_string_is_urlencode_with_werkzeugs_safe_characters(
        items: list[tuple[str, object]]) -> None:
    assert query_string(items) == urlencode(items, doseq=True, safe=_SAFE)


def test_the_same_text_gives_the_same_quoting_each_time() -> None:
    items = [("q", "Müll & Abfall/Termine?"), ("page", 2)]
    assert query_string(items) == query_string(items) == "q=M%C3%BCll+%26+Abfall/Termine?&page=2"


def test_paths_kept_per_worker_follow_the_mount_point(client: FlaskClient) -> None:
    # The form, stylesheet and script paths are built once per mount point, not per request.
    for root in ("", "/stadt", ""):
        html = client.get("/suche?q=Ausweis", environ_overrides={"SCRIPT_NAME": root}).text
        assert f'href="{root}/static/css/stadtsuche.css"' in html
        assert f'action="{root}/suche"' in html
        assert f'data-suggest-url="{root}/api/suggest"' in html
        assert f'<script src="{root}/static/js/search.js"' in html


NAMES = st.sampled_from(["q", "category", "page", "typ", "sprache", "bereich", "id", "pos"])


@given(st.dictionaries(NAMES, TEXT, max_size=6), NAMES, NAMES, TEXT, TEXT, st.booleans())
def test_a_link_pattern_reads_as_the_link_built_whole(
        args: dict[str, str], first: str, second: str, one: str, two: str,
        two_slots: bool) -> None:
    # The common part encoded once, the slots quoted alone: the same text as link() writes,
    # also when a request text holds a slot's stand-in or the slots come in any order.
    slots = {first: slot(0)}
    values = [one]
    if two_slots and second != first:
        slots[second] = slot(1)
        values.append(two)
    pattern_args = {**args, **slots}
    whole_args = {**args, **{name: value for name, value in zip(slots, values)}}
    app = Flask(__name__)
    app.add_url_rule("/suche", "search.page")
    with app.test_request_context("/suche"):
        assert LinkPattern("search.page", pattern_args, len(values))(*values) == link(
            "search.page", whole_args)


def test_a_request_text_holding_a_slot_is_linked_as_it_is() -> None:
    app = Flask(__name__)
    app.add_url_rule("/suche", "search.page")
    with app.test_request_context("/suche"):
        pattern = LinkPattern("search.page", {"q": slot(0), "category": slot(0)})
        assert pattern("Müll") == "/suche?q=M%C3%BCll&category=M%C3%BCll"
