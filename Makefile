# Stadtsuche — the two commands that matter:
#   make run    bring up real Solr, index the sample site, serve the app on 127.0.0.1:5000
#   make test   run the whole test suite against real Solr
# Everything else is a building block of those two.

PYTHON      ?= python3
VENV        ?= .venv
PY          := $(VENV)/bin/python
SOLR_PORT   ?= 8983
SOLR_HOME   ?= var/solr
APP_HOST    ?= 127.0.0.1
APP_PORT    ?= 5000
# Only the running app and the indexer get these; the tests configure their own Solr.
run solr-start index serve: export STADTSUCHE_SOLR_URL ?= http://127.0.0.1:$(SOLR_PORT)/solr/stadtsuche
run solr-start index serve: export STADTSUCHE_STATS_SOLR_URL ?= http://127.0.0.1:$(SOLR_PORT)/solr/stadtsuche_stats
run solr-start index serve: export STADTSUCHE_BASE_URL ?= https://www.jena.de/
# Several sites in one index: the sample site as www.jena.de, and every folder of sample-web/
# as the host it is named after (left out with a note while sample-web/ does not exist).
run solr-start index serve: export STADTSUCHE_INDEX_SOURCE ?= $(CURDIR)/sample-site=https://www.jena.de/;$(CURDIR)/sample-web/*=https://*/
run solr-start index serve: export STADTSUCHE_SITE_NAMES ?= www.jena.de=Rathaus;service.jena.de=Bürgerservice-Portal;abfall.jena.de=Abfallwirtschaft
run solr-start index serve: export STADTSUCHE_PREFERRED_HOSTS ?= service.jena.de

STATS_CORE  := $(if $(wildcard solr-config/stats/conf/solrconfig.xml),--extra-core stadtsuche_stats=solr-config/stats,)

.PHONY: run test test-fast venv solr-build solr-start solr-stop solr-status index serve stop npm bench clean system-deps-run system-deps-test german-dictionary

run: system-deps-run venv solr-start index serve ## everything: Solr, sample site indexed, app on :5000

test: system-deps-test venv solr-build npm ## the whole test suite against real Solr
	$(PY) -m pytest

# Debian packages (Java, Maven, npm, Chromium): installed when missing and running as root,
# otherwise the exact apt-get command is printed. Does nothing when all are present.
system-deps-run:
	@PYTHON=$(PYTHON) tools/system-deps.sh run

system-deps-test:
	@PYTHON=$(PYTHON) tools/system-deps.sh test

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

solr-build: system-deps-run ## compile the launcher, download Solr from Maven Central (cached in ~/.m2)
	$(PY) -c "from solrlauncher.build import ensure_built; ensure_built()"

solr-start: venv ## start Solr in the background; data persists in $(SOLR_HOME)
	$(PY) -m solrlauncher start --home $(SOLR_HOME) --port $(SOLR_PORT) $(STATS_CORE)

solr-stop: venv
	$(PY) -m solrlauncher stop --home $(SOLR_HOME)

solr-status: venv
	$(PY) -m solrlauncher status --port $(SOLR_PORT)

index: venv ## (re)index the configured sources (sample site, sample-web/); unchanged pages are skipped, click counts kept
	STADTSUCHE_ENV=development $(PY) -m indexer reindex --full

LOCAL_ENV   := var/local.env

# A local run is a development setup (plain http on loopback, so no Secure cookies) with a
# generated secret key and admin login; production sets STADTSUCHE_ENV=production itself.
serve: venv ## serve the app (granian, webapp/serve.py) in the foreground (Ctrl-C stops the app, not Solr)
	@$(PY) tools/local_env.py $(LOCAL_ENV)
	@echo "Stadtsuche: http://$(APP_HOST):$(APP_PORT)/suche   (make stop ends Solr)"
	set -a && . ./$(LOCAL_ENV) && set +a && STADTSUCHE_ENV=$${STADTSUCHE_ENV:-development} \
	  exec $(PY) -m webapp.serve --bind $(APP_HOST):$(APP_PORT)

stop: solr-stop ## stop the background Solr (the index stays in $(SOLR_HOME))

npm: node_modules/.installed

node_modules/.installed: package.json
	npm ci --no-audit --no-fund --silent || npm install --no-audit --no-fund --silent
	touch $@

german-dictionary: system-deps-test venv ## rewrite the compound-splitting files and managed synonyms of the configset
	$(VENV)/bin/python -m quality.german_dictionary
	$(VENV)/bin/python -m quality.synonyms

bench: venv solr-build ## benchmarks: ratios against raw Solr, measured side by side
	$(PY) -m bench

clean: stop
	rm -rf $(VENV) var solr-runner/target node_modules test-artifacts
