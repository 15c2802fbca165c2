# The two commands of the README: `make run` and `make test`.
# PYTHON may name another interpreter (3.11 or newer): make run PYTHON=python3.12
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install lint check clean loadtest

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed.") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The site under gunicorn on PostgreSQL, loaded by Locust for LOADTEST_SECONDS; needs
# DATABASE_URL (and generated data: manage.py generate_data --scale 1). REDIS_URL, when
# set, gives the workers a shared cache.
LOADTEST_SECONDS ?= 60
LOADTEST_ARGS ?=
loadtest: install
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a PostgreSQL database with generated data."; exit 2; }
	$(BIN)/python -m pip install --quiet -e '.[loadtest]'
	DJANGO_DEBUG=1 $(BIN)/python manage.py loadtest --seconds $(LOADTEST_SECONDS) $(LOADTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=1 $(BIN)/python manage.py check

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
