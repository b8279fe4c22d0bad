"""Property-based fuzzing (hypothesis) of the two doors into newsbot (issue 12, "prove it by fuzzing").

(a) The loader and ingest: random files (bytes, text in random encodings, JSON / JSONL of random shapes with
    wrong types, nulls and huge numbers) under random names ('#', spaces, unicode, newlines, names that are
    not UTF-8) are ingested, again and again, into one index: nothing but a NewsbotError may come out, and
    after every run the index is consistent (tests/test_ingest.py's assert_consistent: every live chunk and
    sentence has its vector in Chroma, offsets are exact, BM25 is current and holds every live chunk).
(b) ask()'s arguments: random questions (control characters, lone surrogates, empty, too long, not text),
    histories (any shape, type and size), date filters, article ids and top_k against the sample index: an
    Answer or a NewsbotError, and every citation of every Answer is an exact quote of its article.

Deterministic (derandomize=True: the same examples on every run and in CI) and bounded: about a minute here.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings, strategies as st
from test_ingest import assert_consistent, story

from index.errors import NewsbotError
from index.ingest import ingest

FUZZ = settings(derandomize=True, deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])

# -- strategies: files ------------------------------------------------------------------------------------

# Any character, lone surrogates included (a JSON "\ud800" escape gives one; st.text() alone never does).
ANY_CHAR = st.characters(exclude_categories=())
TEXT = st.text(ANY_CHAR, max_size=40)
PROSE = st.lists(st.sampled_from([
    "The council met on Monday.", "Prices rose 3.5 percent in May.", "U.S. troops left Basra.",
    "\u201cWe will return,\u201d he said.", "# Heading", "- a list item", "Da\u00df ist gut.", "\u65b0\u95fb\u3002",
    "\n\n", "\t", "\x1b[2J", "\u202e", "\r\n", "   ", "http://example.com/a#b", "Date: 2008-03-30",
    "\ud800", "\udcff", "\ud83d\ude00", "\x00", "\ufeff",
]) | TEXT, min_size=1, max_size=25).map("".join)
HUGE_NUMBER = st.integers(4200, 6000).map(lambda n: "9" * n)  # past Python's 4300-digit int conversion limit
SCALAR = (st.none() | st.booleans() | st.integers() | st.floats() | TEXT | PROSE
          | st.sampled_from(["2008-03-30", "2008-13-45", "March 30, 2008", "0000-01-01", "10000-01-01", ""]))
JSON_VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(TEXT, inner, max_size=4), max_leaves=10)
FIELDS = {"content": PROSE | SCALAR, "body": SCALAR, "title": SCALAR | JSON_VALUE, "id": SCALAR | JSON_VALUE,
          "date": SCALAR | JSON_VALUE, "url": SCALAR}
ARTICLE = st.fixed_dictionaries({"text": PROSE}, optional=FIELDS)  # a record with a text, other fields anything
RECORD = ARTICLE | st.fixed_dictionaries({}, optional={"text": JSON_VALUE, **FIELDS})
JSON_DOC = st.one_of(ARTICLE, ARTICLE, st.lists(RECORD | JSON_VALUE, max_size=5), RECORD, JSON_VALUE)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1", "shift_jis", "koi8-r", "gb18030"]


@st.composite
def json_bytes(draw, lines: bool) -> bytes:
    """A JSON document, or JSONL lines, some broken or holding a number too long to convert."""
    docs = draw(st.lists(JSON_DOC, min_size=1, max_size=5 if lines else 1))
    out = []
    for doc in docs:
        text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
        if draw(st.integers(0, 5)) == 0:  # a huge number, or a line cut short
            text = draw(st.sampled_from([text[: len(text) // 2], '{"text": "Big.", "n": ' + draw(HUGE_NUMBER) + "}",
                                         '{"text": "Big.", "id": ' + draw(HUGE_NUMBER) + "}"]))
        out.append(text)
    return ("\n".join(out) + "\n").encode("utf-8", "surrogatepass")


@st.composite
def encoded_text(draw) -> bytes:
    return draw(PROSE).encode(draw(st.sampled_from(ENCODINGS)), "replace")


SUFFIXES = [".txt", ".json", ".jsonl", ".md", ".json", ".jsonl", ".markdown", ".html", ".htm", ".TXT", ".Json", "",
            ".pdf"]  # JSON twice: its shapes are where most can go wrong
NAME_CHARS = st.characters(codec="utf-8", exclude_characters="/\0")


@st.composite
def file_name(draw) -> bytes:
    """A file name as bytes: '#', spaces, unicode, newlines, or bytes that are not UTF-8 at all."""
    stem = draw(st.text(NAME_CHARS, min_size=1, max_size=20) | st.sampled_from(["a#b", "a", "a.txt", "#", " x "]))
    not_utf8 = b"\xff\xfe" if draw(st.integers(0, 7)) == 0 else b""
    return stem.encode() + not_utf8 + draw(st.sampled_from(SUFFIXES)).encode()


@st.composite
def a_file(draw) -> tuple[bytes, bytes]:
    name = draw(file_name())
    suffix = Path(os.fsdecode(name)).suffix.lower()
    typed = (json_bytes(lines=suffix == ".jsonl") if suffix in (".json", ".jsonl")
             else PROSE.map(lambda t: t.encode("utf-8", "surrogatepass")))
    content = draw(st.one_of(
        typed, typed, typed,  # mostly what the name says it holds
        encoded_text(),
        st.binary(max_size=300),
        st.sampled_from([b"", b"   \n", b"<html><body><p>Hello <b>world</b>.</p></body></html>",
                         b"[" * 3000 + b"]" * 3000, story(1, "fuzz").encode()]),
    ))
    return name, content


FILES = st.lists(a_file(), min_size=1, max_size=4, unique_by=lambda f: f[0])


# -- (a) the loader and ingest -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fuzz_index(tmp_path_factory):
    """(settings, embedding model, the folder each example writes into): one index for the whole module."""
    from index.embed import make_embedding
    from index.settings import Settings

    root = tmp_path_factory.mktemp("fuzz")
    s = Settings.from_env({}, home=root / "home")
    model = make_embedding(s.embed_model)
    write_files(root / "seed", [(b"seed.txt", story(0, "seed").encode())])
    ingest([root / "seed"], s, embed_model=model)
    return s, model, root / "in"


def write_files(folder: Path, files: list[tuple[bytes, bytes]]) -> list[Path]:
    """Write what the file system takes (a name it refuses, e.g. too long, is left out)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    written = []
    for name, content in files:
        path = os.path.join(os.fsencode(folder), name)
        try:
            with open(path, "wb") as fh:
                fh.write(content)
        except OSError:
            continue
        written.append(Path(os.fsdecode(path)))
    return written


