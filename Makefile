# mairie: everyday commands. `make start` serves the demo commune, `make test` tests.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTANCE := $(CURDIR)/var/instance
ZOPE_CONF := $(INSTANCE)/etc/zope.conf
DEMO_PROFILE := examples/saint-aubin-sur-loire/commune.yaml
DEMO_CONTENT := examples/saint-aubin-sur-loire/demo.yaml
AGENCY := examples/agency.yaml
PACKAGES := -e src/mairie.themes -e src/mairie.policy -e src/mairie.rdv -e src/mairie.payfip
# Leaflet (the directory's map), from npm at build time: served by Plone from here, not in git.
LEAFLET := src/mairie.policy/src/mairie/policy/directory/static/leaflet
# tarteaucitron.js (cookie consent), the same way, with the layout it loads its parts from.
TARTEAUCITRON := src/mairie.policy/src/mairie/policy/consent/static/tarteaucitron
# ALTCHA's widget (the SVE forms' captcha), its CSP-friendly build with a separate worker.
ALTCHA := src/mairie.policy/src/mairie/policy/captcha/static/altcha
export TZ := Europe/Paris
export MAIRIE_ZOPE_CONF := $(ZOPE_CONF)
export MAIRIE_AGENCY := $(CURDIR)/$(AGENCY)

.PHONY: start test test-quick install instance demo gallery screenshots pins i18n lint buildout clean leaflet tarteaucitron altcha

## start: build everything, provision the demo commune if missing, serve it on :8080
## (GALLERY=1: also one demo commune per template, listed at /@@galerie)
start: install instance demo $(if $(GALLERY),gallery)
	@echo
	@echo "  Commune de démonstration : http://localhost:8080/saint-aubin-sur-loire"
	@echo "  Administration : http://localhost:8080/saint-aubin-sur-loire/espace-agents (admin / admin)"
	@echo "  Arrêt : Ctrl+C"
	@echo
	$(BIN)/runwsgi $(INSTANCE)/etc/zope.ini

## test: the whole test suite (headless Chromium from Debian for the browser tests, Java for the HTML checker)
test: install
	scripts/system-packages chromium nginx varnish postgresql postgresql-client default-jre-headless
	$(BIN)/pytest

## test-quick: everything but the slow kinds (markers browser, postgres, proxy, deployment); no system package needed
test-quick: install
	$(BIN)/pytest -m "not browser and not postgres and not proxy and not deployment"

install: $(VENV)/.installed leaflet tarteaucitron altcha

$(BIN)/python:
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || scripts/system-packages python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c constraints.txt uv

