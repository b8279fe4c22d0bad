""""What weapons did the Mahdi Army use?" asks for something of a kind: a sentence naming nothing of it (no form
of the noun, nothing whose first WordNet sense is a kind of it, no new name for a kind of thing that bears
names) is at best close to the question (bot/answer/guards.lacks_kind)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.guards import lacks_kind

CONTROL = "There were significantly less militiamen in the centre of town but the Mahdi Army remained in firm control."


@pytest.mark.parametrize("question, sentence, lacks", [
    ("what weapons did the Mahdi Army use", CONTROL, True),
    ("what weapons did the Mahdi Army keep", "Sadr's spokesman said the fighters would not be turning in their guns.",
     False),  # a gun is a weapon
    ("what vehicles did the troops use", "British troops handed control of Basra province over to Iraqi forces.",
     True),  # names, but a vehicle is no kind of thing bearing names
    ("which city did Maliki go to", "Iraqi Prime Minister Nouri Al-Maliki went to Basra on Monday.", False),
    ("what buildings did Sadr agree to evacuate", "The cleric agreed to evacuate all government buildings.", False),
    # the head itself after a determiner says not which ("put away our weapons"); modified, it names a kind
    ("what weapons did the militia use", "We have received no orders, only to put away our weapons for now.", True),
    ("what weapons did they hear", "Residents said they could hear explosions and automatic weapons fire.", False),
    # an abstraction's instances are seldom named by a noun of its kind: no check
    ("what guarantee did Sadr want", "He said the Iraqi government must guarantee that it would stop the raids.",
     False),
    ("what method is used to assess resources", "The theory formalizes this intuition.", False),
])
def test_a_sentence_naming_nothing_of_the_kind_asked_lacks_it(question, sentence, lacks):
    assert lacks_kind(question, sentence) is lacks


@pytest.mark.parametrize("question", ["what weapons did the mahdi army use", "what vehicles did the troops use",
                                      "what weapons did the militia use"])
def test_it_is_no_answer(sample_home, question):
    # were answered by the Mahdi Army's "firm control" and by the British troops' handover
    a = ask(question, settings=sample_home)
    assert a.status == "uncertain", a.answer


def test_a_sentence_naming_the_kind_still_answers(sample_home):
    a = ask("what buildings did sadr agree to evacuate", settings=sample_home)
    assert a.status == "answered" and "government buildings" in a.citations[0].quote, a.answer


def test_a_who_question_against_a_sentence_naming_no_one_for_its_verb_is_no_answer(sample_home):
    # was answered by "Repeated barrages of mortar and rocket fire have also slammed into the heavily fortified
    # Green Zone government and diplomatic compound."
    assert ask("who runs the green zone", settings=sample_home).status == "uncertain"
    a = ask("who runs the iraqi government", settings=sample_home)  # a title over it is still the answer
    assert a.status == "answered" and "Prime Minister Nouri Al-Maliki" in a.citations[0].quote, a.answer
