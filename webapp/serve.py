"""The production server: granian's WSGI server for ``webapp.wsgi:app``, set up from settings.

``python -m webapp.serve [--bind HOST:PORT]`` (Makefile ``serve``, the container image). Chosen
over gunicorn by measurement (webapp/README.md, "WSGI server"): per request it costs 0.2-0.3 ms
less CPU than gunicorn's gthread worker. What gunicorn's config gave and how it is kept here:

* workers × threads (``STADTSUCHE_WORKERS``, ``STADTSUCHE_THREADS``): worker processes, each
  running the app in a pool of blocking threads;
* an access log line per request and the app's own log lines at ``STADTSUCHE_LOG_LEVEL``;
* limits on request line and headers: the HTTP/1 read buffer is 16 KiB (too long a URL, too
  big or too many headers: 431); bodies are refused by the app (``MAX_CONTENT_LENGTH``);
* graceful stop (SIGTERM: requests in flight finish, workers get ``KILL_TIMEOUT_S``), SIGHUP
  restarts the workers one after the other, and a worker that dies is started again;
* recycling: gunicorn's ``max_requests`` was insurance against a worker that grows; here a
  worker whose resident memory exceeds ``MAX_WORKER_RSS_MIB`` is replaced, which recycles
  exactly the worker that grows and keeps the others' result caches warm;
* glibc's malloc arenas: at most ``MALLOC_ARENAS`` per process (see :func:`limit_malloc_arenas`).
"""

from __future__ import annotations

import argparse
import copy
import ctypes
import os
from typing import Any

from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings
from granian.log import LOGGING_CONFIG, LogLevels
from granian.server import Server

from stadtsuche.settings import Settings, load_settings

TARGET = "webapp.wsgi:app"
# Request line plus headers; gunicorn allowed a 4 KiB line and 100 headers of 8 KiB each.
HEAD_BUFFER_BYTES = 16 * 1024
KEEPALIVE_HEADER_TIMEOUT_MS = 5_000
KILL_TIMEOUT_S = 20
# Twice the budget the memory benchmark checks (100 MB); a worker above it is replaced.
MAX_WORKER_RSS_MIB = 200
RSS_SAMPLE_S = 30
ACCESS_FORMAT = '%(addr)s - "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).1fms'
# glibc gives every thread that allocates an arena of its own (up to 8 per core) and keeps
# what is freed in each; with 8 app threads that is about 3 MiB of a worker's resident size
# (``python -m bench memory``, webapp/README.md "WSGI server"). The GIL lets one thread run
# Python at a time, so two arenas see little contention.
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number (malloc.h)


def _logging(level: str) -> dict[str, Any]:
    """granian's own loggers plus the app's (root), with time and logger name."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["generic"]["fmt"] = "%(asctime)s [%(levelname)s] %(name)s: %(message)s"
    config["formatters"]["access"]["fmt"] = "%(asctime)s %(message)s"
    config["root"] = {"handlers": ["console"], "level": level.upper()}
    return config


def split_bind(bind: str) -> tuple[str, int]:
    """``host:port`` (IPv6 hosts in brackets) as host and port."""
    host, sep, port = bind.rpartition(":")
    if not sep or not port.isdigit():
        raise SystemExit(f"STADTSUCHE_BIND must be host:port, got {bind!r}")
    return host.strip("[]") or "0.0.0.0", int(port)


def make_server(settings: Settings, bind: str | None = None, target: str = TARGET) -> Server:
    """The server as production runs it (``target``: another WSGI app served the same way,
    for the benchmark's floor, bench/floor.py)."""
    host, port = split_bind(bind or settings.bind)
    return Server(
        target, address=host, port=port, interface=Interfaces.WSGI, http=HTTPModes.http1,
        workers=settings.workers, blocking_threads=settings.threads, websockets=False,
        http1_settings=HTTP1Settings(header_read_timeout=KEEPALIVE_HEADER_TIMEOUT_MS,
                                     keep_alive=True, max_buffer_size=HEAD_BUFFER_BYTES),
        log_level=LogLevels(settings.log_level), log_dictconfig=_logging(settings.log_level),
        log_access=True, log_access_format=ACCESS_FORMAT,
        respawn_failed_workers=True, workers_kill_timeout=KILL_TIMEOUT_S,
        workers_max_rss=MAX_WORKER_RSS_MIB, rss_sample_interval=RSS_SAMPLE_S)


def limit_malloc_arenas() -> None:
    """At most ``MALLOC_ARENAS`` glibc malloc arenas in this process and the workers it starts,
    unless ``MALLOC_ARENA_MAX`` is set already (then that value holds).

    Set in the environment for processes started afresh, and with ``mallopt`` for this one,
    whose workers are forked from it: glibc reads the variable only when a process starts.
    Called before any thread exists, as glibc fixes the limit when a second arena is made.
    Without glibc (``mallopt`` missing) nothing changes.
    """
    value = os.environ.setdefault("MALLOC_ARENA_MAX", str(MALLOC_ARENAS))
    if not value.isdigit():
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_ARENA_MAX, int(value))


def main(argv: list[str] | None = None) -> None:
    """Serve until SIGTERM/SIGINT."""
    limit_malloc_arenas()
    parser = argparse.ArgumentParser(prog="python -m webapp.serve", description=__doc__.split(
        "\n")[0])
    parser.add_argument("--bind", help="HOST:PORT instead of STADTSUCHE_BIND")
    args = parser.parse_args(argv)
    make_server(load_settings(), args.bind).serve()


if __name__ == "__main__":
    main()
