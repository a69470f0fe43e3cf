# eventwire's one task file. CI runs exactly `make test` (see .ci/run).
#   make demo   create .venv, install, analyse the bundled sample articles into SQLite, print a summary
#   make test   install the test dependencies and run the whole test suite

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLES := src/eventwire/data/samples

.PHONY: demo test install install-dev lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,ray]"

demo: install
	$(BIN)/eventwire demo

test: install-dev
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build dist src/*.egg-info eventwire-data
