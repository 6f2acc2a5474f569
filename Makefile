# Everything a volunteer needs: `make serve` (live preview) and `make test` (all checks).
# Every target only calls tools/tasks.py, as make.bat does on Windows: the logic lives there.
# The first call creates .venv from the lock file requirements/dev.txt; later calls reuse it.
# Recipes start with @: make does not echo the command, the script says what happens.

PYTHON ?= python3
TASKS  := $(PYTHON) tools/tasks.py

.PHONY: venv serve html test bench mutants lock clean

# `make` alone only creates or updates .venv.
venv:
	@$(TASKS) venv

# HOST and PORT are optional: make serve PORT=8001
serve:
	@$(TASKS) serve $(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT))

html:
	@$(TASKS) html

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
