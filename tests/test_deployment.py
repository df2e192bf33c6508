"""docker-compose.yml cannot run here (no Docker engine); these checks keep it right."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())


def _launcher_solr_version() -> str:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    pom = ET.parse(REPO / "solr-runner" / "pom.xml").getroot()
    return pom.find("m:properties/m:solr.version", ns).text


def test_solr_image_matches_launcher_version() -> None:
    version = _launcher_solr_version()
    assert version.startswith("9.")
    images = [s["image"] for s in COMPOSE["services"].values() if str(s.get("image", "")).startswith("solr:")]
    assert images, "no solr service"
    assert all(image == f"solr:{version}" for image in images), images


def test_configsets_mounted_from_this_repo_exist() -> None:
    solr = COMPOSE["services"]["solr"]
    # host folder (relative to the repo) -> folder inside the container
    mounts = {v.split(":")[1]: v.split(":")[0] for v in solr["volumes"] if v.startswith("./")}
    assert mounts, "the configset is not mounted"
    created = re.findall(r"precreate-core (\S+) (\S+)", " ".join(solr["command"]))
    assert ("stadtsuche", "/opt/stadtsuche/solr-config") in created
    for _core, path in created:
        inside = next(c for c in mounts if path == c or path.startswith(c + "/"))
        on_host = REPO / mounts[inside] / Path(path).relative_to(inside)
        assert (on_host / "conf" / "solrconfig.xml").is_file(), path


def test_solr_healthcheck_pings_the_core() -> None:
    test = " ".join(COMPOSE["services"]["solr"]["healthcheck"]["test"])
    assert "/solr/stadtsuche/admin/ping" in test


def test_web_runs_gunicorn_and_waits_for_healthy_solr() -> None:
    web = COMPOSE["services"]["web"]
    assert web["command"].startswith("gunicorn ")
    assert web["depends_on"]["solr"]["condition"] == "service_healthy"
    assert (REPO / "webapp" / "gunicorn.conf.py").is_file()
    indexer = COMPOSE["services"]["indexer"]
    assert indexer["command"].startswith("python -m indexer ")
    assert indexer["restart"] == "no"
