""""Did the port authority like the leader's order?" asks how it reacted: the sentence in which it acts ("The port
authority has welcomed the move") answers, also when the sentence before names what it reacted to ("After the
leader's order went out, ..."); bot/answer/actor.asks_reaction, bot/answer/promote.reacts."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.reaction import reaction_topic
from conftest import home_of

DOCKS = """Dock strike called off

The union's leader ordered the dockers back to work on Monday, saying the strike had cost its members enough.
He said he was ordering full cooperation with the port authority to get the ships moving.
He said the port authority must guarantee that if his order was followed, it would in turn drop the fines.
After the leader's order went out, the cranes started moving again at the container terminal.
The port authority has welcomed the move.
Shipping firms said the strike had cost them millions, and asked the port authority to speed up the clearances.
"""


@pytest.fixture(scope="module")
def docks_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("docks"), {"docks.txt": DOCKS})


@pytest.mark.parametrize("question", [
    "did the port authority like the leader's order",
    "how did the port authority react to the order",
    "how did the port authority feel about the leader's order",
])
def test_the_reaction_after_the_sentence_naming_what_it_reacts_to(docks_home, question):
    a = ask(question, settings=docks_home)
    assert a.citations and a.citations[0].quote == "The port authority has welcomed the move.", a.answer


def test_a_reaction_to_what_a_name_did_put_in_other_words(sample_home):
    # "Sadr's demands" / "Sadr's move": the government the subject, acting on Sadr's (was the aide's sentence,
    # "... demanding and end to the operation", the one holding "demand")
    a = ask("how did the government respond to sadr's demands", settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote == "The Iraqi government has welcomed Sadr's move.", a.answer


def test_what_x_said_about_a_names_act_is_its_reaction_wherever_it_ranks(sample_home):
    # the reaction ranked ninth, past the speaker window: "He said he was ordering complete cooperation with the
    # government ..." (the aide's words naming the government) came first
    a = ask("what did the government say about Sadr's order", settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote == "The Iraqi government has welcomed Sadr's move.", a.answer


def test_someone_else_reacting_is_no_answer_for_the_one_asked_about(sample_home):
    # was answered by "The Iraqi government has welcomed Sadr's move." (the government reacts, Sadr is named)
    a = ask("how did sadr respond", settings=sample_home)
    assert a.status != "answered", a.answer
    # a passive's agent reacts: "... greeted with cautious relief by the embattled residents"
    a = ask("how did residents react to the truce", settings=sample_home)
    assert a.status == "answered" and "cautious relief" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question, quoted", [
    # no one named reacting: anyone's stand on the thing answers (were not found: "reaction" counted as a topic
    # word no article holds; and "people" read as the one reacting: "... at least 12 people have been killed")
    ("what was the reaction to the offensive", "denounced the offensive"),
    ("how did people react to the offensive", "denounced the offensive"),
    ("how was the offensive received", "denounced the offensive"),
    ("reaction to the truce", "greeted with cautious relief"),
    # the sentence before names what the stand is on ("After the cleric's order went out, ...")
    ("what was the reaction to sadr's order", "The Iraqi government has welcomed Sadr's move."),
    # (were uncertain, citing "... at least 12 people have been killed ...")
    ("what are people saying about the truce", "greeted with cautious relief"),
    ("what do people think of the offensive", "denounced the offensive"),
    ("what did people say about the curfew", "Iraqi authorities say a citywide curfew"),  # saying, for "say"
    # feeling about it, seeing it (were uncertain: "feel" read as a verb the answer should hold)
    ("how did people feel about the truce", "greeted with cautious relief"),
    ("how do people see the offensive", "denounced the offensive"),
    # people where they are: no one named (was a reaction question only with "people" alone)
    ("how did people in najaf feel about the truce", "greeted with cautious relief"),
    ("how did people in basra react to the offensive", "denounced the offensive"),
])
def test_the_reaction_to_a_thing_is_a_sentence_taking_a_stand_on_it(sample_home, question, quoted):
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and quoted in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", [
    "what was the reaction to the curfew",  # "... a citywide curfew in Baghdad is to be lifted": no stand on it
    "how was the ceasefire received",  # "The unrest ... threatened ..." after a ceasefire sentence: not on it
    "what was the reaction to the strike",  # "The truce struck ... was greeted ...": "struck" names no strike
    "what do people think of the curfew",  # saying is no stand taken, for "think"
])
def test_a_sentence_taking_no_stand_on_the_thing_is_no_reaction_to_it(sample_home, question):
    assert ask(question, settings=sample_home).status != "answered"


@pytest.mark.parametrize("question", ["what does the port authority think of the leader's order",
                                      "what did the port authority think about the order"])
def test_what_someone_thinks_of_a_thing_is_how_they_reacted_to_it(docks_home, question):
    # was the union leader's own words naming the port authority ("He said the port authority must guarantee ...")
    a = ask(question, settings=docks_home)
    assert a.status == "answered" and a.citations[0].quote == "The port authority has welcomed the move.", a.answer


def test_a_view_is_no_act_a_sentence_must_hold(sample_home):
    # was uncertain, quoting "Shia clerics in Najaf are believed to have played a major role ...": "believed" stood in
    # for "think", the act a what-question's sentence should hold
    a = ask("what does sadr think about the crackdown", settings=sample_home)
    assert a.status == "answered" and "threatening a campaign" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question, topic", [("how are the residents of najaf feeling", "the residents of najaf"),
                                             ("how do people in najaf feel", "najaf")])
def test_how_people_feel_is_a_stand_taken_among_them(sample_home, question, topic):
    # were not found: "feel" read as a word the answer should hold
    assert reaction_topic(question) == topic
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and "angered many residents" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["how is sadr feeling", "how are the talks feeling", "how are things"])
def test_only_a_kind_of_people_has_a_mood(question):
    assert reaction_topic(question) is None


def test_a_view_is_a_stand_or_words_not_any_act_naming_the_thing(sample_home):
    # was "Iraqi Prime Minister Nouri Al-Maliki went to Basra ... the Mehdi Army militia led by ... Al-Sadr": his act,
    # Sadr named, no view of Sadr ("led by": someone else's act); the statement follows "... welcomed Sadr's move"
    a = ask("what does Maliki think of Sadr", settings=sample_home)
    assert a.status == "answered" and "a step in the right direction" in a.citations[0].quote, a.answer
    from bot.answer.reaction import voices_view
    assert not voices_view("The militia led by the cleric went home.") and voices_view("The cleric confirmed it.")


def test_the_one_a_verb_of_feeling_stirs_reacts():
    from bot.answer.speaker import feels
    residents = frozenset({"resid"})
    assert feels(residents, "The Mahdi Army's grip on the shrine has angered many residents and prompted others.")
    assert feels(residents, "The shelling alarmed the residents.")
    assert not feels(residents, "The residents angered the militia.")  # they stir it, not feel it
    assert not feels(residents, "The army welcomed the residents.")  # no verb of feeling


def test_what_people_think_when_a_sentence_stirs_their_feeling(sample_home):
    # "what do residents think" asked of Najaf: the grip "has angered many residents" is their view (the residents no
    # subject there: "think" asks how they took it, and they are the ones angered)
    a = ask("what do residents think of the mahdi army's grip", settings=sample_home)
    assert a.status == "answered" and "angered many residents" in a.citations[0].quote, a.answer


def test_how_people_reacted_to_a_thing_when_it_stirs_their_feeling(sample_home):
    # was "Residents of Basra said they could hear explosions ...", whose sentence before names militias (a reaction
    # is looked for in the sentence itself first, with the residents its subject, a passive's agent, or stirred)
    a = ask("how did residents react to the militia", settings=sample_home)
    assert a.status == "answered" and "angered many residents" in a.citations[0].quote, a.answer
    a = ask("how did residents react to the truce", settings=sample_home)  # the passive's agent, as before
    assert a.status == "answered" and "greeted with cautious relief" in a.citations[0].quote, a.answer


def test_a_passive_agent_is_after_a_participle_or_a_noun_not_a_verb_taking_by():
    from bot.answer.speaker import _passive_agents
    assert _passive_agents("The truce was greeted with cautious relief by the embattled residents.") == [
        "the embattled residents"]
    assert _passive_agents("Twelve people were killed by the troops.") == ["the troops"]
    assert _passive_agents("They refuse to abide by Sadr's ceasefire.") == []


FERRY = """Ferry stoppage ends

