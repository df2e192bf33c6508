"""Only solrclient/ sends HTTP to Solr and builds Solr handler URLs.

Every other module reaches Solr through :class:`solrclient.SolrClient` (inside a role-named
repository, or ``tests.support`` for the tests), which appends handler paths such as
``/select`` to the configured URL itself. Two kinds of places are checked:

- imports of an HTTP client library (requests, urllib3, http.client, urllib.request, pysolr,
  httpx): outside solrclient/ and tests/ only in the modules listed below, each for a reason
  that is not Solr; tests use requests for the app and the sites they serve, never for Solr;
- a Solr handler path glued onto a URL (``f"{url}/select"``, ``base + "/update"``,
  ``requests.get(solr_url, …)``): nowhere but in the benchmark's raw load client.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SKIPPED_DIRS = {"node_modules", "sample-site", "target", "test-artifacts", "var", "__pycache__"}

HTTP_LIBRARIES = {"requests", "urllib3", "http.client", "urllib.request", "pysolr", "httpx",
                  "aiohttp", "pycurl"}

# Modules outside solrclient/ and tests/ that may import an HTTP client, and why.
HTTP_ELSEWHERE = {
    "bench/loadgen.py": "the benchmark's raw load client: the same cheap client for raw Solr "
                        "and for the app, so that the two are measured alike",
    "bench/search.py": "sends one prepared request to the app under test (equivalence check)",
    "bench/appserver.py": "waits until the app server under test answers",
    "bench/transport_cpu.py": "measures solrclient's transport against plain http.client",
    "indexer/sources/http.py": "fetches the city's web pages and documents",
    "indexer/sources/crawl.py": "crawls the city's web site",
}

# Places that may glue a Solr handler path onto a URL themselves, and why.
URL_BUILDING_ELSEWHERE = {
    "bench/targets.py": "the benchmark's raw load client: Solr /search requests encoded ahead "
                        "of time for bench/loadgen.py",
}

HANDLERS = (r"(?:select|update|get|search|suggest|query|export|terms|spell|analysis|schema|"
            r"config|replication|admin/(?:cores|collections|configs|info|ping|luke|mbeans|"
            r"file|segments|metrics|zookeeper))\b")
# A handler path right after an interpolated URL or after a string concatenation.
GLUED_HANDLER = re.compile(r"\}/" + HANDLERS + r"|\+\s*f?[\"']/" + HANDLERS)
# Names that hold a Solr URL in this project (fixtures, launcher attributes, settings).
SOLR_URL_NAME = re.compile(r"solr|core_url|collection_url|cloud_url|node_url|url_for\(|"
                           r"sample_index|indexed_core")
HTTP_CALLS = {"get", "post", "put", "delete", "head", "patch", "request", "urlopen"}


def _python_files() -> list[Path]:
    files = []
    for path in sorted(REPO.rglob("*.py")):
        parts = path.relative_to(REPO).parts
        if any(p.startswith(".") or p in SKIPPED_DIRS or p.endswith(".egg-info")
               for p in parts[:-1]):
            continue
        files.append(path)
    return files


def _name(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def _http_imports(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            found |= {lib for lib in HTTP_LIBRARIES if name == lib or name.startswith(lib + ".")}
    return found


def _http_calls_on_solr_urls(tree: ast.AST, source: str) -> list[str]:
    """HTTP calls (requests.get, session.post, urlopen …) whose URL names a Solr URL."""
    hits = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in HTTP_CALLS and node.args):
            continue
        owner = ast.get_source_segment(source, node.func.value) or ""
        if not re.search(r"requests|session|urllib|http", owner, re.IGNORECASE):
            continue
        url = node.args[1] if node.func.attr == "request" and len(node.args) > 1 else node.args[0]
        text = ast.get_source_segment(source, url) or ""
        if SOLR_URL_NAME.search(text):
            hits.append(f"line {node.lineno}: {ast.get_source_segment(source, node)[:100]}")
    return hits


@functools.cache
def _scan() -> dict[str, dict[str, object]]:
    report: dict[str, dict[str, object]] = {}
    for path in _python_files():
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(path))
        glued = [f"line {source.count(chr(10), 0, m.start()) + 1}: {m.group(0)}"
                 for m in GLUED_HANDLER.finditer(source)]
        report[_name(path)] = {"imports": _http_imports(tree), "glued": glued,
                               "calls": _http_calls_on_solr_urls(tree, source)}
    return report


def test_the_scan_sees_the_whole_project() -> None:
    scan = _scan()
    for part in ("solrclient", "webapp", "indexer", "quality", "bench", "solrlauncher",
                 "tests", "tools"):
        assert sum(name.startswith(part + "/") for name in scan) >= 3, part
    assert scan["solrclient/transport.py"]["imports"] == {"pycurl"}


def test_the_patterns_find_what_they_are_meant_to_find() -> None:
    for glued in ('f"{solr_url}/select"', "f'{url}/update'", 'f"{base}/admin/cores"',
                  'base + "/schema/analysis"', 'url + f"/get?id={i}"', 'f"{u}/config/params"'):
        assert GLUED_HANDLER.search(glued), glued
    for fine in ('client.call("GET", "/select")', 'f"{base}/{core}"', 'f"{app}/suche"',
                 'f"/config/params/{name}"', 'f"{server.url}/api/search"',
                 'f"{live.url}/admin/reindex"'):
        assert not GLUED_HANDLER.search(fine), fine
    tree = ast.parse('requests.get(f"{solr_url}/x")\nsession.post(core_url)\n'
                     'requests.get(f"{live_server.url}/api/search")\n')
    source = ast.unparse(tree)
    assert len(_http_calls_on_solr_urls(ast.parse(source), source)) == 2


def test_only_solrclient_and_named_modules_import_an_http_client() -> None:
    scan = _scan()
    unexpected = {name: sorted(info["imports"]) for name, info in scan.items()
                  if info["imports"] and not name.startswith(("solrclient/", "tests/"))
                  and name not in HTTP_ELSEWHERE}
    assert not unexpected, f"HTTP client outside solrclient/: {unexpected}"
    for name, why in HTTP_ELSEWHERE.items():
        assert scan[name]["imports"], f"{name} no longer needs its exception ({why})"
    # pysolr is not used anywhere: the project has one Solr client.
    assert not any("pysolr" in info["imports"] for info in scan.values())


def test_nothing_outside_solrclient_builds_solr_handler_urls() -> None:
    scan = _scan()
    offenders = {name: info["glued"] for name, info in scan.items()
                 if info["glued"] and not name.startswith("solrclient/")
                 and name not in URL_BUILDING_ELSEWHERE
                 and name != _name(Path(__file__))}
    assert not offenders, f"Solr handler URL built outside solrclient/: {offenders}"
    for name, why in URL_BUILDING_ELSEWHERE.items():
        assert scan[name]["glued"], f"{name} no longer needs its exception ({why})"


def test_no_test_sends_http_to_solr_itself() -> None:
    scan = _scan()
    offenders = {name: info["calls"] for name, info in scan.items()
                 if info["calls"] and name != _name(Path(__file__))}
    assert not offenders, f"HTTP to a Solr URL outside solrclient/: {offenders}"
    # The tests' own requests to the app stay (the check does not forbid requests itself).
    assert any("requests" in scan[name]["imports"] for name in scan if name.startswith("tests/"))
