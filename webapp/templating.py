"""Template globals shared by all pages, and how autoescaped output is written.

Every ``{{ … }}`` of an autoescaped template is passed through markupsafe's ``escape``, which
returns a new ``Markup`` object (a Python-level ``__new__``) only for the text to be joined
into the page at once: about 1 µs each, some 170 times per results page. ``html_text`` gives
the same characters as a plain string; templates compiled here call it instead (a page of
results: 0.10 ms less CPU, see webapp/README.md). Values are still escaped exactly as
markupsafe does; ``Markup`` and anything with ``__html__`` still pass unescaped; nothing
changes for expressions, filters, macros or ``{% autoescape %}`` blocks.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from jinja2.compiler import CodeGenerator, Frame
from markupsafe import escape

from .links import path_for

# markupsafe's replacements, in an order that never escapes an escape.
_REPLACEMENTS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("'", "&#39;"), ('"', "&#34;"))


def html_text(value: Any) -> str:
    """``str(markupsafe.escape(value))``, without making a ``Markup`` of a plain string."""
    if type(value) is str:
        for char, entity in _REPLACEMENTS:
            if char in value:
                value = value.replace(char, entity)
        return value
    if type(value) is int:
        return str(value)
    return escape(value)


class HtmlCodeGenerator(CodeGenerator):
    """Jinja's code generator, with autoescaped output written through ``html_text``."""

    def _output_child_pre(self, node: Any, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.html_text(")
        if finalize.src is not None:
            self.write(finalize.src)


def init_app(app: Flask) -> None:
    """Register the path helper (rows, facets and pager links come ready-made from the page
    model, `page_model.py`) and the output escaping above."""
    env = app.jinja_env
    env.html_text = html_text  # type: ignore[attr-defined]
    env.code_generator_class = HtmlCodeGenerator
    app.add_template_global(path_for, "path")
