"""Issue 12, "nothing lost, nothing stale, no tracebacks": one test per fault, each reproducing it on real
files in tmp dirs, the embedded Chroma and the real embedding model (helpers shared with test_ingest/test_cli).
"""

from __future__ import annotations

import errno
import importlib
import json
import os
import pickle
import re
import shutil
import sqlite3
import subprocess
import uuid

import numpy as np
import pytest

from index.ingest import bm25_path, ingest
from index.load import load_paths
from index.types import Article, Skip
from index.vectors import VectorStore
from test_cli import run_newsbot
from test_ingest import assert_consistent, state, story, write

FLAGSHIP = "What did Sadr demand in exchange?"
AMNESTY_ID = "000_26083794b4a1b5c3"


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def texts(settings) -> dict[str, str]:
    """Article id -> stored text, after checking that the manifest, Chroma and BM25 agree."""
    return {aid: a.text for aid, a in assert_consistent(settings)["articles"].items()}


# --- 1. swapped or shifted content ---------------------------------------------------------------------------

def test_swapped_contents_are_stored_under_their_current_ids(settings_factory, tmp_path) -> None:
    folder = tmp_path / "docs"
    a, b = write(folder / "a.txt", story(1, "water")), write(folder / "b.txt", story(2, "bread"))
    settings = settings_factory()
    ingest([folder], settings)
    text_a, text_b = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
    write(a, text_b)
    write(b, text_a)
    report = ingest([folder], settings)
    assert sorted(report.updated) == ["a", "b"]
    assert report.removed == [] and report.skipped == []
    assert texts(settings) == {"a": text_b, "b": text_a}


def test_jsonl_without_ids_gaining_a_record_on_top_keeps_every_record(settings_factory, tmp_path) -> None:
    records = [{"title": f"Item {n}", "text": story(n, topic)} for n, topic in enumerate(["salt", "iron", "wool"])]
    feed = write(tmp_path / "feed.jsonl", jsonl(records[1:]))
    settings = settings_factory()
    assert sorted(ingest([feed], settings).added) == ["feed#1", "feed#2"]
    write(feed, jsonl(records))  # a new record on top: every old one moves one line down
    report = ingest([feed], settings, prune=True)
    assert report.removed == [] and report.skipped == []
    assert texts(settings) == {f"feed#{n}": r["text"] for n, r in enumerate(records, 1)}


# --- 2. the same id from another source -----------------------------------------------------------------------

def test_same_relative_path_under_another_folder_gets_its_own_id(settings_factory, tmp_path) -> None:
    a, b = tmp_path / "A", tmp_path / "B"
    write(a / "x.txt", story(3, "river"))
    write(b / "x.txt", story(4, "field"))
    settings = settings_factory()
    home = settings.home
    first = run_newsbot(home, "ingest", str(a))
    assert first.returncode == 0, first.stderr
    second = run_newsbot(home, "ingest", str(b))
    assert second.returncode == 0, second.stderr
    assert "added 1, updated 0" in second.stdout
    assert "'x'" in second.stdout and "'B/x'" in second.stdout  # a note says why the id is qualified
    st = assert_consistent(settings)
    assert {aid: a.source for aid, a in st["articles"].items()} == {"x": str(a / "x.txt"), "B/x": str(b / "x.txt")}
    assert st["articles"]["x"].text == story(3, "river")
    # Ids stick: read again (both folders, one run), nothing moves; an edit updates the qualified id.
    write(b / "x.txt", story(5, "field"))
    report = ingest([a, b], settings)
    assert report.unchanged == ["x"] and report.updated == ["B/x"] and report.added == []
    assert texts(settings) == {"x": story(3, "river"), "B/x": story(5, "field")}


