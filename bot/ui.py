"""The chat UI (gradio 6.x): a chatbot, a Sources panel with each quote highlighted in its passage, and `/ask`.

Every piece of article text is escaped before it reaches the page: articles are untrusted input (a scraped
page may hold <script> or <img onerror>), and both the chatbot (markdown) and gr.HTML render markup.
"""

from __future__ import annotations

import html
import os
import re

import gradio as gr

from bot.ask import ask
from bot.library import open_library
from bot.types import Answer, Citation
from index.errors import NewsbotError, UsageError
from index.settings import Settings

EXAMPLES = [
    "What did Sadr demand in exchange?",
    "How did the Najaf siege end?",
    "What is the Charge of the Knights operation?",
]
CONTEXT_CHARS = 300  # article text shown on each side of a quote
_MARKDOWN_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*(?:\n[ \t\r\f\v]*)+")

CSS = """
#sources .card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
                 margin: 0 0 10px; }
#sources .card h4 { margin: 0 0 4px; font-size: 1em; }
#sources .meta { color: var(--body-text-color-subdued); font-size: .85em; margin-bottom: 6px; word-break: break-all; }
#sources .passage { white-space: pre-wrap; line-height: 1.45; }
#sources mark { background: #ffe58a; color: #111; padding: 0 2px; }
#sources .empty { color: var(--body-text-color-subdued); }
"""


def escape_markdown(text: str) -> str:
    """Show text literally in a markdown chat message: HTML-escaped, then markdown punctuation backslashed."""
    return _MARKDOWN_PUNCT.sub(r"\\\1", html.escape(text, quote=False))


def _snap_left(text: str, i: int) -> int:
    """Move a context start forward to the next word boundary (never cut a word in half)."""
    if i <= 0:
        return 0
    j = text.find(" ", i)
    return i if j == -1 else j + 1


def _snap_right(text: str, i: int) -> int:
    if i >= len(text):
        return len(text)
    j = text.rfind(" ", 0, i)
    return i if j == -1 else j


def _tidy(escaped: str) -> str:
    """Collapse runs of blank lines in context text (scraped pages have many); the quote is never touched."""
    return _BLANK_LINES.sub("\n\n", escaped)


def passage_html(text: str, start: int, end: int, margin: int = CONTEXT_CHARS) -> str:
    """The quote text[start:end] inside <mark>, with about `margin` escaped characters of context each side."""
    a = min(_snap_left(text, start - margin), start)
    b = max(_snap_right(text, end + margin), end)
    before = _tidy(html.escape(text[a:start]).lstrip())
    after = _tidy(html.escape(text[end:b]).rstrip())
    return ("\u2026" if a > 0 else "") + before + "<mark>" + html.escape(text[start:end]) + "</mark>" + after + \
        ("\u2026" if b < len(text) else "")


def _card(c: Citation, settings: Settings) -> str:
    try:
        text = open_library(settings).articles[c.article_id].text
        body = passage_html(text, c.start, c.end)
    except (NewsbotError, KeyError):  # re-ingested meanwhile: the quote alone is still exact
        body = "<mark>" + html.escape(c.quote) + "</mark>"
    meta = " \u00b7 ".join(x for x in (html.escape(c.source), html.escape(c.date or ""),
                                      f"score {c.score:.2f}") if x)
    return (f'<div class="card" data-article="{html.escape(c.article_id)}"><h4>[{c.n}] {html.escape(c.title)}</h4>'
            f'<div class="meta">{meta}</div><div class="passage">{body}</div></div>')


def sources_html(answer: Answer | None, settings: Settings) -> str:
    if answer is None:
        return '<div class="empty">Sources appear here: each quote highlighted in its article.</div>'
    if answer.abstained:
        if not answer.related:
            return '<div class="empty">No related passages.</div>'
        return "<h3>Related, but not an answer</h3>" + "".join(_card(c, settings) for c in answer.related)
    return "<h3>Sources</h3>" + "".join(_card(c, settings) for c in answer.citations)


def format_reply(answer: Answer) -> str:
    """The assistant message (markdown, all article text escaped)."""
    parts = []
    if answer.standalone_question.strip() != answer.question.strip():
        parts.append(f"*(understood as: {escape_markdown(answer.standalone_question)})*")
    parts.append(escape_markdown(answer.answer))
    if answer.abstained and answer.related:
        items = [f"{c.n}\\. \u201c{escape_markdown(c.quote)}\u201d \u2014 *{escape_markdown(c.title)}*"
                 for c in answer.related]
        parts.append("**Related, but not an answer:**\n\n" + "\n".join(items))
    return "\n\n".join(parts)


