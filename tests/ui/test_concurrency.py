"""Chat sessions do not wait for each other's LLM answers (issue 12): `newsbot chat` served for real, its LLM
mode pointed at a real but slow OpenAI-compatible server on 127.0.0.1 (tests/slow_llm.py: a reply streamed a
word every 0.3 s), driven over HTTP by pages speaking Gradio's own protocol (eval/soak_client.py), as
browsers do. No mocks: the chat, the index, the embedding model and the HTTP hops are the real ones.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from slow_llm import MODEL, SlowLLM

from conftest import free_port, serving
from eval.soak_client import ChatConfig, ChatPage, Turn
from test_app import QUESTION, corpus_dir, running_chat  # noqa: F401

REPLY = "In exchange, he asked the government to release Mahdi Army prisoners and declare an amnesty [1]."
DELAY = 0.3  # seconds between two words: the reply takes 17 x 0.3 = 5.1 s to stream
QUICK = 2.0  # seconds: an extractive answer (streamed to the page too) within this, whatever else runs
# llama.cpp's own server, built by `make llama-server` from the llama.cpp that llama-cpp-python vendors.
LLAMA_SERVER = Path(sys.executable).parent / "llama-server"
SLOTS = 4


@pytest.fixture(scope="module")
def slow_llm():
    with SlowLLM(REPLY, delay=DELAY) as llm:
        yield llm


@pytest.fixture(scope="module")
def chat(tmp_path_factory, corpus_dir: Path, slow_llm: SlowLLM):  # noqa: F811
    """`newsbot chat` with its LLM mode on the slow server; yields its URL."""
    with running_chat(tmp_path_factory.mktemp("ui-concurrency"), corpus_dir, NEWSBOT_LLM_BASE_URL=slow_llm.url,
                      NEWSBOT_LLM_MODEL=MODEL, NEWSBOT_LLM_TIMEOUT="120") as (url, _):
        yield url


def ask_on_new_page(url: str, question: str, mode: str = "extractive", frames: list | None = None) -> Turn:
    with httpx.Client(timeout=httpx.Timeout(60, read=300)) as http:
        page = ChatPage(url, http, ChatConfig.read(http, url), mode=mode)
        return page.ask(question, on_frame=frames.append if frames is not None else None)


def in_background(url: str, mode: str, n: int = 1) -> tuple[list[threading.Thread], list[Turn], list[list]]:
    """n pages asking QUESTION at once in `mode`; returns (threads, their turns as they end, their frames)."""
    turns: list[Turn] = []
    frames: list[list] = [[] for _ in range(n)]

    def run(i: int) -> None:
        try:
            turns.append(ask_on_new_page(url, QUESTION, mode, frames[i]))
        except Exception as exc:  # noqa: BLE001 - shown by the test's check of the turns
            turns.append(exc)

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    return threads, turns, frames


def wait_for_drafts(frames: list[list], llm: SlowLLM, n: int) -> None:
    """Until each of the n LLM answers is streaming words to its page (more than the empty first draft)."""
    deadline = time.monotonic() + 60
    while not (llm.active >= n and all(len(f) >= 3 for f in frames)):
        assert time.monotonic() < deadline, f"the LLM answers did not start streaming: {llm.active} streams"
        time.sleep(0.05)


def test_an_extractive_question_is_answered_while_an_llm_answer_streams(chat: str, slow_llm: SlowLLM) -> None:
    ask_on_new_page(chat, QUESTION)  # the first question loads the models
    usual = max(ask_on_new_page(chat, QUESTION).seconds for _ in range(3))  # nothing else running
    threads, turns, frames = in_background(chat, "llm")
    wait_for_drafts(frames, slow_llm, 1)
    quick = ask_on_new_page(chat, QUESTION)
    streaming_then = slow_llm.active
    for t in threads:
        t.join(timeout=120)
    (llm,) = turns
    assert isinstance(llm, Turn), llm
    print(f"\nextractive: {usual:.2f} s alone, {quick.seconds:.2f} s while an LLM answer streamed "
          f"(that one took {llm.seconds:.2f} s)")
    assert "amnesty" in quick.answer and "nb-draft" not in quick.answer
    assert quick.seconds < QUICK, (quick.seconds, usual)
    assert quick.seconds < usual + 1.0, (quick.seconds, usual)
    assert streaming_then == 1 and quick.end < llm.end - 1, "the extractive answer waited for the LLM's"


def test_four_llm_sessions_stream_at_once(chat: str, slow_llm: SlowLLM) -> None:
    one = ask_on_new_page(chat, QUESTION, "llm")
    slow_llm.reset()
    threads, turns, frames = in_background(chat, "llm", n=4)
    wait_for_drafts(frames, slow_llm, 4)
    quick = ask_on_new_page(chat, QUESTION)  # and an extractive question beside the four
    for t in threads:
        t.join(timeout=180)
    assert len(turns) == 4 and all(isinstance(t, Turn) for t in turns), turns
    wall = max(t.end for t in turns) - min(t.start for t in turns)
    print(f"\nLLM mode: one session {one.seconds:.2f} s, four at once {wall:.2f} s "
          f"({wall / one.seconds:.2f}x one); most streams at once at the server: {slow_llm.most_at_once}; "
          f"an extractive answer meanwhile {quick.seconds:.2f} s")
    assert one.seconds >= slow_llm.seconds
    assert slow_llm.most_at_once == 4  # the chat sent the four requests together, none waited for another
    assert wall < 1.5 * one.seconds, (wall, one.seconds)  # serialised, it would be 4x
    assert quick.seconds < QUICK and quick.end < min(t.end for t in turns)


# -- llama.cpp's server with parallel slots (`make soak`; skipped where `make llama-server` has not built it) --

@pytest.fixture(scope="module")
def parallel_llm(tmp_path_factory):
    """`llama-server --parallel 4` on the bundled SmolLM2: four requests decoded together, a token of each
    per step; yields its /v1 URL."""
    if not LLAMA_SERVER.exists():
        pytest.skip(f"{LLAMA_SERVER} is missing: `make llama-server` builds it (`make soak` runs this test)")
    from bot.llm import gguf_path

    data = tmp_path_factory.mktemp("llama-server")
    port = str(free_port())
    url = f"http://127.0.0.1:{port}/v1"
    # each slot gets ctx / parallel tokens: 4096 each, the chat's NEWSBOT_LLM_CONTEXT
    cmd = [str(LLAMA_SERVER), "--model", str(gguf_path()), "--host", "127.0.0.1", "--port", port,
           "--parallel", str(SLOTS), "--ctx-size", str(SLOTS * 4096), "--threads", "1",
           "--threads-batch", str(os.cpu_count() or 1), "--alias", "smollm2", "--no-webui",
           # as tests/conftest.py's llm_server: one thread generates (the other core stays free for the chat),
           # all read prompts; flash attention and 128-token micro-batches let the four prompts be read in
           # steps between the others' tokens
           "--flash-attn", "on", "--ubatch-size", "128",
           "--no-cache-prompt"]  # every request reads its whole prompt: one session is not helped by the last
    with serving(cmd, f"{url}/models", data / "server.log", timeout=120):
        yield url


@pytest.fixture(scope="module")
def parallel_chat(tmp_path_factory, corpus_dir: Path, parallel_llm: str):  # noqa: F811
    with running_chat(tmp_path_factory.mktemp("ui-parallel"), corpus_dir, NEWSBOT_LLM_BASE_URL=parallel_llm,
                      NEWSBOT_LLM_MODEL="smollm2", NEWSBOT_LLM_TIMEOUT="300") as (url, _):
        yield url


def test_four_llm_sessions_on_a_llama_cpp_server_with_parallel_slots(parallel_chat: str) -> None:
    ask_on_new_page(parallel_chat, QUESTION, "llm")  # the first question loads the chat's models
    one = min((ask_on_new_page(parallel_chat, QUESTION, "llm") for _ in range(2)), key=lambda t: t.seconds)
    threads, turns, _ = in_background(parallel_chat, "llm", n=SLOTS)
    for t in threads:
        t.join(timeout=600)
    assert len(turns) == SLOTS and all(isinstance(t, Turn) for t in turns), turns
    assert all(t.sources for t in turns), [t.answer for t in turns]  # each answer cites its articles
    wall = max(t.end for t in turns) - min(t.start for t in turns)
    print(f"\nllama-server --parallel {SLOTS}: one LLM session {one.seconds:.2f} s, four at once {wall:.2f} s "
          f"({wall / one.seconds:.2f}x one)")
    assert wall < SLOTS * one.seconds, (wall, one.seconds)  # one slot at a time would take 4x
