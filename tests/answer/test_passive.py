"""Passive questions ("where is the bureau located", "how are the pilgrims affected") have a main verb, their
participle (bot/answer/verbs._after_passive_subject): what the question asks of its topic, not a word of the topic
the answer's article must hold, so a sentence on the topic that paraphrases the verb is no refusal."""

from __future__ import annotations

import pytest

from bot import ask


@pytest.mark.parametrize("question, quoted", [
    # were not_found: "located" / "based" / "affected" counted as topic words the articles lack, so the
    # article holding "bureau" / "McDonough" / "pilgrims" read as off the question's topic
    ("where is the voa bureau located", "bureau in Cairo"),
    ("where is mcdonough based", "bureau in Cairo"),
    ("how are the pilgrims affected", "crippled the economy"),
    # was uncertain
    ("why was maliki surprised", "caught off guard"),
])
def test_a_passive_question_about_what_the_articles_say_is_answered(sample_home, question, quoted):
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer
    assert quoted in a.citations[0].quote


def test_a_naming_question_against_a_sentence_naming_nothing_is_not_answered(sample_home):
    # The operation named "Charge of the Knights" is Basra's; the Najaf article names no operation. With
    # "dubbed" the question's verb (not a topic word), the Najaf sentence covered all of its topic: answered.
    a = ask("What was the operation in Najaf dubbed?", settings=sample_home)
    assert a.status != "answered", a.answer
    assert ask("what is sadrs militia called", settings=sample_home).citations[0].quote.count("the Mahdi Army") == 1
