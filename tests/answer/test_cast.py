""""Who are the main players?", "who's involved in Basra?": the sentences introducing the people of the first
articles on the topic, each by the title the article gives them, one a person (bot/answer/cast.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.cast import asks_cast


def test_asks_cast_reads_the_topic():
    assert asks_cast("who are the main players") == ""
    assert asks_cast("who's involved in Basra?") == "Basra"
    assert asks_cast("who are the key people in the Najaf standoff") == "the Najaf standoff"
    # who is involved in an event is asked of the event: its sides ("Iraqi security forces and Shi'ite militias
    # fought ..."), not everyone named
    assert asks_cast("who is Sadr") is None and asks_cast("who is involved in the Basra fighting") is None
    # (these were not found)
    assert asks_cast("list the people mentioned") == "" and asks_cast("who is mentioned in the Najaf story") == "the Najaf story"
    assert asks_cast("which people are involved in Basra") == "Basra"
    # the topic a follow-up carries over (was None: "who's involved" after "what's happening in basra")
    assert asks_cast("who's involved (in Basra)?") == "Basra" and asks_cast("who are the main players (Najaf)?") == "Najaf"
    # "who are (all) the people ...": were searched as a question (uncertain: "... at least 12 people have been killed")
    assert asks_cast("who are all the people mentioned") == "" and asks_cast("who are the people in Najaf") == "Najaf"
    assert asks_cast("who are the people in the story") == ""  # the articles themselves, no topic (was not found)


@pytest.mark.parametrize("question, people", [
    # was not found
    ("who are the key people in basra", ["Moqtada al-Sadr", "Nouri Al-Maliki", "Hazem Al-Aaraji"]),
    # was "The Mahdi Army's grip ... Sistani to ask the militia to leave." alone
    ("who are the main players in the najaf standoff", ["Muqtada al-Sadr", "al-Sistani", "Abu Faris"]),
])
def test_the_people_involved_are_each_introduced_once(sample_home, question, people):
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and 2 <= len(a.citations) <= 4, a.answer
    quotes = " ".join(c.quote for c in a.citations)
    assert all(p in quotes for p in people), a.answer
    # one sentence a person: Sadr is introduced once, whichever spelling
    assert sum("cleric Moqtada al-Sadr" in c.quote or "cleric Muqtada al-Sadr" in c.quote for c in a.citations) == 1
    assert not any("Correspondent" in c.quote for c in a.citations)  # a credit line is no one involved
