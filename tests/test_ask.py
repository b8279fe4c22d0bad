"""bot.ask end to end on the sample corpus: answers, exact citations, abstention, follow-ups, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import NoIndexError, UsageError, ask
from bot.engine import ExtractiveSynthesizer, HybridRetriever, query_engine
from bot.library import open_library

PROJECT = Path(__file__).resolve().parent.parent
FLAGSHIP = "What did Sadr demand in exchange?"
AMNESTY = "In exchange, he asked the government to release Mahdi Army prisoners and declare an amnesty."


def _file_text(source: str) -> str:
    return Path(source).read_text(encoding="utf-8")


def test_flagship_question_quotes_the_amnesty_sentence(sample_home):
    a = ask(FLAGSHIP, settings=sample_home)
    assert not a.abstained
    assert a.answer == f"{AMNESTY} [1]"
    c = a.citations[0]
    assert (c.n, c.article_id) == (1, "000_26083794b4a1b5c3")
    assert _file_text(c.source)[c.start:c.end] == c.quote == AMNESTY


def test_to_dict_has_the_documented_shape(sample_home):
    d = ask(FLAGSHIP, settings=sample_home).to_dict()
    assert set(d) == {"question", "standalone_question", "answer", "abstained", "citations", "related", "mode",
                      "timings_ms", "unsupported", "usage", "fallback", "status", "smalltalk"}
    assert d["unsupported"] == [] and d["usage"] == {} and d["fallback"] is False
    assert set(d["citations"][0]) == {"n", "article_id", "title", "source", "start", "end", "quote", "score"}
    assert set(d["timings_ms"]) == {"retrieve", "answer", "total"}
    assert d["mode"] == "extractive" and d["related"] == [] and d["smalltalk"] is False
    json.dumps(d)  # serialisable as is


@pytest.mark.parametrize("greeting", ["hello", "Hi there!", "thanks", "lol", "hmm", "thank you so much", "ok", "help",
                                      "what can you do?", "how many articles do you have?",
                                      "how many articles are indexed"])  # (these two were refused)
def test_a_greeting_is_told_what_newsbot_answers_not_refused(sample_home, greeting):
    # Not searched: no "not in the articles" with unrelated passages, but what newsbot does, over how many articles
    a = ask(greeting, settings=sample_home)
    assert a.smalltalk and a.status == "not_found" and a.abstained
    assert a.citations == () and a.related == () and "3 articles" in a.answer, a.answer


@pytest.mark.parametrize("said, reply", [("thanks!", "You're welcome"), ("thank you so much", "You're welcome"),
                                         ("bye", "Goodbye"), ("hello", "I answer questions")])
def test_thanks_and_goodbyes_get_their_own_reply(sample_home, said, reply):
    # were answered with the opener's "I answer questions about the 3 articles I have ..."
    a = ask(said, settings=sample_home)
    assert a.smalltalk and a.answer.startswith(reply) and "3 articles" in a.answer, a.answer


@pytest.mark.parametrize("asked", ["what do you think?", "how are you feeling", "how do you feel", "whats your opinion"])
def test_a_question_to_newsbot_itself_is_told_what_it_answers(sample_home, asked):
    # were answered by a sentence of the articles ("what do you think": "Shia clerics in Najaf are believed ...")
    a = ask(asked, settings=sample_home)
    assert a.smalltalk and a.citations == () and "3 articles" in a.answer, a.answer


@pytest.mark.parametrize("asked", ["what do you think of sadr", "whats your opinion on sadr?",
                                   "how do you feel about sadr"])
def test_newsbots_view_of_a_thing_is_what_the_articles_say_of_it(sample_home, asked):
    # "what do you think of sadr" was answered as what the asker ("you") did: "The cleric's aide ... on behalf of Sadr"
    a, told = ask(asked, settings=sample_home), ask("tell me about sadr", settings=sample_home)
    assert a.standalone_question == "tell me about Sadr" and a.citations == told.citations, a.answer


@pytest.mark.parametrize("question", ["hello, what did sadr demand", "ok so what did sadr demand in exchange",
                                      "thanks for nothing basra"])
def test_a_question_after_a_greeting_is_still_a_question(sample_home, question):
    assert not ask(question, settings=sample_home).smalltalk


def test_abstains_on_an_off_corpus_question_and_lists_related_passages(sample_home):
    a = ask("What is the capital of France?", settings=sample_home)
    assert a.abstained and not a.citations
    assert "do not answer" in a.answer
    assert 1 <= len(a.related) <= 3
    for c in a.related:
        assert _file_text(c.source)[c.start:c.end] == c.quote


def test_follow_up_is_rewritten_with_the_previous_turn(sample_home):
    first = ask(FLAGSHIP, settings=sample_home)
    history = [{"role": "user", "content": FLAGSHIP}, {"role": "assistant", "content": first.answer}]
    a = ask("What did he say would happen to people who keep fighting?", history=history, settings=sample_home)
    assert a.standalone_question == "What did Sadr say would happen to people who keep fighting?"
    assert a.question == "What did he say would happen to people who keep fighting?"


def test_every_citation_of_the_gold_questions_is_exact(sample_home):
    rows = [json.loads(line) for line in (PROJECT / "eval" / "gold.jsonl").read_text().splitlines() if line]
    texts = {}
    for r in rows:
        a = ask(r["question"], history=r.get("history"), settings=sample_home)
        for c in a.citations + a.related:
            text = texts.setdefault(c.source, _file_text(c.source))
            assert text[c.start:c.end] == c.quote, (r["question"], c)
        # abstained for anything but "answered"; only "not_found" quotes nothing (an uncertain answer
        # quotes its closest sentence)
        assert a.abstained == (a.status != "answered")
        assert (a.status == "not_found") == (not a.citations)


@pytest.mark.parametrize("question", ["", "   \n\t "])
def test_empty_question_is_a_usage_error(sample_home, question):
    with pytest.raises(UsageError, match="empty"):
        ask(question, settings=sample_home)


def test_over_long_question_is_a_usage_error(sample_home):
    with pytest.raises(UsageError, match="2000"):
        ask("why " * 600, settings=sample_home)


@pytest.mark.parametrize("top_k", [0, 51, -1, "3"])
def test_bad_top_k_names_the_value(sample_home, top_k):
    with pytest.raises(UsageError, match="top_k"):
        ask(FLAGSHIP, top_k=top_k, settings=sample_home)


def test_bad_history_is_a_usage_error(sample_home):
    with pytest.raises(UsageError, match="history"):
        ask(FLAGSHIP, history=["not a message"], settings=sample_home)


def test_unknown_mode_is_a_usage_error(sample_home):
    with pytest.raises(UsageError, match="mode"):
        ask(FLAGSHIP, mode="oracle", settings=sample_home)


def test_no_index_tells_the_user_to_ingest(settings_factory):
    with pytest.raises(NoIndexError, match="newsbot ingest"):
        ask(FLAGSHIP, settings=settings_factory())


def test_top_k_limits_the_passages(sample_home):
    assert len(ask(FLAGSHIP, top_k=1, settings=sample_home).passages) == 1
    assert len(ask(FLAGSHIP, top_k=4, settings=sample_home).passages) == 4


def test_article_filter_restricts_retrieval(sample_home):
    a = ask("Who handed control of Basra province to Iraqi forces?", article_ids=["001_7168465226cfb30f"],
            settings=sample_home)
    assert {p.article_id for p in a.passages} == {"001_7168465226cfb30f"}


def test_date_filter_excludes_undated_articles(sample_home):
    a = ask(FLAGSHIP, date_from="2008-01-01", settings=sample_home)
    assert a.abstained and not a.passages


def test_bad_date_filter_names_the_value(sample_home):
    with pytest.raises(UsageError, match="31/03/2008"):
        ask(FLAGSHIP, date_from="31/03/2008", settings=sample_home)


def test_answer_step_is_a_llama_index_query_engine(sample_home):
    from llama_index.core.query_engine import RetrieverQueryEngine

    lib = open_library(sample_home)
    engine = query_engine(lib, 3)
    assert isinstance(engine, RetrieverQueryEngine)
    assert isinstance(engine._retriever, HybridRetriever)
    assert isinstance(engine._response_synthesizer, ExtractiveSynthesizer)
    response = engine.query(FLAGSHIP)  # the plain llama-index path: retrieve + synthesize
    assert "amnesty" in str(response)
    assert len(response.source_nodes) == 3
    node = response.source_nodes[0].node
    assert lib.articles[node.metadata["article_id"]].text[node.start_char_idx:node.end_char_idx] == node.get_content()


@pytest.mark.parametrize("question", ["What did Sadr not demand in exchange?",  # negated: the passage says what he did
                                      "What did Sadr demand in exchange in 1995?"])  # a year the corpus never gives
def test_a_near_miss_of_the_flagship_question_abstains(sample_home, question):
    assert not ask(FLAGSHIP, settings=sample_home).abstained
    a = ask(question, settings=sample_home)
    assert a.abstained and a.citations == () and a.related


# --- issue 12 item 5: a long-lived process and an ingest in another process ---------------------------------

def test_a_running_process_answers_after_another_process_ingests(settings_factory, corpus_copy) -> None:
    from index.ingest import ingest
    from test_cli import run_newsbot

    settings = settings_factory()
    ingest([corpus_copy], settings)
    lib = open_library(settings)
    assert "amnesty" in ask("What did Sadr ask for in exchange?", settings=settings).answer
    first = lib.current
    edited = corpus_copy / "000_26083794b4a1b5c3.txt"
    edited.write_text(edited.read_text(encoding="utf-8")
                      + "\nThe harbour crane in Umm Qasr collapsed on Monday after a storm.\n", encoding="utf-8")
    proc = run_newsbot(settings.home, "ingest", str(corpus_copy))  # another process: its own Chroma client
    assert proc.returncode == 0, proc.stderr
    a = ask("When did the harbour crane in Umm Qasr collapse?", settings=settings)  # no raw Chroma error
    assert "Monday" in a.answer and not a.abstained, a.answer
    assert "amnesty" in ask("What did Sadr ask for in exchange?", settings=settings).answer
    # The new generation came in as one new immutable snapshot; the one a question held is untouched.
    assert open_library(settings).current is not first and first.generation < lib.current.generation
    assert "crane" not in first.articles["000_26083794b4a1b5c3"].text


def test_between_questions_a_reader_holds_nothing_and_an_old_snapshot_says_it_is_old(settings_factory,
                                                                                     corpus_copy) -> None:
    """A snapshot holds its generation only while a question reads it: an idle process must not keep SQLite
    from folding and starting over its write-ahead log while another process ingests (a 5-minute soak grew it
    to 42 MB when every snapshot held a read transaction). A row read after the index moved on is refused
    (StaleSnapshotError), never taken from a newer generation; the chat's text lookups read the current one."""
    import sqlite3

    from bot.ui.app import text_lookup
    from index.errors import StaleSnapshotError
    from index.ingest import ingest, manifest_path

    settings = settings_factory()
    ingest([corpus_copy], settings)
    assert "amnesty" in ask("What did Sadr ask for in exchange?", settings=settings).answer
    old = open_library(settings).current
    assert not old.reader.db.in_transaction  # the question is over: nothing held
    edited = corpus_copy / "001_7168465226cfb30f.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe harbour crane collapsed on Monday.\n",
                      encoding="utf-8")
    ingest([corpus_copy], settings)
    db = sqlite3.connect(manifest_path(settings))
    assert db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0  # not busy: no reader in the way
    db.close()
    assert manifest_path(settings).with_name(manifest_path(settings).name + "-wal").stat().st_size == 0
    with pytest.raises(StaleSnapshotError):
        old.articles["001_7168465226cfb30f"]  # not read by its question: that version is gone
    assert "crane" in text_lookup(settings)("001_7168465226cfb30f")
    assert "crane" in open_library(settings).articles["001_7168465226cfb30f"].text  # the library moves on


