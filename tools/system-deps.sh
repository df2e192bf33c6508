#!/usr/bin/env bash
# Debian packages that `make run` and `make test` need, installed only when missing.
#   tools/system-deps.sh run    Java and Maven (Solr is built and fetched from Maven Central)
#   tools/system-deps.sh test   also Node.js/npm (AngularJS, axe-core), Chromium (browser tests)
#                               and hyphen-de, hunspell-de-de (sources of the compound files)
# As root it installs what is missing with apt-get; otherwise it names the one command to run
# and fails. With everything present it does nothing (no apt-get call, no network).
set -euo pipefail

purpose=${1:-test}
chromium=${CHROMIUM:-/usr/bin/chromium}
missing=()

command -v java >/dev/null 2>&1 || missing+=(default-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
"${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
if [ "$purpose" = test ]; then
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  [ -x "$chromium" ] || missing+=(chromium)
  # German hyphenation patterns and dictionary: a test checks that the configset's compound
  # files are exactly what quality/german_dictionary.py makes of them.
  [ -f /usr/share/hyphen/hyph_de_DE.dic ] || missing+=(hyphen-de)
  [ -f /usr/share/hunspell/de_DE.dic ] || missing+=(hunspell-de-de)
elif [ "$purpose" != run ]; then
  echo "usage: $0 run|test" >&2
  exit 2
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Stadtsuche: missing Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Stadtsuche: missing ${missing[*]}, and this is not a Debian system: install them with" \
       "your package manager." >&2
  exit 1
fi
echo "== apt-get install ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
