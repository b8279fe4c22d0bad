"""A place the articles name only by its people's adjective: "what did Britain do?" when they write "British
troops" (WordNet's pertainyms: bot/answer/rewordings.country_names / demonyms). It is neither "a name no article
mentions" nor missing from the answering sentence; where the articles do write the place's own name, an
adjective is not taken for it ("Iraqi police" is not about Iraq as "Iraq" is)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.features import held_terms
from conftest import home_of
from index.terms import terms

PORT = """Port handover

British troops handed control of the port to the local police in March and left the city a week later.
French engineers are still repairing the harbour cranes, the port authority said.
Dockers said work would resume once the cranes were fixed.
"""


@pytest.fixture(scope="module")
def port_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("port"), {"port.txt": PORT})


@pytest.mark.parametrize("question, quoted", [
    ("what did britain hand over to the police", "British troops handed control"),
    ("when did britain hand over the port", "British troops handed control"),
    ("anything about france?", "French engineers"),
])
def test_a_place_named_by_its_people_s_adjective(port_home, question, quoted):
    a = ask(question, settings=port_home)
    assert "No article I have mentions" not in a.answer, a.answer
    assert a.status == "answered" and quoted in a.citations[0].quote, a.answer


def test_an_adjective_stands_for_a_place_only_no_article_writes():
    britain, iraq = terms("britain")[0], terms("iraq")[0]
    assert britain in held_terms("British troops left.", frozenset({britain}))
    assert iraq not in held_terms("Iraqi police took over.", frozenset())  # "Iraq" is written elsewhere
