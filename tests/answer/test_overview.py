"""Questions about the whole archive, naming no topic ("summarize the articles", "what is this about?"):
the lead sentence of each retrieved article, cited; and broad questions opened by "news about" / "latest on"."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer import broad_topic
from bot.answer.overview import asks_overview
from bot.library import open_library

TRUCE = "001_7168465226cfb30f"


@pytest.mark.parametrize("question", ["summarize the articles", "what is this about?", "give me an overview",
                                      "whats in the news", "what are these articles about", "what happened?",
                                      "give me the gist", "key points", "what's the latest news",
                                      "what are the main events", "what topics do you cover",
                                      "what articles do you have", "what's in the archive",  # (these two were refused)
                                      "what happened this week", "any news today",  # (when is no topic: were refused)
                                      "what's the story", "what's the situation",  # (were refused: 2026-12-06)
                                      "what's the big picture here", "what happened overall",  # (were refused)
                                      # (were refused: 2026-12-07)
                                      "what's the most important thing here", "explain the conflict like i'm five",
                                      "what should i know",
                                      # ("catch me up" was one sentence on Maliki; "what do i need to know" refused)
                                      "catch me up", "what do i need to know", "fill me in", "what did i miss",
                                      "bring me up to speed"])
def test_a_question_about_the_whole_archive_gets_the_lead_of_each_article(sample_home, question):
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer  # was "not found": no topic word to look for
    # one sentence per article, each the first sentence of its article's body (not the truce's headline)
    assert len({c.article_id for c in a.citations}) == len(a.citations) == 3
    leads = {c.quote.split()[0] for c in a.citations}
    assert leads == {"In", "US", "Heavy"}, leads
    lib = open_library(sample_home)
    assert all(lib.articles[c.article_id].text[c.start:c.end] == c.quote for c in a.citations)


def test_an_overview_limited_to_one_article_sums_up_that_article(sample_home):
    a = ask("summarize the articles", settings=sample_home, article_ids=[TRUCE])
    assert a.status == "answered"
    # its first sentences in order, not its lead alone (was one sentence: a summary of an article is two to four)
    assert [c.article_id for c in a.citations] == [TRUCE] * 3
    assert a.citations[0].quote.startswith("US occupation forces have suspended their offensive")
    assert a.citations[1].quote.startswith("Spokesman for the US-led occupation administration")


def test_a_summary_of_one_article_leaves_out_its_credit_line(sample_home):
    a = ask("summarize the articles", settings=sample_home, article_ids=["000_26083794b4a1b5c3"])
    assert len(a.citations) == 3 and not any("Correspondent" in c.quote for c in a.citations), a.answer


@pytest.mark.parametrize("question, topic_word", [("news about iraq", "Iraq"), ("latest on sadr", "Sadr"),
                                                  ("any updates on basra", "Basra"), ("iraq news", "Iraq"),
                                                  ("what do the articles say about maliki", "Maliki"),
                                                  ("anything about the us military", "US"),
                                                  # a bare topic, the whole question
                                                  ("basra", "Basra"), ("najaf?", "Najaf"),
                                                  # asked as people put it
                                                  ("what should i know about najaf", "Najaf"),
                                                  ("fill me in on basra", "Basra"),
                                                  ("what can you tell me about sadr", "Sadr"),
                                                  ("what's the situation in basra", "Basra"),
                                                  ("what's new with maliki", "Maliki"),
                                                  ("key points about the ceasefire", "ceasefire"),
                                                  ("what is sadr city like", "Sadr City"),
                                                  ("how is sadr city described", "Sadr City"),
                                                  ("which article talks about najaf", "Najaf"),
                                                  ("what is the current situation in najaf", "Najaf"),
                                                  ("what is the main event in basra", "Basra"),
                                                  ("tell me stuff about basra", "Basra"),
                                                  ("tell me something about sadr", "Sadr"),
                                                  ("what's the latest from iraq", "Iraq"),
                                                  ("give me the gist of the basra story", "Basra"),
                                                  ("overview of the najaf situation", "Najaf"),
                                                  # was uncertain: "the situation in Basra" no article's words
                                                  ("explain the situation in basra", "Basra"),
                                                  ("tell me about the latest developments in najaf", "Najaf"),
                                                  # asked as a question (was refused)
                                                  ("what are the main points of the basra article", "Basra"),
                                                  # the story of an owner (was uncertain: one sentence on Sadr)
                                                  ("what's sadr's deal", "Sadr"),
                                                  ("what's the mahdi army's story", "Mahdi Army"),
                                                  # a word for knowing more of it (were not found, or one sentence)
                                                  ("info on the curfew", "curfew"),
                                                  ("background on the ceasefire", "ceasefire"),
                                                  ("some details about the basra offensive", "Basra")])
def test_news_about_a_topic_is_a_broad_question(sample_home, question, topic_word):
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and 2 <= len(a.citations) <= 4, a.answer
    assert all(topic_word in c.quote for c in a.citations[:1])


def test_a_bare_topic_is_broad_but_a_short_question_is_not():
    from bot.answer import broad_topic

    assert broad_topic("the truce") == "the truce" and broad_topic("Mahdi Army") == "Mahdi Army"
    # a verb or a question word makes a question of it
    assert broad_topic("who won") is None and broad_topic("sadr demands") is None
    # keywords ask for a fact about one thing: the best sentence, not a summary
    assert broad_topic("Mahdi Army prisoners") is None and broad_topic("Sadr ceasefire") is None
    # ... and a day or a month is no part of a name (was summed up as the topic "Maliki Basra Monday")
    assert broad_topic("Maliki Basra Monday") is None and broad_topic("Senor Thursday") is None


def test_keywords_with_a_day_are_answered_by_the_sentence_holding_them(sample_home):
    # was a summary of the Maliki sentences ("... issued a statement calling it a step ...") and Monday's curfew
    a = ask("maliki basra monday", settings=sample_home)
    assert a.status == "answered" and "went to Basra on Monday" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["what happened in basra", "what is the news about the curfew",
                                      "who won the election", "summarize the najaf article", "what did sadr say",
                                      "what happened here in basra"])
def test_a_question_naming_a_topic_is_no_overview(question):
    assert not asks_overview(question)


@pytest.mark.parametrize("question", ["what's abu faris's job", "what is Dan Senor's role"])
def test_a_person_s_job_is_who_they_are(sample_home, question):
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer
    assert any(t in a.citations[0].quote for t in ("a militia commander", "Spokesman for")), a.answer


@pytest.mark.parametrize("question", ["tell me about sadr", "tell me about Moqtada al-Sadr"])
def test_telling_about_a_person_opens_with_the_sentence_giving_their_title(sample_home, question):
    # A name the articles give a person's title is summed up as "who is Sadr?" is: "Shi'ite cleric Moqtada
    # al-Sadr ..." first, not "But Sadrist lawmakers and officials denounced ...".
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and a.citations, a.answer
    assert "Shi'ite cleric Moqtada al-Sadr" in a.citations[0].quote, a.answer


HARBOUR = """Harbour life before the charter

