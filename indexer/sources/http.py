"""Polite HTTP fetching for the crawler: robots.txt, rate limit, retries, conditional GETs."""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from indexer.config import IndexerConfig
from indexer.files.kinds import looks_like_document
from indexer.model import Outcome, RawPage, SourceProblem
from indexer.state import ValidatorStore

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 65536


class Fetcher:
    """One requests session for a run; knows robots.txt and the last request time per host."""

    def __init__(self, config: IndexerConfig, validators: ValidatorStore) -> None:
        self.config = config
        self.validators = validators
        self.session = requests.Session()
        self.session.headers["User-Agent"] = config.user_agent
        retry = Retry(total=config.http_retries, backoff_factor=0.5,
                      status_forcelist=(429, 500, 502, 503, 504),
                      allowed_methods=("GET", "HEAD"), respect_retry_after_header=True,
                      raise_on_status=False)
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._robots_trouble: dict[str, str] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        """Release pooled connections."""
        self.session.close()

    def trouble(self, url: str) -> str | None:
        """Why the URL's host could not be asked for robots.txt (unreachable, 5xx), if so."""
        self._robots_for(url)
        return self._robots_trouble.get(_origin(url))

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our user agent fetch it."""
        return self._robots_for(url).can_fetch(self.config.user_agent, url)

    def get_bytes(self, url: str) -> tuple[requests.Response, bytes]:
        """Plain GET (for sitemaps); raises requests exceptions and HTTPError."""
        self._wait_turn(url)
        response = self.session.get(url, timeout=self.config.http_timeout)
        response.raise_for_status()
        return response, response.content

    def fetch_page(self, url: str) -> RawPage | SourceProblem:
        """GET one page conditionally; problems come back as a SourceProblem with a reason."""
        if not self.allowed(url):
            trouble = self._robots_trouble.get(_origin(url))
            if trouble:  # the host is unreachable: the page must count as failed, not gone
                return SourceProblem(url, Outcome.FAILED, trouble)
            return SourceProblem(url, Outcome.SKIPPED, "durch robots.txt gesperrt")
        known = self.validators.get(url)
        headers = {}
        if known and known.etag:
            headers["If-None-Match"] = known.etag
        if known and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        self._wait_turn(url)
        try:
            with self.session.get(url, headers=headers, timeout=self.config.http_timeout,
                                  stream=True) as response:
                return self._page_from(url, response, known.page_id if known else None)
        except requests.RequestException as err:
            log.warning("fetching %s failed: %s", url, err)
            return SourceProblem(url, Outcome.FAILED, f"Abruf fehlgeschlagen: {err}")

    def _page_from(self, url: str, response: requests.Response,
                   known_id: str | None) -> RawPage | SourceProblem:
        if response.status_code == 304 and known_id:
            return SourceProblem(url, Outcome.UNCHANGED, "nicht geändert (HTTP 304)", known_id)
        if response.status_code in (404, 410):
            return SourceProblem(url, Outcome.SKIPPED,
                                 f"nicht gefunden (HTTP {response.status_code})")
        if response.status_code >= 400 or response.status_code == 304:
            kind = Outcome.FAILED if response.status_code >= 500 else Outcome.SKIPPED
            return SourceProblem(url, kind, f"HTTP {response.status_code}")
        final = response.url
        if urlsplit(final).netloc.lower() != urlsplit(url).netloc.lower():
            return SourceProblem(url, Outcome.SKIPPED, f"Weiterleitung auf fremden Host: {final}")
        content_type = response.headers.get("Content-Type", "")
        document = looks_like_document(final, content_type)
        if (content_type and not document
                and content_type.split(";")[0].strip().lower() not in _HTML_TYPES):
            return SourceProblem(url, Outcome.SKIPPED, f"kein HTML (Content-Type {content_type})")
        limit = self.config.max_file_bytes if document else self.config.max_page_bytes
        body = bytearray()
        for chunk in response.iter_content(_CHUNK):
            body += chunk
            if len(body) > limit:
                return SourceProblem(url, Outcome.SKIPPED,
                                     f"{'Datei' if document else 'Seite'} größer als {limit} Bytes")
        modified = response.headers.get("Last-Modified")
        return RawPage(url=final, body=bytes(body), content_type=content_type or None,
                       http_last_modified=online_date(modified, response.headers.get("Date")),
                       etag=response.headers.get("ETag"),
                       last_modified_header=modified,
                       robots_header=response.headers.get("X-Robots-Tag"))

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        origin = _origin(url)
        with self._lock:
            if origin in self._robots:
                return self._robots[origin]
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self.session.get(origin + "/robots.txt", timeout=self.config.http_timeout)
            if response.status_code in (401, 403):
                parser.disallow_all = True
            elif response.status_code >= 500:
                parser.disallow_all = True  # the site is struggling: do not crawl it now
                self._robots_trouble[origin] = f"robots.txt: HTTP {response.status_code}"
            elif response.status_code >= 400:
                parser.allow_all = True
            else:
                parser.parse(response.text.splitlines())
        except requests.RequestException as err:
            log.warning("robots.txt of %s not readable, not crawling it: %s", origin, err)
            parser.disallow_all = True
            self._robots_trouble[origin] = f"Server nicht erreichbar: {err}"
        with self._lock:
            self._robots[origin] = parser
        return parser

    def _wait_turn(self, url: str) -> None:
        """Keep at least the crawl delay (ours or robots.txt's, whichever is longer) per host."""
        host = urlsplit(url).netloc
        robots = self._robots.get(_origin(url))
        delay = max(self.config.crawl_delay, float(robots.crawl_delay(self.config.user_agent) or 0)
                    if robots else 0.0)
        with self._lock:
            wait = self._last.get(host, 0.0) + delay - time.monotonic()
            self._last[host] = time.monotonic() + max(wait, 0.0)
        if wait > 0:
            time.sleep(wait)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# A Last-Modified this close to the moment of the answer is the time the server generated the
# page for this request, not the time it went online.
GENERATED_SECONDS = 120


def online_date(last_modified: str | None, answered: str | None,
                now: datetime | None = None) -> datetime | None:
    """The Last-Modified header as an online date; None when it is just the fetch time (a page
    generated per request) or unreadable."""
    moment = _aware(_http_date(last_modified))
    if moment is None:
        return None
    reference = _aware(_http_date(answered)) or now or datetime.now(UTC)
    if abs((reference - moment).total_seconds()) <= GENERATED_SECONDS:
        return None
    return moment


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
