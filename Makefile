# Two entry points from the README: `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= quotes.db
PORT ?= 8001

.PHONY: install build serve test schema clean

$(BIN)/quotedb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/quotedb

build: install
	$(BIN)/quotedb build raw --db $(DB)

serve: build
	$(BIN)/quotedb serve --db $(DB) --port $(PORT)

test: install
	$(BIN)/python -m pytest -n auto -q

# After a new migration: migrations/head.sql, the schema new databases are made from.
schema: install
	$(BIN)/python -m quotedb.store.migrate

clean:
	rm -rf $(VENV) $(DB) *.egg-info .pytest_cache
