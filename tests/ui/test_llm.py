"""The chat UI's LLM answer mode, with real components: rendering (pure), the chat handler with no LLM
and with an LLM server that is down, and `newsbot chat` served for real against a real OpenAI-compatible
server (conftest's `llm_server`: llama_cpp.server running SmolLM2 as "smollm2"), driven through the `/ask`
API and in headless chromium (Debian's /usr/bin/chromium; never `playwright install`).

The model is tiny and the machine may be busy: answers are capped at 64 tokens, 3 passages are retrieved
(a short prompt), and LLM waits are long. The answer screenshot is copied to /tmp/ui_llm.png.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import free_port

from test_app import QUESTION, answer, citation, corpus_dir, running_chat, server  # noqa: F401
from test_browser import LOCAL_HOSTS, TIMEOUT, bot_message, browser, ui_page  # noqa: F401

FRANCE = "What is the capital of France?"  # nothing in the corpus says; SmolLM2 answers it from memory
LLM_SHOT = Path("/tmp/ui_llm.png")
LLM_WAIT = 900_000  # ms: prompt + 64 tokens + verification, on 2 busy cores
LLM_ENV = {"NEWSBOT_LLM_MODEL": "smollm2", "NEWSBOT_LLM_MAX_TOKENS": "64", "NEWSBOT_LLM_TIMEOUT": "900",
           "NEWSBOT_TOP_K": "3"}

# Set on the page before a question: the longest draft text shown, its label, and whether the draft was
# seen before the final answer (cards come last) replaced it in the same message.
WATCH_DRAFT = """() => {
  const seen = window.__draft = { label: "", text: "", before: false };
  new MutationObserver(() => {
    const bots = document.querySelectorAll('#chat [data-testid="bot"]');
    const last = bots[bots.length - 1];
    if (!last) return;
    const head = last.querySelector('.nb-draft-h'), draft = last.querySelector('.nb-draft');
    if (head) seen.label = head.textContent;
    if (draft && !draft.querySelector('.nb-waiting')) {
      const t = draft.textContent.replace('\\u258d', '').trim();
      if (t.length > seen.text.length) seen.text = t;
    }
    if (last.querySelector('.nb-sources') && seen.text) seen.before = true;
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}"""


@pytest.fixture(scope="module")
def llm_chat(tmp_path_factory, corpus_dir: Path, llm_server: str):  # noqa: F811
    """`newsbot chat` whose LLM mode uses the real llama_cpp server; yields (url, log, the LLM's URL)."""
    with running_chat(tmp_path_factory.mktemp("ui-llm"), corpus_dir, NEWSBOT_LLM_BASE_URL=llm_server,
                      **LLM_ENV) as (url, log):
        yield url, log, llm_server


@pytest.fixture
def llm_page(browser, llm_chat):  # noqa: F811
    """A fresh page on the LLM-configured app, failing the test if it fetched anything from outside."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    ctx.on("request", lambda r: outside.append(r.url) if urlparse(r.url).scheme in ("http", "https", "ws", "wss")
           and urlparse(r.url).hostname not in LOCAL_HOSTS else None)
    page = ctx.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(llm_chat[0])
    try:
        yield page
    finally:
        ctx.close()
    assert not outside, f"the page fetched from outside 127.0.0.1: {outside}"


def choose_mode(page, label: str) -> None:
    """Open the Settings accordion (if closed) and pick an answer mode by its label."""
    radio = page.locator("#mode").get_by_label(label)
    if not radio.is_visible():
        page.locator("#settings").get_by_text("Settings").first.click()
    radio.check()


def submit(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


# -- rendering (pure) ----------------------------------------------------------------------------------

def test_llm_answer_lists_flagged_sentences_and_the_fallback() -> None:
    from bot.types import Unsupported
    from bot.ui.render import answer_html

    flagged = (Unsupported("The capital of France is <b>Paris</b>.", (), "cites no source"),
               Unsupported("The plan costs 9 million.", (2,), "'9' not in [2]"))
    fell_back = answer(mode="llm", fallback=True, abstained=True, citations=(), related=(citation(),),
                       answer="The articles I have do not answer this question.", unsupported=flagged)
    out = answer_html(fell_back, 3, lambda aid: None)
    assert "Not in the corpus" in out and "this is the extractive answer" in out
    assert out.index("Not supported by the sources") < out.index("Related, but not an answer")  # before cards
    assert '<s class="nb-flagged">The capital of France is &lt;b&gt;Paris&lt;/b&gt;.</s>' in out
    assert out.count("\u2717") == 2 and "cites no source" in out and "&#x27;9&#x27; not in [2]" in out
    assert "<b>" not in out
    verified = answer(mode="llm", unsupported=flagged[1:], usage={"prompt_tokens": 300, "completion_tokens": 20})
    out = answer_html(verified, 1, lambda aid: None)
    assert "Written by the LLM" in out and "300 + 20 tokens" in out and 'href="#src-1-1"' in out
    assert "extractive answer" not in out and out.count("<li>") == 1
    plain = answer_html(answer(), 1, lambda aid: None)  # extractive: none of it
    assert "nb-note" not in plain and "nb-unsupported" not in plain


def test_draft_is_labelled_unchecked_and_escaped() -> None:
    from bot.ui.llm import draft_html

    out = draft_html("Sadr <img src=x onerror=alert(1)> asked", "smollm2 at http://127.0.0.1:1/v1")
    assert "Draft (checking against sources)\u2026" in out and "<img" not in out and "&lt;img" in out
    assert 'title="smollm2 at http://127.0.0.1:1/v1"' in out and "nb-cursor" in out
    assert "waiting for the model" in draft_html("")


def test_drafts_batches_pieces_and_ends_with_the_answer() -> None:
    from bot.ui.llm import drafts

    def run(on_token):  # a stand-in for ask(): three pieces, the last two at once, then its result
        on_token("The ")
        time.sleep(0.2)
        on_token("capital ")
        on_token("is")
        return "answer", "text_of"

    out = list(drafts(run, 0))
    assert out[0] == "" and out[-1] == ("answer", "text_of")
    assert out[-2] == "The capital is" and out[1:-1] == sorted(out[1:-1], key=len)  # the draft only grows

    def fail(on_token):
        on_token("half")
        raise KeyError("boom")

    frames = drafts(fail, 0)
    with pytest.raises(KeyError, match="boom"):
        list(frames)  # re-raised in the caller's thread, after the draft it had


# -- the chat handler (no server) ------------------------------------------------------------------------

def test_llm_mode_without_an_llm_says_how_to_configure_one(sample_home) -> None:
    from bot.ui.app import respond
    from bot.ui.llm import mode_info

    assert "none configured" in mode_info(sample_home) and "NEWSBOT_LLM_BASE_URL" in mode_info(sample_home)
    frames = list(respond(sample_home, FRANCE, [{"role": "user", "content": FRANCE}], [], mode="llm", delay=0))
    assert "Draft (checking against sources)" in frames[0][0][-1]["content"]  # shown at once
    chat = frames[-1][0]
    assert [m["role"] for m in chat] == ["user", "assistant"]  # the error replaced the draft
    assert "nb-error" in chat[-1]["content"] and "No LLM configured" in chat[-1]["content"]
    assert "Traceback" not in chat[-1]["content"] and frames[-1][3] == []  # no turn kept


def test_llm_server_down_is_shown_in_the_chat(sample_home) -> None:
    from bot.ui.app import respond

    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    settings = sample_home.with_(llm_base_url=url, llm_model="smollm2", llm_max_tokens=16, llm_timeout=10)
    *_, (chat, _, _, turns) = respond(settings, FRANCE, [], [], mode="llm", delay=0)
    assert "Cannot reach the LLM at" in chat[-1]["content"] and url in chat[-1]["content"] and turns == []
    # A failed LLM answer leaves nothing behind: the next (extractive) question answers.
    *_, (chat, _, _, _) = respond(settings, QUESTION, [], [], delay=0)
    assert "amnesty" in chat[-1]["content"]


# -- served: the `/ask` API ------------------------------------------------------------------------------

def test_api_ask_mode(llm_chat, server) -> None:  # noqa: F811
    from gradio_client import Client

    client = Client(llm_chat[0], verbose=False)
    d = client.predict(QUESTION, [], api_name="/ask")  # no mode: extractive, as before
    assert d["mode"] == "extractive" and "amnesty" in d["answer"]
    assert d["unsupported"] == [] and d["usage"] == {} and d["fallback"] is False
    d = client.predict(FRANCE, [], "llm", api_name="/ask")
    assert d["mode"] == "llm" and "paris" not in d["answer"].lower()
    assert d["usage"]["prompt_tokens"] > 0 and d["usage"]["sources_used"] >= 1
    assert d["abstained"] or any("paris" in u["sentence"].lower() for u in d["unsupported"])
    with pytest.raises(Exception, match="unknown answer mode"):
        client.predict(QUESTION, [], "poetry", api_name="/ask")
    with pytest.raises(Exception, match="No LLM configured"):
        Client(server[0], verbose=False).predict(FRANCE, [], "llm", api_name="/ask")


# -- served: in the browser -----------------------------------------------------------------------------

def test_browser_llm_mode_streams_a_draft_then_flags_paris(llm_page, llm_chat, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = llm_page
    choose_mode(page, "LLM (verified)")
    expect(page.locator("#mode")).to_contain_text(f"smollm2 at {llm_chat[2]}")  # the info line names it
    page.evaluate(WATCH_DRAFT)
    submit(page, FRANCE)
    msg = bot_message(page, 0)
    expect(msg.locator(".nb-sources")).to_be_visible(timeout=LLM_WAIT)  # the verified answer
    # The draft may be replaced within milliseconds on an idle machine: the page script saw it, not the test.
    seen = page.evaluate("window.__draft")
    assert seen["label"] == "Draft (checking against sources)\u2026", seen
    assert seen["text"] and seen["before"], f"no streamed draft before the answer: {seen}"
    expect(msg.locator(".nb-draft")).to_have_count(0)  # replaced, not kept beside the answer
    expect(msg.locator(".nb-answer")).not_to_contain_text("Paris")
    flagged = msg.locator(".nb-unsupported li")
    if "paris" in seen["text"].lower():  # the model said it: it is listed as not supported, with a reason
        expect(msg.locator(".nb-unsupported-h")).to_have_text("Not supported by the sources")
        expect(flagged.filter(has_text="Paris")).to_have_count(1)
        expect(flagged.filter(has_text="Paris").locator("s.nb-flagged")).to_be_visible()
        expect(flagged.filter(has_text="Paris").locator(".nb-reason")).not_to_be_empty()
    else:  # it declined: the answer abstains
        expect(msg.locator(".nb-badge")).to_have_text("Not in the corpus")
    if msg.locator(".nb-badge").count():  # abstained: the fallback is said, no [n] presented as support
        expect(msg.locator(".nb-fallback")).to_contain_text("extractive answer")
        expect(msg.locator(".nb-cite")).to_have_count(0)
    assert "Traceback" not in msg.inner_text()
    page.wait_for_timeout(300)  # let the page settle for the picture
    page.screenshot(path=str(tmp_path / "llm.png"))
    shutil.copyfile(tmp_path / "llm.png", LLM_SHOT)


def test_browser_llm_mode_with_no_llm_configured(ui_page) -> None:
    from playwright.sync_api import expect

    page = ui_page  # the app served with no NEWSBOT_LLM* settings
    choose_mode(page, "LLM (verified)")
    expect(page.locator("#mode")).to_contain_text("none configured")
    submit(page, FRANCE)
    msg = bot_message(page, 0)
    expect(msg.locator(".nb-error")).to_contain_text("No LLM configured")
    expect(msg.locator(".nb-error")).to_contain_text("NEWSBOT_LLM_BASE_URL")
    assert "Traceback" not in page.locator("#chat").inner_text()
    choose_mode(page, "Extractive (exact quotes)")  # the chat goes on in the other mode
    submit(page, QUESTION)
    expect(bot_message(page, 1).locator(".nb-answer")).to_contain_text("amnesty")

