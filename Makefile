# The two commands: `make run` and `make test`. Everything else is a building block.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
SYNCED := $(VENV)/.synced
# make bench-growth SCALES=…: the national tier's scales (a comma list, so not an $(or …) default)
SCALES ?= 0.1,0.3,1

.PHONY: setup run test test-fast check format browser bench bench-fresh bench-growth extract-eval fuzz chaos clean

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(SYNCED): pyproject.toml uv.lock $(BIN)/uv
	$(BIN)/uv sync --frozen --quiet --compile-bytecode
	@touch $(SYNCED)

setup: $(SYNCED)

## make run [PORT=N]: the whole pipeline on the bundled sample, then the dashboard on
## http://localhost:8501 (or PORT)
run: setup
	$(BIN)/thidua demo$(if $(PORT), --port $(PORT))

## make test: lint, type checks, SQL lint, unit and integration tests, dbt build with its tests
## (the log ends with the 30 slowest tests: CI has 90 minutes for all of it)
test: setup browser
	$(MAKE) --no-print-directory check
	THIDUA_REQUIRE_BROWSER=1 $(BIN)/pytest --durations=30

## make test-fast: lint, type checks and the tests that need no dbt build or browser (a few minutes)
test-fast: setup
	$(MAKE) --no-print-directory check
	$(BIN)/pytest -q -m "not integration and not browser and not slow"

check: setup
	$(BIN)/ruff check src app benchmarks tests
	$(BIN)/ruff format --check src app benchmarks tests
	$(BIN)/mypy
	$(BIN)/sqlfluff lint models data-tests macros analyses

format: setup
	$(BIN)/ruff check --fix src app benchmarks tests
	$(BIN)/ruff format src app benchmarks tests
	$(BIN)/sqlfluff fix models data-tests macros analyses

## the headless browser the end-to-end test drives (Debian's chromium; never a downloaded one)
browser:
	@scripts/install-browser.sh

## make bench [TIER=province|national] [SCALE=F] [LOAD_ROWS=N]: every stage against its floor
bench: setup
	$(BIN)/python -m benchmarks --tier $(or $(TIER),province) --scale $(or $(SCALE),1) --load-rows $(or $(LOAD_ROWS),1000000)

## make bench-fresh [WARM=1]: `make run` from a fresh clone of HEAD, timed to a served dashboard
## (empty package caches, as on a new machine; WARM=1 uses this machine's)
bench-fresh: setup
	$(BIN)/python -m benchmarks.fresh_run $(if $(WARM),--warm-cache)

## how each stage grows with the data: national at scales 0.1, 0.3 and 1
bench-growth: setup
	$(BIN)/python -m benchmarks --tier national --scales $(SCALES)

## extraction quality: precision, recall and F1 per record type on documents with hand-made
## truth (the seed articles, the development corpus and the held-out corpus); DETAILS=1 lists misses
EXTRACT_DATA := tests/data/extract
extract-eval: setup
	$(BIN)/python -m thidua.extract.evaluate $(EXTRACT_DATA)/truth $(EXTRACT_DATA)/corpus ../shared/articles $(if $(DETAILS),--details)
	@if [ -d $(EXTRACT_DATA)/heldout_truth ]; then \
		echo; echo "## held out (never used to tune the extractor)"; \
		$(BIN)/python -m thidua.extract.evaluate $(EXTRACT_DATA)/heldout_truth $(EXTRACT_DATA)/heldout $(if $(DETAILS),--details); \
	fi

## make fuzz [EXAMPLES=N]: the readers and the coercion on many more random files than `make test`
fuzz: setup
	THIDUA_FUZZ_EXAMPLES=$(or $(EXAMPLES),2000) $(BIN)/pytest tests/test_fuzz_readers.py -q

## make chaos [TRIALS=N] [SEED=S]: kill -9 load and build at random moments, many more times
CHAOS_SEED := $(or $(SEED),$(shell date +%s))
chaos: setup
	@echo "seed $(CHAOS_SEED) (make chaos SEED=$(CHAOS_SEED) replays it)"
	THIDUA_KILL_TRIALS=$(or $(TRIALS),20) THIDUA_KILL_SEED=$(CHAOS_SEED) \
		$(BIN)/pytest tests/test_kill_anywhere.py -q

clean:
	rm -rf warehouse build .pytest_cache .mypy_cache .ruff_cache .hypothesis