def test_jsonl_records_with_the_same_id_in_two_files(settings_factory, tmp_path) -> None:
    one = write(tmp_path / "A" / "feed.jsonl", jsonl([{"id": "r1", "text": story(6, "ferry")}]))
    two = write(tmp_path / "B" / "feed.jsonl", jsonl([{"id": "r1", "text": story(7, "tram")}]))
    settings = settings_factory()
    assert ingest([one], settings).added == ["feed#r1"]
    report = ingest([two], settings)
    assert report.added == ["B/feed#r1"] and report.updated == []
    assert texts(settings) == {"feed#r1": story(6, "ferry"), "B/feed#r1": story(7, "tram")}
    # In one run from scratch, the same.
    fresh = settings_factory(home=tmp_path / "fresh")
    assert sorted(ingest([one, two], fresh).added) == ["B/feed#r1", "feed#r1"]


def test_same_name_with_two_extensions_in_one_folder(settings_factory, tmp_path) -> None:
    folder = tmp_path / "docs"
    write(folder / "a.md", story(8, "harbour"))
    write(folder / "a.txt", story(9, "railway"))
    settings = settings_factory()
    report = ingest([folder], settings)
    assert sorted(report.added) == ["a", "a.txt"] and report.skipped == []
    assert texts(settings) == {"a": story(8, "harbour"), "a.txt": story(9, "railway")}
    assert ingest([folder], settings).unchanged == ["a", "a.txt"]


# --- 4. --prune and a malformed line -------------------------------------------------------------------------

@pytest.mark.parametrize("with_ids", [True, False])
def test_prune_keeps_the_record_of_a_malformed_line(settings_factory, tmp_path, with_ids) -> None:
    records = [{"text": story(n, topic)} | ({"id": f"r{n}"} if with_ids else {})
               for n, topic in ((1, "salt"), (2, "iron"), (3, "wool"))]
    ids = [f"feed#r{n}" if with_ids else f"feed#{n}" for n in (1, 2, 3)]
    feed = write(tmp_path / "feed.jsonl", jsonl(records))
    settings = settings_factory()
    ingest([feed], settings)
    lines = feed.read_text(encoding="utf-8").splitlines()
    write(feed, "\n".join([lines[0], lines[1][:-8], lines[2]]) + "\n")  # line 2 cut short: not JSON any more
    report = ingest([feed], settings, prune=True)
    assert report.removed == []
    assert [s.source for s in report.skipped] == [f"{feed}:2"]
    assert sorted(texts(settings)) == ids
    # Once the file reads cleanly again, a record really gone is pruned.
    write(feed, "\n".join(lines[:2]) + "\n")
    report = ingest([feed], settings, prune=True)
    assert report.removed == [ids[2]]
    assert sorted(texts(settings)) == ids[:2]


# --- 8. deeply nested JSON ------------------------------------------------------------------------------------

