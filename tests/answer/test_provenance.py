"""Who wrote or reported an article: its credit line answers (bot/answer/provenance.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.provenance import asks_article, asks_source


@pytest.mark.parametrize("question, asks", [
    ("who wrote the najaf article", True), ("what is the source of the najaf story", True),
    ("what's the source?", True), ("source?", True), ("where did you get that", True),  # of the answer just given
    ("who reported this story", True), ("where is the truce story from", True), ("who is the reporter", True),
    # asked of something else than an article: a question about its content
    ("who wrote the letter", False), ("what was the source of the violence", False),
    ("who wrote Reducibility Among Combinatorial Problems", False),
])
def test_a_question_about_an_article_s_writer_or_source(question, asks):
    assert asks_source(question) is asks


@pytest.mark.parametrize("question, credit", [
    ("who wrote the najaf article", "SOURCE: Agencies"),  # a source line (boilerplate, never another answer)
    ("what is the source of the story about the truce", "SOURCE: Agencies"),
    ("who is the author of the basra article", "VOA Correspondent Challiss McDonough"),
])
def test_the_article_s_credit_line_answers(sample_home, question, credit):
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and credit in a.citations[0].quote, a.answer  # was not found
    # still no answer to anything else
    assert "SOURCE" not in ask("what did the us agree to", settings=sample_home).answer


@pytest.mark.parametrize("question, asks", [
    ("which article says that", True), ("what article is that from?", True), ("which story is this in", True),
    ("which articles mention Sadr", False),  # a description of the archive, not of the answer just given
    ("which article says that the US agreed", False),  # a clause, no pointer
    # asked for the answer's evidence
    ("how do you know?", True), ("how do you know that", True), ("where does it say that", True), ("proof?", True),
    ("what's your evidence", True),
    ("how do we know", True), ("how do i know that?", True),  # (were a new question: "how do we know (Mahdi Army)?")
    ("how do you know Sadr", False), ("what is the evidence against Sadr", False),  # of something else
])
def test_a_question_about_the_article_of_the_answer_just_given(question, asks):
    assert asks_article(question) is asks


def _follow(home, first: str, second: str):
    a = ask(first, settings=home)
    return a, ask(second, history=[{"role": "user", "content": first}, {"role": "assistant", "content": a.answer}],
                  settings=home)


def test_which_article_says_that_quotes_the_answer_just_given_again(sample_home):
    first, a = _follow(sample_home, "what did sadr demand", "which article says that")
    assert a.status == "answered" and a.citations[0].quote == first.citations[0].quote  # was not found
    assert a.citations[0].article_id == first.citations[0].article_id
    assert "(" not in a.standalone_question  # no topic carried over: the answer's own words find its article


@pytest.mark.parametrize("doubt", ["how do you know", "where does it say that?", "proof?", "how do we know"])
def test_asked_for_evidence_the_answer_just_given_is_quoted_again(sample_home, doubt):
    # were: another sentence about the Mahdi Army ("how do you know (Mahdi Army)?"), "where does Sadr's
    # demand say that", and a sentence it was not found in
    first, a = _follow(sample_home, "is the mahdi army still in control of najaf", doubt)
    assert "remained in firm control" in first.citations[0].quote
    assert a.status == "answered" and a.citations[0].quote == first.citations[0].quote, a.answer
    assert a.standalone_question == doubt


def test_the_source_of_the_answer_just_given_is_its_articles_credit_line(sample_home):
    # the Basra story (002), though "source" alone retrieves the Najaf story's "SOURCE: Agencies" first
    first, a = _follow(sample_home, "what did sadr demand", "what's the source?")
    assert first.citations[0].article_id.startswith("002_")
    assert a.status == "answered" and "VOA Correspondent Challiss McDonough" in a.citations[0].quote, a.answer
    # asked first, there is no answer it could be the source of (was the first retrieved story's credit line)
    assert ask("what's the source?", settings=sample_home).status == "not_found"


def test_who_wrote_a_named_article_after_another_answer_is_that_articles_credit(sample_home):
    # after an answer from the Basra story, "the Najaf article" is the Najaf story (was "VOA Correspondent ...":
    # the question was taken as one about the answer just given, and retrieved by its words)
    first, a = _follow(sample_home, "how many people died in basra", "who wrote the najaf article")
    assert first.citations[0].article_id.startswith("002_")
    assert a.status == "answered" and a.citations[0].quote == "SOURCE: Agencies", a.answer


def test_who_wrote_this_after_an_answer_is_its_articles_credit_line(sample_home):
    # was the answer quoted again as "who said it" ("Sadr spokesman Hazem al-Aaraji read a statement ...")
    first, a = _follow(sample_home, "what did sadr order", "who wrote this")
    assert first.citations[0].article_id.startswith("000_")
    assert a.status == "answered" and "VOA Correspondent Challiss McDonough" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["list the sources", "what are your sources", "who wrote the articles"])
def test_the_sources_of_all_the_articles_are_their_credit_lines(sample_home, question):
    # was not found ("list the sources": no article named, nothing answered before)
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer
    quotes = {c.quote for c in a.citations}
    assert "SOURCE: Agencies" in quotes and any(q.startswith("VOA Correspondent Challiss McDonough") for q in quotes)
    assert len({c.article_id for c in a.citations}) == 3  # each article's own line, cited in it


def test_sources_typed_alone_lists_every_articles_credit_line(sample_home):
    from bot.answer.provenance import asks_all_sources
    assert asks_all_sources("sources?") and not asks_all_sources("source")
    a = ask("sources", settings=sample_home)  # was not found
    assert a.status == "answered" and len({c.article_id for c in a.citations}) == 3, a.answer
