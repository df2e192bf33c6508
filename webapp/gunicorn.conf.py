"""gunicorn settings for a small machine (2 cores); override with STADTSUCHE_BIND etc."""

import os

bind = os.environ.get("STADTSUCHE_BIND", "127.0.0.1:5000")
# Requests mostly wait for Solr, so a few threads per worker use the cores well.
workers = int(os.environ.get("STADTSUCHE_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("STADTSUCHE_THREADS", "4"))
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("STADTSUCHE_LOG_LEVEL", "info")
