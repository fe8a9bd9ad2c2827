# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: run test test-fast lint browser install demo build serve ui bench bench-national load-test java spark test-spark clean

run: install  ## generate the demo data, run every asset, serve the result with Datasette
	$(BIN)/welfare run

test: lint browser  ## the style checks, then every test (one opens the Data Docs in chromium)
	$(BIN)/python -m pytest

test-fast: install  ## unit tests only: no build, well under a minute
	$(BIN)/python -m pytest tests/unit

# dbt's templater compiles the project, which opens a warehouse: a throwaway one.
lint: install  ## ruff (lint and format) for Python, sqlfluff for the dbt models
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	tmp=$$(mktemp -d) && WELFARE_DATA_DIR=$$tmp $(BIN)/sqlfluff lint dbt_project/models dbt_project/tests; \
		status=$$?; rm -rf $$tmp; exit $$status

# Debian's chromium, and Thai fonts for it to draw Thai with, for the browser tests.
browser:  ## install chromium and fonts-thai-tlwg with apt-get, if they are missing
	dpkg -s chromium fonts-thai-tlwg >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-thai-tlwg; }

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

demo build serve ui: install
	$(BIN)/welfare $@

bench: install  ## every stage timed beside bare DuckDB, then the portal under load: Nakhon Sawan, the country at 5%
	$(BIN)/python scripts/bench.py --provinces 60 --scale 1
	$(BIN)/python scripts/bench.py --provinces all --scale 0.05

bench-national: install  ## the same for the whole country at full size
	$(BIN)/python scripts/bench.py --provinces all --scale 1

load-test: install  ## 20 readers at once for 60 s on the portal (builds the demo first if nothing is published)
	$(BIN)/python scripts/load_test.py --clients 20 --seconds 60

# Spark: Java from the distribution, and pyspark with dbt-spark, only for the targets that use them.
java:  ## install a Java runtime with apt-get, if there is none
	command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-17-jre-headless; }

$(VENV)/.spark-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test,spark]'
	touch $@

spark: install java $(VENV)/.spark-installed  ## build what 'welfare build' loaded on Apache Spark (a local pyspark)
	$(BIN)/welfare spark

test-spark: install java $(VENV)/.spark-installed  ## the demo on Spark: every mart equal to DuckDB's, every dbt test passing
	$(BIN)/python -m pytest -s tests/spark

clean:
	rm -rf data dbt_project/target dbt_project/logs