def _plain_history(history: list | None) -> list[dict]:
    """OpenAI-style {"role", "content": str} messages (gradio 6 gives content as a list of typed parts)."""
    out = []
    for m in history or []:
        if not isinstance(m, dict) or m.get("role") not in ("user", "assistant"):
            continue
        content = m.get("content")
        if not isinstance(content, str):
            parts = content if isinstance(content, list) else [content]
            content = " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in parts if p)
        out.append({"role": m["role"], "content": content})
    return out


def show_question(message: str, chat: list) -> tuple[list, str, str]:
    """Step 1 of a turn: show the question at once and clear the textbox (the answer follows)."""
    chat = list(chat or [])
    if (message or "").strip():
        chat.append({"role": "user", "content": escape_markdown(message)})
    return chat, "", message or ""


def respond(settings: Settings, message: str, chat: list, turns: list) -> tuple[list, str, list]:
    """Step 2: answer -> (chat with the reply, sources panel, plain history for follow-ups)."""
    chat = list(chat or [])
    turns = list(turns or [])
    try:
        answer = ask(message, history=turns, settings=settings)
    except NewsbotError as exc:  # shown in the chat, never a crash
        chat.append({"role": "assistant", "content": "\u26a0\ufe0f " + escape_markdown(str(exc))})
        return chat, sources_html(None, settings), turns
    chat.append({"role": "assistant", "content": format_reply(answer)})
    # Follow-ups are rewritten from the plain question and answer, not from the markdown shown.
    turns += [{"role": "user", "content": answer.question}, {"role": "assistant", "content": answer.answer}]
    return chat, sources_html(answer, settings), turns


def api_ask(settings: Settings, question: str, history: list | None) -> dict:
    """The `/ask` endpoint: answer.to_dict(); a NewsbotError becomes a gr.Error the client sees."""
    try:
        return ask(question, history=_plain_history(history), settings=settings).to_dict()
    except NewsbotError as exc:
        raise gr.Error(str(exc)) from None


def build_app(settings: Settings) -> gr.Blocks:
    with gr.Blocks(title="newsbot", analytics_enabled=False) as app:
        gr.Markdown("## newsbot\nAsk about the indexed news articles. Every answer quotes the articles exactly.")
        turns = gr.State([])  # the conversation as plain OpenAI-style messages, for ask(history=...)
        pending = gr.State("")  # the question between the two steps of a turn
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=480, latex_delimiters=[], elem_id="chat",
                                     buttons=["copy"], feedback_options=None)
                box = gr.Textbox(placeholder="Ask a question and press Enter", show_label=False, elem_id="question",
                                 max_length=2000, submit_btn=True)
                gr.Examples(EXAMPLES, inputs=box, label="Examples")
            with gr.Column(scale=2):
                sources = gr.HTML(sources_html(None, settings), elem_id="sources", label="Sources",
                                  js_on_load=None)
        box.submit(show_question, [box, chatbot], [chatbot, box, pending], api_visibility="private",
                   queue=False).then(
            lambda m, c, t: respond(settings, m, c, t), [pending, chatbot, turns], [chatbot, sources, turns],
            api_visibility="private")
        # The chatbot's own trash button clears the messages; forget the follow-up context with them.
        chatbot.clear(lambda: (sources_html(None, settings), []), None, [sources, turns], api_visibility="private")
        # A hidden form so gradio_client can call Client(url).predict(question, history, api_name="/ask").
        with gr.Row(visible=False):
            api_question = gr.Textbox()
            api_history = gr.JSON()
            api_answer = gr.JSON()
            api_button = gr.Button()
        api_button.click(lambda q, h: api_ask(settings, q, h), [api_question, api_history], api_answer,
                         api_name="ask", api_description="Answer a question: (question, history) -> answer dict")
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
    app.queue(default_concurrency_limit=1)
    app.launch(server_name=host or settings.host, server_port=port if port is not None else settings.port,
               share=False, show_error=True, auth=auth, inbrowser=False, css=CSS, footer_links=["api"], **kwargs)
