"""HTML for the chat UI: answers, citation cards, the latest-sources panel. Pure functions of their arguments.

Article text is untrusted (a scraped page may hold <script> or <img onerror>): every piece of it, and every
question, goes through html.escape before it reaches the page. The chatbot shows these strings as HTML
(render_markdown=False), so no markdown syntax in an article can change how it is shown either.

Ids: card n of turn t is ``src-t-n`` (related passages of an abstention: ``rel-t-n``); the answer's [n]
links point at them, and the page script (CITE_JS) scrolls the card into view and marks it active.

In LLM mode the verified answer also says what wrote it (or that it fell back to the extractive answer) and
lists the sentences the verifier rejected (the streaming draft is llm.draft_html). The model's text is
escaped like article text: it repeats the articles.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePath
from typing import Callable

from bot.types import Answer, Citation

CONTEXT_CHARS = 300  # article text shown on each side of a quote in a card
ARTICLE_CHARS = 40_000  # at most this much of an article inside a card's "whole article" (around the quote)
STREAM_FRAMES = 12  # an answer is streamed in at most this many steps
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*(?:\n[ \t\r\f\v]*)+")
_CITE_MARK = re.compile(r"\[(\d+)\]")
_WORDS = re.compile(r"\S+\s*")

TextOf = Callable[[str], "str | None"]  # article id -> its exact text, or None when it is gone


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


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
    before = _tidy(esc(text[a:start]).lstrip())
    after = _tidy(esc(text[end:b]).rstrip())
    return ("\u2026" if a > 0 else "") + before + "<mark>" + esc(text[start:end]) + "</mark>" + after + \
        ("\u2026" if b < len(text) else "")


def article_html(text: str, start: int, end: int, limit: int = ARTICLE_CHARS) -> str:
    """The whole article, escaped, the quote in <mark> (cut to `limit` characters around it if longer)."""
    if len(text) <= limit:
        return _tidy(esc(text[:start])) + "<mark>" + esc(text[start:end]) + "</mark>" + _tidy(esc(text[end:]))
    return passage_html(text, start, end, margin=max(0, (limit - (end - start)) // 2))


def _quote_found(c: Citation, text: str | None) -> bool:
    return text is not None and 0 <= c.start <= c.end <= len(text) and text[c.start:c.end] == c.quote


def card_html(c: Citation, text: str | None, anchor: str | None = None) -> str:
    """One source card: [n], title, source file, date, score, the quote marked in its passage, and a
    <details> holding the whole article. `text` is the article's current text (None if it is gone)."""
    if _quote_found(c, text):
        body = passage_html(text, c.start, c.end)
        whole = (f'<details class="nb-article"><summary>Whole article</summary>'
                 f'<div class="nb-fulltext">{article_html(text, c.start, c.end)}</div></details>')
    else:  # deleted or re-ingested since: the quote alone is still exact
        body, whole = "<mark>" + esc(c.quote) + "</mark>", ""
    name = PurePath(c.source).name or c.source
    meta = [f'<span class="nb-file" title="{esc(c.source)}">{esc(name)}</span>']
    if c.date:
        meta.append(f'<span class="nb-date">{esc(c.date)}</span>')
    meta.append(f'<span class="nb-score">score {c.score:.2f}</span>')
    meta_html = " \u00b7 ".join(meta)
    ident = f' id="{esc(anchor)}"' if anchor else ""
    n = f'<a class="nb-n" href="#{esc(anchor)}">[{c.n}]</a>' if anchor else f'<span class="nb-n">[{c.n}]</span>'
    return (f'<div class="nb-card"{ident}><div class="nb-card-h">{n} <span class="nb-title">{esc(c.title)}</span>'
            f'</div><div class="nb-meta">{meta_html}</div><div class="nb-passage">{body}</div>'
            f'{whole}</div>')


def _cite_link(turn: int, c: Citation) -> str:
    return f'<a class="nb-cite" href="#src-{turn}-{c.n}" title="{esc(c.title)}">[{c.n}]</a>'


