#!/usr/bin/env bash
# Proves the README's promise: a clean clone passes `make test`, which installs what it needs.
#
#   tools/fresh-machine-check.sh [--remove-chromium] [--keep] [REPOSITORY]
#
# Clones REPOSITORY (default: this checkout's committed HEAD) into a temporary folder and runs
# `make test` there with its own Solr and a fresh .venv, node_modules and launcher build.
# --remove-chromium first removes Debian's chromium (root only), which is the case to prove:
# `make test` must install it again by itself. Do not use it on a machine where others are
# running browser tests at the same time. Extra pytest options go through PYTEST_ADDOPTS.
# Exit status: that of `make test` (1 also when chromium is missing afterwards).
set -euo pipefail

remove=no keep=no
while [ $# -gt 0 ]; do
  case "$1" in
    --remove-chromium) remove=yes; shift ;;
    --keep) keep=yes; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
source_repo=${1:-$(cd "$(dirname "$0")/.." && pwd)}

work=$(mktemp -d "${TMPDIR:-/tmp}/stadtsuche-fresh.XXXXXX")
cleanup() { [ "$keep" = yes ] && echo "kept: $work" || rm -rf "$work"; }
trap cleanup EXIT

if [ "$remove" = yes ]; then
  [ "$(id -u)" -eq 0 ] || { echo "--remove-chromium needs root" >&2; exit 2; }
  echo "== apt-get remove chromium"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq chromium >/dev/null
fi
if [ -x /usr/bin/chromium ]; then
  echo "== note: /usr/bin/chromium is present, so its installation is not exercised"
else
  echo "== /usr/bin/chromium is missing: make test must install it"
fi

echo "== git clone $source_repo"
git clone --quiet "$source_repo" "$work/stadtsuche"
cd "$work/stadtsuche"
git log --oneline -1

# Nothing of the calling shell may steer the run (the tests clear STADTSUCHE_* themselves).
unset VIRTUAL_ENV
started=$(date +%s)
set +e
make test
status=$?
set -e
echo "== make test exit status $status after $(( $(date +%s) - started )) s"
if [ ! -x /usr/bin/chromium ]; then
  echo "== FAILED: /usr/bin/chromium still missing after make test" >&2
  exit 1
fi
exit $status
