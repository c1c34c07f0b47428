# `make demo` and `make test` work on a fresh machine: they create .venv and install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CHROMIUM := /usr/bin/chromium

.PHONY: install demo test lint eval bench browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/storydesk demo -o storydesk-demo

# Debian's Chromium for the browser tests (never `playwright install`: it downloads a browser).
browser:
	@test -x $(CHROMIUM) || { \
	  SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(BIN)/ruff check src tests eval bench
	$(BIN)/mypy

# The whole suite: unit tests, browser tests and the accuracy floors (eval/floors.toml).
test: install browser lint
	$(BIN)/python -m pytest -n 2 -q

eval: install
	@for name in $$($(BIN)/storydesk eval list); do $(BIN)/storydesk eval $$name; done

bench: install
	$(BIN)/python -m bench
	$(BIN)/python -m bench.cluster
	$(BIN)/python -m bench.clean

clean:
	rm -rf $(VENV) storydesk-demo .pytest_cache .ruff_cache .mypy_cache
