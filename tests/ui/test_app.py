"""The chat UI: rendering and escaping (pure functions), the chat handlers and the Corpus tab functions
against a real index, and the app served for real by `newsbot chat` on 127.0.0.1 (the `/ask` API, a
load test of concurrent sessions). The headless-browser tests are in test_browser.py (same fixtures).

The server starts on an empty NEWSBOT_HOME whose default corpus (NEWSBOT_CORPUS) is a copy of the sample
corpus plus one hostile article, so `chat` must ingest it first, and the browser can check the escaping.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from conftest import free_port, stop_process
from test_ingest import assert_consistent, ingest_lock_held, state, story, write

from index.ingest import ingest

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SCRIPT = Path(sys.executable).parent / "newsbot"
QUESTION = "What did Sadr demand in exchange?"
FOLLOW_UP = "What did he order his militia to do?"
OFF_TOPIC = "What is the capital of Australia?"
HOSTILE_QUESTION = "How much will the Springfield bicycle lane plan cost?"
SCRIPT_TAG = "<script>window.__pwned=1</script>"
IMG_TAG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = (
    "Springfield council approves bicycle lanes\n\n"
    f"The Springfield city council approved a plan for new bicycle lanes on Monday. {SCRIPT_TAG}\n"
    f"The bicycle lane plan will cost 3 million dollars, the mayor of Springfield said. {IMG_TAG}\n"
    "Work on the new lanes starts in May and should end before the winter.\n")
AMNESTY_ID = "000_26083794b4a1b5c3"
NAJAF_ID = "001_7168465226cfb30f"
UPLOAD_TEXT = ("Harbour ferry returns\n\nThe harbour ferry of Port Wendell returned to service on Tuesday after "
               "a winter of repairs, the ferry company said. Tickets cost four dollars.\n")


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


@contextmanager
def running_chat(tmp: Path, corpus_dir: Path, **env_extra: str) -> Iterator[tuple[str, Path]]:
    """`newsbot chat` on a free port with NEWSBOT_HOME=<tmp>/home; yields (url, its log file)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env.update(NEWSBOT_HOME=str(tmp / "home"), NEWSBOT_CORPUS=str(corpus_dir), GRADIO_ANALYTICS_ENABLED="False",
               ANONYMIZED_TELEMETRY="False", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", **env_extra)
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
        stop_process(proc, timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus_dir: Path) -> Iterator[tuple[str, Path]]:
    """The app served by `newsbot chat` for the module; yields (url, its log file)."""
    with running_chat(tmp_path_factory.mktemp("ui"), corpus_dir) as served:
        yield served


def article_text(article_id: str, corpus: Path) -> str:
    return (corpus / f"{article_id}.txt").read_text(encoding="utf-8")


# -- unit: rendering and escaping (no index) ---------------------------------------------------------

def citation(**kw):
    from bot.types import Citation

    start = HOSTILE_TEXT.index("The bicycle lane plan")
    end = HOSTILE_TEXT.index(IMG_TAG)
    d = dict(n=1, article_id="springfield", title="<b>Springfield</b> council", source="/x/springfield.txt",
             start=start, end=end, quote=HOSTILE_TEXT[start:end], score=0.5, date="2024-05-01")
    d.update(kw)
    return Citation(**d)


def test_passage_html_escapes_and_marks_the_quote() -> None:
    from bot.ui.render import passage_html

    start = HOSTILE_TEXT.index("The bicycle lane plan")
    end = HOSTILE_TEXT.index(IMG_TAG)
    out = passage_html(HOSTILE_TEXT, start, end)
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert out.count("<mark>") == 1 and "<mark>The bicycle lane plan will cost" in out


def test_passage_html_trims_context_at_word_boundaries() -> None:
    from bot.ui.render import article_html, passage_html

    text = " ".join(f"word{i}" for i in range(400))
    start = text.index("word200")
    out = passage_html(text, start, start + len("word200"), margin=50)
    assert out.startswith("\u2026word") and out.endswith("\u2026")
    assert "<mark>word200</mark>" in out
    whole = article_html(text, start, start + len("word200"))
    assert whole.startswith("word0 ") and whole.endswith("word399") and "<mark>word200</mark>" in whole
    cut = article_html(text, start, start + len("word200"), limit=200)
    assert len(cut) < 260 and "<mark>word200</mark>" in cut


def test_card_escapes_everything_and_holds_the_whole_article() -> None:
    from bot.ui.render import card_html

    out = card_html(citation(), HOSTILE_TEXT, anchor="src-3-1")
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert out.count("&lt;script&gt;") == 2  # once in the passage, once in the whole article
    assert 'id="src-3-1"' in out and "&lt;b&gt;Springfield&lt;/b&gt; council" in out
    assert "<details" in out and out.count("<mark>") == 2
    assert "springfield.txt" in out and "2024-05-01" in out and "score 0.50" in out
    # The article changed since the answer: no context, never a wrong highlight; the quote alone is exact.
    stale = card_html(citation(), "another text entirely", anchor="src-3-1")
    assert "<details" not in stale and "<mark>The bicycle lane plan will cost" in stale


def test_card_shows_the_whole_file_name() -> None:
    from bot.ui.render import card_html

    out = card_html(citation(source="/x/home #1/uploads/a#b c.txt"), HOSTILE_TEXT, anchor="src-1-1")
    assert '<span class="nb-file" title="/x/home #1/uploads/a#b c.txt">a#b c.txt</span>' in out


def answer(**kw):
    from bot.types import Answer

    c1 = citation()
    c2 = citation(n=2, start=0, end=len("Springfield council approves bicycle lanes"),
                  quote="Springfield council approves bicycle lanes", score=0.2)
    d = dict(question="How much is it?", standalone_question="How much is the Springfield plan?",
             answer=f"{c1.quote} [1] {c2.quote} [2]", abstained=False, citations=(c1, c2))
    d.update(kw)
    return Answer(**d)


def test_answer_html_links_each_citation_to_its_card_and_streams() -> None:
    from bot.ui.render import answer_html, answer_tokens, stream_cuts

    a = answer()
    out = answer_html(a, 4, lambda aid: HOSTILE_TEXT)
    assert out.count('class="nb-cite" href="#src-4-1"') == 1 and 'href="#src-4-2"' in out
    assert 'id="src-4-1"' in out and 'id="src-4-2"' in out
    assert "understood as: <q>How much is the Springfield plan?</q>" in out
    assert "<script" not in out and "<img" not in out and "Not in the corpus" not in out
    tokens = answer_tokens(a, 4)
    cuts = stream_cuts(len(tokens))
    assert cuts == sorted(set(cuts)) and cuts[-1] == len(tokens) and 3 <= len(cuts) <= 12
    frame = answer_html(a, 4, lambda aid: HOSTILE_TEXT, shown=cuts[0])
    assert "nb-cursor" in frame and "nb-card" not in frame and "understood as" in frame
    assert answer_html(a, 4, lambda aid: None, shown=len(tokens)) == answer_html(a, 4, lambda aid: None)
    same = answer(standalone_question="How much is it?")
    assert "understood as" not in answer_html(same, 1, lambda aid: HOSTILE_TEXT)


def test_a_greeting_reply_has_no_not_in_the_corpus_badge() -> None:
    from bot.ui.render import answer_html

    hello = answer(question="hello", standalone_question="hello", answer="I answer questions about ...",
                   abstained=True, citations=(), status="not_found", smalltalk=True)
    assert "Not in the corpus" not in answer_html(hello, 1, lambda aid: None)
    refused = answer(abstained=True, citations=(), status="not_found")
    assert "Not in the corpus" in answer_html(refused, 1, lambda aid: None)


def test_answer_html_keeps_a_bracket_inside_a_quote_as_text() -> None:
    from bot.ui.render import answer_html

    c = citation(quote="costs [2] dollars", start=0, end=17)
    a = answer(answer="costs [2] dollars [1]", citations=(c,))
    out = answer_html(a, 1, lambda aid: "costs [2] dollars and more")
    assert "costs [2] dollars" in out and out.count('class="nb-cite"') == 1


def test_uncertain_answer_is_marked_and_its_closest_card_comes_first() -> None:
    from bot.ui.render import answer_html

    closest = citation()
    other = citation(n=1, start=0, end=len("Springfield council approves bicycle lanes"),
                     quote="Springfield council approves bicycle lanes", score=0.2)
    a = answer(abstained=True, status="uncertain", citations=(closest,), related=(other,),
               answer=f"The articles do not say this directly; the closest they come is: {closest.quote} [1]")
    out = answer_html(a, 5, lambda aid: HOSTILE_TEXT)
    assert "Not said directly" in out and "Not in the corpus" not in out
    # [1] links to the closest passage's card, shown before the related ones and not under "related"
    assert 'href="#src-5-1"' in out and 'id="src-5-1"' in out and 'id="rel-5-1"' in out
    assert out.index("Closest passage, not a direct answer") < out.index('id="src-5-1"') < out.index(
        "Related, but not an answer") < out.index('id="rel-5-1"')


def test_abstention_is_marked_and_lists_related_passages() -> None:
    from bot.ui.render import answer_html, sources_panel_html

    a = answer(abstained=True, answer="The articles I have do not answer this question.", citations=(),
               related=(citation(),), standalone_question="How much is it?")
    out = answer_html(a, 2, lambda aid: HOSTILE_TEXT)
    assert "Not in the corpus" in out and "Related, but not an answer" in out and 'id="rel-2-1"' in out
    assert "nb-cite" not in out
    assert "Related, but not an answer" in sources_panel_html(a, lambda aid: HOSTILE_TEXT)


def test_user_and_error_messages_are_escaped() -> None:
    from bot.ui.render import error_html, user_html

    assert user_html("<b>hi</b>\nthere") == '<div class="nb-question">&lt;b&gt;hi&lt;/b&gt;<br>there</div>'
    assert "<img" not in error_html(IMG_TAG)


def test_ui_auth_from_env(monkeypatch) -> None:
    from bot.ui.app import auth_from_env
    from index.errors import UsageError

    monkeypatch.delenv("NEWSBOT_UI_AUTH", raising=False)
    assert auth_from_env() is None
    monkeypatch.setenv("NEWSBOT_UI_AUTH", "ann:s3:cret")
    assert auth_from_env() == ("ann", "s3:cret")
    monkeypatch.setenv("NEWSBOT_UI_AUTH", "nopassword")
    with pytest.raises(UsageError):
        auth_from_env()


# -- the chat handlers against the sample index (no server) ------------------------------------------

def run_turn(settings, question: str, chat: list, turns: list, **opts):
    from bot.ui.app import respond, show_question

    chat, _, box, pending = show_question(question, chat)
    assert box == "" and pending == question
    frames = list(respond(settings, pending, chat, turns, delay=0, **opts))
    shown, chat, panel, turns = frames[-1]
    return frames, chat, panel, turns


def test_respond_streams_then_keeps_the_conversation(sample_home) -> None:
    frames, chat, panel, turns = run_turn(sample_home, QUESTION, [], [])
    assert len(frames) > 2
    partial = [f[0][-1]["content"] for f in frames[:-1]]
    assert all("nb-cursor" in p and "nb-card" not in p for p in partial)
    assert [len(p) for p in partial] == sorted(len(p) for p in partial)  # the text only grows
    assert "amnesty" in chat[-1]["content"] and 'id="src-1-1"' in chat[-1]["content"]
    assert "Sources of the latest answer" in panel and "<mark>" in panel
    frames, chat, panel, turns = run_turn(sample_home, FOLLOW_UP, chat, turns)
    assert [m["role"] for m in chat] == ["user", "assistant"] * 2
    assert 'id="src-1-1"' in chat[1]["content"] and 'id="src-2-1"' in chat[3]["content"]  # each turn its cards
    assert "understood as: <q>What did Sadr order his militia to do?</q>" in chat[3]["content"]
    # The history holds the standalone question, so the next follow-up still knows who "he" is.
    assert turns[2] == {"role": "user", "content": "What did Sadr order his militia to do?"}
    *_, turns = run_turn(sample_home, "What did he renew?", chat, turns)
    assert "Sadr" in turns[-2]["content"]


def test_respond_applies_the_settings_and_shows_errors(sample_home) -> None:
    *_, chat, _, _ = run_turn(sample_home, QUESTION, [], [], article_ids=[NAJAF_ID], top_k=2)
    cited = set(re.findall(r'title="[^"]*/([^"/]+)\.txt"', chat[-1]["content"]))
    assert cited <= {NAJAF_ID}, cited
    *_, chat, _, _ = run_turn(sample_home, QUESTION, [], [], date_from="last week")
    assert "nb-error" in chat[-1]["content"] and "date_from" in chat[-1]["content"]
    *_, chat, _, _ = run_turn(sample_home, OFF_TOPIC, [], [])
    assert "Not in the corpus" in chat[-1]["content"] and "Related, but not an answer" in chat[-1]["content"]


def test_plain_history_accepts_gradio_message_parts() -> None:
    from bot.ui.app import plain_history

    msgs = [{"role": "user", "content": [{"type": "text", "text": "Who?"}]}, {"role": "system", "content": "x"},
            {"role": "assistant", "content": "Sadr."}, "junk"]
    assert plain_history(msgs) == [{"role": "user", "content": "Who?"}, {"role": "assistant", "content": "Sadr."}]


# -- the Corpus tab functions against a real index (no server) ---------------------------------------

def test_upload_ingests_good_files_and_reports_bad_ones(settings_factory, corpus_copy, tmp_path,
                                                         assert_answers) -> None:
    from bot.ui.corpus import article_rows, delete_articles, ingest_uploads, uploads_dir
    from index.ingest import ingest

    settings = settings_factory()
    ingest([corpus_copy], settings)
    before = article_rows(settings)
    up = tmp_path / "gradio-tmp"
    up.mkdir()
    (up / "ferry.txt").write_text(UPLOAD_TEXT, encoding="utf-8")
    (up / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (up / "empty.md").write_text("", encoding="utf-8")
    (up / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    (up / "dup.txt").write_text(article_text(AMNESTY_ID, CORPUS), encoding="utf-8")
    calls = []
    ok, bad = ingest_uploads(settings, [str(up / n) for n in ("ferry.txt", "blob.txt", "empty.md", "broken.json",
                                                              "dup.txt")],
                             progress=lambda *a, **k: calls.append(a))
    assert ok == ["added ferry"]
    assert any(b.startswith("blob.txt: binary file") for b in bad), bad
    assert any(b.startswith("empty.md: empty file") for b in bad), bad
    assert any(b.startswith("broken.json: not valid JSON") for b in bad), bad
    assert any(b.startswith("dup.txt: same text as article") for b in bad), bad
    assert calls and calls[-1][0] == (calls[-1][0][1], calls[-1][0][1])  # the bar ends full
    assert sorted(p.name for p in uploads_dir(settings).iterdir()) == ["ferry.txt"]  # only what went in
    rows = article_rows(settings)
    assert [r[0] for r in rows] == sorted([r[0] for r in before] + ["ferry"])
    ferry = next(r for r in rows if r[0] == "ferry")
    assert ferry[1] == "Harbour ferry returns" and ferry[3] >= 1 and ferry[4] == "ferry.txt"
    # A bad file under a good upload's name does not replace it.
    (up / "bad").mkdir()
    (up / "bad" / "ferry.txt").write_bytes(b"\0\1\2" * 100)
    ok, bad = ingest_uploads(settings, [str(up / "bad" / "ferry.txt")])
    assert ok == [] and bad[0].startswith("ferry.txt: binary file")
    assert (uploads_dir(settings) / "ferry.txt").read_text(encoding="utf-8") == UPLOAD_TEXT

    ok, bad = delete_articles(settings, ["ferry", AMNESTY_ID, "nope"])
    assert ok == ["deleted ferry", f"deleted {AMNESTY_ID}"] and bad == ["nope: not in the index"]
    assert not (uploads_dir(settings) / "ferry.txt").exists()  # the upload copy goes with its article
    assert (corpus_copy / f"{AMNESTY_ID}.txt").exists()  # a file outside uploads/ is never deleted
    assert [r[0] for r in article_rows(settings)] == sorted(r[0] for r in before if r[0] != AMNESTY_ID)


def stored_uploads(settings) -> list[str]:
    from bot.ui.corpus import uploads_dir

    return sorted(os.listdir(uploads_dir(settings)))


def texts(settings) -> dict[str, str]:
    """Article id -> stored text, after checking that the manifest, Chroma and BM25 agree."""
    return {aid: a.text for aid, a in assert_consistent(settings)["articles"].items()}


FERRY_EDITED = UPLOAD_TEXT + "A second ferry, the Wendell Star, joins the route in June.\n"


@pytest.mark.parametrize("fault", ["another ingest", "disk full"])
def test_a_refused_upload_leaves_the_stored_file_as_the_index_has_it(settings_factory, tmp_path, monkeypatch,
                                                                     fault) -> None:
    """Issue 12 item 3: the stored copy changes only when the index does."""
    from bot.ui.corpus import ingest_uploads, uploads_dir
    from index.errors import HomeError, NewsbotError
    from index.manifest import Manifest

    settings = settings_factory()
    first = write(tmp_path / "one" / "ferry.txt", UPLOAD_TEXT)
    assert ingest_uploads(settings, [str(first)]) == (["added ferry"], [])
    edited = write(tmp_path / "two" / "ferry.txt", FERRY_EDITED)
    new = write(tmp_path / "two" / "tram.txt", story(1, "tram"))
    if fault == "another ingest":
        with ingest_lock_held(settings), pytest.raises(NewsbotError, match="another ingest is running"):
            ingest_uploads(settings, [str(edited), str(new)])
    else:
        def full(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")  # what SQLite says on ENOSPC

        with monkeypatch.context() as m:
            m.setattr(Manifest, "commit_article", full)
            with pytest.raises(HomeError, match="full"):
                ingest_uploads(settings, [str(edited), str(new)])
    assert (uploads_dir(settings) / "ferry.txt").read_text(encoding="utf-8") == UPLOAD_TEXT
    assert stored_uploads(settings) == ["ferry.txt"]  # no stray copy of the new file, no backup left behind
    assert {aid: a.text for aid, a in state(settings)["articles"].items()} == {"ferry": UPLOAD_TEXT}
    # Once nothing is in the way, both go in.
    assert ingest_uploads(settings, [str(edited), str(new)]) == (["added tram", "updated ferry"], [])
    assert (uploads_dir(settings) / "ferry.txt").read_text(encoding="utf-8") == FERRY_EDITED
    assert stored_uploads(settings) == ["ferry.txt", "tram.txt"]
    assert texts(settings) == {"ferry": FERRY_EDITED, "tram": story(1, "tram")}


def test_an_upload_interrupted_before_it_settled_is_put_right_by_the_next(settings_factory, tmp_path) -> None:
    """A chat killed mid-upload leaves the new bytes in place and the old ones aside: the next upload puts
    back the file the index holds."""
    from bot.ui.corpus import BACKUPS, ingest_uploads, uploads_dir

    settings = settings_factory()
    assert ingest_uploads(settings, [str(write(tmp_path / "one" / "ferry.txt", UPLOAD_TEXT))])[0] == ["added ferry"]
    stored = uploads_dir(settings) / "ferry.txt"
    write(uploads_dir(settings) / BACKUPS / "ferry.txt", UPLOAD_TEXT)  # as left by a kill before the ingest
    write(stored, FERRY_EDITED)
    assert ingest_uploads(settings, [str(write(tmp_path / "two" / "tram.txt", story(2, "tram")))])[0] == \
        ["added tram"]
    assert stored.read_text(encoding="utf-8") == UPLOAD_TEXT and stored_uploads(settings) == ["ferry.txt", "tram.txt"]
    # Killed after the ingest committed: the new bytes are what the index holds, and they stay.
    assert ingest_uploads(settings, [str(write(tmp_path / "two" / "ferry.txt", FERRY_EDITED))])[0] == \
        ["updated ferry"]
    write(uploads_dir(settings) / BACKUPS / "ferry.txt", UPLOAD_TEXT)
    assert ingest_uploads(settings, [str(write(tmp_path / "three" / "bus.txt", story(3, "bus")))])[0] == \
        ["added bus"]
    assert stored.read_text(encoding="utf-8") == FERRY_EDITED
    assert stored_uploads(settings) == ["bus.txt", "ferry.txt", "tram.txt"]
    assert texts(settings)["ferry"] == FERRY_EDITED


def test_a_reupload_copying_another_article_never_removes_the_earlier_one(settings_factory, corpus_copy,
                                                                          tmp_path) -> None:
    """Issue 12 item 3: a re-upload whose text is another article's is refused, naming that article; the
    earlier upload of that name, and its stored file, stay."""
    from bot.ui.corpus import ingest_uploads, uploads_dir

    settings = settings_factory()
    ingest([corpus_copy], settings)
    amnesty = article_text(AMNESTY_ID, CORPUS)
    assert ingest_uploads(settings, [str(write(tmp_path / "one" / "ferry.txt", UPLOAD_TEXT))])[0] == ["added ferry"]
    ok, bad = ingest_uploads(settings, [str(write(tmp_path / "two" / "ferry.txt", amnesty))])
    assert ok == [] and len(bad) == 1, (ok, bad)
    assert bad[0].startswith("ferry.txt: same text as article") and repr(AMNESTY_ID) in bad[0]
    assert "'ferry' keeps its earlier text" in bad[0], bad
    assert (uploads_dir(settings) / "ferry.txt").read_text(encoding="utf-8") == UPLOAD_TEXT
    assert texts(settings)["ferry"] == UPLOAD_TEXT and len(texts(settings)) == 4
    # A feed: its edited record goes in, the record that now copies another article keeps its text, said so.
    feed = [{"id": "r1", "text": story(4, "quay")}, {"id": "r2", "text": story(5, "pier")}]
    one = write(tmp_path / "one" / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in feed))
    assert sorted(ingest_uploads(settings, [str(one)])[0]) == ["added feed#r1", "added feed#r2"]
    feed = [{"id": "r1", "text": story(6, "quay")}, {"id": "r2", "text": amnesty}]
    ok, bad = ingest_uploads(settings, [str(write(tmp_path / "two" / "feed.jsonl",
                                                  "".join(json.dumps(r) + "\n" for r in feed)))])
    assert ok == ["updated feed#r1"]
    assert len(bad) == 1 and repr(AMNESTY_ID) in bad[0] and "'feed#r2' keeps its earlier text" in bad[0], bad
    st = texts(settings)
    assert st["feed#r1"] == story(6, "quay") and st["feed#r2"] == story(5, "pier") and len(st) == 6


# Gradio hands over the browser's file name; the long one is more than a file name may hold (255 bytes).
ODD_NAMES = ["a#b.txt", "#lead.md", "with  space .txt", "n\u00fcmero \u2116 \u65b0\u95fb \u2713.txt",
             "line\nbreak.txt", "feed #2.jsonl", "\u00e9" * 200 + ".txt"]


def test_uploads_with_any_file_name_are_kept(settings_factory, corpus_copy, tmp_path) -> None:
    """Issue 12 item 3: '#', spaces, unicode, newlines: indexed, stored, kept by a prune, deleted with the article."""
    from types import SimpleNamespace

    from bot.ui.corpus import article_rows, delete_articles, ingest_uploads, uploads_dir

    settings = settings_factory(home=tmp_path / "home #1")  # a '#' in the home's path too
    ingest([corpus_copy], settings)
    files = []
    for n, name in enumerate(ODD_NAMES):
        text = story(n, "lighthouse")
        if name.endswith(".jsonl"):
            text = json.dumps({"id": "r1", "text": text}) + "\n"
        files.append(SimpleNamespace(name=str(write(tmp_path / "gradio" / str(n) / f"f{n}{Path(name).suffix}", text)),
                                     orig_name=name))
    ok, bad = ingest_uploads(settings, files)
    assert bad == [] and len(ok) == len(ODD_NAMES), (ok, bad)
    stored = stored_uploads(settings)
    long_name = next(s for s in stored if s.startswith("\u00e9"))
    assert long_name.endswith(".txt") and len(long_name.encode()) <= 255
    assert sorted(stored) == sorted(ODD_NAMES[:-1] + [long_name])
    ids = {"a#b", "#lead", "with  space ", "n\u00fcmero \u2116 \u65b0\u95fb \u2713", "line\nbreak", "feed #2#r1",
           long_name[:-4]}
    assert {line.removeprefix("added ") for line in ok} == ids, ok
    rows = {r[0]: r[4] for r in article_rows(settings)}
    assert {rows[a] for a in ids} == set(stored)  # the table shows each whole file name
    for n, name in enumerate(ODD_NAMES[:-1]):
        assert (uploads_dir(settings) / name).read_bytes() == Path(files[n].name).read_bytes()
    # A prune keeps them all: their files are there.
    assert ingest([corpus_copy], settings, prune=True).removed == []
    assert ids <= set(texts(settings))
    assert stored_uploads(settings) == stored
    # Deleting one removes its file and only its file.
    assert delete_articles(settings, ["a#b"]) == (["deleted a#b"], [])
    assert stored_uploads(settings) == sorted(s for s in stored if s != "a#b.txt")
    assert set(texts(settings)) == (ids - {"a#b"}) | {p.stem for p in corpus_copy.iterdir()}


# -- the served app: `/ask` through gradio_client ------------------------------------------------------

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


def test_api_ask_follow_up_abstention_and_errors(server) -> None:
    from gradio_client import Client

    client = Client(server[0], verbose=False)
    history = [{"role": "user", "content": "What did Sadr demand in exchange?"},
               {"role": "assistant", "content": "He asked the government to declare an amnesty."}]
    d = client.predict(FOLLOW_UP, history, api_name="/ask")
    assert d["question"] == FOLLOW_UP and d["standalone_question"] == "What did Sadr order his militia to do?"
    assert d["citations"] or d["related"]
    d = client.predict(OFF_TOPIC, [], api_name="/ask")
    assert d["abstained"] and not d["citations"] and d["related"]
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", [], api_name="/ask")


# Two people, five questions each: every follow-up is only answerable from the session's own history.
CHAINS = {
    "Sadr": [(QUESTION, "amnesty"), (FOLLOW_UP, "militia"), ("What did he threaten if the crackdown continued?",
             "civil disobedience"), ("What did he renew?", "cease-fire"),
             ("What did his spokesman say about the guns?", "guns")],
    "Maliki": [("What did Prime Minister Nouri Al-Maliki say about Sadr's move?", "right direction"),
               ("Where did he go to supervise the security operation?", "Basra"),
               ("What did his statement say the offensive was targeting?", "outlaws"),
               ("What did he personally supervise?", "security operation"),
               ("What did he repeat?", "mainstream Sadrist movement")],
}


def test_ten_concurrent_sessions_keep_their_own_history(server, capsys) -> None:
    from gradio_client import Client

    sessions = 10
    barrier = threading.Barrier(sessions)
    results: dict[int, list] = {}
    errors: list[BaseException] = []

    def session(i: int) -> None:
        person = "Sadr" if i % 2 == 0 else "Maliki"
        out = []
        try:
            client = Client(server[0], verbose=False)
            history: list[dict] = []
            barrier.wait(timeout=60)
            for question, _ in CHAINS[person]:
                t0 = time.perf_counter()
                d = client.predict(question, history, api_name="/ask")
                out.append((time.perf_counter() - t0, d))
                # What a client keeps: the standalone question (so "he" stays resolved) and the answer.
                history += [{"role": "user", "content": d["standalone_question"]},
                            {"role": "assistant", "content": d["answer"]}]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        results[i] = out

    threads = [threading.Thread(target=session, args=(i,)) for i in range(sessions)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    wall = time.perf_counter() - t0
    assert not errors, errors
    latencies = []
    for i in range(sessions):
        person, other = ("Sadr", "Maliki") if i % 2 == 0 else ("Maliki", "Sadr")
        assert len(results[i]) == 5
        for n, ((question, expected), (dt, d)) in enumerate(zip(CHAINS[person], results[i])):
            latencies.append(dt)
            assert d["question"] == question
            assert person in d["standalone_question"], (i, d["standalone_question"])
            if n:  # a follow-up: resolved from this session's history, never another session's
                assert other not in d["standalone_question"], (i, d["standalone_question"])
            assert not d["abstained"] and expected.lower() in d["answer"].lower(), (i, question, d["answer"])
    latencies.sort()
    p95 = latencies[int(round(0.95 * (len(latencies) - 1)))]
    with capsys.disabled():
        print(f"\n/ask load: {sessions} sessions x 5 questions in {wall:.2f} s; latency p50 "
              f"{latencies[len(latencies) // 2] * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
              f"max {latencies[-1] * 1000:.0f} ms")
    assert p95 < 10


def test_basic_auth_guards_the_app_and_the_api(tmp_path, corpus_dir: Path) -> None:
    from gradio_client import Client

    with running_chat(tmp_path, corpus_dir, NEWSBOT_UI_AUTH="ann:s3cret") as (url, _):
        with pytest.raises(Exception):
            Client(url, verbose=False).predict("What did Sadr demand in exchange?", [], api_name="/ask")
        with pytest.raises(Exception):
            Client(url, auth=("ann", "wrong"), verbose=False)
        d = Client(url, auth=("ann", "s3cret"), verbose=False).predict("What did Sadr demand in exchange?", [],
                                                                       api_name="/ask")
        assert "amnesty" in d["answer"]