def test_a_commit_while_the_library_opens_a_generation_makes_it_open_the_newer_one(settings_factory, corpus_copy,
                                                                                   monkeypatch) -> None:
    """Another process commits between the moment a new snapshot's reader learns its generation and its first
    read: the library opens the newer generation instead of failing the question (a soak run showed "the index
    has moved from generation 176 to 177" in the chat)."""
    from index.ingest import ingest
    from index.manifest_reader import ManifestReader

    settings = settings_factory()
    ingest([corpus_copy], settings)
    lib = open_library(settings)
    edited = corpus_copy / "000_26083794b4a1b5c3.txt"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "\nThe harbour crane in Umm Qasr collapsed on Monday after a storm.\n", encoding="utf-8")
    ingest([corpus_copy], settings)
    real, raced = ManifestReader.has_articles, []

    def racing(reader):
        if not raced:
            raced.append(reader.generation)
            edited.write_text(text + "\nThe harbour crane in Umm Qasr collapsed on Tuesday after a storm.\n",
                              encoding="utf-8")
            ingest([corpus_copy], settings)  # committed right now
        return real(reader)

    monkeypatch.setattr(ManifestReader, "has_articles", racing)
    a = ask("When did the harbour crane in Umm Qasr collapse?", settings=settings)
    assert raced and "Tuesday" in a.answer, a.answer
    assert lib.current.generation == raced[0] + 1 == lib.manifest.generation()