Before Varga's arrival, the harbour at Eastmere was a fishing village of a few dozen boats. Varga's crews rebuilt
the docks within a decade, and Varga's yard launched its first steamer in 1826. Trade with the southern ports
grew quickly after Varga's docks opened, and the village doubled in size.
"""
CHARTER = """Eastmere charter turns two hundred

The town charter was signed in 1820 by the famed shipbuilder Tomas Varga and the county's magistrates. The
charter gave the town its own court and market. Celebrations this year include a parade and a concert.
"""


@pytest.mark.parametrize("question", ["who was varga", "tell me about varga"])
def test_a_person_is_summed_up_from_the_article_giving_their_title_first(tmp_path, question):
    # The harbour article names Varga more often and ranks first; the charter's says who he was.
    from conftest import home_of

    settings = home_of(tmp_path, {"harbour.txt": HARBOUR, "charter.txt": CHARTER})
    a = ask(question, settings=settings)
    assert a.citations and "famed shipbuilder Tomas Varga" in a.citations[0].quote, a.answer


def test_what_happened_to_a_thing_asks_what_became_of_it():
    from bot.answer import broad_topic

    # one fact: what became of the economy, the prisoners
    assert broad_topic("what happened to the economy of Najaf") is None
    assert broad_topic("so what happened to the prisoners") is None
    # a name or a place: an overview still
    assert broad_topic("what happened to the Mahdi Army") == "the Mahdi Army"
    assert broad_topic("what happened in Basra") == "Basra"


FERRY = """Ferry strike ends after a week