def answer_tokens(answer: Answer, turn: int) -> list[str]:
    """The answer text as HTML pieces (words, and [n] links to this turn's cards), for streaming."""
    by_n = {c.n: c for c in answer.citations}
    if answer.citations and answer.answer == " ".join(f"{c.quote} [{c.n}]" for c in answer.citations):
        out: list[str] = []
        for c in answer.citations:  # built from the citations: a "[3]" inside a quote stays text
            out += [esc(w) for w in _WORDS.findall(c.quote.strip())] + ["\u00a0" + _cite_link(turn, c) + " "]
        return out
    out, pos = [], 0
    for m in _CITE_MARK.finditer(answer.answer):
        if int(m.group(1)) in by_n:
            out += [esc(w) for w in _WORDS.findall(answer.answer[pos:m.start()])]
            out.append(_cite_link(turn, by_n[int(m.group(1))]))
            pos = m.end()
    return out + [esc(w) for w in _WORDS.findall(answer.answer[pos:])]


def stream_cuts(n_tokens: int, frames: int = STREAM_FRAMES) -> list[int]:
    """How many tokens each streamed frame shows: increasing, the last one all of them."""
    step = max(1, -(-n_tokens // frames))
    return list(range(step, n_tokens, step)) + [n_tokens]


def understood_html(answer: Answer) -> str:
    if " ".join(answer.standalone_question.split()) == " ".join(answer.question.split()):
        return ""
    return f'<div class="nb-understood">understood as: <q>{esc(answer.standalone_question)}</q></div>'


def answer_html(answer: Answer, turn: int, text_of: TextOf, shown: int | None = None) -> str:
    """The assistant message: badge (abstention), answer with [n] links, "understood as", and the cards.

    With `shown` set, only the first `shown` answer tokens and no cards: a frame of the streamed answer."""
    tokens = answer_tokens(answer, turn)
    streaming = shown is not None and shown < len(tokens)
    parts = ['<div class="nb-msg">']
    if answer.status == "uncertain":
        parts.append('<span class="nb-badge nb-uncertain">Not said directly</span>')
    elif answer.abstained and not answer.smalltalk:
        parts.append('<span class="nb-badge">Not in the corpus</span>')
    parts.append(llm_note_html(answer))  # "" for an extractive answer: its HTML is unchanged
    body = "".join(tokens[:shown] if streaming else tokens).rstrip()
    cursor = '<span class="nb-cursor">\u258d</span>' if streaming else ""
    parts.append(f'<div class="nb-answer">{body}{cursor}</div>')
    parts.append(understood_html(answer))
    if not streaming:
        # The rejected sentences come before the cards, which can be long: they must be seen.
        parts.append(unsupported_html(answer))
        parts.append(cards_html(answer, text_of, turn))
    parts.append("</div>")
    return "".join(parts)


def llm_note_html(answer: Answer) -> str:
    """LLM mode: say that the answer was written by the model and checked, or that it fell back."""
    if answer.mode != "llm":
        return ""
    if answer.fallback:
        text = ("The LLM's answer was not supported by the sources, so this is the extractive answer "
                "(exact quotes).")
        return f'<div class="nb-note nb-fallback">{esc(text)}</div>'
    u = answer.usage
    tokens = f" \u00b7 {u['prompt_tokens']} + {u['completion_tokens']} tokens" if "prompt_tokens" in u else ""
    return (f'<div class="nb-note nb-verified">Written by the LLM; only the sentences its sources support are '
            f'shown{esc(tokens)}</div>')


def unsupported_html(answer: Answer) -> str:
    """The draft's sentences the verifier rejected, each struck through with its reason."""
    if not answer.unsupported:
        return ""
    items = "".join(f'<li><span class="nb-x">\u2717</span> <s class="nb-flagged">{esc(u.sentence)}</s> '
                    f'<span class="nb-reason">\u2014 {esc(u.reason)}</span></li>' for u in answer.unsupported)
    return (f'<div class="nb-unsupported"><div class="nb-unsupported-h">Not supported by the sources</div>'
            f'<ul>{items}</ul></div>')


def cards_html(answer: Answer, text_of: TextOf, turn: int | None = None, title: str = "Sources") -> str:
    """The answer's cards (or, for an abstention, its related passages); with `turn`, each card has its id."""
    closest = ""
    if answer.status == "uncertain" and answer.citations:
        # The closest sentence comes first, as the answer's [1] (not under "related"), then the others.
        cards = "".join(card_html(c, text_of(c.article_id), f"src-{turn}-{c.n}" if turn else None)
                        for c in answer.citations)
        closest = (f'<div class="nb-sources nb-closest"><div class="nb-sources-h">Closest passage, not a direct '
                   f'answer</div>{cards}</div>')
    if answer.abstained:
        if not answer.related:
            return closest or '<div class="nb-sources"><div class="nb-sources-h">No related passages.</div></div>'
        head, cites, prefix = "Related, but not an answer", answer.related, "rel"
    else:
        head, cites, prefix = title, answer.citations, "src"
    cards = "".join(card_html(c, text_of(c.article_id), f"{prefix}-{turn}-{c.n}" if turn else None)
                    for c in cites)
    kind = " nb-related" if answer.abstained else ""
    return closest + f'<div class="nb-sources{kind}"><div class="nb-sources-h">{head}</div>{cards}</div>'


def sources_panel_html(answer: Answer | None, text_of: TextOf) -> str:
    """The side panel: the latest answer's cards (the cards in each message stay with their answer)."""
    if answer is None:
        return '<div class="nb-empty">Sources of the latest answer appear here, each quote marked in its article.</div>'
    return (f'<div class="nb-panel-q">for: <q>{esc(answer.standalone_question)}</q></div>'
            + cards_html(answer, text_of, title="Sources of the latest answer"))


def user_html(message: str) -> str:
    return '<div class="nb-question">' + esc(message).replace("\n", "<br>") + "</div>"


def error_html(message: str) -> str:
    return f'<div class="nb-msg nb-error">\u26a0\ufe0f {esc(message)}</div>'


def message_text(content: object) -> str:
    """Plain text of a chat message content (gradio 6 gives a list of typed parts)."""
    if isinstance(content, str):
        return content
    parts = content if isinstance(content, list) else [content]
    return " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in parts if p)


CSS = """
#chat .nb-msg, #sources { line-height: 1.45; }
.nb-answer { font-size: 1.02em; }
.nb-cite, .nb-n { text-decoration: none; font-weight: 600; color: var(--link-text-color, #2563eb); }
.nb-cursor { opacity: .6; }
.nb-understood { color: var(--body-text-color-subdued); font-size: .82em; margin-top: 4px; font-style: italic; }
.nb-badge { display: inline-block; background: #fde2e1; color: #8a1c1c; border: 1px solid #f5b5b3;
            border-radius: 999px; padding: 1px 10px; font-size: .8em; font-weight: 600; margin-bottom: 6px; }
.nb-badge.nb-uncertain { background: #fff4d6; color: #7a5200; border-color: #f0d28a; }
.nb-sources { margin-top: 10px; }
.nb-sources-h { font-weight: 600; font-size: .85em; color: var(--body-text-color-subdued); margin: 0 0 6px; }
.nb-related .nb-card { border-style: dashed; }
.nb-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; margin: 0 0 8px;
           background: var(--background-fill-primary); scroll-margin: 12px; transition: box-shadow .3s; }
.nb-card.nb-active { box-shadow: 0 0 0 3px #f5c400; }
.nb-card:target { box-shadow: 0 0 0 3px #f5c400; }
.nb-card-h { font-weight: 600; font-size: .95em; }
.nb-meta { color: var(--body-text-color-subdued); font-size: .8em; margin: 2px 0 6px; word-break: break-all; }
.nb-passage, .nb-fulltext { white-space: pre-wrap; font-size: .92em; }
.nb-fulltext { position: relative; max-height: 320px; overflow: auto; border-top: 1px solid var(--border-color-primary);
               padding-top: 6px; margin-top: 4px; }
.nb-article summary { cursor: pointer; font-size: .85em; color: var(--link-text-color, #2563eb); margin-top: 4px; }
.nb-card mark, #sources mark { background: #ffe58a; color: #111; padding: 0 2px; border-radius: 2px; }
.nb-error { color: #8a1c1c; }
.nb-draft-h { font-size: .8em; font-weight: 600; color: var(--body-text-color-subdued); margin-bottom: 4px; }
.nb-draft { white-space: pre-wrap; color: var(--body-text-color-subdued); font-style: italic; }
.nb-note { color: var(--body-text-color-subdued); font-size: .82em; margin-bottom: 4px; }
.nb-unsupported { margin-top: 8px; border-left: 3px solid #f5b5b3; padding: 2px 0 2px 8px; font-size: .9em; }
.nb-unsupported-h { font-weight: 600; font-size: .85em; color: #8a1c1c; }
.nb-unsupported ul { margin: 2px 0; padding-left: 0; list-style: none; }
.nb-x { color: #b91c1c; font-weight: 700; }
.nb-flagged { color: var(--body-text-color-subdued); }
.nb-reason { color: var(--body-text-color-subdued); font-size: .9em; }
.nb-empty { color: var(--body-text-color-subdued); }
.nb-panel-q { color: var(--body-text-color-subdued); font-size: .85em; margin-bottom: 4px; }
#corpus-status ul { list-style: none; margin: 6px 0; padding: 6px 10px; border-radius: 6px; }
#corpus-status ul.nb-ok { color: #166534; background: #e8f6ec; border: 1px solid #b7e1c2; }
#corpus-status ul.nb-bad { color: #8a1c1c; background: #fdecec; border: 1px solid #f5b5b3; }
"""

# Clicking [n] brings its card into view (inside the chat's own scroll box) and marks it; no URL change.
# Runs once per page (launch(js=...)); everything it touches is our own markup, by class or id.
CITE_JS = """
() => {
  if (window.__newsbotCite) return;
  window.__newsbotCite = true;
  document.addEventListener("click", (ev) => {
    const a = ev.target instanceof Element ? ev.target.closest("a.nb-cite, a.nb-n") : null;
    if (!a) return;
    const card = document.getElementById((a.getAttribute("href") || "").slice(1));
    if (!card) return;
    ev.preventDefault();
    ev.stopPropagation();
    document.querySelectorAll(".nb-card.nb-active").forEach((c) => c.classList.remove("nb-active"));
    card.classList.add("nb-active");
    card.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, true);
  // A new question is pinned to the top of the chat box while its answer streams in below it, so a long
  // answer is read from its start, not from its last card (the chatbot's own autoscroll is off).
  let questions = 0, pinned = null;
  new MutationObserver(() => {
    const asked = document.querySelectorAll('#chat [data-testid="user"]');
    if (asked.length < questions) pinned = null;  // cleared
    if (asked.length > questions) pinned = asked[asked.length - 1];
    questions = asked.length;
    if (!pinned || !pinned.isConnected) return;
    const box = pinned.closest('[role="log"]');
    if (box) box.scrollTop += pinned.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
    const answers = document.querySelectorAll('#chat [data-testid="bot"]');
    const last = answers.length >= questions ? answers[answers.length - 1] : null;
    if (last && last.querySelector(".nb-sources, .nb-error")) pinned = null;  // the answer is complete
  }).observe(document.body, { childList: true, subtree: true });
  // Opening "Whole article" scrolls its text to the marked quote.
  document.addEventListener("toggle", (ev) => {
    const d = ev.target;
    if (!(d instanceof Element) || !d.matches("details.nb-article") || !d.open) return;
    const box = d.querySelector(".nb-fulltext"), mark = box && box.querySelector("mark");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 48);
  }, true);
}
"""
