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


def test_app_outbox_lives_on_a_persistent_volume() -> None:
    # Accepted clicks wait there until Solr takes them: a new container must still find them.
    for name in ("web", "web-cloud"):
        service = COMPOSE["services"][name]
        outbox = service["environment"]["STADTSUCHE_OUTBOX_DIR"]
        mounts = [v.split(":")[1] for v in service["volumes"] if v.split(":")[0] in
                  COMPOSE["volumes"]]
        assert any(outbox.startswith(m + "/") for m in mounts), (name, outbox, mounts)


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


def test_web_runs_the_app_server_and_waits_for_healthy_solr() -> None:
    web = COMPOSE["services"]["web"]
    assert web["command"].startswith("python -m webapp.serve ")
    assert web["depends_on"]["solr"]["condition"] == "service_healthy"
    assert (REPO / "webapp" / "serve.py").is_file()
    indexer = COMPOSE["services"]["indexer"]
    assert indexer["command"].startswith("python -m indexer ")
    assert indexer["restart"] == "no"


def test_production_stack_indexes_only_the_named_live_source() -> None:
    env = COMPOSE["x-app-env"]
    assert env["STADTSUCHE_ENV"] == "production"
    # Compose refuses to start without the live source; there is no sample-site default.
    assert env["STADTSUCHE_INDEX_SOURCE"].startswith("${STADTSUCHE_INDEX_SOURCE:?")
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    assert "sample-site" not in text
    # The full index is a one-off that `docker compose up` never starts.
    indexer = COMPOSE["services"]["indexer"]
    assert indexer["profiles"] == ["tools"] and indexer["command"] == "python -m indexer reindex --full"
    schedule = COMPOSE["services"]["reindex-schedule"]
    assert schedule["command"] == "python -m webapp.admin.schedule"
    assert schedule["depends_on"]["solr"]["condition"] == "service_healthy"
    assert schedule["volumes"] == COMPOSE["services"]["web"]["volumes"]  # same indexer state


def test_every_image_has_a_full_version_tag() -> None:
    images = [s["image"] for s in COMPOSE["services"].values() if "image" in s]
    base = re.findall(r"^FROM (\S+)", (REPO / "Dockerfile").read_text(), re.M)
    assert len(images) >= 5 and base
    for image in images + base:
        assert re.fullmatch(r"[a-z0-9/-]+:\d+\.\d+\.\d+(-[a-z0-9.-]+)?", image), image


# ---------------------------------------------------------------- profile "cloud" (SolrCloud)

CLOUD_NODES = ("solr1", "solr2", "solr3")


def _cloud_services() -> dict[str, dict]:
    return {name: s for name, s in COMPOSE["services"].items() if "cloud" in s.get("profiles", [])}


def test_cloud_profile_leaves_the_default_stack_alone() -> None:
    cloud = _cloud_services()
    assert {"zookeeper", *CLOUD_NODES, "solr-cloud-init", "web-cloud",
            "rebuild-cloud"} <= set(cloud)
    # `docker compose up` without --profile still starts exactly the single-core stack.
    default = {name for name, s in COMPOSE["services"].items() if not s.get("profiles")}
    assert default == {"solr", "web", "reindex-schedule"}
    for name, service in cloud.items():
        for dep in service.get("depends_on", {}):
            assert dep in cloud, f"{name} (cloud) depends on {dep} outside the profile"


def test_cloud_nodes_join_one_zookeeper_with_distinct_hosts_and_volumes() -> None:
    cloud = _cloud_services()
    zk = cloud["zookeeper"]
    assert str(zk["image"]).startswith("zookeeper:3.")
    hosts, volumes, ports = set(), set(), set()
    for name in CLOUD_NODES:
        node = cloud[name]
        assert node["image"] == f"solr:{_launcher_solr_version()}"
        assert node["environment"]["ZK_HOST"] == "zookeeper:2181"
        assert node["depends_on"]["zookeeper"]["condition"] == "service_healthy"
        hosts.add(node["environment"]["SOLR_HOST"])
        volumes.update(v.split(":")[0] for v in node["volumes"])
        ports.update(p.rsplit(":", 1)[0] for p in node["ports"])
        assert node["volumes"][0].endswith(":/var/solr")
        assert "healthcheck" in node
    assert hosts == set(CLOUD_NODES)
    assert len(volumes) == 3 and volumes <= set(COMPOSE["volumes"])
    assert len(ports) == 3 and all(p.startswith("127.0.0.1:") for p in ports)


