"""The chat UI (gradio 6.x): a streamed chat whose answers carry their own source cards, a Corpus tab, `/ask`.

- Chat: each answer is streamed word group by word group, then shown with one card per citation [n]
  (title, file, date, score, the quote <mark>ed in its passage, the whole article in a <details>); the
  cards live inside that answer's message, so scrolling back shows each turn's own sources. Clicking [n]
  brings the card into view (render.CITE_JS). A side panel repeats the latest answer's cards.
- Follow-ups: the conversation is kept as OpenAI-style messages for ask(history=...); the user side holds
  the *standalone* question, so a chain of follow-ups keeps resolving "he" to the right person.
- Answer mode (Settings): extractive, or LLM (llm.py): the configured LLM's draft streams in, labelled as
  unchecked, then the verified answer replaces it, with the sentences its sources do not support listed.
- Corpus tab (corpus.py): articles table, upload with progress, deletion.
- `/ask` (question, history[, mode]) -> answer.to_dict(), for gradio_client.

Every piece of article text is escaped before it reaches the page (render.py): articles are untrusted.
"""

from __future__ import annotations

import os
import time
from functools import partial

import gradio as gr

from bot.ask import MAX_HISTORY_MESSAGES, MODES, ask
from bot.library import open_library
from bot.llm import describe_llm
from bot.types import Answer
from bot.ui.corpus import article_rows, build_corpus_tab, corpus_view
from bot.ui.llm import draft_frames, mode_choices, mode_info
from bot.ui.render import (CITE_JS, CSS, TextOf, answer_html, answer_tokens, error_html, message_text,
                           sources_panel_html, stream_cuts, user_html)
from bot.ui.sessions import SESSIONS_KEPT, session_reaper
from index.errors import NewsbotError, UsageError
from index.settings import Settings

EXAMPLES = [
    "What did Sadr demand in exchange?",
    "How did the Najaf siege end?",
    "What is the Charge of the Knights operation?",
    "What did he order his militia to do?",
]
STREAM_DELAY = 0.03  # seconds between streamed frames (the extractive answer itself is instant)
# Questions answered at once, per event (the chat's answer, `/ask`). No lock around ask(): each question reads
# one immutable snapshot of the index (bot/library.py), so sessions run side by side and a slow LLM answer
# (its worker waits on the model) holds up no one else; the bundled in-process model serialises its own
# generations (bot/llm/local.py). An answer mostly sleeps (streamed frames, the remote model), so the limit is
# well above the cores; measured by `python -m eval.soak` (README "Numbers"), kept below Gradio's 40 threads.
CONCURRENCY = 16


def text_lookup(settings: Settings):
    """article id -> its current text (None once deleted), read from the shared library when asked."""

    def text_of(article_id: str) -> str | None:
        try:
            with open_library(settings).reading() as lib:
                a = lib.articles.get(article_id)
        except NewsbotError:
            return None
        return a.text if a is not None else None

    return text_of


def plain_history(history: list | None) -> list[dict]:
    """OpenAI-style {"role", "content": str} messages (gradio 6 gives content as a list of typed parts)."""
    return [{"role": m["role"], "content": message_text(m.get("content"))} for m in history or []
            if isinstance(m, dict) and m.get("role") in ("user", "assistant")]


def ask_options(top_k, article_ids, date_from, date_to, mode) -> dict:
    """The Settings accordion's values as ask() keywords (blank -> default)."""
    return {"top_k": int(top_k) if top_k else None, "article_ids": list(article_ids or []) or None,
            "date_from": (date_from or "").strip() or None, "date_to": (date_to or "").strip() or None,
            "mode": mode or "extractive"}


def show_question(message: str, chat: list) -> tuple[list, list, str, str]:
    """Step 1 of a turn: show the question at once and clear the textbox (the answer follows)."""
    chat = list(chat or [])
    if (message or "").strip():
        chat.append({"role": "user", "content": user_html(message)})
    return chat, chat, "", message or ""


def ask_with_texts(settings: Settings, message: str, turns: list, options: dict,
                   on_token=None) -> tuple[Answer, TextOf]:
    """ask(), with the article texts its citations point into."""
    answer = ask(message, history=turns, settings=settings, on_token=on_token, **options)
    return answer, text_lookup(settings)


