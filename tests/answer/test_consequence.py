""""What happens to people who ...", "what will happen if ...": the sentence stating a consequence of the
condition asked about answers (bot/answer/promote.states_consequence, consequence_first), also when it
words the condition its own way ("anyone who continues carrying weapons" for "fighters who keep their
weapons"), and only a consequence of that condition."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

ARTICLE = """Harbourside curfew extended after weekend unrest

The city council extended the night curfew in the Harbourside district on Monday after two nights of unrest,
in which shop windows were smashed and three cars were set on fire. The mayor, Elena Voss, said police would
patrol the district's main streets from 10 p.m. until dawn. Anyone who is found on the streets after 10 p.m.
without a permit will be fined 500 euros, she said. Residents described a tense but quiet Sunday night. Shop
owners said they had lost most of their weekend trade and asked the council for help with the repairs.
"""


@pytest.fixture(scope="module")
def curfew_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("curfew"), {"curfew.txt": ARTICLE})


@pytest.mark.parametrize("question", [
    "what happens to people who are out on the streets after the curfew",
    "What will happen if I am on the streets after 10 p.m.?",
])
def test_the_consequence_of_the_condition_asked_about(curfew_home, question):
    answer = ask(question, settings=curfew_home)
    assert answer.status == "answered", answer.answer
    assert "fined 500 euros" in answer.citations[0].quote


def test_a_consequence_of_another_condition_is_no_answer(curfew_home):
    # the fine is for being out after 10 p.m., not for attacking the council
    answer = ask("what would happen to anyone who attacks the town hall", settings=curfew_home)
    assert not (answer.status == "answered" and "fined" in answer.citations[0].quote), answer.answer
