"""Follow-ups pointing back at the previous answer ("where did he say that?"), subject questions' verbs
("how many people died ..."), and the answer type of the first question word (bot/answer/followup.py,
bot/answer/question.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.question import answer_type
from bot.answer.verbs import main_verb_word
from bot.answer.followup import refers_back

TRUCE = "001_7168465226cfb30f"


@pytest.mark.parametrize("question, back", [
    ("where did he say that?", True),
    ("and who took that further a year later?", True),
    ("what happened then", True),
    ("who else was there?", True),
    ("what comes before this", True),
    ("what did that agreement say?", False),  # a thing named: its words find it
    ("is there a curfew in basra", False),  # an existential "there"
    ("Who announced that the US military would leave?", False),  # a conjunction before a noun phrase
    ("where did he say it?", False),
    ("when did it happen", True),  # "it" is the event the previous answer told of
    ("why did it start?", True),
    ("when did it rain", False),
])
def test_refers_back(question, back):
    assert refers_back(question) is back


def test_where_did_he_say_that_answers_with_the_sentence_after_the_previous_answer(sample_home):
    q1 = "Who announced that the US military in Najaf would hand security over to the Iraqi police?"
    first = ask(q1, settings=sample_home)
    assert "Dan Senor" in first.answer
    history = [{"role": "user", "content": q1}, {"role": "assistant", "content": first.answer}]
    a = ask("where did he say that?", history=history, settings=sample_home)
    assert a.status == "answered"
    assert "press conference in Baghdad" in a.answer
    # the previous answer is not repeated as the answer to the follow-up
    assert all(c.quote not in first.answer for c in a.citations)
    assert a.citations[0].article_id == TRUCE


def _after(settings, first_q: str, q: str):
    first = ask(first_q, settings=settings)
    return first, ask(q, history=[{"role": "user", "content": first_q},
                                  {"role": "assistant", "content": first.answer}], settings=settings)


def test_where_was_that_with_no_word_of_its_own_is_the_place_set_before_the_previous_answer(sample_home):
    # "... 18 wounded in the clashes ..." names no place; the sentence before it sets the scene: Basra (was not found:
    # "where did it happen" holds no word to weigh a sentence by)
    first, a = _after(sample_home, "how many were wounded", "where was that")
    assert "18 wounded" in first.answer
    assert a.status == "answered"
    assert "raging in Basra" in a.citations[0].quote
    # no date within two sentences of it: still not found, not a date from far off ("... went to Basra on Monday")
    _, when = _after(sample_home, "how many were wounded", "when did it happen")
    assert when.status == "not_found"


@pytest.mark.parametrize("question, verb", [
    ("how many people died in basra", "died"),
    ("Who attacked the shrine?", "attacked"),
    ("How many Iraqi soldiers were killed?", "killed"),
    ("who runs the iraqi government", "runs"),
    ("What is the capital of France?", None),  # "is" then a noun: no verb to paraphrase
    ("how many troops are there", None),
    ("What did Sadr demand?", "demand"),  # do-support, as before
    ("what title did Jean de Bethencourt take?", "take"),  # "de" is part of the name, not the verb
    # a progressive's -ing form after "is" / "was" (was none: only a participle was read after an auxiliary)
    ("who is fighting in iraq", "fighting"), ("who was protesting in sadr city", "protesting"),
    ("who is the leader", None), ("what is the ceasefire", None),
])
def test_subject_questions_have_a_main_verb(question, verb):
    assert main_verb_word(question) == verb


def test_a_paraphrased_verb_of_a_subject_question_still_answers(sample_home):
    # the article says "killed": "died" is a verb WordNet lets it stand in for, not a missing topic word
    for q in ("how many people died in basra", "how many people were killed in basra"):
        a = ask(q, settings=sample_home)
        assert a.status == "answered", q
        assert "at least 12 people have been killed" in a.citations[0].quote, q


@pytest.mark.parametrize("question, atype", [
    ("what happens to sadr fighters who keep their weapons", "other"),  # a relative "who" asks for no person
    ("who was the normans leader when they swore fealty", "person"),  # the first question word decides
    ("where did the normans land when they invaded ireland", "place"),
    ("When did the man who shot him die", "date"),
    ("and who took that further a year later?", "person"),
    ("at least how many were hurt", "number"),
])
def test_answer_type_follows_the_first_question_word(question, atype):
    assert answer_type(question) == atype


def _index_one(tmp_path, settings_factory, name: str, text: str):
    """Settings of a fresh index holding one article, `name` with `text`."""
    from index.ingest import ingest

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    settings = settings_factory()
    ingest([folder], settings)
    return settings


def test_a_sentence_pointing_back_is_cited_with_the_sentence_it_points_at(tmp_path, settings_factory):
    settings = _index_one(tmp_path, settings_factory, "thesis.txt",
                          "Computability and the thesis\n\n"
                          "Computer scientists long asked which problems a machine can solve at all. "
                          "Every problem solvable by an effective method can be solved by a Turing machine. "
                          "Indeed, this is the statement of the Church-Turing thesis. "
                          "The thesis cannot be proved, since effective method is an informal notion.\n")
    a = ask("what does the church-turing thesis say", settings=settings)
    quotes = [c.quote for c in a.citations]
    assert "Indeed, this is the statement of the Church-Turing thesis." in quotes
    # the sentence "this" points at is cited with it, before it, as the article has them
    at = quotes.index("Indeed, this is the statement of the Church-Turing thesis.")
    assert at > 0 and quotes[at - 1].startswith("Every problem solvable by an effective method")


def test_a_verb_of_many_senses_is_done_only_by_a_form_of_itself(tmp_path, settings_factory):
    settings = _index_one(tmp_path, settings_factory, "islands.txt",
                          "The conquest of the islands\n\n"
                          "Between 1402 and 1405, the expedition led by the noble Jean de Bethencourt and the knight "
                          "Gadifer de la Salle conquered the islands of Lanzarote and El Hierro. "
                          "The campaign was hard and the islanders resisted for years. "
                          "Bethencourt took the title of King of the Islands, as vassal to the crown of Castile. "
                          "In 1418 his nephew sold the rights to the islands to a count.\n")
    a = ask("what title did Jean de Bethencourt take?", settings=settings)
    # "led by ... Bethencourt" is one sense of "take" (lead); "took the title" is the act asked about
    assert a.citations[0].quote.startswith("Bethencourt took the title of King")


def test_tell_me_more_gives_what_was_not_shown_yet_then_says_there_is_no_more(sample_home):
    history: list[dict] = []
    shown: set[str] = set()
    for q in ("what happened in basra", "anything else?", "more"):
        a = ask(q, history=history, settings=sample_home)
        assert a.status == "answered", q
        quotes = {c.quote for c in a.citations}
        assert quotes and not quotes & shown, q  # nothing said twice
        assert all("Basra" in c.quote or c.article_id == a.citations[0].article_id for c in a.citations)
        shown |= quotes
        history += [{"role": "user", "content": a.standalone_question}, {"role": "assistant", "content": a.answer}]
    assert history[2]["content"] == "tell me more about Basra"
    # once all of it is shown, more says so (prompts/no_more.md), not "do not answer this question"
    for q in ("tell me more", "more"):
        a = ask(q, history=history, settings=sample_home)
        history += [{"role": "user", "content": a.standalone_question}, {"role": "assistant", "content": a.answer}]
    assert a.status == "not_found" and a.answer.startswith("That is all the articles I have say"), a.answer


@pytest.mark.parametrize("question", ["tell me more", "Anything else?", "what else?", "more please", "ok, go on"])
def test_asking_for_more_is_understood(question):
    from bot.rewrite import rewrite
    history = [{"role": "user", "content": "What did Sadr demand in exchange?"},
               {"role": "assistant", "content": "In exchange, he asked the government to release prisoners. [1]"}]
    assert rewrite(question, history) == "tell me more about Sadr"
    assert refers_back("tell me more about Sadr")


def test_how_come_asks_why(sample_home):
    from bot.answer.question import analyse_question
    q = analyse_question("how come the fighting stopped in najaf", lambda t: 1.0)
    assert q.terms == {"fight", "stop", "najaf"}
    a = ask("how come the fighting stopped in najaf", settings=sample_home)
    assert a.status == "answered"  # "come" counted as a topic word the articles lack: not found before
    assert "end the fighting" in a.citations[0].quote


def test_who_said_that_is_answered_by_the_sentence_naming_the_speaker_of_the_previous_answer(sample_home):
    first = ask("what did sadr demand", settings=sample_home)
    assert "Hazem Al-Aaraji" in first.answer
    history = [{"role": "user", "content": first.standalone_question}, {"role": "assistant", "content": first.answer}]
    a = ask("who said that", history=history, settings=sample_home)
    assert a.status == "answered", a.answer  # was another of the aide's sentences, naming no one ("He said ...")
    assert "Hazem Al-Aaraji" in a.citations[0].quote


def test_who_called_them_that_asks_who_wrote_the_word_the_previous_answer_quoted(sample_home):
    # "who are the outlaws" is answered by the prime minister's statement ("... targeting 'outlaws' in Basra"):
    # "who called them that" asks who wrote the word, that statement (was "who called the outlaws that", answered
    # by the Sadrist lawmakers' sentence)
    first = ask("who are the outlaws", settings=sample_home)
    assert '"outlaws"' in first.citations[0].quote, first.answer
    history = [{"role": "user", "content": "who are the outlaws"}, {"role": "assistant", "content": first.answer}]
    a = ask("who called them that", history=history, settings=sample_home)
    assert a.status == "answered" and "The prime minister issued a statement" in a.citations[0].quote, a.answer


def test_who_said_that_of_a_sentence_reporting_no_speech_is_uncertain(sample_home):
    # "The ceasefire is seen as having a significant role ...": no one is said to say it (was answered by it)
    first = ask("what role did the ceasefire play", settings=sample_home)
    assert "is seen as having a significant role" in first.citations[0].quote, first.answer
    history = [{"role": "user", "content": "what role did the ceasefire play"},
               {"role": "assistant", "content": first.answer}]
    a = ask("who said that", history=history, settings=sample_home)
    assert a.status == "uncertain" and a.abstained, a.answer
    assert "is seen as having a significant role" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("q1, article, told", [
    ("what did the us agree to", TRUCE, "said on Thursday"),
    ("how many people were killed in basra", "002_66587a816fcca4e1", "pre-dawn offensive"),
])
def test_when_did_it_happen_dates_the_event_the_previous_answer_told_of(sample_home, q1, article, told):
    # "it" is the event, not a name of the previous question ("when did US happen" / "when did Basra
    # happen"): the date nearest to the previous answer's sentence, in its article
    first = ask(q1, settings=sample_home)
    history = [{"role": "user", "content": q1}, {"role": "assistant", "content": first.answer}]
    a = ask("when did it happen", history=history, settings=sample_home)
    assert "US happen" not in a.standalone_question and "Basra happen" not in a.standalone_question
    assert a.citations and a.citations[0].article_id == article and told in a.citations[0].quote, a.answer


def test_what_x_said_about_y_is_x_speaking_of_it(sample_home):
    # "Prime Minister Nouri Al-Maliki issued a statement calling it a step in the right direction", after "The
    # Iraqi government has welcomed Sadr's move": Maliki speaks, of Sadr's move ("order" put otherwise)
    a = ask("what did maliki say about sadr's order", settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith("Prime Minister Nouri Al-Maliki issued"), a.answer
    # speaking of something else is no answer about the curfew
    assert ask("what did maliki say about the curfew", settings=sample_home).status != "answered"


@pytest.mark.parametrize("first_q, follow_up, said", [
    ("what did the british do", "when did they do that", "in December"),
    ("who handed basra to the iraqis", "when was that", "in December"),
    ("what did senor say", "when did he say that", "on Thursday"),
])
def test_when_was_that_can_be_in_the_previous_answer_s_own_sentence(sample_home, first_q, follow_up, said):
    first = ask(first_q, settings=sample_home)
    assert said in first.answer
    history = [{"role": "user", "content": first_q}, {"role": "assistant", "content": first.answer}]
    a = ask(follow_up, history=history, settings=sample_home)
    assert a.status == "answered" and said in a.answer
    assert all(c.quote in first.answer for c in a.citations)


@pytest.mark.parametrize("first_q", ["how many people were killed in basra", "what is sadr threatening"])
def test_who_says_so_is_the_speaker_of_the_previous_answer(sample_home, first_q):
    first = ask(first_q, settings=sample_home)
    history = [{"role": "user", "content": first_q}, {"role": "assistant", "content": first.answer}]
    a = ask("who says so?", history=history, settings=sample_home)
    # the previous answer's own sentence ("Iraqi officials say ..."), not another naming Basra or Sadr
    assert a.status == "answered" and a.citations[0].quote in first.answer, a.answer


@pytest.mark.parametrize("follow_up", ["where did they do that?", "where?"])
def test_where_did_they_do_that_is_the_place_of_the_previous_answer_s_act(sample_home, follow_up):
    first = ask("what did the british do", settings=sample_home)
    assert "Basra province" in first.answer
    history = [{"role": "user", "content": "what did the british do"}, {"role": "assistant", "content": first.answer}]
    a = ask(follow_up, history=history, settings=sample_home)
    # the act's own sentence ("handed control of Basra province ..."), not "Clashes were also reported in the
    # city of Kut", the next sentence that says where something else happened
    assert a.status == "answered" and "Basra province" in a.citations[0].quote, a.answer
    # "where did he say that" is still where it was said, not a place named in what was said
    first = ask("who is dan senor", settings=sample_home)
    history = [{"role": "user", "content": "who is dan senor"}, {"role": "assistant", "content": first.answer}]
    assert "press conference in Baghdad" in ask("where did he say that", history=history, settings=sample_home).answer


@pytest.mark.parametrize("question, asks", [
    ("what came next (Sadr)?", True), ("what happened next", True), ("and after that?", True), ("then what", True),
    ("what followed", True), ("what happened", False), ("what is the next step", False),
    ("what did sadr do next", False),
    ("what's after that", True), ("whats next?", True),  # (were False: the contracted "is")
    ("what's that", False),
])
def test_what_came_next_asks_for_what_followed_the_previous_answer(question, asks):
    from bot.answer.followup import asks_next
    assert asks_next(question) is asks


def test_what_came_next_is_the_sentence_after_the_previous_answer(sample_home):
    history: list[dict] = []
    for q in ("what did sadr's aide say", "what else did he say", "what came next", "and after that?"):
        a = ask(q, history=history, settings=sample_home)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.answer}]
        if q == "what came next":  # was not found: the question's words name nothing
            assert a.status == "answered" and "third step" in a.citations[0].quote, a.answer
    # "and after that?" is no ellipsis grafted on the question before ("what came next (Sadr) after that?")
    assert a.status == "answered" and a.citations[0].quote.startswith("Moqtada al-Sadr recently renewed"), a.answer


def test_what_else_someone_said_once_all_of_it_was_shown_is_nothing_else_they_said(sample_home):
    # Senor's two sentences shown, "what else did he say" was answered by "Shia clerics in Najaf are believed to
    # have played a major role ...", which names no Senor
    history: list[dict] = []
    for q in ("what did senor say", "where did he say it", "what else did he say"):
        a = ask(q, history=history, settings=sample_home)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.answer}]
    assert a.status != "answered", a.answer
    # more of what the aide said is still his ("He said Sadr's group was calling for a nationwide strike ...")
    first = ask("what did sadr's aide say", settings=sample_home)
    a = ask("what else did he say", history=[{"role": "user", "content": "what did sadr's aide say"},
                                              {"role": "assistant", "content": first.answer}], settings=sample_home)
    assert a.status == "answered" and "nationwide strike" in a.citations[0].quote, a.answer


def test_anything_else_after_what_someone_said_is_more_of_what_they_said(sample_home):
    # was understood "tell me more about Sadr"; then the second "more" was uncertain: "He said anyone who ..."
    # comes two "He said" sentences after the one naming the spokesman
    history: list[dict] = []
    said = []
    for q in ("who's sadr's spokesman", "what did he say", "anything else?", "more"):
        a = ask(q, history=history, settings=sample_home)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.answer}]
        said.append(a)
    assert [a.standalone_question for a in said[2:]] == ["what else did Sadr's spokesman say?"] * 2
    assert said[2].status == "answered" and "complete cooperation" in said[2].citations[0].quote, said[2].answer
    assert said[3].status == "answered" and "anyone who continues" in said[3].citations[0].quote, said[3].answer


def test_more_of_a_topic_is_not_a_sentence_holding_nothing_of_it(sample_home):
    first = ask("tell me about the curfew", settings=sample_home)
    history = [{"role": "user", "content": "tell me about the curfew"}, {"role": "assistant", "content": first.answer}]
    # the curfews elsewhere were shown; was answered by "Angry protesters took to the streets ...", which holds
    # nothing of the question (the sentence before it, already shown, does)
    a = ask("where else are there curfews", history=history, settings=sample_home)
    assert a.status == "not_found" and not a.citations, a.answer


def test_what_came_next_is_no_credit_line(sample_home):
    first = ask("what did sadr threaten", settings=sample_home)
    history = [{"role": "user", "content": "what did sadr threaten"}, {"role": "assistant", "content": first.answer}]
    a = ask("and after that?", history=history, settings=sample_home)
    # was "VOA Correspondent Challiss McDonough has more from our Middle East bureau in Cairo."
    assert a.citations and "Correspondent" not in a.citations[0].quote, a.answer
    assert a.citations[0].quote.startswith("Iraqi security forces and Shi'ite militias fought"), a.answer


def test_his_full_name_after_who_is_asks_who_he_is(sample_home):
    # was uncertain: "what's Maliki's full name", its "full" and "name" in no article
    first = ask("who is maliki", settings=sample_home)
    a = ask("what's his full name", history=[{"role": "user", "content": "who is maliki"},
                                             {"role": "assistant", "content": first.answer}], settings=sample_home)
    assert a.standalone_question == "who is Maliki"
    assert a.status == "answered" and "Nouri Al-Maliki" in a.citations[0].quote, a.answer


def test_where_else_shows_again_what_an_earlier_turn_showed_rather_than_nothing(sample_home):
    # "... including Kut and Nasiriya" was shown two turns ago, not just before: "nothing beyond what I showed above"
    # is no answer to a question asking where else
    history = []
    for q in ("what's the curfew about", "when will it be lifted"):
        a = ask(q, history=history, settings=sample_home)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.answer}]
    assert "Nasiriya" in history[1]["content"] and "Nasiriya" not in history[3]["content"]
    a = ask("where else are there curfews", history=history, settings=sample_home)
    assert a.status == "answered" and "Nasiriya" in a.citations[0].quote, a.answer


def test_why_after_what_did_x_do_is_answered_by_the_reason_for_the_act_told(sample_home):
    # "what did the sadrists do" + "why": was "why did the Sadrists do that?", answered by "He said Sadr's group was
    # calling for a nationwide strike ..." (a sentence naming Sadr); the act told was denouncing the offensive
    first = ask("what did the sadrists do", settings=sample_home)
    a = ask("why", history=[{"role": "user", "content": "what did the sadrists do"},
                            {"role": "assistant", "content": first.answer}], settings=sample_home)
    assert a.standalone_question == "why did the Sadrists denounce the offensive?", a.standalone_question
    assert a.status == "answered" and "said they felt the government is targeting" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("first_q, quote", [
    # the previous answer's own sentence tells where it was said (was the sentence before it: "... Dan Senor, said on
    # Thursday that ...", which tells when)
    ("what did senor confirm", "Speaking at a press conference in Baghdad"),
    # ... or where the speaker is (was uncertain on "The Mahdi Army's grip on the city centre ...")
    ("what did abu faris say", "a militia commander near the shrine"),
])
def test_where_did_he_say_that_is_the_previous_answer_when_it_tells_where(sample_home, first_q, quote):
    first, a = _after(sample_home, first_q, "where did he say that")
    assert quote in first.answer
    assert a.status == "answered" and quote in a.citations[0].quote, a.answer
