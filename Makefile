# newsbot: `make chat` to talk to the sample corpus, `make test` to run the tests and the eval gate.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install chat test browser bench clean

install: $(STAMP)

# Re-runs only when pyproject.toml changes (idempotent and quick otherwise).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

chat: install
	$(BIN)/newsbot chat

# Debian's chromium for the browser tests (never `playwright install`: it would download a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  echo "could not install chromium: browser tests will be skipped"; }

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m eval.bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
