"""WSGI entry point; production serves it with `python -m webapp.serve` (granian)."""

from webapp import create_app

app = create_app()