def test_deeply_nested_json_skips_that_file_or_line_only(settings_factory, tmp_path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    write(tmp_path / "in" / "good.txt", story(10, "bridge"))
    whole = write(tmp_path / "in" / "deep.json", deep)
    inner = write(tmp_path / "in" / "inner.json", '{"text": "Body.", "meta": ' + deep + "}")
    feed = write(tmp_path / "in" / "feed.jsonl", jsonl([{"text": story(11, "canal")}]) + deep + "\n"
                 + jsonl([{"text": story(12, "tunnel")}]))
    settings = settings_factory()
    report = ingest([tmp_path / "in"], settings)
    assert sorted(report.added) == ["feed#1", "feed#3", "good"]
    reasons = {s.source: s.reason for s in report.skipped}
    assert set(reasons) == {str(whole), str(inner), f"{feed}:2"}
    assert all("nested too deeply" in r for r in reasons.values()), reasons
    assert reasons[f"{feed}:2"].startswith("line 2:")
    assert sorted(texts(settings)) == ["feed#1", "feed#3", "good"]


# --- found by tests/test_fuzz.py --------------------------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_skipped_with_a_reason(settings_factory, tmp_path) -> None:
    """A name in another encoding (café.txt written in latin-1) crashed the ingest with UnicodeEncodeError."""
    folder = write(tmp_path / "in" / "good.txt", story(14, "harbour")).parent
    bad_file, bad_dir = os.path.join(os.fsencode(folder), b"caf\xe9.txt"), os.path.join(os.fsencode(folder), b"dir\xff")
    top = os.path.join(os.fsencode(tmp_path), b"top\xe9.txt")  # named on the command line
    os.mkdir(bad_dir)
    for n, path in enumerate((bad_file, os.path.join(bad_dir, b"inner.txt"), top)):
        with open(path, "wb") as fh:
            fh.write(story(15 + n, "quay").encode())
    settings = settings_factory()
    report = ingest([folder, os.fsdecode(top)], settings)
    assert report.added == ["good"]
    reason = "name is not valid UTF-8 (the index keeps names as text): rename it to ingest it"
    assert {s.source: s.reason for s in report.skipped} == {
        f"{folder}/caf\\xe9.txt": reason, f"{folder}/dir\\xff": reason, f"{tmp_path}/top\\xe9.txt": reason}
    assert texts(settings) == {"good": story(14, "harbour")}


def test_a_json_number_too_long_for_python_skips_that_file_or_line_only(settings_factory, tmp_path) -> None:
    """A number over 4300 digits made json.loads raise a plain ValueError, which aborted the whole ingest."""
    huge = "9" * 5000
    whole = write(tmp_path / "in" / "big.json", '{"text": "Body.", "n": ' + huge + "}")
    feed = write(tmp_path / "in" / "feed.jsonl", jsonl([{"text": story(17, "dock")}]) + '{"id": ' + huge
                 + ', "text": "x"}\n' + jsonl([{"text": story(18, "lock")}]))
    settings = settings_factory()
    report = ingest([tmp_path / "in"], settings)
    assert sorted(report.added) == ["feed#1", "feed#3"]
    assert {s.source: s.reason for s in report.skipped} == {
        str(whole): "a JSON number longer than 4300 digits", f"{feed}:2": "line 2: a JSON number longer than 4300 digits"}
    assert sorted(texts(settings)) == ["feed#1", "feed#3"]


def test_a_lone_surrogate_escape_in_json_becomes_a_replacement_character(settings_factory, tmp_path) -> None:
    """JSON's "\\ud800" without its pair is a lone surrogate: hashing and storing it raised UnicodeEncodeError."""
    body = "The ferry council met on Monday. It agreed on a plan for the quay."
    one = write(tmp_path / "in" / "one.json", json.dumps({"text": body + " \ud800", "title": "Quay \udfff plan",
                                                          "url": "http://x/\udc80", "date": "2008-03-30"}))
    write(tmp_path / "in" / "feed.jsonl", jsonl([{"id": "r\ud83d", "text": "\udcff " + story(19, "quay")},
                                                  {"text": "Paired: \ud83d\ude00. " + story(20, "pier")}]))
    assert "\\ud800" in one.read_text(encoding="utf-8")  # ASCII JSON, as json.dumps writes it
    settings = settings_factory()
    report = ingest([tmp_path / "in"], settings)
    assert sorted(report.added) == ["feed#2", "feed#r\ufffd", "one"] and report.skipped == []
    st = assert_consistent(settings)["articles"]
    assert st["one"].text == body + " \ufffd" and st["one"].title == "Quay \ufffd plan"
    assert st["one"].url == "http://x/\ufffd" and st["feed#r\ufffd"].text == "\ufffd " + story(19, "quay")
    assert st["feed#2"].text.startswith("Paired: \U0001f600.")  # a pair is one character, kept


# --- 12. the BM25 index is not a pickle -----------------------------------------------------------------------

class _Payload:
    """Unpickling this runs os.mkdir(path): what a planted pickle could do to every reader."""

    def __init__(self, path) -> None:
        self.path = str(path)

    def __reduce__(self):
        return os.mkdir, (self.path,)


def test_a_planted_pickle_in_the_home_is_never_loaded(settings_factory, corpus_copy, tmp_path,
                                                      assert_answers) -> None:
    from bot.library import close_libraries

    settings = settings_factory()
    ingest([corpus_copy], settings)
    path = bm25_path(settings)
    marker = tmp_path / "payload-ran"
    legacy = settings.home / f"{settings.collection}.bm25.pickle"  # where older versions kept it

    def plain_pickle(p):
        p.write_bytes(pickle.dumps(_Payload(marker)))

    def npz_with_object_array(p):  # a .npz whose array is pickled: np.load(allow_pickle=True) would run it
        with open(p, "wb") as fh:
            np.savez(fh, ids=np.array([_Payload(marker)], dtype=object))

    for plant in (plain_pickle, npz_with_object_array):
        plant(path)
        plant(legacy)
        close_libraries()
        assert_answers(settings)  # the reader rebuilds BM25 from the manifest
        ingest([corpus_copy], settings)
        assert not marker.exists(), f"a planted pickle was executed ({plant.__name__})"
    assert not legacy.exists()  # the old pickle is removed when the index is saved
    with np.load(path, allow_pickle=False) as saved:  # the saved index reads without pickle
        assert saved.files and all(saved[name].dtype != object for name in saved.files)


# --- 13. messages that say what is wrong -----------------------------------------------------------------------

def test_text_of_the_wrong_type_is_named(tmp_path) -> None:
    feed = write(tmp_path / "feed.jsonl", jsonl([{"text": 12345}, {"text": None}, {"title": "no text"},
                                                  {"body": ["a", "list"]}, {"text": True}]))
    reasons = [s.reason for s in load_paths([feed]) if isinstance(s, Skip)]
    assert reasons == ['line 1: "text" is a number: expected a string',
                       'line 2: "text" is null: expected a string',
                       'line 3: missing field "text" (or "content"/"body")',
                       'line 4: "body" is a list: expected a string',
                       'line 5: "text" is a boolean: expected a string']


def test_duplicate_record_ids_name_their_lines(tmp_path) -> None:
    feed = write(tmp_path / "feed.jsonl", jsonl([{"id": "x", "text": "First."}, {"id": "y", "text": "Second."},
                                                  {"id": "x", "text": "Third."}]))
    records = list(load_paths([feed]))
    assert [r.id for r in records if isinstance(r, Article)] == ["feed#x", "feed#y"]
    [skip] = [r for r in records if isinstance(r, Skip)]
    assert skip.source == f"{feed}:3"
    assert skip.reason.startswith("line 3: duplicate id 'x'") and "line 1" in skip.reason
    listed = write(tmp_path / "list.json", json.dumps([{"id": 1, "text": "One."}, {"id": 1, "text": "Again."}]))
    [skip] = [r for r in load_paths([listed]) if isinstance(r, Skip)]
    assert skip.source == f"{listed}[2]" and skip.reason.startswith("record 2: duplicate id '1'")
    assert "record 1" in skip.reason


# --- 10. ask() argument checks --------------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, named", [
    ({"date_from": "2008-13-45"}, "2008-13-45"),
    ({"date_to": "2008-02-30"}, "2008-02-30"),
    ({"date_from": "2008-04-01", "date_to": "2008-03-01"}, "2008-04-01"),
    ({"date_from": 20080101}, "20080101"),
    ({"article_ids": ["no-such-article"]}, "no-such-article"),
    ({"article_ids": AMNESTY_ID}, AMNESTY_ID),
    ({"article_ids": [AMNESTY_ID, 12345]}, "12345"),
    ({"history": [{"role": "user", "content": None}]}, "None"),
    ({"history": [{"role": "user", "content": "Who?"}, {"role": "assistant", "content": 42}]}, "42"),
])
def test_bad_ask_arguments_are_usage_errors_naming_the_value(sample_home, kwargs, named) -> None:
    from bot import UsageError, ask

    with pytest.raises(UsageError) as caught:
        ask(FLAGSHIP, settings=sample_home, **kwargs)
    assert named in str(caught.value)


