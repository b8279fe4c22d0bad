""""ceasefire" and "cease-fire" are one word: a hyphenated compound of common words also gives the term of its
closed spelling (index/terms.py), and a question's compound is looked up by that term alone, so either spelling
in the question finds either in the articles. A name ("al-Sadr") is matched by its parts only."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of
from index.terms import query_terms, terms

VALLEY = """Valley fighting ends

The rebels and the army signed a cease-fire in Dorvik on Friday after two weeks of talks.
Villagers said the shelling had stopped by nightfall, and the first buses reached the town on Sunday.
Aid groups said the roads were still mined.
"""
COAST = """Coast talks

Fishermen and the coast guard agreed a ceasefire over the northern fishing grounds on Tuesday.
Traders said prices at the harbour market fell the next morning.
"""


def test_a_compound_gives_its_closed_spelling_and_a_name_its_parts():
    assert set(terms("ceasefire")) <= set(terms("a cease-fire")) and {"ceas", "fire"} <= set(terms("a cease-fire"))
    assert query_terms("when was the cease-fire signed") == terms("when was the ceasefire signed")
    assert terms("Moqtada al-Sadr") == ["moqtada", "al", "sadr"]  # a name: no "alsadr"


@pytest.fixture(scope="module")
def truce_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("truce"), {"valley.txt": VALLEY, "coast.txt": COAST})


@pytest.mark.parametrize("question, article, quoted", [
    ("who signed the ceasefire", "valley", "signed a cease-fire in Dorvik"),
    ("where was the ceasefire signed", "valley", "signed a cease-fire in Dorvik"),
    ("who agreed the cease-fire over the fishing grounds", "coast", "agreed a ceasefire"),
])
def test_either_spelling_finds_the_other(truce_home, question, article, quoted):
    a = ask(question, settings=truce_home)
    assert a.status == "answered", a.answer
    assert a.citations[0].article_id == article and quoted in a.citations[0].quote, a.answer
