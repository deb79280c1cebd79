# Two commands for a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 5000
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench soak audit audit-tools clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.requirements: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.requirements-dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.requirements

# MALLOC_ARENA_MAX: glibc otherwise gives each of waitress's threads its own heap, which keeps freed memory (about 10 % at 10,000 cards).
run: $(VENV)/.requirements  ## serve the site with waitress on http://$(HOST):$(PORT)
	MALLOC_ARENA_MAX=2 $(BIN)/waitress-serve --host=$(HOST) --port=$(PORT) --call app:create_app

test: $(VENV)/.requirements-dev  ## run the whole test suite, browser tests included
	$(BIN)/python -m pytest

$(VENV)/.requirements-bench: requirements.txt bench/requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r bench/requirements.txt
	touch $@ $(VENV)/.requirements

bench: $(VENV)/.requirements-bench  ## time start, pages, load, memory and the search engines at 10, 1,000 and 10,000 cards; writes bench/RESULTS.md
	$(BIN)/python -m bench.run

soak: $(VENV)/.requirements  ## 64 connections for 60 s against waitress while cards keep changing
	$(BIN)/python soak/run.py

# The audit's tools from npm, pinned by package-lock.json; no install scripts (vnu-jar's would download a JRE).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

audit-tools: node_modules/.package-lock.json  ## install axe-core, the Nu Html Checker and Lighthouse (needs node, npm)

audit: $(VENV)/.requirements-dev node_modules/.package-lock.json  ## axe, the Nu Html Checker and Lighthouse over every page type (needs java)
	$(BIN)/python -m audit

clean:
	rm -rf $(VENV) .pytest_cache build node_modules