def test_cloud_init_uploads_this_configset_and_creates_2x2_collection_behind_alias() -> None:
    init = _cloud_services()["solr-cloud-init"]
    assert init["restart"] == "no"
    assert all(init["depends_on"][n]["condition"] == "service_healthy" for n in CLOUD_NODES)
    script = "\n".join(init["command"])
    mounts = {v.split(":")[1]: v.split(":")[0] for v in init["volumes"]}
    upload = re.search(r"solr zk upconfig -z \S+ -n stadtsuche -d (\S+)", script)
    assert upload, "configset upload missing"
    inside = next(c for c in mounts if upload.group(1).startswith(c + "/"))
    on_host = REPO / mounts[inside] / Path(upload.group(1)).relative_to(inside)
    assert (on_host / "solrconfig.xml").is_file() and (on_host / "managed-schema.xml").is_file()
    create = re.search(r"action=CREATE&name=(\w+)&collection\.configName=stadtsuche&"
                       r"numShards=(\d+)&replicationFactor=(\d+)", script)
    assert create and create.group(2, 3) == ("2", "2")
    assert f"action=CREATEALIAS&name=stadtsuche&collections={create.group(1)}" in script
    # Re-running the init must not undo a rebuild: the alias is only created when missing.
    assert script.index("LISTALIASES") < script.index("action=CREATEALIAS")
    # `$$` is compose's escape for a literal `$` in the shell script.
    assert "$SOLR" not in script.replace("$$SOLR", "")


def test_cloud_app_knows_the_alias_on_every_node_like_the_fault_tests() -> None:
    cloud = _cloud_services()
    web, rebuild = cloud["web-cloud"], cloud["rebuild-cloud"]
    # The app fails over itself (solrclient), configured as tests/reliability configure it:
    # the same alias/collection on every node, comma-separated; no proxy in between.
    env = web["environment"]
    assert env["STADTSUCHE_SOLR_URL"].split(",") == [
        f"http://{n}:8983/solr/stadtsuche" for n in CLOUD_NODES]
    assert env["STADTSUCHE_STATS_SOLR_URL"].split(",") == [
        f"http://{n}:8983/solr/stadtsuche_stats" for n in CLOUD_NODES]
    assert web["depends_on"]["solr-cloud-init"]["condition"] == "service_completed_successfully"
    assert web["command"] == COMPOSE["services"]["web"]["command"]
    # The rebuild fails over like the app: every node, in the app's order.
    nodes = ",".join(f"http://{n}:8983/solr" for n in CLOUD_NODES)
    assert rebuild["command"].startswith(f"python -m indexer.rebuild --solr-base {nodes} "
                                         "--alias stadtsuche ")
    assert rebuild["restart"] == "no"
    assert (REPO / "indexer" / "rebuild.py").is_file()


def test_cloud_nodes_use_the_timeouts_of_the_tested_nodes() -> None:
    xml = (REPO / "solr-runner" / "src" / "main" / "resources" / "node-solr.xml").read_text()
    tested = dict(re.findall(r"\$\{(zkClientTimeout|distribUpdate\w+|socketTimeout|connTimeout):"
                             r"(\d+)\}", xml))
    assert len(tested) == 5, tested
    for name in CLOUD_NODES:
        opts = dict(re.findall(r"-D(\w+)=(\S+)", _cloud_services()[name]["environment"]["SOLR_OPTS"]))
        assert {k: opts.get(k) for k in tested} == tested, name
