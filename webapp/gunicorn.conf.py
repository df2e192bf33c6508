"""gunicorn settings for a small machine (2 cores); STADTSUCHE_BIND etc. come from the loader."""

from stadtsuche.settings import load_settings

_settings = load_settings()
bind = _settings.bind
# Requests mostly wait for Solr, so a few threads per worker use the cores well.
workers = _settings.workers
worker_class = "gthread"
threads = _settings.threads
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
loglevel = _settings.log_level
