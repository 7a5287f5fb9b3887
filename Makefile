# Quick start: `make demo` and `make test`. Everything installs into .venv from requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventwire.duckdb
BENCH_DATA ?= ../shared/benchmarks/wikinews/wikinews_politics.jsonl
BENCH_LIMIT ?= 300
BENCHMARKS ?= ../shared/benchmarks
HOST ?= 127.0.0.1
PORT ?= 8000
SERVE_BENCH_EVENTS ?= 100000

.PHONY: install demo test bench eval serve serve-bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/eventwire ingest examples --db $(DB)
	$(BIN)/eventwire events --db $(DB)
	@echo "The web page: run 'make serve', then open http://$(HOST):$(PORT) (API documentation at http://$(HOST):$(PORT)/docs)"

serve: install
	$(BIN)/eventwire serve --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m eventwire.bench --data $(BENCH_DATA) --limit $(BENCH_LIMIT)

serve-bench: install
	$(BIN)/python -m eventwire.serve_bench --events $(SERVE_BENCH_EVENTS)

eval: install
	$(BIN)/eventwire evaluate --gate --workers 2 --data $(BENCHMARKS)

clean:
	rm -rf $(VENV) $(DB) build src/*.egg-info