def test_history_is_bounded(sample_home, monkeypatch) -> None:
    from bot import ask
    from bot.ask import MAX_HISTORY_MESSAGES

    ask_module = importlib.import_module("bot.ask")
    seen: list[int] = []
    real_rewrite = ask_module.rewrite
    monkeypatch.setattr(ask_module, "rewrite",
                        lambda q, hist, *rest: (seen.append(len(hist)), real_rewrite(q, hist, *rest))[1])
    filler = [{"role": "user", "content": "Where is Najaf?"}, {"role": "assistant", "content": "In Iraq."}] * 50_000
    history = filler + [{"role": "user", "content": FLAGSHIP},
                        {"role": "assistant", "content": "He asked for an amnesty."}]
    a = ask("What did he say would happen to people who keep fighting?", history=history, settings=sample_home)
    assert seen == [MAX_HISTORY_MESSAGES] and MAX_HISTORY_MESSAGES <= 100
    assert a.standalone_question == "What did Sadr say would happen to people who keep fighting?"


def test_history_text_parts_are_one_bounded_text() -> None:
    from bot.ask import MAX_MESSAGE_CHARS, check_history

    parts = [{"type": "text", "text": "a" * MAX_MESSAGE_CHARS}, "b" * 10]
    assert check_history([{"role": "user", "content": parts}]) == [{"role": "user", "content": "a" * MAX_MESSAGE_CHARS}]
    assert check_history([{"role": "user", "content": ["Who", {"type": "text", "text": "is he?"}]}]) == [
        {"role": "user", "content": "Who is he?"}]


