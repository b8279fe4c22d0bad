"""The chat UI in a real headless chromium (Debian's /usr/bin/chromium, driven by Playwright; never
`playwright install`): answers with marked citations, [n] -> card, follow-ups, per-turn sources, the
Corpus tab (upload, bad file, delete), escaping of hostile articles, and no request leaving 127.0.0.1.

Uses the fixtures of test_app.py (its own `newsbot chat` server for this module, on a tmp NEWSBOT_HOME).
Screenshots go to each test's tmp dir; the answer screenshot is also copied to /tmp/newsbot-ui-answer.png.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from test_app import (CORPUS, FOLLOW_UP, HOSTILE_QUESTION, IMG_TAG, OFF_TOPIC, QUESTION, SCRIPT_TAG,  # noqa: F401
                     UPLOAD_TEXT, corpus_dir, server)

CHROMIUM = Path("/usr/bin/chromium")
ANSWER_SHOT = Path("/tmp/newsbot-ui-answer.png")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
TIMEOUT = 30_000

# Set on the page before a question: records whether a streamed frame (the answer with its cursor) was shown.
WATCH_STREAM = """() => {
  window.__sawStream = false;
  new MutationObserver(() => { if (document.querySelector('#chat .nb-cursor')) window.__sawStream = true; })
    .observe(document.body, { childList: true, subtree: true });
}"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api")
    # The pages' waits (set_default_timeout) are TIMEOUT; expect() has its own default, 5 s, which an answer
    # still streaming on 2 cores busy with other tests overran. These tests check what is shown, not how fast
    # (tests/ui/test_concurrency.py does that), so expect() waits as long as the pages do.
    sync_api.expect.set_options(timeout=TIMEOUT)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions",
            "--metrics-recording-only", "--disable-domain-reliability"])
        try:
            yield b
        finally:
            b.close()


def outside_requests(page) -> list[str]:
    return page.context.outside  # filled by the `page` fixture


@pytest.fixture
def ui_page(browser, server):
    """A fresh page (own browser context, so its own gradio session) that records every request it makes
    to a host other than the loopback server."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    ctx.outside = []
    ctx.on("request", lambda r: ctx.outside.append(r.url) if urlparse(r.url).scheme in ("http", "https", "ws", "wss")
           and urlparse(r.url).hostname not in LOCAL_HOSTS else None)
    pg = ctx.new_page()
    pg.set_default_timeout(TIMEOUT)
    pg.goto(server[0])
    try:
        yield pg
    finally:
        ctx.close()
    assert not ctx.outside, f"the page fetched from outside 127.0.0.1: {ctx.outside}"


def bot_message(page, n: int):
    return page.locator('#chat [data-testid="bot"]').nth(n)


def ask(page, question: str, turn: int):
    """Type the question, press Enter; return the turn's assistant message once its answer is complete."""
    from playwright.sync_api import expect

    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    msg = bot_message(page, turn - 1)
    expect(msg.locator(".nb-sources")).to_be_visible()  # the final frame: cards come last
    return msg