def respond(settings: Settings, message: str, chat: list, turns: list, top_k=None, article_ids=None,
            date_from=None, date_to=None, mode="extractive", delay: float = STREAM_DELAY):
    """Step 2: stream the answer -> yields (chatbot, chat state, latest-sources panel, plain history)."""
    chat, turns = list(chat or []), list(turns or [])
    turn = sum(1 for m in chat if m.get("role") == "assistant") + 1
    options = ask_options(top_k, article_ids, date_from, date_to, mode)
    llm = options["mode"] == "llm"
    try:
        if llm:  # the model's draft streams while ask() runs in a worker thread
            run = partial(ask_with_texts, settings, message, turns, options)  # run(on_token) in the worker
            answer, text_of = yield from draft_frames(run, chat, describe_llm(settings), delay)
        else:
            answer, text_of = ask_with_texts(settings, message, turns, options)
    except NewsbotError as exc:  # shown in the chat (replacing a draft), never a crash
        chat.append({"role": "assistant", "content": error_html(str(exc))})
        yield chat, chat, gr.skip(), turns
        return
    # Extractive answers stream in word by word; the verified LLM answer replaces its draft at once.
    cuts = [] if llm else stream_cuts(len(answer_tokens(answer, turn)))
    for shown in cuts[:-1]:
        frame = {"role": "assistant", "content": answer_html(answer, turn, text_of, shown=shown)}
        yield chat + [frame], gr.skip(), gr.skip(), gr.skip()
        time.sleep(delay)
    chat.append({"role": "assistant", "content": answer_html(answer, turn, text_of)})
    # Follow-ups are rewritten from the standalone question and the plain answer, not from the HTML shown.
    # ask() reads only the last MAX_HISTORY_MESSAGES: older ones would only grow the session's state.
    turns = (turns + [{"role": "user", "content": answer.standalone_question},
                      {"role": "assistant", "content": answer.answer}])[-MAX_HISTORY_MESSAGES:]
    yield chat, chat, sources_panel_html(answer, text_of), turns


def api_ask(settings: Settings, question: str, history: list | None, mode: str | None = None) -> dict:
    """The `/ask` endpoint: answer.to_dict(); a NewsbotError becomes a gr.Error the client sees.
    `mode` is "extractive" (default, also when blank) or "llm" (the answer comes back verified, not streamed)."""
    try:
        answer: Answer = ask(question, history=plain_history(history), settings=settings,
                             mode=(mode or "").strip() or "extractive")
        return answer.to_dict()
    except NewsbotError as exc:
        raise gr.Error(str(exc), print_exception=False) from None  # a usage error, not a server fault


def _example(question: str):
    return lambda chat: show_question(question, chat)


def _settings_panel(settings: Settings, ids: list[str]) -> tuple:
    """The Settings accordion: top-k, article filter, date range, answer mode."""
    with gr.Accordion("Settings", open=False, elem_id="settings"):
        top_k = gr.Slider(1, max(20, settings.top_k), value=settings.top_k, step=1,
                          label="Passages retrieved (top-k)", elem_id="top-k")
        article_filter = gr.Dropdown(ids, value=[], multiselect=True, label="Only these articles",
                                     info="empty: all articles", elem_id="article-filter")
        with gr.Row():
            date_from = gr.Textbox(label="Date from", placeholder="YYYY-MM-DD", elem_id="date-from")
            date_to = gr.Textbox(label="Date to", placeholder="YYYY-MM-DD", elem_id="date-to")
        # The LLM choice is there even with none configured: answering in it then says how to set one up.
        mode = gr.Radio(mode_choices(MODES), value=MODES[0], label="Answer mode", info=mode_info(settings),
                        elem_id="mode")
    return top_k, article_filter, date_from, date_to, mode