def test_lone_surrogates_in_a_question_or_its_history_are_replaced(sample_home) -> None:
    """Found by tests/test_fuzz.py: a lone surrogate (a "\\ud800" JSON escape through the /ask API, a terminal's
    undecodable byte in `newsbot ask`) reached the tokenizer: TypeError, a traceback."""
    from bot import ask, search

    a = ask("What did Sadr \ud800demand in exchange?", settings=sample_home)
    assert a.question == "What did Sadr \ufffddemand in exchange?" and a.citations
    history = [{"role": "user", "content": "Tell me about Sadr\udcff."},
               {"role": "assistant", "content": [{"type": "text", "text": "He is a cleric \ud800."}, "\udfff"]}]
    follow = ask("What did he demand in exchange?", history=history, settings=sample_home)
    assert "\ufffd" not in follow.standalone_question and "Sadr" in follow.standalone_question
    assert search("\ud800 amnesty", settings=sample_home)
    proc = run_newsbot(sample_home.home, "ask", "What did Sadr \udcff demand in exchange?")  # as bytes: b"...\xff..."
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "[1]" in proc.stdout and "Sadr" in proc.stdout


def test_cli_ask_argument_errors_exit_2(sample_home) -> None:
    for args, named in ((["--article", "no-such-article"], "no-such-article"), (["--from", "2008-13-45"], "2008-13-45"),
                        (["--from", "2008-04-01", "--to", "2008-03-01"], "2008-03-01")):
        proc = run_newsbot(sample_home.home, "ask", *args, FLAGSHIP)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert named in proc.stderr and "Traceback" not in proc.stderr


# --- 11. terminal escapes -------------------------------------------------------------------------------------

HOSTILE_TITLE = "Crane \x1b[2Jcollapse\x1b]0;owned\x07 in Umm Qasr \u202e"
HOSTILE_TEXT = (f"{HOSTILE_TITLE}\n\nThe old harbour crane in Umm Qasr collapsed on Monday \x1b[31mafter a storm\x1b[0m, "
                "port officials said. \x9b2J Nobody was hurt when the crane fell into the water.\n")
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # what must never reach a terminal


