""""Who ordered the offensive?" asks who ordered *the offensive*: a sentence where the verb takes another object
is another act, at best close to the question (bot/answer/target.py, bot/answer/overrides.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.target import misses_object

ORDER = ("In Iraq, Shi'ite cleric Moqtada al-Sadr has ordered his militia off the streets in an effort to press the "
         "government for an end to the military offensive that has rocked Basra")


@pytest.mark.parametrize("question, sentence, misses", [
    ("who ordered the offensive", ORDER, True),
    ("who launched the offensive in basra", "Iraqi troops launched a pre-dawn offensive to crack down", False),
    # a synonym, hyphened, in a relative clause before the verb
    ("who ordered the truce", "Moqtada al-Sadr recently renewed a cease-fire that he originally ordered in August", False),
    # passives, the object before the verb or a pronoun standing for it
    ("who led the militia", "strongholds of the Mehdi Army militia led by Shi'ite cleric Moqtada Al-Sadr", False),
    ("who commissioned the tapestry", "It was commissioned by Odo, the Bishop of Bayeux", False),
    # not read: a verb in the present ("control" may be a noun: "remained in firm control"), a form of "be"
    ("who controls the shrine", "the Mahdi Army remained in firm control of the shrine area", False),
    ("who were the two abbots", "under two Italian abbots, William of Volpiano and John of Ravenna", False),
    # a noun standing in for the object's head in another sense ("operation" / "offensive")
    ("who launched the operation", "Iraqi troops launched a pre-dawn offensive to crack down", False),
    # a sentence without the verb is left to the other checks
    ("who ordered the offensive", "Maliki went to Basra to supervise the security operation", False)])
def test_a_who_question_s_act_must_be_done_to_what_it_names(question, sentence, misses):
    assert misses_object(question, sentence) is misses


def test_who_did_it_to_something_else_is_at_best_close(sample_home):
    # was answered by Sadr ordering his militia off the streets
    a = ask("who ordered the offensive", settings=sample_home)
    assert a.status == "uncertain", a.answer
    a = ask("who launched the offensive in basra", settings=sample_home)
    assert a.status == "answered" and "Iraqi troops launched" in a.citations[0].quote, a.answer


def test_the_act_done_to_a_word_for_the_same_thing_answers(sample_home):
    # was uncertain: "launched a pre-dawn offensive" taken for launching something other than the operation
    a = ask("who launched the operation in basra", settings=sample_home)
    assert a.status == "answered" and "Iraqi troops launched" in a.citations[0].quote, a.answer
