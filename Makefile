# Two entry points from the README: `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Every install takes its versions from constraints.txt (`make lock` refreshes it).
PIP := $(BIN)/python -m pip install --quiet --constraint constraints.txt
UV := $(BIN)/uv
UV_VERSION ?= 0.13.9
DB ?= quotes.db
PORT ?= 8001

.PHONY: install build serve test schema lock lowest dist smoke clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# What the site needs, and nothing for the tests.
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) --upgrade pip
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) -e '.[test]'
	touch $@

$(UV): | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)

install: $(VENV)/.installed

build: install
	$(BIN)/quotedb build raw --db $(DB)

serve: build
	$(BIN)/quotedb serve --db $(DB) --port $(PORT)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n auto -q

# After a new migration: migrations/head.sql, the schema new databases are made from.
schema: install
	$(BIN)/python -m quotedb.store.migrate

# pyproject.toml's dependencies pinned for Python 3.11 into constraints.txt, keeping the
# pins already there; `make lock LOCK_FLAGS=--upgrade` takes the newest releases allowed.
LOCK_FLAGS ?=
lock: $(UV)
	$(UV) pip compile pyproject.toml --extra test --python-version 3.11 $(LOCK_FLAGS) --quiet \
		--custom-compile-command "make lock" -o constraints.txt

# The suite on the oldest releases pyproject.toml allows (its lower bounds), in .venv-lowest.
lowest: $(UV)
	rm -rf .venv-lowest && $(PYTHON) -m venv .venv-lowest
	$(UV) pip compile pyproject.toml --extra test --python-version 3.11 --resolution lowest-direct --quiet \
		--no-header -o .venv-lowest/constraints.txt
	.venv-lowest/bin/python -m pip install --quiet -c .venv-lowest/constraints.txt -e '.[test]'
	.venv-lowest/bin/python -m pytest -n auto -q -p no:cacheprovider

# The wheel and the sdist, as a release would upload them.
dist: $(UV)
	rm -rf dist && $(UV) build --quiet --out-dir dist

# The wheel installed as a user installs it, in a fresh venv, then used: .ci/smoke.py.
smoke: dist
	bash .ci/smoke

clean:
	rm -rf $(VENV) .venv-lowest dist $(DB) *.egg-info .pytest_cache