@settings(FUZZ, max_examples=100)
@given(files=FILES, prune=st.booleans(), one_by_one=st.booleans())
def test_any_files_ingest_with_reasons_and_leave_the_index_consistent(fuzz_index, files, prune, one_by_one) -> None:
    s, model, folder = fuzz_index
    paths = write_files(folder, files)
    try:
        report = ingest(paths if one_by_one else [folder], s, prune=prune, embed_model=model)
    except NewsbotError as exc:
        event(f"refused: {type(exc).__name__}")
        report = None
    else:
        event(f"articles written: {bool(report.added or report.updated)}; skips: {bool(report.skipped)}")
    st_ = assert_consistent(s)
    if report is not None:
        for aid in report.added + report.updated + report.unchanged:
            assert aid in st_["articles"], aid
        assert not set(report.removed) & set(st_["articles"])
        assert all(isinstance(x.reason, str) and x.reason for x in report.skipped)


# -- (b) ask()'s arguments ---------------------------------------------------------------------------------

QUESTIONS = ["What did Sadr demand in exchange?", "What did he order his militia to do?", "Who?", "Where is Najaf?",
             "What did Maliki say about the offensive in Basra?"]
ODD = st.sampled_from(["\x00", "\x1b[2J", "\u202e", "\ud800", "\udcff", "\ufeff", "\n", "\t", "\u2028", "\U0001f600"])
QUESTION = (
    st.sampled_from(QUESTIONS) | st.tuples(st.sampled_from(QUESTIONS), st.lists(ODD | TEXT, max_size=3)).map(
        lambda t: t[0] + "".join(t[1])) | st.text(ANY_CHAR, min_size=1, max_size=80)
    | st.sampled_from(["Sadr " * 399, "a" * 2000, "?"]))
BAD_QUESTION = st.sampled_from(["", "   ", "\n\t", "a" * 2001]) | st.none() | st.integers() | st.binary(max_size=5)
ROLE = st.sampled_from(["user", "assistant", "system", "tool", ""]) | TEXT | st.none() | st.integers()
PART = (st.fixed_dictionaries({"type": st.just("text"), "text": TEXT | SCALAR}) | TEXT
        | st.dictionaries(TEXT, SCALAR, max_size=2))
CONTENT = (TEXT | st.sampled_from(QUESTIONS) | SCALAR | st.lists(PART, max_size=3)
           | st.dictionaries(TEXT, SCALAR, max_size=2))
MESSAGE = st.fixed_dictionaries({"role": ROLE, "content": CONTENT}) | st.fixed_dictionaries(
    {}, optional={"role": ROLE, "content": CONTENT, "name": TEXT}) | SCALAR | st.lists(SCALAR, max_size=2)
GOOD_MESSAGE = st.fixed_dictionaries({
    "role": st.sampled_from(["user", "assistant", "system"]),
    "content": st.sampled_from(QUESTIONS) | PROSE | st.lists(
        st.fixed_dictionaries({"type": st.just("text"), "text": PROSE}) | PROSE, max_size=3)})


@st.composite
def good_history(draw):
    messages = draw(st.lists(GOOD_MESSAGE, max_size=8))
    if draw(st.integers(0, 5)) == 0:  # long, in both ways: only the last 50, and 20,000 characters of each, are read
        messages = messages * draw(st.integers(1, 2000)) + [{"role": "user", "content": "Sadr " * 10_000}]
    return tuple(messages) if draw(st.booleans()) else messages