def test_cli_output_neutralises_control_characters(settings_factory, tmp_path) -> None:
    folder = tmp_path / "docs"
    write(folder / "crane.txt", HOSTILE_TEXT)
    write(folder / "bad\nname.txt", story(13, "quay"))
    write(folder / "evil\x1b[2J.txt", "")  # skipped (empty): its name is printed in the summary
    settings = settings_factory()
    home = settings.home
    proc = run_newsbot(home, "ingest", str(folder))
    assert proc.returncode == 0, proc.stderr
    assert not RAW.search(proc.stdout) and "evil\\x1b[2J.txt" in proc.stdout

    proc = run_newsbot(home, "status")
    assert proc.returncode == 0, proc.stderr
    assert not RAW.search(proc.stdout)
    table = proc.stdout.split("\n\n", 1)[1].splitlines()
    assert table[0].startswith("ID") and len(table) == 3  # header + one line per article
    assert any(line.startswith("bad\\nname ") for line in table)
    assert any("Crane \\x1b[2Jcollapse\\x1b]0;owned\\x07" in line for line in table)

    question = "When did the harbour crane in Umm Qasr collapse?"
    proc = run_newsbot(home, "ask", "--article", "crane", question)
    assert proc.returncode == 0, proc.stderr
    assert not RAW.search(proc.stdout), proc.stdout
    assert "\\x1b[2J" in proc.stdout  # shown, harmlessly

    proc = run_newsbot(home, "ask", "--json", "--article", "crane", question)
    assert proc.returncode == 0, proc.stderr
    assert not RAW.search(proc.stdout)
    d = json.loads(proc.stdout)  # exact JSON: the title comes back byte for byte
    cited = d["citations"] + d["related"]
    assert cited and {c["title"] for c in cited} == {HOSTILE_TITLE.strip()}
    assert all(HOSTILE_TEXT[c["start"]:c["end"]] == c["quote"] for c in cited)
    assert state(settings)["articles"]["crane"].text == HOSTILE_TEXT


# --- 6. a lost or replaced vector store -----------------------------------------------------------------------

def test_lost_chroma_folder_is_noticed_by_status_and_rebuilt_by_ingest(tmp_path, probe) -> None:
    home = tmp_path / "home"
    assert run_newsbot(home, "ingest").returncode == 0
    ok = run_newsbot(home, "status")
    assert ok.returncode == 0 and "missing" not in ok.stdout, ok.stdout
    shutil.rmtree(home / "chroma")  # the vector store is gone; the manifest still says every article is live

    st = run_newsbot(home, "status")
    assert st.returncode == 0, st.stderr
    line = next(ln for ln in st.stdout.splitlines() if "missing" in ln)
    assert re.search(r"\b[1-9]\d* vectors missing: run `newsbot ingest`", line), line

    again = run_newsbot(home, "ingest")
    assert again.returncode == 0, again.stderr
    assert "nothing changed" not in again.stdout
    missing = int(re.search(r"(\d+) vectors missing", line).group(1))
    assert f"re-embedded {missing} missing vectors" in again.stdout, again.stdout

    after = run_newsbot(home, "status")
    assert after.returncode == 0 and "missing" not in after.stdout, after.stdout
    answer = run_newsbot(home, "ask", probe[0])
    assert answer.returncode == 0 and probe[1] in answer.stdout, answer.stdout
    assert "embedded 0 chunks (nothing changed)" in run_newsbot(home, "ingest").stdout  # and nothing twice


def test_ingest_re_embeds_exactly_the_missing_vectors(settings_factory, corpus_copy, monkeypatch) -> None:
    settings = settings_factory()
    ingest([corpus_copy], settings)
    st = state(settings)
    lost = {"chunk": sorted(st["chunks"])[:3], "sentence": sorted(st["sentences"])[::7]}
    store = VectorStore(settings)
    for kind, ids in lost.items():
        store.delete(kind, ids)
    embedded: list[str] = []
    ingest_module = importlib.import_module("index.ingest")
    real = ingest_module.embed_texts
    monkeypatch.setattr(ingest_module, "embed_texts", lambda m, t: (embedded.extend(t), real(m, t))[1])
    report = ingest([corpus_copy], settings)
    assert report.added == report.updated == [] and len(report.unchanged) == 3
    assert report.vectors_restored == len(lost["chunk"]) + len(lost["sentence"])
    assert len(embedded) == report.vectors_restored  # only the lost ones, not the whole corpus
    assert_consistent(settings)


def test_an_empty_chroma_server_is_filled_from_the_manifest(chroma_server, settings_factory, corpus_copy) -> None:
    settings = settings_factory(collection=f"lost{uuid.uuid4().hex[:10]}")
    ingest([corpus_copy], settings)  # embedded store
    served = settings.with_(chroma_url=chroma_server)  # same manifest, another (empty) store for the chunks
    report = ingest([corpus_copy], served)
    st = assert_consistent(served)
    # The sentence vectors stay in NEWSBOT_HOME whichever Chroma holds the chunks: only the chunks are re-embedded.
    assert report.vectors_restored == len(st["chunks"]) > 0


