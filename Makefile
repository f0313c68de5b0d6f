# Shortcuts. CI runs the README's test command (python -m pytest -q) through .ci/run.
PYTHON ?= python
# Extra options for the benchmark, e.g. make bench BENCH_ARGS="--workers 2 --repeat 2"
BENCH_ARGS ?=

.PHONY: bench bench-quick bench-ingest bench-long bench-dask profile test

# Whole BBC corpus (../shared/data/bbc_news): minutes; table on stdout, JSON in bench/results/.
bench:
	$(PYTHON) -m bench.run $(BENCH_ARGS)

bench-quick:
	$(PYTHON) -m bench.run --limit 300 $(BENCH_ARGS)

# Reading saved web pages: main-text F1, metadata, non-articles, pages/s against the spaCy parse.
bench-ingest:
	$(PYTHON) -m bench.ingest

# One long article of 10k, 100k and 1M characters: time and peak memory per character (minutes).
bench-long:
	$(PYTHON) -m bench.long_articles

# --dask local:N vs --workers N vs bare nlp.pipe(n_process=N), same run (needs pip install -e ".[dask]").
bench-dask:
	$(PYTHON) -m bench.dask $(BENCH_ARGS)

# Rule cost after the parse, by function (needs pip install -e ".[bench]").
profile:
	$(PYTHON) -m bench.profile_rules --limit 200

test:
	$(PYTHON) -m pytest -q