DATE = st.one_of(st.none(), st.none(), st.none(),  # mostly no filter, so that most questions find their passages
                 (st.dates(date(2008, 1, 1), date(2008, 12, 31)) | st.dates()).map(date.isoformat))
BAD_DATE = (st.dates() | TEXT | st.integers()
            | st.sampled_from(["2008-13-45", "2008-02-30", "20080101", "2008-3-1", "0000-01-01", ""]))
# The arguments as a caller means them (the date filters, article ids and a long history still narrow or
# empty what is found), and, for one argument at a time, as a careless or hostile caller passes them.
VALID = {"history": st.none() | good_history(), "date_from": DATE, "date_to": DATE,
         "top_k": st.none() | st.integers(1, 50), "mode": st.just("extractive")}
BROKEN = {"question": BAD_QUESTION, "date_from": BAD_DATE, "date_to": BAD_DATE,
          "history": st.lists(MESSAGE, min_size=1, max_size=8) | SCALAR | st.dictionaries(TEXT, SCALAR, max_size=2),
          "top_k": st.integers(-2, 0) | st.integers(51, 10**6) | st.booleans() | st.floats(),
          "mode": st.sampled_from(["bogus", "", "LLM", "Extractive"]) | st.none()}


@pytest.fixture(scope="module")
def sample_ids(sample_home) -> list[str]:
    from bot.library import open_library

    return sorted(open_library(sample_home).articles)


@settings(FUZZ, max_examples=300)
@given(data=st.data())
def test_any_ask_arguments_give_an_answer_with_exact_citations_or_a_newsbot_error(sample_home, sample_ids,
                                                                                  data) -> None:
    from bot import Answer, ask
    from bot.library import open_library

    valid = {**VALID, "question": QUESTION,
             "article_ids": st.none() | st.lists(st.sampled_from(sample_ids), max_size=3)
             | st.sets(st.sampled_from(sample_ids))}
    broken = {**BROKEN, "article_ids": st.lists(st.sampled_from(sample_ids) | TEXT | SCALAR, min_size=1, max_size=3)
              | st.sampled_from(sample_ids) | SCALAR}
    bad = data.draw(st.none() | st.sampled_from(sorted(broken)))  # half the time, one argument is passed wrong
    kwargs = {name: data.draw(broken[name] if name == bad else valid[name], label=name) for name in valid}
    question = kwargs.pop("question")
    try:
        a = ask(question, settings=sample_home, **kwargs)
    except NewsbotError as exc:
        event(f"refused: {type(exc).__name__} {str(exc)[:30]}")
        return
    event(f"answered: {a.status}")
    assert isinstance(a, Answer)
    articles = open_library(sample_home).articles
    for c in a.citations + a.related:
        assert articles[c.article_id].text[c.start:c.end] == c.quote, c
    for p in a.passages:
        assert articles[p.article_id].text[p.start:p.end] == p.text, p


# Questions as people frame them, about a topic holding punctuation of any kind: each frame is read by its own rules
# (bot/answer/topic.py, bot/pronouns.py, ...), which a topic of quotes, brackets or dots must not break ('what happened
# to "x"' raised AttributeError in topic.broad_topic)
FRAMES = ["what happened to", "tell me about", "who is", "what is", "what did Sadr say about", "why did", "when was",
          "how many", "where is", "what about", "summarize", "and", "is it true that", "what's going on with",
          "what do people think of", "who said", "did the government", "what's the latest on", "explain"]
TOPIC_WORD = st.sampled_from(["the", "warrant", "Sadr", "Basra", "that", "it", "truce", "of", "in", "12", "x", "Maliki's",
                              "al-Sadr", "U.S.", "Charge", "Knights"])
TOPIC_MARK = st.sampled_from(['"', "'", "(", ")", "[", "]", "...", ".", ",", ";", ":", "?", "!", "-", "/", "&",
                              "\u201c", "\u201d", "\u2019", "*", "#", " ", "\t"])
FRAMED = st.tuples(st.sampled_from(FRAMES), st.lists(TOPIC_WORD | TOPIC_MARK, min_size=1, max_size=6)).map(
    lambda t: f"{t[0]} {''.join(w if len(w) < 2 and not w.isalnum() else f' {w}' for w in t[1])}")


@settings(FUZZ, max_examples=200)
@given(question=FRAMED, follow_up=st.booleans())
def test_a_framed_question_about_a_punctuated_topic_is_answered_or_refused(sample_home, question, follow_up) -> None:
    from bot import Answer, ask

    history = [{"role": "user", "content": "tell me about the warrant"},
               {"role": "assistant", "content": "For their part, the US agreed to suspend the warrant [1]."}]
    try:
        a = ask(question, history=history if follow_up else None, settings=sample_home)
    except NewsbotError as exc:  # (an empty question: a usage error)
        event(f"refused: {type(exc).__name__}")
        return
    assert isinstance(a, Answer) and a.status in ("answered", "uncertain", "not_found"), a
