""""Which city did Maliki visit?" is not answered by "Prime Minister Nouri Al-Maliki issued a statement calling it
a step in the right direction": the actor doing the act asked about counts only for the verb or a stand-in, and
a verb of many senses ("call", one of which is to visit) stands in only as itself
(bot/answer/speaker._same_act, as count_of_act_first already did for "how many")."""

from __future__ import annotations

from bot import ask
from bot.answer.speaker import _same_act


def test_a_verb_of_many_senses_stands_in_only_as_itself():
    assert not _same_act("visit", "calling")
    assert _same_act("call", "calling")  # the verb itself
    assert _same_act("demand", "asked")  # a stand-in of few senses
    assert _same_act("agree", "agreed")


def test_the_actor_doing_something_else_is_not_the_answer(sample_home):
    a = ask("which city did maliki visit", settings=sample_home)
    assert not (a.status == "answered" and "calling it a step" in a.citations[0].quote), a.answer