The week-long strike by ferry crews on the Lindholm route ended on Friday after the operator agreed to a new
rota. Island shops ran short of fresh food during the strike, and the tourist trade collapsed for the week.
The island's only hotel said most of its guests had cancelled. Crews will return to work on Saturday morning,
the union said. Talks on pay will continue next month.
"""


def test_what_happened_to_a_thing_is_answered_by_what_became_of_it(tmp_path):
    from conftest import home_of

    settings = home_of(tmp_path, {"ferry.txt": FERRY})
    a = ask("what happened to the tourist trade on the island", settings=settings)
    assert a.status == "answered" and a.citations, a.answer
    assert "the tourist trade collapsed" in a.citations[0].quote and len(a.citations) == 1, a.answer


@pytest.mark.parametrize("question, place", [("explain the najaf deal", "Najaf"),
                                             ("tell me about the basra earthquake", "Basra")])
def test_a_topic_named_in_a_word_no_article_uses_is_summed_up_as_the_closest_they_come(sample_home, question, place):
    # the articles call the deal a truce and hold no earthquake: what they say of the place, as uncertain
    a = ask(question, settings=sample_home)
    assert a.status == "uncertain" and a.abstained, a.answer
    assert len(a.citations) >= 2 and all(place in c.quote for c in a.citations[:1])


def test_a_topic_whose_missing_word_is_a_name_is_still_not_found(sample_home):
    assert ask("tell me about the Obama visit", settings=sample_home).status == "not_found"


@pytest.mark.parametrize("question, is_broad", [
    ("what are the black-clad fighters doing", False),  # an act asked about
    ("what is Sadr planning", False),
    ("what is the fighting", True),  # a determiner's noun is a thing
    ("what kind of place is sadr city", True),  # a description asked for
    ("what sort of man is Sadr", True),
    ("what kind of weapons did they use", False),
    ("what's najaf known for", True),  # what it is known for: a description too
    ("which articles mention sadr", True),  # the articles' sentences on it, each cited with its article
    ("which stories cover najaf", True),
    ("what is basra famous for", True),
    ("who was not taking part", False),  # what is not so is no name to sum up (was the Maliki sentence)
    ("who is not a sadrist", False),
])
def test_what_someone_is_doing_asks_for_an_act_what_kind_of_place_for_a_description(question, is_broad):
    assert bool(broad_topic(question)) is is_broad


@pytest.mark.parametrize("question, quote", [
    ("what are the black-clad fighters doing", "stationed on rooftops"),
    ("what kind of place is sadr city", "a sprawling slum"),
    ("what is sadr city known for", "a sprawling slum"),  # was not found
    ("who was not taking part in the operation", "were not taking part"),
])
def test_doing_and_kind_of_place_are_answered(sample_home, question, quote):
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and any(quote in c.quote for c in a.citations), a.answer


@pytest.mark.parametrize("question, topic", [("what's happening in Basra right now", "Basra"),
                                             ("what's going on in Najaf these days", "Najaf"),
                                             ("what happened in Basra this week", "Basra")])
def test_when_is_no_part_of_a_broad_topic(question, topic):
    assert broad_topic(question) == topic


def test_a_pointer_carrying_its_place_is_that_place(sample_home):
    # was "there (Kut)", and "anything else?" after it "tell me more about there (Kut)"
    assert broad_topic("what happened there (Kut)?") == "Kut"
    history = [{"role": "user", "content": "what happened there (Kut)?"},
               {"role": "assistant", "content": "Overnight curfews were being imposed elsewhere ... including Kut. [1]"}]
    assert ask("anything else?", history=history, settings=sample_home).standalone_question == "tell me more about Kut"


def test_a_topic_named_in_passing_by_the_first_article_is_summed_up_from_the_one_telling_of_it(sample_home):
    # "these days" ranks 000 first ("extended the deadline for 10 days ... in ... Najaf"); 001 is set in Najaf
    a = ask("whats going on in najaf these days", settings=sample_home)
    assert a.status == "answered" and len(a.citations) >= 2, a.answer
    assert all(c.article_id.startswith("001_") for c in a.citations), a.answer


@pytest.mark.parametrize("question", ["tell me everything about the truce", "summarize the truce"])
def test_a_story_whose_headline_is_the_topic_is_summed_up_from_its_lead(sample_home, question):
    # one body sentence of 001 names the truce, its headline does ("Najaf siege ends in truce"): the lead
    # comes with it (was that one sentence alone), in article order
    a = ask(question, settings=sample_home)
    quotes = [c.quote for c in a.citations]
    assert a.status == "answered" and len(quotes) >= 2, a.answer
    assert quotes[0].startswith("US occupation forces have suspended") and "cautious relief" in quotes[1]


@pytest.mark.parametrize("question", ["tell me about the najaf siege", "tell me about the siege"])
def test_a_topic_only_the_headline_names_is_summed_up_from_its_story(sample_home, question):
    # no body sentence says "siege", the headline does ("Najaf siege ends in truce"): was "uncertain" / not found
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and len(a.citations) >= 2, a.answer
    assert all(c.article_id.startswith("001_") for c in a.citations), a.answer
    assert a.citations[0].quote.startswith("US occupation forces have suspended"), a.answer


@pytest.mark.parametrize("question", ["what happened after the cleric's order went out",
                                      "what happened during the press conference"])
def test_what_happened_after_an_event_asks_what_followed_not_for_an_overview(sample_home, question):
    assert broad_topic(question) is None
    a = ask(question, settings=sample_home)  # was the lead of 000, summed up as a topic
    assert a.status == "answered" and len(a.citations) == 1, a.answer


def test_what_happened_after_the_order_is_what_the_sentence_after_it_says(sample_home):
    a = ask("what happened after the cleric's order went out", settings=sample_home)
    assert "fighting appeared to have slacked off" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["what's the big picture", "what are the key points", "what is the gist",
                                      # (these three were not found)
                                      "what's the background here", "timeline of events", "give me some context"])
def test_the_big_picture_is_an_overview(question):
    assert asks_overview(question)  # was not found: "what's the" before the phrase
    assert not asks_overview("what is the context of the order")  # the context of one thing: no overview


def test_what_kind_of_place_is_answered_by_the_sentence_saying_what_it_is(sample_home):
    from bot.answer.broad import describes
    # was the Najaf story's lead ("... in the city of Najaf", which says no more than that it is a city)
    a = ask("what kind of city is najaf", settings=sample_home)
    assert a.status == "answered" and "the Shi'ite holy city of Najaf" in a.citations[0].quote, a.answer
    assert describes("Angry protesters took to the streets in the Sadr City district of Baghdad.", "Sadr City")
    assert not describes("US occupation forces have suspended their offensive in the city of Najaf.", "Najaf")


@pytest.mark.parametrize("question", ["why is najaf important", "what's special about najaf",
                                      "what's najaf like now"])  # (a time after "like": was a fact, uncertain)
def test_why_a_place_matters_is_a_description(question):
    from bot.answer import broad_topic
    assert broad_topic(question) == "najaf"  # was None: a fact asked, then not found


def test_what_a_name_s_thing_is_like_asks_of_that_thing(sample_home):
    from bot.answer import broad_topic
    assert broad_topic("what is Najaf's economy like") is None and broad_topic("what's Najaf like") == "Najaf"
    # was a summary of Najaf opening with "US occupation forces have suspended their offensive ..."; "like" is
    # no word the answer holds
    for question in ("what is najaf's economy like", "what is the economy like in najaf"):
        a = ask(question, settings=sample_home)
        assert a.status == "answered" and len(a.citations) == 1, a.answer
        assert "crippled the economy" in a.citations[0].quote


def test_a_sentence_going_on_about_the_place_is_part_of_its_summary(sample_home):
    # was the protesters' sentence alone: "Shops ... throughout the neighborhood" does not name Sadr City
    a = ask("tell me about sadr city", settings=sample_home)
    assert a.status == "answered" and len(a.citations) >= 2, a.answer
    assert "Sadr City district" in a.citations[0].quote and "throughout the neighborhood" in a.citations[1].quote


@pytest.mark.parametrize("question", ["which articles mention sadr", "how many articles mention sadr",
                                      "do any articles mention sadr?", "which one is about sadr",
                                      "where is sadr mentioned", "mentions of sadr",  # (these two: uncertain, a summary)
                                      # (these: a summary of one article, or uncertain)
                                      "any articles about sadr", "do you have any stories mentioning sadr"])
def test_which_articles_mention_a_name_cites_one_sentence_of_each(sample_home, question):
    # was a summary of one article ("Shi'ite cleric Moqtada al-Sadr is threatening ...", then two more of 002),
    # or not found ("how many")
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer
    assert len({c.article_id for c in a.citations}) == len(a.citations) == 3  # all three name him
    assert all("Sadr" in c.quote for c in a.citations)


def test_no_article_mentioning_the_name_is_not_found(sample_home):
    assert ask("which articles mention obama", settings=sample_home).status == "not_found"
    assert ask("any articles about iran", settings=sample_home).status == "not_found"


@pytest.mark.parametrize("question", ["what is najaf", "why is najaf important"])
def test_what_a_place_is_opens_with_the_sentence_saying_so_wherever_it_is(sample_home, question):
    # was the Najaf story's own sentences alone: "the Shi'ite holy city of Najaf" is in the VOA story, which
    # the question did not retrieve
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and "holy city of Najaf" in a.citations[0].quote, a.answer


DUCHY = {
    "manuscripts.txt": "Illuminated manuscripts\n\nIn the final decade of the 11th century, Normandy experienced a golden "
                       "age of illustrated manuscripts, but the major scriptoria of Normandy ceased to function after the "
                       "midpoint of the century. This relationship produced closer ties through the marriage of Emma, "
                       "sister of Duke Richard II of Normandy, and King Ethelred II of England. Ethelred fled to Normandy "
                       "in 1013.\n",
    "origins.txt": "Norman origins\n\nThe Normans were the people who in the 10th and 11th centuries gave their name to "
                   "Normandy, a region in France. They were descended from Norse raiders and pirates from Denmark, "
                   "Iceland and Norway.\n",
}


def test_what_a_place_is_comes_from_the_article_saying_so_not_one_naming_places_in_it(tmp_path):
    # was the manuscripts' sentences: "the major scriptoria of Normandy" read as saying what it is, and Normandy a
    # person for "Duke Richard II of Normandy"
    from conftest import home_of
    settings = home_of(tmp_path, DUCHY)
    a = ask("what is Normandy", settings=settings)
    assert a.status == "answered" and "a region in France" in a.citations[0].quote, a.answer
    from bot.answer.broad import describes
    assert not describes("the major scriptoria of Normandy ceased to function", "Normandy")
    assert describes("the Shi'ite holy city of Najaf", "Najaf")


@pytest.mark.parametrize("question, topic", [("what's life like in najaf", "najaf"),  # (was "life": not found)
                                             ("what is the mood like in Sadr City", "Sadr City"),
                                             # (were not found: "mood" / "atmosphere" no article holds)
                                             ("what's the mood in Sadr City", "Sadr City"),
                                             ("how's the atmosphere in basra", "basra")])
def test_what_life_is_like_in_a_place_asks_about_the_place(sample_home, question, topic):
    assert broad_topic(question) == topic
    assert ask(question, settings=sample_home).status == "answered"


def test_a_kind_of_person_is_held_as_that_noun_not_its_verb(sample_home):
    a = ask("who is the voa reporter", settings=sample_home)
    assert a.status == "answered" and "Correspondent Challiss McDonough" in a.citations[0].quote, a.answer
    # were cited after it: "Clashes were also reported ...", "Shops ... were reported to be closed ..."
    assert not any("reported" in c.quote for c in a.citations), a.answer


@pytest.mark.parametrize("question", ["what's the outcome in najaf", "how did things turn out in najaf",
                                      "how did it end in najaf", "what was the result in najaf"])
def test_how_it_went_somewhere_is_told_by_the_story_set_there(sample_home, question):
    # were not found ("outcome in najaf": one fact of a thing named "outcome") or answered by "... turn in their
    # weapons ... negotiated in ... Najaf" ("turn out")
    assert broad_topic(question).lower() == "najaf"
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith("US occupation forces have suspended"), a.answer


def test_the_outcome_of_a_thing_is_still_one_fact():
    assert broad_topic("what was the result of the vote") is None


@pytest.mark.parametrize("question", ["what's the conflict about", "what is all this about",
                                      "what is the whole thing about"])
def test_a_word_for_the_events_as_a_whole_asks_for_the_overview(sample_home, question):
    assert asks_overview(question)
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and len({c.article_id for c in a.citations}) == 3, a.answer  # were not found


def test_a_named_event_is_no_overview():
    assert not asks_overview("what is the fighting about") and not asks_overview("what's the truce about")


@pytest.mark.parametrize("question", ["how are the residents of sadr city coping", "how are people in sadr city doing"])
def test_how_the_people_of_a_place_are_is_life_there(sample_home, question):
    assert broad_topic(question).lower() == "sadr city"
    a = ask(question, settings=sample_home)  # were not found / uncertain
    assert a.status == "answered" and any("too afraid of unrest" in c.quote for c in a.citations), a.answer


def test_a_thing_of_a_place_is_one_fact_as_the_places_thing_is(sample_home):
    assert broad_topic("what's the economy of Najaf like") is None  # as "what is Najaf's economy like"
    assert broad_topic("what's the city of Najaf like") is not None  # the place itself
    a = ask("what's the economy of najaf like", settings=sample_home)  # was the summary of the Najaf story
    assert a.citations and "crippled the economy" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question, topic", [("what's in the najaf deal", "the najaf deal"),
                                             ("what does the truce involve", "the truce")])
def test_what_a_thing_holds_is_a_broad_question_on_it(sample_home, question, topic):
    assert broad_topic(question).lower() == topic
    a = ask(question, settings=sample_home)  # were not found / one sentence naming the truce
    assert a.status != "not_found" and len(a.citations) >= 2, a.answer
    assert broad_topic("what's in the news") is None  # the archive's overview


def test_a_topic_carried_from_the_turn_before_is_no_part_of_what_the_summary_must_hold(sample_home):
    # "and the second" after a question on Sadr's threat is understood "what's the second step (Moqtada
    # al-Sadr)?": was summed up from sentences on Sadr ("Shi'ite cleric Moqtada al-Sadr is threatening ..." first)
    history: list[dict] = []
    for q in ("who threatened civil disobedience", "what's the first step", "and the second"):
        a = ask(q, history=history, settings=sample_home)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.answer}]
    assert a.standalone_question == "what's the second step (Moqtada al-Sadr)?"
    assert a.status == "answered" and "the second step will be civil disobedience" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["what was Maliki's deadline", "whats maliki's deadline"])
def test_a_thing_of_a_names_is_one_fact_not_a_summary_of_the_name(sample_home, question):
    # was the three sentences naming Maliki, the first "... issued a statement calling it a step in the right direction"
    assert broad_topic(question) is None
    a = ask(question, settings=sample_home)
    assert [c.quote[:40] for c in a.citations] == ["He originally gave the militants until F"], a.answer
    # the whole of a name's is its summary still; a who-question keeps its
    assert broad_topic("what's the Mahdi Army's story") and broad_topic("who was Margaret's husband")


@pytest.mark.parametrize("question", ["what are the three articles about", "summarize all 3 stories",
                                      "what do both articles say"])
def test_the_archive_counted_is_still_the_archive(sample_home, question):
    assert asks_overview(question)
    if question.startswith("what are the three"):  # was not found: "three" read as a topic
        a = ask(question, settings=sample_home)
        assert a.status == "answered" and len({c.article_id for c in a.citations}) == 3, a.answer


@pytest.mark.parametrize("question, topic", [
    # were not found ("... in short" was read as part of the topic, and "give me the X story" was no broad question)
    ("give me the najaf story in short", "najaf"), ("tell me the basra story", "basra"),
    ("tell me about najaf in a nutshell", "najaf"), ("give me the truce summary", "truce"),
    # no topic: the archive's news as a whole (was the topic "give me the")
    ("give me the news", None), ("tell me the time", None),
])
def test_a_story_asked_for_by_its_topic_is_that_topic(question, topic):
    assert broad_topic(question) == topic


def test_give_me_the_news_is_an_overview(sample_home):
    assert asks_overview("give me the news") and asks_overview("tell me the latest")
    a = ask("give me the najaf story in short", settings=sample_home)
    assert a.status == "answered" and len(a.citations) >= 2, a.answer
    assert {c.article_id[:3] for c in a.citations} == {"001"}, a.answer


@pytest.mark.parametrize("question, topic", [
    ("what kind of place is najaf", "najaf"),
    ("what sort of man is Sadr?", "Sadr"),
    # a verb's object asked for: no topic to sum up (was "Sadr's group calling for", summed up from "Iraqi security
    # forces and Shi'ite militias fought ..." on)
    ("What kind of strike was Sadr's group calling for?", None),
    ("what kind of deal was agreed", None),
])
def test_what_kind_of_thing_a_name_is_is_broad_what_kind_was_done_is_not(question, topic):
    assert broad_topic(question) == topic


def test_what_kind_of_thing_was_asked_for_is_the_sentence_naming_it(sample_home):
    a = ask("What kind of strike was Sadr's group calling for?", settings=sample_home)
    assert a.status == "answered" and "calling for a nationwide strike" in a.citations[0].quote, a.answer


def test_a_place_every_article_names_in_passing_is_told_from_each_not_from_a_quote(sample_home):
    # was Senor's press conference and the quoted threat of "civil disobedience in Baghdad" (said, not happened)
    a = ask("what happened in baghdad", settings=sample_home)
    quotes = [c.quote for c in a.citations]
    assert a.status == "answered" and len({c.article_id for c in a.citations}) == 3, a.answer
    assert not any("civil disobedience in Baghdad" in q for q in quotes), a.answer
    assert any("Angry protesters took to the streets" in q for q in quotes), a.answer