def build_app(settings: Settings) -> gr.Blocks:
    no_sources = sources_panel_html(None, lambda _: None)
    ids = [r[0] for r in article_rows(settings)]
    with gr.Blocks(title="newsbot", analytics_enabled=False) as app:
        gr.Markdown("## newsbot\nAsk about the indexed news articles. Every answer is backed by exact quotes "
                    "from the articles; click a [n] to see its source.")
        chat_state = gr.State([])  # the messages shown (kept server-side: never sent back by the browser)
        turns = gr.State([])  # the conversation as plain OpenAI-style messages, for ask(history=...)
        pending = gr.State("")  # the question between the two steps of a turn
        with gr.Tabs():
            with gr.Tab("Chat", id="chat-tab", elem_id="chat-tab"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="Chat", height=640, elem_id="chat", render_markdown=False,
                                             sanitize_html=True, allow_tags=False, latex_delimiters=[],
                                             autoscroll=False, feedback_options=None, buttons=[])
                        box = gr.Textbox(placeholder="Ask a question and press Enter", show_label=False,
                                         elem_id="question", max_length=2000, submit_btn=True)
                        with gr.Row(elem_id="examples"):
                            examples = [gr.Button(q, size="sm", variant="secondary", elem_classes=["nb-example"])
                                        for q in EXAMPLES]
                    with gr.Column(scale=2):
                        top_k, article_filter, date_from, date_to, mode = _settings_panel(settings, ids)
                        sources = gr.HTML(no_sources, elem_id="sources", label="Sources of the latest answer")
            with gr.Tab("Corpus", id="corpus-tab", elem_id="corpus-tab"):
                corpus = build_corpus_tab(settings, article_filter)

        answer_inputs = [pending, chat_state, turns, top_k, article_filter, date_from, date_to, mode]
        answer_outputs = [chatbot, chat_state, sources, turns]

        def answer(*args):
            yield from respond(settings, *args)

        box.submit(show_question, [box, chat_state], [chatbot, chat_state, box, pending], api_visibility="private",
                   queue=False).then(answer, answer_inputs, answer_outputs, api_visibility="private")
        for button, q in zip(examples, EXAMPLES):
            button.click(_example(q), [chat_state], [chatbot, chat_state, box, pending],
                         api_visibility="private", queue=False).then(
                answer, answer_inputs, answer_outputs, api_visibility="private")
        # The chatbot's own trash button clears the messages; forget the follow-up context with them.
        chatbot.clear(lambda: ([], [], no_sources), None, [chat_state, turns, sources], api_visibility="private")
        # Each page load sees the corpus as it is now (another session may have uploaded or deleted).
        app.load(lambda keep: corpus_view(settings, keep), [article_filter],
                 [corpus.table, corpus.count, corpus.to_delete, article_filter], api_visibility="private")
        # A hidden form so gradio_client can call Client(url).predict(question, history[, mode], api_name="/ask").
        with gr.Row(visible=False):
            api_question = gr.Textbox()
            api_history = gr.JSON()
            api_mode = gr.Textbox(value=MODES[0])  # its value is the default a client may leave out
            api_answer = gr.JSON()
            api_button = gr.Button()

        def ask_endpoint(question: str, history: list | None, mode: str = MODES[0]) -> dict:
            return api_ask(settings, question, history, mode)  # its parameter names are the API's

        api_button.click(ask_endpoint, [api_question, api_history, api_mode], api_answer, api_name="ask",
                         api_description="Answer a question: (question, history, mode='extractive'|'llm') -> "
                                         "answer dict")
    return app


def auth_from_env() -> tuple[str, str] | None:
    raw = os.environ.get("NEWSBOT_UI_AUTH", "")
    if not raw:
        return None
    user, sep, password = raw.partition(":")
    if not sep or not user or not password:
        raise UsageError("NEWSBOT_UI_AUTH must look like user:password")
    return user, password


def launch(settings: Settings, host: str | None = None, port: int | None = None, **kwargs) -> None:
    """Serve the UI (blocking unless prevent_thread_lock=True is passed through kwargs)."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    auth = auth_from_env()
    open_library(settings)  # fail now (NoIndexError) rather than on the first question
    app = build_app(settings)
    app.queue(default_concurrency_limit=CONCURRENCY)
    # Each session's state is dropped once the session is gone, and at most SESSIONS_KEPT are kept
    # (bot/ui/sessions.py): gradio alone kept up to 10,000, and the chat's memory grew with them.
    app.launch(server_name=host or settings.host, server_port=port if port is not None else settings.port,
               share=False, show_error=True, auth=auth, inbrowser=False, css=CSS, js=CITE_JS,
               footer_links=["api"], state_session_capacity=SESSIONS_KEPT,
               app_kwargs={"lifespan": session_reaper()}, **kwargs)
