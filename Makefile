# The two commands the README promises: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

HOST ?= 127.0.0.1
PORT ?= 7860
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc

.PHONY: setup setup-test browser run index test lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $(STAMP)

# Tests also exercise the sentence-transformers path (torch pinned to the CPU build on disk) and
# the language-model path (llama-cpp-python builds from source once: about 15 minutes on 2 cores).
# It is built portable (GGML_NATIVE=OFF): a native build on a virtual machine whose CPU reports AMX
# tiles crashed in llama.cpp's decode (a segmentation fault in tests/test_llm.py).
$(TEST_STAMP): $(STAMP) pyproject.toml
	$(PIP) install --quiet "torch==2.13.0"
	CMAKE_ARGS="-DGGML_NATIVE=OFF $${CMAKE_ARGS:-}" $(PIP) install --quiet -e ".[dev,st,llm]"
	touch $(TEST_STAMP)

# The browser test drives Debian's chromium (not a downloaded browser build); a CJK font makes
# its screenshots legible. Installed once, quietly, without prompts; skipped when present.
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -f $(CJK_FONT) ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo -n"; \
	  else echo "make: cannot install chromium without root; the browser test will be skipped"; exit 0; fi; \
	  echo "installing chromium and a CJK font (apt-get)"; \
	  $$SUDO apt-get update -qq >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei \
	    >/dev/null </dev/null; \
	fi

# Bytecode compiled ahead, as pip does for an installed package (an editable install does not):
# otherwise, where PYTHONDONTWRITEBYTECODE is set, every CLI call compiles every module again
# (about 0.35 s of a cold `ask`). Quick when nothing changed.
setup: $(STAMP)
	@$(PY) -m compileall -q assistant
setup-test: $(TEST_STAMP) browser

index: setup
	$(PY) -m assistant index

# The web page on http://$(HOST):$(PORT)/ (the URL is printed); Ctrl-C stops it.
run: setup
	$(PY) -m assistant index
	$(PY) -m assistant serve --host $(HOST) --port $(PORT)

test: setup-test
	$(VENV)/bin/ruff check assistant tests eval
	$(VENV)/bin/ruff format --check assistant tests eval
	$(PY) -m pytest -q

bench: setup
	$(PY) eval/bench_retrieval.py
	$(PY) eval/benchmark.py

clean:
	rm -rf data .pytest_cache
