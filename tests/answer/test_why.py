""""Why ..." questions answered by the sentence giving the reason for the act asked about
(bot/answer/reasons.reason_first), not by the one telling of the act."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

ARTICLE = """River bridge shut for repairs

Mayor Lena Park closed the Old River Bridge on Monday and ordered trucks onto the ring road until further notice.
The bridge was closed in order to repair cracks that inspectors found in its main span last week, the mayor's
office said. Drivers faced long queues at the ring road junction during the morning rush.

Shop owners on the east bank said trade had fallen since the closure. The city council will vote on Thursday on
a plan to pay for the repairs, which engineers expect to take six weeks.
"""


@pytest.fixture(scope="module")
def bridge_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("bridge"), {"bridge.txt": ARTICLE})


@pytest.mark.parametrize("question", ["why did park shut the bridge",  # a synonym of the reason's verb
                                      "why was the old river bridge closed",  # a passive: its participle
                                      "why did the mayor close the bridge"])
def test_why_is_answered_by_the_reason(bridge_home, question):
    a = ask(question, settings=bridge_home)
    assert a.citations and "in order to repair cracks" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("home, question", [("bridge_home", "why did park shut the bridge"),
                                            ("sample_home", "why did sadr tell his men to stop")])
def test_the_reason_given_for_the_act_asked_about_answers(request, home, question):
    # the reason is the evidence that the sentence answers, however few of the question's words it repeats
    # ("his men" / "Iraqi bloodshed")
    a = ask(question, settings=request.getfixturevalue(home))
    assert a.status == "answered" and "in order to" in a.citations[0].quote, a.answer


def test_a_reason_for_another_act_is_no_answer(sample_home):
    # "the offensive ... was designed to bring the southern city under government control" gives a reason,
    # but not for Maliki going to Basra: the sentence telling he went "to personally supervise" answers
    a = ask("why did maliki go to basra", settings=sample_home)
    assert a.citations and "went to Basra on Monday to personally supervise" in a.citations[0].quote, a.answer
    # the same verb, another act: "The prime minister issued a statement ... designed to bring the southern city
    # under government control" gives a reason for issuing a statement, which names no warrant (was cited first)
    a = ask("why was the warrant issued", settings=sample_home)
    assert a.citations and "the warrant for his arrest" in a.citations[0].quote, a.answer



def test_a_reason_for_what_the_sentence_does_not_tell_of_is_no_answer(bridge_home, sample_home):
    # "why was Sadr wanted" was answered by "... said they felt the government is targeting the Sadr organization":
    # nothing in it, or before it, for being wanted
    assert ask("why was sadr wanted", settings=sample_home).status != "answered"
    # a passive whose act the sentence tells of still answers ("closed")
    a = ask("why was the bridge closed", settings=bridge_home)
    assert a.status == "answered" and "in order to repair cracks" in a.citations[0].quote, a.answer


MILLBROOK = """Millbrook post office closes

On Saturday, angry shoppers queued outside the Millbrook post office on its last day of business. The closure of
the post office has angered many residents of the village, who must now drive twelve miles to collect a parcel.
The owners said the branch had lost money for years. A mobile counter will visit the village hall on Tuesdays.
"""


@pytest.mark.parametrize("question", ["why are the residents of millbrook angry", "why are people in millbrook angry"])
def test_why_someone_is_in_a_state_is_answered_by_what_caused_it(tmp_path, question):
    # "angry" is no verb: what "has angered" them is the reason, not "angry shoppers queued ..."
    settings = home_of(tmp_path, {"millbrook.txt": MILLBROOK})
    a = ask(question, settings=settings)
    assert a.status == "answered" and "has angered many residents" in a.citations[0].quote, a.answer


def test_a_purpose_infinitive_after_the_act_is_its_reason(sample_home):
    from bot.answer.reasons import _purpose_of
    assert _purpose_of("launch", "Iraqi troops launched a pre-dawn offensive to crack down on armed groups.")
    assert _purpose_of("go", "Maliki went to Basra on Monday to personally supervise the security operation.")
    assert not _purpose_of("launch", "Iraqi troops launched a pre-dawn offensive in the southern city.")
    assert not _purpose_of("go", "Maliki went to Basra on Monday.")  # "to" a place is no purpose
    # was "But Sadrist lawmakers and officials denounced the offensive and said they felt the government is ..."
    a = ask("why did the government launch the offensive", settings=sample_home)
    assert a.status == "answered" and "to crack down on armed groups" in a.citations[0].quote, a.answer


def test_what_was_ordered_is_no_purpose_of_ordering(sample_home):
    from bot.answer.reasons import _purpose_of
    # "ordering his militia ... to stop fighting" tells what he ordered, not why: "... ordering an end to the
    # fighting in order to stop Iraqi bloodshed" answers (was the order sentence itself)
    assert not _purpose_of("order", "Sadr said he was ordering his militia, the Mahdi Army, to stop fighting.")
    assert _purpose_of("order", "He ordered his men to leave the city to spare its people.")  # a purpose after it
    a = ask("why did sadr order his militia to stop fighting", settings=sample_home)
    assert a.status == "answered" and "in order to stop Iraqi bloodshed" in a.citations[0].quote, a.answer


def test_a_purpose_is_in_the_acts_own_clause():
    from bot.answer.reasons import _purpose_of
    assert _purpose_of("launch", "Iraqi troops launched a pre-dawn offensive to crack down on armed groups")
    # "to provide" goes with "continue", after "but": no purpose of suspending
    assert not _purpose_of("suspend", 'US forces would "suspend offensive operations but will continue to provide '
                                      'security by carrying out presence patrols"')


@pytest.mark.parametrize("question, quote, other", [
    # was answered by "Angry protesters took to the streets ..." (angry, but no Sadrist named)
    ("why are Sadrists angry", "But Sadrist lawmakers and officials denounced the offensive", None),
    # ... but people in general are no subject to look for ("12 people have been killed" is no one afraid)
    ("why are people afraid", "some residents saying they were too afraid", "12 people have been killed")])
def test_why_someone_is_in_a_state_is_told_of_them(sample_home, question, quote, other):
    a = ask(question, settings=sample_home)
    assert a.citations and quote in a.citations[0].quote, a.answer
    assert other is None or other not in a.citations[0].quote
