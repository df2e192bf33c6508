"""The checks the security tests rely on do catch what they are meant to catch."""

from __future__ import annotations

import pytest

from tests.security.hostile import assert_no_leak, assert_safe_html, assert_safe_json

UNSAFE_HTML = [
    "<p><script>alert(1)</script></p>",
    '<p><img src=x onerror="alert(1)"></p>',
    '<a href="javascript:alert(1)">x</a>',
    '<div ng-app=""><p>[[ constructor ]]</p></div>',
    "<mark><b>x</b></mark>",
    '<svg onload="alert(3)"></svg>',
    '<script src="https://evil.example/x.js"></script>',
]


@pytest.mark.parametrize("html", UNSAFE_HTML)
def test_unsafe_html_is_caught(html: str) -> None:
    with pytest.raises(AssertionError):
        assert_safe_html(f"<!DOCTYPE html><html><body>{html}</body></html>")


def test_safe_html_passes() -> None:
    assert_safe_html('<html><head><script src="/static/js/search.js" defer></script></head>'
                     "<body><p>&lt;script&gt;alert(1)&lt;/script&gt; <mark>Hund</mark></p></body></html>")


@pytest.mark.parametrize("body", ["Traceback (most recent call last)", "org.apache.solr.search",
                                  "at http://127.0.0.1:8983/solr/x", "SyntaxError: Cannot parse"])
def test_leaks_are_caught(body: str) -> None:
    with pytest.raises(AssertionError):
        assert_no_leak(body)


def test_echoed_input_is_no_leak_but_the_rest_still_counts() -> None:
    assert_no_leak("Sie suchten: http://127.0.0.1/x", echoed=("http://127.0.0.1/x",))
    with pytest.raises(AssertionError):
        assert_no_leak("Sie suchten: x. Traceback", echoed=("x",))


def test_markup_in_json_snippets_is_caught() -> None:
    doc = {"snippet": "<img src=x onerror=alert(1)>", "clickUrl": "/klick?id=a"}
    with pytest.raises(AssertionError):
        assert_safe_json({"outData": {"response": {"docs": [doc]}}})
    doc = {"snippet": "ok <mark>a</mark>", "clickUrl": "https://evil.example/"}
    with pytest.raises(AssertionError):
        assert_safe_json({"outData": {"response": {"docs": [doc]}}})
