# Everything a volunteer needs: `make serve` (live preview) and `make test` (all checks).
# The first call creates .venv from pyproject.toml; later calls reuse it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Strict like Read the Docs: every warning is an error, every reference must resolve.
STRICT := -W -n --keep-going

.PHONY: serve html test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

serve: $(STAMP)
	@echo "Vorschau startet auf http://$(HOST):$(PORT)/ (beenden mit Strg+C)"
	OKLAB_PREVIEW=1 $(BIN)/sphinx-autobuild . _build/serve -b dirhtml --host $(HOST) --port $(PORT) \
		--re-ignore '/(\.venv|\.git|_build|tests|benchmarks|node_modules)/' --ignore '*.mo'

html: $(STAMP)
	$(BIN)/sphinx-build -b dirhtml $(STRICT) -E . _build/html
	@echo "Fertig: _build/html/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf _build
