"""Whether one thing is part of another is answered only by a sentence saying so (bot/answer/membership.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.membership import lacks_membership


@pytest.mark.parametrize("question, sentence, lacks", [
    ("is the Mahdi Army part of the government", "Shi'ite cleric Moqtada al-Sadr said he was ordering his militia, "
     "the Mahdi Army, to stop fighting and cooperate with government security efforts.", True),
    ("are they part of the Sadrist movement", "He said anyone who continues carrying weapons will not be part of the "
     "Sadrist movement.", False),
    ("is he a member of parliament", "He was elected and belongs to the ruling party.", False),
    ("is the Mahdi Army strong", "The Mahdi Army remained in firm control.", False),  # no question of belonging
])
def test_belonging_is_said_by_a_word_of_belonging(question, sentence, lacks):
    assert lacks_membership(question, sentence) is lacks


@pytest.mark.parametrize("question", ["is the mahdi army part of the government", "is sadr part of the government"])
def test_part_of_against_a_sentence_saying_nothing_of_it_is_uncertain(sample_home, question):
    # was answered: "... his militia, the Mahdi Army, to ... cooperate with government security efforts" says nothing
    # of the Mahdi Army belonging to the government
    a = ask(question, settings=sample_home)
    assert a.status == "uncertain", a.answer


def test_part_of_against_a_sentence_saying_it_is_answered(sample_home):
    a = ask("are people who keep weapons part of the sadrist movement", settings=sample_home)
    assert a.status == "answered" and "will not be part of the Sadrist movement" in a.citations[0].quote, a.answer
