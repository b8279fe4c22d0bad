"""The chat UI, served for real by `newsbot chat` on 127.0.0.1: the `/ask` API and a headless chromium.

The server starts on an empty NEWSBOT_HOME whose default corpus (NEWSBOT_CORPUS) is a copy of the sample
corpus plus one hostile article, so `chat` must ingest it first, and the browser can check the escaping.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SCRIPT = Path(sys.executable).parent / "newsbot"
CHROMIUM = Path("/usr/bin/chromium")
QUESTION = "What did Sadr demand in exchange?"
HOSTILE_QUESTION = "How much will the Springfield bicycle lane plan cost?"
SCRIPT_TAG = "<script>window.__pwned=1</script>"
IMG_TAG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = (
    "Springfield council approves bicycle lanes\n\n"
    f"The Springfield city council approved a plan for new bicycle lanes on Monday. {SCRIPT_TAG}\n"
    f"The bicycle lane plan will cost 3 million dollars, the mayor of Springfield said. {IMG_TAG}\n"
    "Work on the new lanes starts in May and should end before the winter.\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"newsbot chat exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"newsbot chat did not answer on {url} within {timeout} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, d / f.name)
    (d / "springfield.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus_dir: Path) -> Iterator[tuple[str, Path]]:
    """`newsbot chat` on a free port; yields (url, its log file)."""
    tmp = tmp_path_factory.mktemp("ui")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env.update(NEWSBOT_HOME=str(tmp / "home"), NEWSBOT_CORPUS=str(corpus_dir), GRADIO_ANALYTICS_ENABLED="False",
               ANONYMIZED_TELEMETRY="False", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    cmd = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "bot.cli"]
    log = tmp / "chat.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd + ["chat", "--port", str(port)], env=env, cwd=ROOT, stdout=out,
                                stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, proc, log)
        yield url, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def article_text(article_id: str, corpus: Path) -> str:
    return (corpus / f"{article_id}.txt").read_text(encoding="utf-8")


# -- unit: escaping and settings (no server) ------------------------------------------------------

def test_passage_html_escapes_and_marks_the_quote() -> None:
    from bot.ui import passage_html

    start = HOSTILE_TEXT.index("The bicycle lane plan")
    end = HOSTILE_TEXT.index(IMG_TAG)
    out = passage_html(HOSTILE_TEXT, start, end)
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert out.count("<mark>") == 1 and "<mark>The bicycle lane plan will cost" in out


def test_passage_html_trims_context_at_word_boundaries() -> None:
    from bot.ui import passage_html

    text = " ".join(f"word{i}" for i in range(400))
    start = text.index("word200")
    out = passage_html(text, start, start + len("word200"), margin=50)
    assert out.startswith("\u2026word") and out.endswith("\u2026")
    assert "<mark>word200</mark>" in out


def test_escape_markdown_keeps_text_literal() -> None:
    from bot.ui import escape_markdown

    assert escape_markdown("<b>*hi*</b> [1]") == r"&lt;b&gt;\*hi\*&lt;/b&gt; \[1\]"


def test_ui_auth_from_env(monkeypatch) -> None:
    from bot.ui import auth_from_env
    from index.errors import UsageError

    monkeypatch.delenv("NEWSBOT_UI_AUTH", raising=False)
    assert auth_from_env() is None
    monkeypatch.setenv("NEWSBOT_UI_AUTH", "ann:s3:cret")
    assert auth_from_env() == ("ann", "s3:cret")
    monkeypatch.setenv("NEWSBOT_UI_AUTH", "nopassword")
    with pytest.raises(UsageError):
        auth_from_env()


# -- the served app ----------------------------------------------------------------------------------

def test_chat_ingested_the_default_corpus_first(server) -> None:
    _, log = server
    text = log.read_text()
    assert "ingesting the sample corpus" in text and "added 4," in text


def test_api_ask_returns_exact_citations(server, corpus_dir: Path) -> None:
    from gradio_client import Client

    client = Client(server[0], verbose=False)
    d = client.predict(QUESTION, [], api_name="/ask")
    assert isinstance(d, dict)
    assert "amnesty" in d["answer"].lower()
    assert not d["abstained"] and d["citations"]
    for c in d["citations"]:
        assert article_text(c["article_id"], CORPUS)[c["start"]:c["end"]] == c["quote"]


def test_api_ask_follow_up_and_errors(server) -> None:
    from gradio_client import Client

    client = Client(server[0], verbose=False)
    history = [{"role": "user", "content": "What did Sadr demand in exchange?"},
               {"role": "assistant", "content": "He asked the government to declare an amnesty."}]
    d = client.predict("What did he order his militia to do?", history, api_name="/ask")
    assert d["question"] == "What did he order his militia to do?"
    assert d["citations"] or d["related"]
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", [], api_name="/ask")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        try:
            yield b
        finally:
            b.close()


def ask_in_browser(browser, url: str, question: str):
    """Open the app, type the question, submit; return the page once an answer is shown."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    expect(page.locator("#chat")).to_contain_text(question, timeout=10_000)  # shown before the answer
    expect(page.locator("#sources .card").first).to_be_visible(timeout=60_000)
    return page


def test_browser_question_shows_answer_and_marked_source(server, browser, tmp_path: Path, corpus_dir: Path) -> None:
    from playwright.sync_api import expect

    page = ask_in_browser(browser, server[0], QUESTION)
    expect(page.locator("#chat")).to_contain_text("amnesty", timeout=60_000)
    mark = page.locator("#sources mark").first
    expect(mark).to_be_visible()
    quote = mark.inner_text().strip()
    assert quote and any(quote in f.read_text(encoding="utf-8") for f in CORPUS.glob("*.txt"))
    assert "[1]" in page.locator("#sources").inner_text()
    page.screenshot(path=str(tmp_path / "answer.png"), full_page=True)
    assert (tmp_path / "answer.png").stat().st_size > 0
    page.close()


def test_browser_shows_hostile_article_as_text(server, browser, tmp_path: Path) -> None:
    page = ask_in_browser(browser, server[0], HOSTILE_QUESTION)
    sources = page.locator("#sources")
    text = sources.inner_text()
    assert SCRIPT_TAG in text and IMG_TAG in text  # shown as text...
    assert sources.locator("script, img").count() == 0  # ...never as elements
    page.wait_for_timeout(500)  # give an onerror handler the chance to fire, were the <img> real
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    page.close()
