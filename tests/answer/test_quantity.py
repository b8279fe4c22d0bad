""""How many X ...?" wants a quantity: a number, or a comparative counting the very noun asked about
("significantly less militiamen"); a sentence with neither is no answer (bot/answer/features.has_type)."""

from __future__ import annotations

from bot import ask
from bot.answer.features import has_type

FEWER = "There were significantly less militiamen in the centre of town but the Mahdi Army remained in firm control."


def test_a_comparative_of_the_noun_asked_about_is_a_quantity():
    assert has_type(FEWER, "number", {"how", "many", "militiamen", "were", "in", "the", "centre"}) == 1.0
    # of another noun it counts nothing ("more from our Middle East bureau")
    assert has_type(FEWER, "number", {"how", "many", "people"}) == 0.0
    assert has_type("Challiss McDonough has more from our Middle East bureau.", "number", {"how", "many", "bureaus"}) == 0.0


def test_how_many_militiamen_is_answered_by_the_sentence_saying_fewer(sample_home):
    # was not found: the "how many" guard vetoes a sentence holding no number
    a = ask("how many militiamen were in the centre", settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote == FEWER, a.answer


def test_a_sentence_with_no_quantity_still_does_not_answer_how_many(sample_home):
    a = ask("how many fighters were on the rooftops", settings=sample_home)
    assert a.status != "answered", a.answer


def test_a_comparative_does_not_count_those_who_underwent_an_act(sample_home):
    # was answered by "There were significantly less militiamen in the centre of town ..."
    assert has_type(FEWER, "number", {"how", "many", "militiamen", "were", "killed", "in", "najaf"}) == 0.0
    assert ask("how many militiamen were killed in najaf", settings=sample_home).status == "not_found"
