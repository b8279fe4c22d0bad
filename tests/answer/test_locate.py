""""Where is X?" answered by the sentence placing X ("Normandy, a region in France"), wherever in the archive it
is, even when the question's passages only mention X (bot/answer/locate.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.locate import asked_place, places
from conftest import home_of


@pytest.mark.parametrize("question, place", [
    ("where is normandy", "normandy"), ("Where's Najaf located?", "Najaf"),
    ("where exactly is the green zone", "green zone"), ("where did the normans come from", None),
    ("what is normandy", None),
])
def test_asked_place(question, place):
    assert asked_place(question) == place


def test_places():
    assert places("They gave their name to Normandy, a region in France.", "normandy")
    assert places("Kirkwall is the largest town on Orkney.", "Kirkwall")
    assert places("Kirkwall lies in the north of Mainland, Orkney.", "kirkwall")
    assert not places("The Normans came to Normandy in 911.", "Normandy")  # a visit, no place given
    assert not places("Kirkwall, a fine town.", "Kirkwall")


FERRIES = [f"""Ferry {n}

The Kirkwall ferry {n} left on time on Monday with {n} passengers aboard. Travellers from Kirkwall said the
crossing was calm, and the crew of ferry {n} served tea on the upper deck. Kirkwall harbour staff checked
every ticket at the gate.
""" for n in range(1, 9)]
FESTIVAL = """Folk festival returns

The folk festival returned to the islands this summer after a break of two years. Its first concerts were held in
Kirkwall, the largest town on Orkney, and drew crowds from the mainland. Organisers said tickets sold out.
"""


@pytest.fixture(scope="module")
def orkney_home(tmp_path_factory):
    files = {f"ferry{i}.txt": text for i, text in enumerate(FERRIES)} | {"festival.txt": FESTIVAL}
    return home_of(tmp_path_factory.mktemp("orkney"), files)


def test_where_is_a_place_the_ferry_reports_only_mention(orkney_home):
    # eight reports name Kirkwall three times each; the festival article says where it is, once
    a = ask("where is kirkwall", settings=orkney_home)
    assert a.status == "answered" and "the largest town on Orkney" in a.citations[0].quote, a.answer
