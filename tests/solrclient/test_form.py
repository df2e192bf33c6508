"""The remembered form encoding writes exactly what urlencode(doseq=True) writes."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from hypothesis import given
from hypothesis import strategies as st

from solrclient.form import encode
from webapp.builder import build_solr_params
from webapp.request import parse_search_request

_TEXT = st.text(max_size=30)
_VALUES = st.one_of(_TEXT, st.lists(_TEXT, max_size=3), st.tuples(_TEXT, _TEXT),
                    st.integers(), st.booleans())


@given(st.dictionaries(_TEXT, _VALUES, max_size=8))
def test_encode_is_urlencode_with_doseq(params: dict[str, object]) -> None:
    assert encode(params) == urlencode(params, doseq=True)


def test_a_search_body_is_the_same_twice_and_reads_back() -> None:
    params = build_solr_params(parse_search_request(
        {"q": "Müll & Abfall {!lucene}", "category": "Umwelt"}))
    first, second = encode(params), encode(params)
    assert first == second == urlencode(params, doseq=True)
    read_back: dict[str, list[str]] = {}
    for key, value in parse_qsl(first, keep_blank_values=True):
        read_back.setdefault(key, []).append(value)
    assert read_back["allq"] == [params["allq"]]
    assert isinstance(params["fq"], list)
    assert read_back["fq"] == params["fq"]
