""""Where were the fighters?" asks for a place: a sentence putting them "on rooftops and at the entrances of all
the main roads" holds one, though no capitalised name, before a sentence that only names the fighters
(bot/answer/features.has_type: a preposition of place and a noun WordNet knows first as a location, a
structure or a way; "in place", "in addition", "in their guns" are none)."""

from __future__ import annotations

from bot import ask
from bot.answer.features import has_type
from conftest import home_of

SIEGE = """Stand-off at the old mill

The guards' spokesman said the guards would not be turning in their guns.
Armed guards could still be seen stationed on rooftops and at the entrances of all the roads leading to the mill.
The stand-off began when the owners refused to pay the wages owed since March.
"""


def test_a_place_in_lower_case_is_a_place():
    assert has_type("They were stationed on rooftops near the shrine.", "place", {"where", "they"})
    assert not has_type("The ceasefire has been in place since the summer.", "place", {"where", "ceasefire"})
    assert not has_type("In addition, he said it would end.", "place", {"where"})
    assert not has_type("He said they would not be turning in their guns.", "place", {"where"})  # a thing held


def test_where_were_they_is_answered_by_where_they_were(tmp_path):
    home = home_of(tmp_path, {"mill.txt": SIEGE})
    a = ask("where were the guards", settings=home)
    assert a.citations and "stationed on rooftops" in a.citations[0].quote, a.answer


def test_a_where_question_is_not_answered_by_the_sentence_after_the_one_about_it(sample_home):
    from bot import ask
    a = ask("where is the green zone", settings=sample_home)
    # was answered by "Iraqi authorities say a citywide curfew in Baghdad ...", the sentence after the Green Zone's,
    # holding nothing of the question
    assert a.citations and "Green Zone" in a.citations[0].quote, a.answer


def test_a_where_question_answered_without_a_place_is_uncertain(sample_home):
    from bot import ask
    # the Green Zone sentence names no place ("... slammed into the heavily fortified Green Zone government and
    # diplomatic compound"): close, not an answer (was answered)
    a = ask("where is the green zone", settings=sample_home)
    assert a.status == "uncertain" and "Green Zone" in a.citations[0].quote, a.answer
    assert ask("where did maliki go", settings=sample_home).status == "answered"  # "went to Basra"


def test_a_name_opening_the_sentence_is_a_place_it_names():
    from bot.answer.overrides import _opens_with_name
    from bot.answer.question import analyse_question
    q = analyse_question("which country's race will go to a run-off", lambda t: 1.0)
    assert _opens_with_name("Brazil's polarizing presidential race will go to a second round run-off", q)
    assert not _opens_with_name("Repeated barrages of mortar and rocket fire have also slammed into ...", q)
