# Everything a volunteer needs: `make serve` (live preview) and `make test` (all checks).
# Every target only calls tools/tasks.py, as make.bat does on Windows: the logic lives there.
# The first call creates .venv from the lock file requirements/dev.txt; later calls reuse it.
# Recipes start with @: make does not echo the command, the script says what happens.

PYTHON ?= python3
TASKS  := $(PYTHON) tools/tasks.py

.PHONY: venv serve html catalogs test bench mutants lock clean

# `make` alone only creates or updates .venv.
venv:
	@$(TASKS) venv

# HOST, PORT and SPRACHE are optional: make serve PORT=8001, make serve SPRACHE=da (Danish) or
# SPRACHE=en (English). Not LANG: that is the shell's locale, which make would take over.
serve:
	@$(TASKS) serve $(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT)) $(if $(SPRACHE),--language $(SPRACHE))

# All three languages into _build/html/de, da, en (and a root page sending readers to de/).
html:
	@$(TASKS) html

# Update locales/da and locales/en from the German pages (gettext builder + sphinx-intl).
catalogs:
	@$(TASKS) catalogs

test:
	@$(TASKS) test

bench:
	@$(TASKS) bench

mutants:
	@$(TASKS) mutants

lock:
	@$(TASKS) lock

clean:
	@$(TASKS) clean