def test_answer_citation_click_follow_up_and_per_turn_sources(ui_page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = ui_page

    page.evaluate(WATCH_STREAM)
    page.get_by_role("button", name=QUESTION).click()  # an example question, asked in one click
    first = bot_message(page, 0)
    expect(first.locator("#src-1-1")).to_be_visible()
    assert page.evaluate("window.__sawStream"), "the answer was not streamed"
    expect(page.locator('#chat [data-testid="user"]').first).to_contain_text(QUESTION)
    expect(first.locator(".nb-answer")).to_contain_text("amnesty")
    quote = first.locator("#src-1-1 .nb-passage mark").inner_text().strip()
    assert "amnesty" in quote and any(quote in f.read_text(encoding="utf-8") for f in CORPUS.glob("*.txt"))
    expect(first.locator("#src-1-1 .nb-meta")).to_contain_text("score")
    expect(page.locator("#sources mark").first).to_have_text(quote)  # the latest-sources panel
    expect(first.locator(".nb-understood")).to_have_count(0)  # a first question stands alone

    second = ask(page, FOLLOW_UP, 2)
    expect(second.locator(".nb-understood")).to_have_text("understood as: What did Sadr order his militia to do?")
    # The chat shows the new question and the start of its answer (not the last card of a long answer).
    expect(page.locator('#chat [data-testid="user"]').nth(1)).to_be_in_viewport()
    expect(second.locator(".nb-answer")).to_be_in_viewport()
    expect(first.locator(".nb-answer")).not_to_be_in_viewport()
    expect(second.locator("#src-2-1 mark").first).to_be_visible()
    # The first answer still carries its own card, quote unchanged, after the conversation grew.
    expect(first.locator("#src-1-1 .nb-passage mark")).to_have_text(quote)
    expect(page.locator("#chat .nb-card")).to_have_count(
        first.locator(".nb-card").count() + second.locator(".nb-card").count())

    # With the chat scrolled to the end, the first answer's [1] brings its card back into view, marked.
    page.locator('#chat [role="log"]').evaluate("box => { box.scrollTop = box.scrollHeight; }")
    card = page.locator("#src-1-1")
    # (at most part of it shows below the first answer: the follow-up's answer may be short)
    expect(card).not_to_be_in_viewport(ratio=0.9)
    first.locator('a.nb-cite[href="#src-1-1"]').dispatch_event("click")  # a click where it is, no scrolling
    expect(card).to_be_in_viewport(ratio=0.9)
    expect(card).to_have_class(re.compile(r"\bnb-active\b"))
    # A real click on the follow-up's last [n]: that card in full view, the only one marked.
    last = second.locator("a.nb-cite").last
    target = page.locator(last.get_attribute("href"))
    last.click()
    expect(target).to_be_in_viewport(ratio=0.9)
    expect(target).to_have_class(re.compile(r"\bnb-active\b"))
    expect(page.locator("#chat .nb-card.nb-active")).to_have_count(1)
    assert "#" not in page.url  # handled in the page: no navigation
    first.locator('a.nb-cite[href="#src-1-1"]').click()  # back to the first answer's source for the picture
    expect(card).to_be_in_viewport(ratio=0.9)
    page.wait_for_timeout(400)  # let the smooth scroll settle for the picture
    page.screenshot(path=str(tmp_path / "answer.png"))
    shutil.copyfile(tmp_path / "answer.png", ANSWER_SHOT)

    # The card opens onto the whole article, the quote marked in it.
    card.locator("summary").click()
    full = card.locator(".nb-fulltext")
    expect(full).to_be_visible()
    expect(full.locator("mark")).to_have_text(quote)
    expect(full).to_contain_text("Sadr's spokesman said the fighters would not be turning in their guns.")
    page.screenshot(path=str(tmp_path / "whole-article.png"), full_page=True)
    assert not outside_requests(page)


def test_hostile_article_runs_nothing_and_abstention_is_marked(ui_page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = ui_page

    msg = ask(page, HOSTILE_QUESTION, 1)
    expect(msg.locator(".nb-answer")).to_contain_text("3 million dollars")
    msg.locator(".nb-card summary").first.click()  # the whole article, with both tags, as text
    for where in (msg, page.locator("#sources")):
        text = where.inner_text()
        assert SCRIPT_TAG in text and IMG_TAG in text
        assert where.locator("script, img, iframe").count() == 0
    page.wait_for_timeout(500)  # give an onerror handler the chance to fire, were the <img> real
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)

    msg = ask(page, OFF_TOPIC, 2)
    expect(msg.locator(".nb-badge")).to_have_text("Not in the corpus")
    expect(msg.locator(".nb-sources-h")).to_have_text("Related, but not an answer")
    expect(msg.locator(".nb-card").first).to_be_visible()
    expect(msg.locator(".nb-cite")).to_have_count(0)
    page.screenshot(path=str(tmp_path / "abstained.png"), full_page=True)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not outside_requests(page)


def test_corpus_tab_upload_bad_file_and_delete(ui_page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = ui_page

    good = tmp_path / "ferry.txt"
    good.write_text(UPLOAD_TEXT, encoding="utf-8")
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 16)
    page.get_by_role("tab", name="Corpus").click()
    count, table, status = page.locator("#corpus-count"), page.locator("#corpus-table"), page.locator("#corpus-status")
    expect(count).to_contain_text("4 articles")
    expect(table).to_contain_text("000_26083794b4a1b5c3")

    page.locator("#corpus-upload input[type=file]").set_input_files(str(good))
    expect(status).to_contain_text("added ferry")
    expect(count).to_contain_text("5 articles")
    expect(table).to_contain_text("Harbour ferry returns")
    page.screenshot(path=str(tmp_path / "uploaded.png"), full_page=True)

    page.locator("#corpus-upload input[type=file]").set_input_files(str(blob))
    expect(status).to_contain_text("blob.txt: binary file")
    expect(status.locator(".nb-bad")).to_be_visible()
    expect(count).to_contain_text("5 articles")  # the index is intact
    page.screenshot(path=str(tmp_path / "bad-file.png"), full_page=True)

    # The chat's article filter (Settings) offers the new article; restricted to it, the chat answers from it.
    page.get_by_role("tab", name="Chat").click()
    page.locator("#settings").get_by_text("Settings").first.click()
    page.locator("#article-filter input").click()
    page.get_by_role("option", name="ferry", exact=True).click()
    page.keyboard.press("Escape")
    msg = ask(page, "When did the harbour ferry return to service?", 1)
    expect(msg.locator(".nb-answer")).to_contain_text("returned to service on Tuesday")
    files = msg.locator(".nb-file")
    assert files.count() >= 1 and set(files.all_inner_texts()) == {"ferry.txt"}
    msg = ask(page, QUESTION, 2)  # answered by a sample article, which the filter leaves out
    expect(msg.locator(".nb-badge")).to_have_text("Not in the corpus")
    assert set(msg.locator(".nb-file").all_inner_texts()) <= {"ferry.txt"}

    page.get_by_role("tab", name="Corpus").click()
    choose = page.locator("#corpus-delete input")
    choose.click()
    page.get_by_role("option", name="ferry", exact=True).click()
    page.locator("#corpus-delete-btn").click()
    expect(status).to_contain_text("deleted ferry")
    expect(count).to_contain_text("4 articles")
    expect(table).not_to_contain_text("Harbour ferry returns")
    page.screenshot(path=str(tmp_path / "deleted.png"), full_page=True)
    page.get_by_role("tab", name="Chat").click()
    expect(page.locator("#article-filter")).not_to_contain_text("ferry")  # a deleted article leaves the filter
    assert not outside_requests(page)