# --- 9. a home that is a file, read-only, or full --------------------------------------------------------------

def one_clear_line(proc, *words: str) -> None:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


def test_home_that_is_a_file_is_one_clear_line(tmp_path) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder\n")
    for args in (["ingest"], ["status"], ["ask", FLAGSHIP]):
        one_clear_line(run_newsbot(home, *args), str(home), "is a file")
    assert home.read_text() == "not a folder\n"


@pytest.fixture
def read_only(tmp_path):
    """function(folder) -> a read-only view of it: a read-only bind mount (root), or chmod (anyone else)."""
    views: list[tuple[str, object]] = []

    def make(folder):
        if os.geteuid() != 0:
            for p in [folder, *folder.rglob("*")]:
                if p.is_dir():
                    p.chmod(0o555)
            views.append(("chmod", folder))
            return folder
        view = tmp_path / "read-only-view"
        view.mkdir()
        for cmd in (["mount", "--bind", str(folder), str(view)], ["mount", "-o", "remount,bind,ro", str(view)]):
            if subprocess.run(cmd, capture_output=True).returncode != 0:
                subprocess.run(["umount", str(view)], capture_output=True)
                pytest.skip("cannot make a read-only mount here (root without mount rights)")
        views.append(("mount", view))
        return view

    yield make
    for how, path in views:
        if how == "mount":
            subprocess.run(["umount", str(path)], check=True)
        else:
            for p in [path, *path.rglob("*")]:
                if p.is_dir():
                    p.chmod(0o755)


def test_read_only_home_still_answers_and_ingest_says_why_not(settings_factory, corpus_copy, read_only,
                                                              probe) -> None:
    settings = settings_factory()
    ingest([corpus_copy], settings)
    before = state(settings)
    view = read_only(settings.home)
    answer = run_newsbot(view, "ask", probe[0])
    assert answer.returncode == 0, answer.stderr
    assert probe[1] in answer.stdout and "Traceback" not in answer.stderr
    status = run_newsbot(view, "status")
    assert status.returncode == 0, status.stderr
    assert "articles:     3" in status.stdout and "vectors:      all present" in status.stdout
    one_clear_line(run_newsbot(view, "ingest", str(corpus_copy)), "read-only", "NEWSBOT_HOME")
    assert state(settings) == before


@pytest.mark.parametrize("where", ["chroma", "manifest"])
def test_disk_full_during_ingest_is_one_clear_line_and_the_index_stays(settings_factory, corpus_copy, monkeypatch,
                                                                       capsys, assert_answers, where) -> None:
    from bot.cli import main
    from index.manifest import Manifest

    settings = settings_factory()
    ingest([corpus_copy], settings)
    before = state(settings)
    edited = corpus_copy / f"{AMNESTY_ID}.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA late paragraph about the ceasefire.\n",
                      encoding="utf-8")

    def full(*args, **kwargs):
        if where == "chroma":
            raise OSError(errno.ENOSPC, "No space left on device")
        raise sqlite3.OperationalError("database or disk is full")  # what SQLite says on ENOSPC

    target = (VectorStore, "upsert") if where == "chroma" else (Manifest, "commit_article")
    monkeypatch.setattr(*target, full)
    for key in [k for k in os.environ if k.startswith("NEWSBOT_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("NEWSBOT_HOME", str(settings.home))
    assert main(["ingest", str(corpus_copy)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "full" in err, err
    monkeypatch.undo()
    after = state(settings)
    assert {k: after[k] for k in ("articles", "chunks", "sentences")} == \
        {k: before[k] for k in ("articles", "chunks", "sentences")}  # the old version is still the live one
    assert_answers(settings)
    assert ingest([corpus_copy], settings).updated == [AMNESTY_ID]  # once there is room, the edit goes in
    assert_consistent(settings)
