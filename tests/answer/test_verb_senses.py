""""Did Sadr meet Maliki?" is not answered by "Prime Minister Nouri Al-Maliki issued a statement calling it a step
...", whose context holds both names: the override answering a sentence that covers every word of the question
asks that it (or the sentence before it) state the verb, or a word WordNet lets stand in for it that is no kind
of the act ("call", to visit, is a kind of meeting): bot/answer/verbs.verb_stated, lexicon.states."""

from __future__ import annotations

from bot import ask
from bot.answer import analyse_question, lexicon
from bot.answer.verbs import verb_stated
from index.terms import words


def _q(text: str):
    return analyse_question(text, lambda t: 1.0)


def test_a_rare_sense_of_the_verb_does_not_state_it():
    q = _q("did Hartigan meet Ellis")
    assert verb_stated(q, words("Governor Ellis issued a statement calling it a step in the right direction.")) == 0.0
    assert verb_stated(q, words("The mayor met Governor Ellis on Monday.")) == 1.0
    assert verb_stated(q, words("Hartigan and Ellis held a meeting on Monday.")) == 1.0  # the act's noun
    assert verb_stated(_q("what did Sadr demand"), words("In exchange, he asked the government ...")) == 1.0
    assert verb_stated(_q("who is Sadr"), words("Anything at all.")) == 1.0  # no verb to state


def test_a_kind_of_the_act_does_not_state_it():
    assert lexicon.states("demand", "asked")  # a hypernym
    assert lexicon.states("hurt", "wounded")  # a synonym in a rarer sense
    assert lexicon.states("die", "killed")  # its cause
    assert lexicon.states("meet", "met")
    assert not lexicon.states("meet", "calling")  # a kind of meeting (to visit)
    assert lexicon.related("meet", "calling")  # which the looser check lets stand in


def test_a_sentence_holding_both_names_but_not_the_act_is_not_the_answer(sample_home):
    a = ask("did sadr meet maliki", settings=sample_home)
    assert a.status != "answered", a.answer
    # the verb itself still answers
    b = ask("did maliki go to basra", settings=sample_home)
    assert b.status == "answered" and "went to Basra" in b.citations[0].quote, b.answer


def test_what_someone_did_is_told_by_a_verb_standing_in_for_it_in_its_frequent_senses(sample_home):
    from bot.answer.actor import _stands_in
    assert not _stands_in("offer", "threatening")  # only the ninth sense of "offer" is to threaten
    assert _stands_in("want", "demanding") and _stands_in("demand", "asked")
    # was "Shi'ite cleric Moqtada al-Sadr is threatening a campaign of "civil disobedience" ..." first
    a = ask("what did sadr offer", settings=sample_home)
    assert a.status == "answered" and "to offer terms for withdrawal" in a.citations[0].quote, a.answer


def test_a_phrasal_verb_is_its_own_act(sample_home):
    from bot.answer.actor import _stands_in, actor_terms
    assert actor_terms("did the fighters hand over their weapons") == (frozenset({"fighter"}), "hand_over")
    # a preposition is no particle: "build in Scotland" is building, not "build_in" (to incorporate)
    assert actor_terms("what did the Normans build in Scotland") == (frozenset({"norman"}), "build")
    assert actor_terms("will the fighters turn in their guns")[1] == "turn_in"
    assert not _stands_in("hand_over", "leading")  # "hand" alone is, in one sense, to lead
    assert not _stands_in("call_off", "calling")  # "calling for a nationwide strike" calls nothing off
    # was "Black-clad fighters could still be seen stationed ... the main roads leading to the shrine." first
    a = ask("did the fighters hand over their weapons", settings=sample_home)
    assert a.citations and "would not be turning in their guns" in a.citations[0].quote, a.answer
    # a form of its verb with its particle after it tells it ("would not be turning in their guns")
    a = ask("Will Sadr's fighters turn in their guns?", settings=sample_home)
    assert a.status == "answered" and "turning in their guns" in a.citations[0].quote, a.answer


def test_the_phrasal_verb_a_sentence_makes_is_the_act_it_tells(sample_home):
    # was uncertain: "turning" alone is no handing over (the yes / no rule for the one asked about doing the act);
    # "turning in" is
    a = ask("will the fighters hand over their guns", settings=sample_home)
    assert a.status == "answered" and "would not be turning in their guns" in a.citations[0].quote, a.answer


def test_a_question_verb_of_many_senses_stands_in_only_as_itself(sample_home):
    # "did he get it" after "what does he want": was answered by "He said Sadr's group was calling for a nationwide
    # strike ...", "get" (36 WordNet senses) taking "calling for" as its act
    from bot.answer.actor import same_act
    assert not same_act("get", "call_for") and same_act("get", "getting")
    history = [{"role": "user", "content": "what does sadr want"},
               {"role": "assistant", "content": "In exchange, he asked the government to release Mahdi Army prisoners "
                                                "and declare an amnesty. [1]"}]
    assert ask("did he get it", history=history, settings=sample_home).status != "answered"
