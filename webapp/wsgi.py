"""WSGI entry point for gunicorn: `gunicorn -c webapp/gunicorn.conf.py webapp.wsgi:app`."""

from webapp import create_app

app = create_app()
