"""The two WSGI apps of the floor benchmark (bench/floor.py), and their server.

Each request does nothing but wait as long as a Solr search would (``FLOOR_WAIT_MS``, time
without CPU, as the app spends it waiting for Solr's answer) and answer a few bytes of JSON:

* ``wsgi``: a bare WSGI callable, the server's own cost per request;
* ``flask``: a Flask app with one view that reads the query and answers JSON, the cost of the
  framework the app is built on.

``python -m bench.floor_apps --bind HOST:PORT`` serves ``FLOOR_APP`` (``wsgi`` or ``flask``)
with the production server's settings (webapp/serve.py: workers, threads, access log, malloc
arenas).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, request

from stadtsuche.settings import load_settings
from webapp.serve import limit_malloc_arenas, make_server

APPS = ("wsgi", "flask")
_WAIT_S = float(os.environ.get("FLOOR_WAIT_MS", "0")) / 1000
_BODY = b'{"ok": true}'


def _wait() -> None:
    if _WAIT_S > 0:
        time.sleep(_WAIT_S)


def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """The server alone: wait, then a fixed answer."""
    _wait()
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(_BODY)))])
    return [_BODY]


flask = Flask(__name__)


@flask.get("/api/search")
def _search() -> dict[str, Any]:
    query = request.args.get("q", "")
    _wait()
    return {"q": query, "ok": True}


def main(argv: list[str] | None = None) -> None:
    limit_malloc_arenas()  # as webapp.serve does, before any thread
    parser = argparse.ArgumentParser(prog="python -m bench.floor_apps")
    parser.add_argument("--bind", required=True)
    args = parser.parse_args(argv)
    name = os.environ.get("FLOOR_APP", "wsgi")
    if name not in APPS:
        raise SystemExit(f"FLOOR_APP must be one of {', '.join(APPS)}, got {name!r}")
    make_server(load_settings(), args.bind, target=f"bench.floor_apps:{name}").serve()


if __name__ == "__main__":
    main()
