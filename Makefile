# Everything a volunteer needs: `make serve` (live preview) and `make test` (all checks).
# The first call creates .venv from pyproject.toml; later calls reuse it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VNU    := node_modules/vnu-jar/build/dist/vnu.jar
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

# The Nu Html Checker (npm package vnu-jar, pinned in package-lock.json; runs on Java 17).
$(VNU):
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund

test: $(STAMP) | $(VNU)
	$(BIN)/python -m pytest

# Build times, live-preview latency, page weight and Lighthouse in one table (about 5 minutes).
# Lighthouse 12 comes from npm (devDependencies in package.json).
LIGHTHOUSE := node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm ci --ignore-scripts --no-audit --no-fund

bench: $(STAMP) | $(LIGHTHOUSE)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf _build
