""""Who pressured the mayor?" is answered by the sentence in which someone does the act (a word WordNet lets
stand in for the verb, either way round: "pushing the mayor to drop ...") before one that only names the mayor
("Opposition councillors denounced the budget ... the mayor is targeting ..."); bot/answer/promote.doer_first.
A noun is no act ("a powerful political force" does not force), nor is a verb of many senses ("took")."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

TOWN = """Town budget row

Opposition councillors denounced the budget and said they felt the mayor is targeting the libraries, a powerful political force in the town.
The mayor's aide read a statement on behalf of the mayor, demanding an end to the strike by library staff.
The mayor took the title of chair of the budget committee in May.
Local shopkeepers are believed to have played a major role in the talks, pushing the mayor to drop the parking fees.
"""


@pytest.fixture(scope="module")
def town_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("town"), {"town.txt": TOWN})


def test_the_one_doing_the_act_asked_about(town_home):
    a = ask("who pressured the mayor", settings=town_home)
    assert a.citations and "pushing the mayor" in a.citations[0].quote, a.answer


def test_the_one_named_doing_it_stays_first(town_home):
    a = ask("who denounced the budget", settings=town_home)
    assert a.citations and "Opposition councillors denounced" in a.citations[0].quote, a.answer