def test_a_failing_chroma_query_is_a_store_error(sample_home, monkeypatch) -> None:
    import chromadb.errors
    from chromadb.api.models.Collection import Collection

    from bot import StoreError

    def broken(*args, **kwargs):
        raise chromadb.errors.InternalError("Error executing plan: Internal error: Error finding id")

    monkeypatch.setattr(Collection, "query", broken)
    with pytest.raises(StoreError, match="newsbot ingest"):
        ask("What did Sadr ask for in exchange?", settings=sample_home)


def test_questions_hitting_a_chroma_error_at_once_all_recover(sample_home, monkeypatch) -> None:
    """Eight questions fail their first Chroma read (as when another process writes meanwhile) and all eight
    retry through a fresh client at the same moment: each one answers; none gets Chroma's "Could not connect
    to tenant default_tenant" from a client another thread was still starting (issue 12 soak test)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import chromadb.errors
    from chromadb.api.models.Collection import Collection

    from index.vectors import VectorStore

    n = 8
    together = threading.Barrier(n)
    failed: set[int] = set()
    real_query, real_reopened = Collection.query, VectorStore.reopened

    def first_query_fails(self, *args, **kwargs):
        if threading.get_ident() not in failed:
            failed.add(threading.get_ident())
            raise chromadb.errors.InternalError("Error executing plan: Internal error: Error getting embedding")
        return real_query(self, *args, **kwargs)

    def reopened_together(self):
        together.wait(timeout=60)  # every thread is about to make its fresh client
        return real_reopened(self)

    ask("What did Sadr ask for in exchange?", settings=sample_home)  # the library is open before the threads
    monkeypatch.setattr(Collection, "query", first_query_fails)
    monkeypatch.setattr(VectorStore, "reopened", reopened_together)

    def question(_):
        try:
            return ask("What did Sadr ask for in exchange?", settings=sample_home).answer
        except Exception as exc:  # noqa: BLE001 - what a thread got, for the assertion below
            return exc

    with ThreadPoolExecutor(n) as pool:
        answers = list(pool.map(question, range(n)))
    assert len(failed) == n
    assert all(isinstance(a, str) and "amnesty" in a for a in answers), answers


def test_a_question_waits_while_another_process_uses_the_embedded_store(settings_factory, corpus_copy) -> None:
    """The embedded Chroma is made for one process: a reader loading its index while an ingest rewrote it died
    of a segmentation fault (the soak test). Every Chroma call takes NEWSBOT_HOME/chroma.lock, so a question
    waits while another process holds it (as `newsbot ingest` does for each write), then answers."""
    import subprocess
    import sys
    import time

    from index.ingest import ingest

    settings = settings_factory()
    ingest([corpus_copy], settings)
    hold = ("import fcntl, sys, time\nf = open(sys.argv[1], 'a')\nfcntl.flock(f, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\ntime.sleep(3)\n")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(settings.home / "chroma.lock")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        t0 = time.monotonic()
        answer = ask("What did Sadr ask for in exchange?", settings=settings)
        waited = time.monotonic() - t0
    finally:
        holder.wait(timeout=30)
    assert "amnesty" in answer.answer
    assert waited > 1.5, f"the question did not wait for the other process ({waited:.2f} s)"
