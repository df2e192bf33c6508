"""Compile the Java launcher and resolve Solr's classpath with Maven, once."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent
RUNNER_DIR = REPO / "solr-runner"
CONFIGSET = REPO / "solr-config"
_TARGET = RUNNER_DIR / "target"
_CLASSPATH_FILE = _TARGET / "classpath.txt"
_CLASSES = _TARGET / "classes"
MAIN_CLASS = "de.jena.stadtsuche.solr.SolrLauncher"


def _sources() -> list[Path]:
    return [RUNNER_DIR / "pom.xml", *sorted((RUNNER_DIR / "src").rglob("*.*"))]


def _is_fresh() -> bool:
    if not (_CLASSPATH_FILE.is_file() and (_CLASSES / "log4j2.xml").is_file()):
        return False
    built = _CLASSPATH_FILE.stat().st_mtime
    return all(src.stat().st_mtime <= built for src in _sources())


def ensure_built(mvn: str = "mvn") -> str:
    """Return the java classpath for the launcher, building it with Maven if needed."""
    if not _is_fresh():
        log.info("building the Solr launcher with Maven (first run downloads Solr)")
        cmd = [
            mvn, "-q", "-B", "package", "-DskipTests",
            "dependency:build-classpath", f"-Dmdep.outputFile={_CLASSPATH_FILE}",
        ]
        done = subprocess.run(cmd, cwd=RUNNER_DIR, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(
                "Maven could not build the Solr launcher:\n" + done.stdout[-4000:] + done.stderr[-4000:]
            )
        _CLASSPATH_FILE.touch()
    return f"{_CLASSES}:{_CLASSPATH_FILE.read_text().strip()}"


def java_command(classpath: str, args: list[str], heap: str = "1g",
                 options: tuple[str, ...] = ()) -> list[str]:
    """The java command line that runs the launcher with ``args`` (``options``: extra -D/-X)."""
    return [
        "java",
        f"-Xmx{heap}",
        "-XX:+UseG1GC",
        *options,
        "-Dlog4j2.configurationFile=" + str(_CLASSES / "log4j2.xml"),
        "-Dsolr.install.dir=" + str(RUNNER_DIR),
        "-Duser.timezone=UTC",
        "-Dfile.encoding=UTF-8",
        "-cp",
        classpath,
        MAIN_CLASS,
        *args,
    ]
