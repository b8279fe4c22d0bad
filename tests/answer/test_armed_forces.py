"""A people's armed forces named for whose words a sentence reports: "US forces" / "US troops" are the US named
alone, or by another word for its forces, unless another body of theirs is named (bot/answer/speaker.covers)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.speaker import covers
from index.terms import terms


def _t(text: str) -> frozenset[str]:
    return frozenset(terms(text))


@pytest.mark.parametrize("actor, sentence, armed, expected", [
    ("US forces", "For their part, the US agreed to suspend the warrant", True, True),
    ("US troops", "Senor confirmed US forces would suspend offensive operations", True, True),
    # another body of the same people is someone else
    ("Iraqi troops", "Iraqi officials say at least 12 people have been killed", True, False),
    # the people's name must be there
    ("US forces", "British troops handed control of Basra province", True, False),
    # only when asked for (names_speaker): the doer of an act stays the one named
    ("US forces", "For their part, the US agreed to suspend the warrant", False, False)])
def test_armed_forces_stand_for_their_people(actor, sentence, armed, expected):
    assert covers(_t(actor), set(_t(sentence)), armed=armed) is expected


def test_what_us_forces_agreed_to_is_what_the_us_agreed_to(sample_home):
    # was uncertain: "the US agreed ..." names no forces
    a = ask("what did the us forces agree to", settings=sample_home)
    assert a.status == "answered" and "the US agreed to suspend the warrant" in a.citations[0].quote, a.answer
