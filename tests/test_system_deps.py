"""tools/system-deps.sh, which `make run` / `make test` call first: installs only what is
missing, as root via apt-get, otherwise names the command; a no-op when all is present.

apt-get and id are replaced by recording scripts on PATH, so nothing is installed here; the
real installation on a machine without Chromium is what tools/fresh-machine-check.sh proves.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "tools" / "system-deps.sh"


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def _run(tmp_path: Path, *, uid: int, chromium: str) -> tuple[subprocess.CompletedProcess, str]:
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    calls = tmp_path / "apt-calls"
    _tool(fake, "apt-get", f'echo "$@" >> {calls}')
    _tool(fake, "id", f"echo {uid}")
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "CHROMIUM": chromium}
    done = subprocess.run([str(SCRIPT), "test"], env=env, capture_output=True, text=True,
                          timeout=60)
    return done, calls.read_text() if calls.exists() else ""


def test_nothing_happens_when_everything_is_present(tmp_path: Path) -> None:
    present = tmp_path / "chromium"
    _tool(tmp_path, "chromium", "true")
    done, apt = _run(tmp_path, uid=0, chromium=str(present))
    assert (done.returncode, done.stdout, done.stderr, apt) == (0, "", "", "")


def test_root_installs_missing_chromium_with_apt(tmp_path: Path) -> None:
    done, apt = _run(tmp_path, uid=0, chromium=str(tmp_path / "nicht-da"))
    assert done.returncode == 0, done.stderr
    assert apt.splitlines() == ["update -qq", "install -y -qq chromium"]


def test_without_root_the_one_command_is_named(tmp_path: Path) -> None:
    done, apt = _run(tmp_path, uid=1000, chromium=str(tmp_path / "nicht-da"))
    assert done.returncode == 1 and apt == ""
    assert "Install them with:  sudo apt-get install -y chromium" in done.stderr
