# Two commands for a new user: `make serve` and `make test`. Every target first creates or
# refreshes .venv/ from uv.lock, with vecnn installed in editable mode.

PYTHON ?= python3
# uv's version, and the hash of every file PyPI holds for it
UV_REQUIREMENTS := .ci/requirements-uv.txt
UV := .uv/bin/uv
VENV := .venv
BIN := $(VENV)/bin
SITE_DIR ?= site

# uv uses the Python given here, never downloads one, and installs into .venv/.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
# Bytecode: uv compiles every installed module once, at install, and Python keeps what it
# compiles of the rest (even where the environment says PYTHONDONTWRITEBYTECODE). A test run
# starts hundreds of Python processes (builds, kernels, fresh venvs, snippets); each imports in
# a third of the time it takes to compile the same modules again.
export UV_COMPILE_BYTECODE := 1
unexport PYTHONDONTWRITEBYTECODE
# Silence MkDocs' "MkDocs 2.0" banner on every build.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: the sitemap's dates and the wheel's timestamps come from the last commit,
# not the clock, so two builds of one commit are byte-identical. Outside git: 1980-01-01, the
# earliest date a zip file can hold.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

.PHONY: help install serve site test test-fast screenshots bench audit lint ruff format clean notebooks

help:  ## list the targets
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# uv itself lives in its own small venv, so .venv/ holds only what uv.lock pins.
$(UV): $(UV_REQUIREMENTS)
	$(PYTHON) -m venv .uv
	.uv/bin/python -m pip install --quiet --disable-pip-version-check \
		--require-hashes --only-binary :all: --no-deps -r $(UV_REQUIREMENTS)
	@touch $@

$(VENV)/.synced: uv.lock pyproject.toml Makefile | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced  ## create or refresh .venv/ from uv.lock

serve: install  ## build the site in strict mode and serve it at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

site: install  ## build the static site into site/ (strict)
	$(BIN)/mkdocs build --strict --clean --site-dir $(SITE_DIR)

# Tests run in one process per core (pytest-xdist), each test in whichever is free, except the
# files marked xdist_group, which share an expensive fixture; the site's builds are made once,
# in the background, for all of them (tests/site/builds.py).
PARALLEL := -n auto --maxprocesses 4 --dist loadgroup

# `make test` runs the unit tests where a user runs them: from the sdist, unpacked, in a fresh
# venv (tests/site/test_package.py), once. `make test-fast` runs them from the checkout instead.
# mypy (about 10 s on a fresh clone) runs beside the tests, and its verdict is printed after
# theirs; either failing fails the target.
test: install ruff  ## lint and run every test: unit tests (from the sdist), page snippets, builds, browser
	@log=$$(mktemp); $(BIN)/mypy > $$log 2>&1 & mypy=$$!; \
	$(BIN)/pytest $(PARALLEL) docs README.md tests/site; tests=$$?; \
	wait $$mypy; typed=$$?; echo "mypy:"; cat $$log; rm -f $$log; \
	exit $$(( tests ? tests : typed ))

test-fast: install lint  ## unit tests from the checkout, snippets and site tests, without the slow ones
	$(BIN)/pytest $(PARALLEL) -m "not slow"

screenshots: install lint  ## the browser sweep, saving every page at both widths in both palettes to screenshots/
	SCREENSHOTS=1 $(BIN)/pytest $(PARALLEL) tests/site/test_sweep.py

bench: install  ## the full benchmark; rewrites docs/benchmark-results.json (commit it)
	$(BIN)/vecnn-bench --json docs/benchmark-results.json

notebooks: install  ## regenerate notebooks/ for Colab and Binder (commit them); REPO_URL=... SITE_URL=... to move them
	PYTHONPATH=hooks $(BIN)/python -m sitebuild.launch

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

audit: site node_modules/.installed  ## Lighthouse (mobile) on every page; needs Chromium
	$(BIN)/python -m tests.site.audit site

lint: install ruff  ## ruff and mypy
	$(BIN)/mypy

ruff: install
	$(BIN)/ruff check src tests hooks hatch_build.py
	$(BIN)/ruff format --check src tests hooks hatch_build.py

format: install  ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix src tests hooks hatch_build.py
	$(BIN)/ruff format src tests hooks hatch_build.py

clean:  ## remove the environments, the built site and caches
	rm -rf .uv $(VENV) site node_modules screenshots .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis
