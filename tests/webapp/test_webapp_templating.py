"""Autoescaped template output: written without a Markup object per value, escaped exactly
as markupsafe escapes it."""

from __future__ import annotations

from flask import Flask, render_template_string
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from webapp.templating import html_text, init_app


class _Html:
    def __html__(self) -> str:
        return "<b>schon sicher</b>"


VALUES = st.one_of(st.text(), st.text(alphabet="&<>'\"; #ab"), st.integers(), st.booleans(),
                   st.floats(allow_nan=False), st.none(), st.text().map(Markup),
                   st.just(_Html()))


@given(VALUES)
def test_html_text_is_markupsafe_escape(value: object) -> None:
    assert html_text(value) == str(escape(value))


def test_pages_escape_values_and_keep_markup() -> None:
    app = Flask(__name__)
    init_app(app)
    source = ('{% macro macro_out() %}<i>{{ title }}</i>{% endmacro %}'
              '<a href="{{ href }}" title="{{ title }}">{{ snippet }}</a>{{ n }}'
              '{% autoescape false %}{{ raw }}{% endautoescape %}{{ macro_out() }}')
    with app.test_request_context("/"):
        html = render_template_string(
            source, href="/suche?q=a&b=\"c\"", title="<script>'x'</script>",
            snippet=Markup("Pass <mark>ausweis</mark>"), n=3, raw="<br>")
    assert html == ('<a href="/suche?q=a&amp;b=&#34;c&#34;" '
                    'title="&lt;script&gt;&#39;x&#39;&lt;/script&gt;">Pass <mark>ausweis</mark>'
                    '</a>3<br><i>&lt;script&gt;&#39;x&#39;&lt;/script&gt;</i>')
    # The compiled page writes its values through html_text, not a Markup per value.
    assert "environment.html_text(" in app.jinja_env.compile(source, raw=True)