$(VENV)/.installed: $(BIN)/python constraints.txt setup.py src/*/pyproject.toml
	$(BIN)/uv pip install -q --python $(BIN)/python -c constraints.txt $(PACKAGES) -e ".[test,dev,production]"
	touch $@

leaflet: $(LEAFLET)/leaflet.js

# npm ci installs exactly package-lock.json; Debian's npm is installed if missing.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || scripts/system-packages npm
	npm ci --no-audit --no-fund

$(LEAFLET)/leaflet.js: node_modules/.package-lock.json
	rm -rf $(LEAFLET) && mkdir -p $(LEAFLET)
	cp -r node_modules/leaflet/LICENSE node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images $(LEAFLET)/
	cp node_modules/leaflet/dist/leaflet.js $@

tarteaucitron: $(TARTEAUCITRON)/tarteaucitron.js

$(TARTEAUCITRON)/tarteaucitron.js: node_modules/.package-lock.json
	rm -rf $(TARTEAUCITRON) && mkdir -p $(TARTEAUCITRON)/lang $(TARTEAUCITRON)/css
	cp node_modules/tarteaucitronjs/LICENSE node_modules/tarteaucitronjs/tarteaucitron.services.js $(TARTEAUCITRON)/
	cp node_modules/tarteaucitronjs/lang/tarteaucitron.fr.js $(TARTEAUCITRON)/lang/
	cp node_modules/tarteaucitronjs/css/tarteaucitron.css $(TARTEAUCITRON)/css/
	cp node_modules/tarteaucitronjs/tarteaucitron.js $@

altcha: $(ALTCHA)/altcha.js

$(ALTCHA)/altcha.js: node_modules/.package-lock.json
	rm -rf $(ALTCHA) && mkdir -p $(ALTCHA)
	cp node_modules/altcha/LICENSE.txt node_modules/altcha/dist_external/altcha.css node_modules/altcha/dist_external/worker.js $(ALTCHA)/
	cp node_modules/altcha/dist_external/altcha.js $@

instance: $(ZOPE_CONF)

# mkwsgiinstance writes the admin account (inituser); the configuration is ours,
# from the templates buildout uses too (scripts/instance_config.py).
$(ZOPE_CONF): etc/zope.conf.in etc/wsgi.ini.in scripts/instance_config.py | install
	rm -rf $(INSTANCE)/etc
	$(BIN)/mkwsgiinstance -d $(INSTANCE) -u admin:admin
	$(BIN)/python scripts/instance_config.py $(INSTANCE)

# An existing demo is upgraded in place when the code is newer than its database.
demo: install instance
	$(BIN)/mairie create --if-missing --demo-content $(DEMO_CONTENT) $(DEMO_PROFILE)
	$(BIN)/mairie upgrade
	@# « Conformité de la commune »: its consent check visits the demo once in Chromium
	@# (Debian's, installed by make test), while no Zope holds the database.
	@test -e $(INSTANCE)/conformite-crawled || ! command -v chromium >/dev/null \
		|| { $(BIN)/mairie conformite --crawl saint-aubin-sur-loire >/dev/null \
		&& touch $(INSTANCE)/conformite-crawled; }

## gallery: one demo commune per template (demo-alpage …), created if missing
gallery: install instance
	$(BIN)/python -m mairie.themes.gallery $(DEMO_PROFILE) var/gallery > /dev/null
	for profile in var/gallery/demo-*.yaml; do \
		$(BIN)/mairie create --if-missing --demo-content $(DEMO_CONTENT) $$profile || exit 1; \
	done

## screenshots: the 12 home pages at 1280 and 375 px into var/screenshots (needs `make start GALLERY=1` running)
screenshots: install
	$(BIN)/python -m mairie.themes.screenshots --out var/screenshots

## pins: resolve every distribution again and rewrite constraints.txt and versions.cfg
pins:
	rm -rf var/pins && $(PYTHON) -m venv var/pins
	var/pins/bin/python -m pip install -q uv
	var/pins/bin/uv pip install -q --python var/pins/bin/python pip uv zc.buildout plone.recipe.zope2instance zc.recipe.egg $(PACKAGES) -e ".[test,dev,production]"
	var/pins/bin/python -m pip freeze --all --exclude-editable > constraints.txt
	$(PYTHON) scripts/pins.py

## i18n: bring each package's .pot and French .po in step with the code
i18n: install
	@for package in policy themes rdv payfip; do \
		dir=src/mairie.$$package/src/mairie/$$package; \
		$(BIN)/i18ndude rebuild-pot --pot $$dir/locales/mairie.$$package.pot --create mairie.$$package $$dir; \
		$(BIN)/i18ndude sync --pot $$dir/locales/mairie.$$package.pot $$dir/locales/fr/LC_MESSAGES/mairie.$$package.po; \
	done

lint: install
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench

## buildout: the agency's deployment, from versions.cfg (writes bin/instance, bin/mairie); BUILDOUT_ARGS="-c production.cfg" for production
buildout: var/buildout-python/bin/buildout leaflet tarteaucitron altcha
	var/buildout-python/bin/buildout -N $(BUILDOUT_ARGS)

# Buildout's own Python lives in var/buildout-python, not in the repository root.
var/buildout-python/bin/buildout: constraints.txt
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || scripts/system-packages python3-venv
	$(PYTHON) -m venv var/buildout-python
	var/buildout-python/bin/pip install -q -c constraints.txt zc.buildout setuptools wheel pip

clean:
	rm -rf $(VENV) var bin parts develop-eggs eggs .installed.cfg node_modules $(LEAFLET) $(TARTEAUCITRON) $(ALTCHA)
