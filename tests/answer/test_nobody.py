"""A who-question answered by a sentence naming no one is at best close (bot/answer/nobody.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.nobody import names_no_one

ROCKETS = ("Repeated barrages of mortar and rocket fire have also slammed into the heavily fortified Green Zone "
           "government and diplomatic compound.")


@pytest.mark.parametrize("sentence, asked, no_one", [
    (ROCKETS, frozenset({"green", "zone"}), True),
    (ROCKETS, frozenset(), False),  # "Green Zone" not asked about: a name, maybe someone's
    ("Rockets fired by militants have slammed into the zone.", frozenset(), False),  # the agent
    ("The award went to John Smith.", frozenset(), False),  # a name: no auxiliary, nothing told
    ("The award has gone to John Smith.", frozenset(), False),
    ("Fighters have taken to the streets.", frozenset(), False),  # a kind of person as the subject
    ("They have slammed into the zone.", frozenset(), False),
])
def test_a_sentence_names_no_one_when_its_subject_and_agent_are_no_one(sentence, asked, no_one):
    assert names_no_one(sentence, asked) is no_one


@pytest.mark.parametrize("question", ["who fired rockets at the green zone", "by who was the green zone attacked",
                                      "who fired on the green zone"])
def test_who_did_it_against_a_sentence_naming_no_one_is_uncertain(sample_home, question):
    # were answered with the rockets sentence, which says nothing of who fired them
    a = ask(question, settings=sample_home)
    assert a.status == "uncertain" and "Repeated barrages" in a.citations[0].quote, (a.status, a.answer)


def test_who_did_it_against_a_sentence_naming_them_is_answered(sample_home):
    a = ask("who took to the streets in sadr city", settings=sample_home)
    assert a.status == "answered" and "Angry protesters took to the streets" in a.citations[0].quote, a.answer
