# Two commands for a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 5000
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.requirements: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.requirements-dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.requirements

run: $(VENV)/.requirements  ## serve the site with waitress on http://$(HOST):$(PORT)
	$(BIN)/waitress-serve --host=$(HOST) --port=$(PORT) --call app:create_app

test: $(VENV)/.requirements-dev  ## run the whole test suite, browser tests included
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache build