Union boss Tom Reed ordered the ferry crews back to the boats on Friday after talks with the city.
The city council has welcomed Reed's move.
Council leader Ann Marsh issued a statement calling it a sensible step.
On Sunday, Ms. Marsh acknowledged that she was surprised by the length of the stoppage.
Commuters said the crossings were crowded again on Monday morning.
"""
BRIDGE = """Bridge to close for repairs

The old harbour bridge will close for six weeks of repairs in the spring, engineers said.
Shop owners on the east bank said the bridge closure would cost them customers.
"""


@pytest.fixture(scope="module")
def ferry_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("ferry"), {"ferry.txt": FERRY, "bridge.txt": BRIDGE})


def test_a_reaction_pointing_back_at_the_name_goes_before_another_act_of_the_one_asked_about(ferry_home):
    # "... calling it a sensible step" after "... welcomed Reed's move": was "Ms. Marsh acknowledged that she was
    # surprised ..." ("acknowledge" stands in for "react" in WordNet: any such act of hers went first)
    a = ask("how did marsh react to reed's order", settings=ferry_home)
    assert a.status == "answered", a.answer
    assert a.citations[0].quote == "Council leader Ann Marsh issued a statement calling it a sensible step.", a.answer


def test_an_act_standing_in_for_reacting_is_no_reaction_to_what_its_article_never_names(ferry_home):
    # was answered by "On Sunday, Ms. Marsh acknowledged that she was surprised by the length of the stoppage."
    a = ask("how did marsh react to the bridge closure", settings=ferry_home)
    assert a.status != "answered", a.answer
