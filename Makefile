# Two commands do all the set-up on a fresh machine with Python 3.11+:
#   make lab    create .venv if needed, install, open JupyterLab on the first notebook
#   make test   the same set-up, then the whole test suite (notebooks and browser tests included)
# Others: make bench, make bench-browser, make lecture, make notebooks, make figures, make screenshots, make clean

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
HOST   := 127.0.0.1
PORT   ?= 8888
FIRST_NOTEBOOK := 00_start_here.ipynb

.PHONY: install lab test test-fast bench bench-browser lecture figures screenshots notebooks clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pkmodel needs Python 3.11 or newer; this is " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[notebooks,test]'
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@printf '%s\n' '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' > $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)

install: $(STAMP)

# JupyterLab keeps its token authentication and listens on 127.0.0.1 only.
lab: install
	$(VENV)/bin/jupyter lab --ip $(HOST) --port $(PORT) --ServerApp.root_dir=notebooks \
		--LabApp.default_url=/lab/tree/$(FIRST_NOTEBOOK) $(if $(filter 0,$(shell id -u)),--allow-root,)

# Library tests, notebooks under nbval (top to bottom on a fresh kernel, key numbers asserted in
# cells) and the browser tests (tests/browser).
test: install
	$(PY) -m pytest --nbval-lax --nbval-current-env tests notebooks instructor

test-fast: install
	$(PY) -m pytest -m "not browser" -p no:nbval tests

bench: install
	$(PY) benchmarks/bench_engine.py
	$(PY) benchmarks/bench_dashboards.py
	$(PY) benchmarks/bench_fidelity.py
	$(PY) benchmarks/bench_exercises.py

# Lecture mode: markdown, widgets and reference lists only (lecture/voila/templates/pkmodel-lecture:
# no code, no raw printed values, no "Try this" prompts, projector-sized fonts), served by Voila on
# 127.0.0.1 only (Voila has no token, so it must not listen on other interfaces).
lecture: install
	JUPYTER_PATH=$(CURDIR)/lecture PKMODEL_LECTURE=1 $(VENV)/bin/voila --no-browser --Voila.ip=$(HOST) \
		--port 8866 --template=pkmodel-lecture notebooks/

# After editing a notebook's .md source outside JupyterLab: bring its paired .ipynb up to date.
notebooks: install
	$(VENV)/bin/jupytext --sync notebooks/*.md instructor/*.md

figures: install
	$(PY) -m pkmodel.figures figures

# Key press -> redrawn figure, per dashboard, in JupyterLab in headless Chromium (/usr/bin/chromium).
bench-browser: install
	$(PY) -m benchmarks.bench_browser --demo

# PNGs of every dashboard at 1280x720 (the projector) into docs/screenshots/, via the browser tests.
screenshots: install
	PK_SCREENSHOTS=1 $(PY) -m pytest tests/browser -q

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info figures artifacts
