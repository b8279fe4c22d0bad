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

.PHONY: install install-dev chat test browser bench bench-scale soak llama-server clean

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

# The tests run on 2 pytest-xdist workers, a test file at a time (a file's module fixtures are built once), the
# long files first (tests/conftest.py LONG_FILES); then the `serial` ones (timing-sensitive) alone. Both parts
# always run; either failing fails `make test`. TEST_WORKERS=0 runs the first part in this process.
TEST_WORKERS ?= 2
test: install-dev browser
	rc=0; \
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder -m "not serial" || rc=$$?; \
	$(BIN)/python -m pytest -q -m serial || rc=$$((rc ? rc : $$?)); \
	exit $$rc

bench: install
	$(BIN)/python -m eval.bench

# newsbot over archives of 1k (the real model) and 10k articles (the hashing stand-in embedding), made from the
# benchmarks' sentences in ../shared: ingest, add / delete 10, re-ingest, disk, RSS, cold / warm ask, needles
# (issue 13). The table and a log-log plot go to reports/scale/. `python -m eval.scale --sizes 100000` for the big one.
# Its budget is 15 minutes; at commit ab7bab2 it took 31.5 (the 1k real-model ingest alone 15, the 10k ingest 12).
bench-scale: install
	$(BIN)/python -m eval.scale --sizes 1000 10000 --out reports/scale --json reports/scale/scale.json

# llama.cpp's own server (`llama-server --parallel N`: several requests decoded together), built from the
# llama.cpp that the installed llama-cpp-python vendors (its source package, from PyPI), with the same portable
# CMAKE_ARGS. About 10 minutes on 2 cores; only `make soak` needs it (tests/ui/test_concurrency.py).
LLAMA_SERVER := $(BIN)/llama-server
llama-server: $(LLAMA_SERVER)
$(LLAMA_SERVER): $(DEV_STAMP)
	rm -rf build/llama-server && mkdir -p build/llama-server
	$(BIN)/python -m pip download -q --disable-pip-version-check --no-deps --no-binary :all: -d build/llama-server \
	  "llama-cpp-python==$$($(BIN)/python -c 'import importlib.metadata as m; print(m.version("llama-cpp-python"))')"
	tar xzf build/llama-server/llama_cpp_python-*.tar.gz -C build/llama-server
	cmake -S build/llama-server/llama_cpp_python-*/vendor/llama.cpp -B build/llama-server/cmake $(CMAKE_ARGS) \
	  -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_TOOLS=ON \
	  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF -DLLAMA_BUILD_UI=OFF \
	  -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF >build/llama-server/cmake.log
	cmake --build build/llama-server/cmake --target llama-server -j$$(nproc) >>build/llama-server/cmake.log
	cp build/llama-server/cmake/bin/llama-server $@

# 50 chat sessions over HTTP for 5 minutes while another process changes the index (`make test` runs 20 s),
# then four LLM-mode sessions against llama.cpp's own server with four parallel slots.
soak: install-dev $(LLAMA_SERVER)
	$(BIN)/python -m eval.soak --sessions 50 --seconds 300
	$(BIN)/python -m pytest -q -s tests/ui/test_concurrency.py -k parallel_slots

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
