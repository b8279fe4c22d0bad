""""Who was William the Conqueror?" is answered with the sentence giving him a title, written before his name with a
comma ("... on behalf of their duke, William the Conqueror, led to ..."), not with one where he is only named
("One of the claimants opposing William the Conqueror ..."): bot/answer/aliases.introduces."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.aliases import introduces
from conftest import home_of
from index.terms import terms

HARBOUR = """Harbour town history

One of the merchants opposing Edwin Marlow, Tobias Reed, later left the town for good.
Edwin Marlow's warehouses burned down in the winter of 1698.
Many sailors complained that Edwin Marlow taxed their catch too heavily.
Edwin Marlow's brother kept the lighthouse for thirty years.
The town grew quickly, and a fleet sent on behalf of its mayor, Edwin Marlow, opened the eastern trade route in 1702.
A portrait of Edwin Marlow still hangs in the customs house.
The harbour was rebuilt in stone after the storm of 1711.
"""


@pytest.fixture(scope="module")
def harbour_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("harbour"), {"harbour.txt": HARBOUR})


def test_a_title_before_the_name_with_a_comma_introduces_the_person():
    assert introduces("An expedition on behalf of their duke, William the Conqueror, landed.", set(terms("william")))
    # a word for no kind of person is no title; a name only named is not introduced
    assert not introduces("The town grew quickly, Edwin Marlow said.", set(terms("marlow")))
    assert not introduces("Sailors complained that Edwin Marlow taxed them.", set(terms("marlow")))


def test_who_was_someone_opens_with_the_sentence_giving_them_that_title(harbour_home):
    a = ask("who was edwin marlow", settings=harbour_home)
    assert a.status == "answered" and a.citations, a.answer
    # the summary is in article order: the sentence giving the title is among the sentences chosen
    assert any("its mayor, Edwin Marlow" in c.quote for c in a.citations), a.answer


def test_the_city_is_the_place_the_article_named_the_city_of(sample_home):
    from bot.answer.aliases import named_by_title
    text = "US forces suspended their offensive in the city of Najaf.\\nThe crisis has crippled this ancient city."
    assert named_by_title(text, "The crisis has crippled the economy of this ancient city.") == "Najaf"
    a = ask("what does najaf depend on", settings=sample_home)
    assert a.status == "answered" and "depends on the flow of foreign pilgrims" in a.citations[0].quote, a.answer
