""""Give an example of X" is answered by the sentence giving examples of X ("Notable examples include ..."), the
thing named there or in the sentence before, not by the one defining X (bot/answer/example.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.example import example_topic
from conftest import home_of

RIVERS = """Kinds of river crossing

A ford is a shallow place in a river where people and animals can cross on foot or in a vehicle. Notable examples
include the crossing at Ashby Mill and the old drovers' crossing at Kellow. A ferry is a boat that carries people
across a river on a regular route. Ferries were once common on the lower river.
"""


@pytest.mark.parametrize("question, topic", [
    ("give an example of a ford", "a ford"), ("what are some examples of ferries", "ferries"),
    ("examples of river crossings?", "river crossings"), ("can you give me an example of a ford", "a ford"),
    ("what is a ford", None), ("for example, where is the ford", None),
])
def test_example_topic(question, topic):
    assert example_topic(question) == topic


def test_an_example_of_a_thing_is_the_sentence_giving_examples_of_it(tmp_path):
    # was the definition ("A ford is a shallow place in a river ..."), which shares more of the question's words
    a = ask("give an example of a ford", settings=home_of(tmp_path, {"rivers.txt": RIVERS}))
    assert a.status == "answered" and " ".join(a.citations[0].quote.split()).startswith("Notable examples include"), a.answer
