"""The chat's LLM answer mode: the model's draft streams into the message, then the verified answer replaces it.

ask(mode="llm") blocks until the draft is written *and* checked, so it runs in a worker thread; its on_token
callback puts each piece of text on a queue, which the Gradio generator drains into "draft" frames. When
ask() returns, the message becomes the verified answer (render.answer_html: [n] links, this turn's cards,
the rejected sentences). A NewsbotError raised in the worker (LLMError: none configured, server down...)
is re-raised in the generator, where the caller shows it in the chat like any other.
"""

from __future__ import annotations

import queue
import threading
import time
from typing import Callable, Generator, Iterator

import gradio as gr

from bot.llm import describe_llm
from bot.types import Answer
from bot.ui.render import TextOf, esc
from index.settings import Settings

MODE_LABELS = {"extractive": "Extractive (exact quotes)", "llm": "LLM (verified)"}
# Ask() in the worker: (on_token) -> the answer and the article text lookup it was answered against.
Run = Callable[[Callable[[str], None]], "tuple[Answer, TextOf]"]
_END = object()  # put on the queue after the worker's last piece of text


def mode_choices(modes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(label, value) pairs for the mode selector."""
    return [(MODE_LABELS.get(m, m), m) for m in modes]


def mode_info(settings: Settings) -> str:
    """The mode selector's info line: which LLM answers, or how to configure one."""
    if settings.llm_backend is None:
        return ("LLM: none configured. Set NEWSBOT_LLM_BASE_URL=http://host:port/v1 (any OpenAI-compatible "
                "server) or NEWSBOT_LLM=local")
    return f"LLM: {describe_llm(settings)}. Only the sentences its sources support are shown."


def draft_html(draft: str, llm_name: str = "") -> str:
    """The model's draft while it streams: muted, labelled as unchecked (the verified answer replaces it)."""
    by = f' title="{esc(llm_name)}"' if llm_name else ""
    body = esc(draft.lstrip()) or '<span class="nb-waiting">waiting for the model\u2026</span>'
    return (f'<div class="nb-msg nb-draft-msg"><div class="nb-draft-h"{by}>Draft (checking against sources)'
            f'\u2026</div><div class="nb-draft">{body}<span class="nb-cursor">\u258d</span></div></div>')


def drafts(run: Run, delay: float) -> Iterator["str | tuple[Answer, TextOf]"]:
    """Yield the draft so far ("" at once, then after each batch of new text), then (answer, text_of).

    Re-raises what the worker raised (after its last frame), so the caller handles errors in one place."""
    pieces: queue.Queue = queue.Queue()
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["result"] = run(pieces.put)
        except BaseException as exc:  # noqa: BLE001 - handed to the generator's thread below
            outcome["error"] = exc
        finally:
            pieces.put(_END)

    # A daemon thread: if the page goes away mid-answer, ask() still ends by itself (freeing the bundled model).
    threading.Thread(target=work, name="newsbot-llm-answer", daemon=True).start()
    text, ended = "", False
    yield text  # the labelled, empty draft at once: retrieval and the prompt take a while on a slow model
    while not ended:
        batch = [pieces.get()]  # wait for the model's next piece (or the end of ask())
        while True:  # then take everything already queued, so one frame shows it all
            try:
                batch.append(pieces.get_nowait())
            except queue.Empty:
                break
        ended = batch[-1] is _END  # _END is the worker's last put
        new = "".join(p for p in batch if p is not _END)
        if new:
            text += new
            yield text
            time.sleep(delay)  # at most one frame per `delay`: pieces arriving meanwhile join the next one
    if "error" in outcome:
        raise outcome["error"]
    yield outcome["result"]


def draft_frames(run: Run, chat: list, llm_name: str,
                 delay: float) -> Generator[tuple, None, "tuple[Answer, TextOf]"]:
    """Chat frames (chatbot, chat state, panel, turns) of the streaming draft; returns (answer, text_of)."""
    for item in drafts(run, delay):
        if not isinstance(item, str):
            return item
        frame = {"role": "assistant", "content": draft_html(item, llm_name)}
        yield chat + [frame], gr.skip(), gr.skip(), gr.skip()
    raise AssertionError("drafts() ended without an answer")  # unreachable: it yields the result last
