"""Fixtures shared by every test file. Names are stable: other test files rely on them.

- ``settings_factory``  function(**overrides) -> Settings.from_env({}, home=tmp_path/"home", **overrides)
                        (ignores the real NEWSBOT_* environment; ``home=`` may be overridden too).
- ``sample_home``       (session) Settings of a NEWSBOT_HOME holding the 3 sample articles of corpus/, ingested
                        once per run. Read-only by convention: tests that change an index build their own.
- ``sample_report``     (session) the IngestReport of that first ingest.
- ``corpus_copy``       a fresh tmp folder holding a byte-for-byte copy of the sample corpus (no README).
- ``chroma_server``     (session) URL "http://127.0.0.1:PORT" of a real `chroma run` server (this venv's
                        `chroma`), stopped at the end of the run.
- ``llm_server``        (session) base URL "http://127.0.0.1:PORT/v1" of a real OpenAI-compatible server
                        (`python -m llama_cpp.server` serving the bundled SmolLM2 GGUF as model "smollm2"),
                        stopped at the end of the run. Skips when llama_cpp is not importable.
- ``probe``             (session) (PROBE_QUESTION, PROBE_ANSWER) for checks made in other processes.
- ``assert_answers``    function(settings) asking PROBE_QUESTION and checking the answer quotes the amnesty
                        sentence with exact citation offsets: "the index is intact and answers".
- an autouse fixture closes the cached bot libraries (bot.library.close_libraries) after every test.
- the test files that take longest (LONG_FILES) are collected first, each file's tests kept together and in
  order: `make test` runs the files on 2 pytest-xdist workers (`--dist loadfile --no-loadscope-reorder`), which
  hand out files in collection order, so the long ones start at once instead of ending the run on one worker.

Importing this module sets GRADIO_ANALYTICS_ENABLED=False, ANONYMIZED_TELEMETRY=False, HF_HUB_OFFLINE=1.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import contextlib  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
SAMPLE_FILES = sorted(CORPUS.glob("*.txt"))
SAMPLE_IDS = [p.stem for p in SAMPLE_FILES]
BIN = Path(sys.executable).parent  # the venv's bin dir (chroma, newsbot)

# A question whose answer is "In exchange, he asked the government to release Mahdi Army prisoners and
# declare an amnesty." (article 000). Used to check that an index still answers after something happened to it.
PROBE_QUESTION = "What did Sadr ask for in exchange?"
PROBE_ANSWER = "amnesty"


# The files that take longest in `make test` (--durations), longest first; the rest keep their usual order.
LONG_FILES = ["test_eval_gate.py", "test_crash.py", "test_faults.py", "test_cli.py", "test_sentence_store.py",
              "test_eval_llm.py", "llm/test_answer.py", "test_scale.py", "test_soak.py", "test_fuzz.py"]


def pytest_collection_modifyitems(session, config, items) -> None:
    def rank(item) -> int:
        path = item.path.as_posix()
        return next((i for i, name in enumerate(LONG_FILES) if path.endswith("/tests/" + name)), len(LONG_FILES))

    items.sort(key=rank)  # stable: every file's tests stay together and in file order


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def settings_factory(tmp_path):
    from index.settings import Settings

    def make(**overrides):
        overrides.setdefault("home", tmp_path / "home")
        return Settings.from_env({}, **overrides)

    return make


def home_of(root, articles: dict, **overrides):
    """Settings whose home under `root` holds these articles (file name -> text), ingested for real
    (`overrides`: more Settings fields, e.g. embed_model)."""
    from index.ingest import ingest
    from index.settings import Settings

    (root / "corpus").mkdir()
    for name, text in articles.items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    settings = Settings.from_env({}, home=root / "home", **overrides)
    ingest([root / "corpus"], settings)
    return settings


@pytest.fixture(scope="session")
def _sample(tmp_path_factory):
    from index.ingest import ingest
    from index.settings import Settings

    settings = Settings.from_env({}, home=tmp_path_factory.mktemp("sample") / "home", corpus=CORPUS)
    report = ingest([CORPUS], settings)
    return settings, report


@pytest.fixture(scope="session")
def sample_home(_sample):
    return _sample[0]


@pytest.fixture(scope="session")
def sample_report(_sample):
    return _sample[1]


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in SAMPLE_FILES:
        shutil.copyfile(p, folder / p.name)
    return folder


@pytest.fixture(scope="session")
def probe() -> tuple[str, str]:
    """(PROBE_QUESTION, PROBE_ANSWER): a question the sample corpus answers, and a word its answer holds."""
    return PROBE_QUESTION, PROBE_ANSWER


@pytest.fixture
def assert_answers():
    def check(settings):
        from bot import ask
        from bot.library import open_library

        answer = ask(PROBE_QUESTION, settings=settings)
        assert not answer.abstained, answer.answer
        assert PROBE_ANSWER in answer.answer, answer.answer
        assert answer.citations
        lib = open_library(settings)
        for c in answer.citations:
            assert lib.articles[c.article_id].text[c.start:c.end] == c.quote
        assert any(c.article_id == "000_26083794b4a1b5c3" for c in answer.citations)
        return answer

    return check


def stop_process(proc: subprocess.Popen, timeout: float = 15) -> None:
    """Terminate, then kill if it does not exit within `timeout` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def serving(cmd: list[str], probe_url: str, log_path: Path, env: dict | None = None, timeout: float = 60):
    """Start a server process, wait until GET probe_url answers 200 (failing the test with the tail of its
    log if it exits or stays silent for `timeout` s), yield the process, and stop it at the end."""
    name = " ".join(Path(c).name for c in cmd[:3])
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"{name} exited with {proc.returncode}:\n"
                                f"{log_path.read_text(errors='replace')[-2000:]}")
                try:
                    with urllib.request.urlopen(probe_url, timeout=2) as resp:
                        if resp.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"{name} did not answer {probe_url} within {timeout:.0f} s:\n"
                                f"{log_path.read_text(errors='replace')[-2000:]}")
                time.sleep(0.2)
            yield proc
        finally:
            stop_process(proc)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    chroma = BIN / "chroma"
    if not chroma.exists():
        pytest.fail(f"{chroma} is missing: run `make install`")
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [str(chroma), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)]
    with serving(cmd, f"{url}/api/v2/heartbeat", data / "server.log", env=dict(os.environ, ANONYMIZED_TELEMETRY="False")):
        yield url


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory):
    try:
        import llama_cpp  # noqa: F401
    except ImportError as e:
        pytest.skip(f"llama_cpp is not importable ({e}): pip install -e '.[local]'")
    from bot.llm import gguf_path

    data = tmp_path_factory.mktemp("llm-server")
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    # One thread generates, all of them read the prompt: a token at a time, llama.cpp's threads wait for each
    # other, and on a machine shared with other jobs two threads generated 3x slower than one (the gold LLM gate:
    # 61 -> 19 ms a token); reading a prompt is big batches, where both cores help. The tokens are the same.
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf_path()), "--host", "127.0.0.1",
           "--port", str(port), "--n_threads", "1", "--n_threads_batch", str(os.cpu_count() or 1), "--n_ctx", "4096",
           "--model_alias", "smollm2",
           "--interrupt_requests", "false"]  # by default a second request cuts the streaming answer short
    # The server is up when its model list answers (loading the 135M model takes about a second).
    with serving(cmd, f"{url}/models", data / "server.log"):
        yield url


@pytest.fixture(autouse=True)
def _close_libraries():
    yield
    # Libraries are cached per settings; a test's tmp home must not leak into the next test.
    lib = sys.modules.get("bot.library")
    if lib is not None:
        lib.close_libraries()
