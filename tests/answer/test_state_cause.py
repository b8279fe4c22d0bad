""""What made commuters angry?" is answered by the sentence saying what angered them, the adjective's state
noun as a verb ("... has angered many commuters"), before one that only names the state ("Angry drivers
blocked ..."): WordNet derives "anger" from "angry" (rewordings.state_nouns; a noun the adjective merely pertains
to, "theoretical" -> "theory", is no alias). The keyword search looks for "anger" too (bot/expand.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer import rewordings
from conftest import home_of

BRIDGE = """Bridge toll

Angry drivers blocked the approach roads to the river bridge on Tuesday morning.
Shops along the quay stayed closed, with some commuters saying they were too afraid of trouble to travel.
The council voted in March to raise the toll to four pounds.
The new toll has angered many commuters and prompted the cycling club to call for a free lane.
Police said the blockade ended peacefully by noon.
"""


def test_state_nouns_are_the_adjectives_own():
    assert "anger" in rewordings.state_nouns("angry")
    assert rewordings.state_nouns("theoretical") == frozenset()  # noun.cognition: pertains, no state
    assert "strength" in rewordings.state_nouns("strong")  # the attribute "strong" is a value of


def test_how_strong_is_answered_by_the_strength_of_it(sample_home):
    # "... caught off guard by the strength of the resistance ..." (was not found: "strong" is not "strength")
    a = ask("how strong was the resistance", settings=sample_home)
    assert a.status == "answered" and "the strength of the resistance" in a.citations[0].quote, a.answer


def test_what_made_them_angry_is_what_angered_them(tmp_path):
    home = home_of(tmp_path, {"bridge.txt": BRIDGE})
    a = ask("what made commuters angry", settings=home)
    assert a.status == "answered", a.answer
    assert a.citations and "has angered many commuters" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["why did residents get angry", "why did the residents become angry"])
def test_getting_or_becoming_a_state_asks_what_caused_it(sample_home, question):
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and "has angered many residents" in a.citations[0].quote, a.answer


def test_an_adjective_no_article_uses_stands_for_the_noun_it_pertains_to(sample_home):
    assert rewordings.root_nouns("economic") >= {"economy"}
    assert rewordings.root_nouns("urban") == frozenset()  # "city": another root
    # "economic" (stem "econom") is no word of the articles, "economy" (stem "economi") is: was not found
    a = ask("what's the economic impact", settings=sample_home)
    assert a.status != "not_found" and "crippled the economy" in a.citations[0].quote, a.answer
