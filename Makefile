# The two commands the README promises: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: setup setup-test run index test lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $(STAMP)

# Tests also exercise the sentence-transformers path (torch pinned to the CPU build on disk) and
# the language-model path (llama-cpp-python builds from source once: about 15 minutes on 2 cores).
$(TEST_STAMP): $(STAMP) pyproject.toml
	$(PIP) install --quiet "torch==2.13.0"
	$(PIP) install --quiet -e ".[dev,st,llm]"
	touch $(TEST_STAMP)

setup: $(STAMP)
setup-test: $(TEST_STAMP)

index: setup
	$(PY) -m assistant index

run: setup
	$(PY) -m assistant index
	$(PY) -m assistant chat

test: setup-test
	$(VENV)/bin/ruff check assistant tests eval
	$(VENV)/bin/ruff format --check assistant tests eval
	$(PY) -m pytest -q

bench: setup
	$(PY) eval/bench_retrieval.py
	$(PY) eval/benchmark.py

clean:
	rm -rf data .pytest_cache
