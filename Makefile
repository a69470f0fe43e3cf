# eventwire's one task file. CI runs exactly `make test` (see .ci/run).
#   make demo   create .venv, install, analyse the bundled sample articles into SQLite, print a summary
#   make test   install the test dependencies, lint with ruff, run the whole test suite

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLES := src/eventwire/data/samples

.PHONY: demo test install install-dev bench clean

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
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

# The quick benchmarks (docs/benchmarks.md lists all of them and their targets).
bench: install-dev
	$(BIN)/python benchmarks/actors_speed.py --repeat 3
	$(BIN)/python benchmarks/events_speed.py
	$(BIN)/python benchmarks/petrarch2_bench.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info eventwire-data
