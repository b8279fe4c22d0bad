"""The status the abstention model decided (bot/answer/policy.py), overridden by the shape of the best sentence:
evidence that it answers (a title given over what a who-question asks about, the act asked about done by the one
asked about, a definition, a reason, a consequence) or that it does not (a sentence about another place, an act
only requested, someone else doing it, no stand taken on the thing, no name given, a past date for "when will").
bot/answer/extract.py calls `override_status` once the model has decided.
"""

from __future__ import annotations

import re

from bot.answer import lexicon, rewordings, wordkinds
from bot.answer.abstain import answer_context
from bot.answer.aliases import named_by_title
from bot.answer.act import holds_act, lacks_act, says_how_long
from bot.answer.define import named_thing
from bot.answer.example import gives_example
from bot.answer.features import missing_names
from bot.answer.followup import wants_more
from bot.answer.membership import lacks_membership
from bot.answer.nobody import names_no_one
from bot.answer.undone import denies_act
from bot.answer.carried_only import holds_only_carried
from bot.answer.guards import event_only_requested, lacks_kind, only_requested
from bot.answer.policy import ANSWERED, NOT_FOUND, UNCERTAIN
from bot.answer.promote import SPEAKER_WINDOW, gives_role, only_undergoes
from bot.answer.question import Question, known_word, with_aliases
from bot.answer.order import lacks_thing_there
from bot.answer.reaction import reaction_topic, reacts_to_topic
from bot.answer.reasons import gives_reason, leaves_name_unexplained, states_consequence, tells_effect
from bot.answer.role import led_by, role_words, writes_role
from bot.answer.topic import broad_topic
from bot.answer.scoring import Candidate
from bot.answer.actor import asks_reaction
from bot.answer.speaker import (acts_in, does_as_agent, does_as_subject, names_speaker, reports_words, says_as_subject,
                               speaks_as_subject, undergoes_as_subject)
from bot.answer.spelling import respell
from bot.answer.subset import holds_group_act
from bot.answer.target import misses_object
from bot.answer.verbs import BE_FORMS, asks_whether_any, is_participle, says_adjective, verb_stated
from bot.library import Library, SentenceRow
from index.terms import terms, words

# "when will X ...", "what day will X ...": a question about the future
_WHEN_WILL = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:when|what\s+(?:day|date|time|month|year))\s+"
                        r"(?:will|would|is\s+\S+\s+going\s+to)\b")
# what a sentence says of the future: "will", "would", "is to be", "expected", "plans", "next", "until", "due"
_AHEAD = re.compile(r"(?i)\b(?:will|would|shall|going\s+to|(?:is|are|was|were)\s+to|expected|expects?|plans?|planned|"
                    r"scheduled|set\s+to|due|next|until|soon|later|upcoming|coming)\b|'ll\b")


# words of running or holding something ("remained in firm control", "the Mahdi Army's grip on the city centre")
_CONTROL = re.compile(r"(?i)\b(?:control\w*|grip|charge|rul(?:e|ed|es|er|ers|ing)|run(?:s|ning)?|ran|govern\w*|"
                      r"lead(?:s|er|ers|ing)?|led|command\w*|head(?:s|ed)?|chief|president|minister|mayor|governor|"
                      r"king|queen|emperor|duke|held|holds?|power|authority|administ\w*|in\s+charge)\b")


# "what is the name of X", "what's X's name": a name asked for outright, which only a sentence giving one answers
_NAME_ASKED = re.compile(r"(?i)^\W*(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?names?\s+of\b"
                         r"|^\W*what(?:'s|\s+is|\s+was)\s+.+['\u2019]s?\s+names?\b")


def override_status(status: str, lib: Library, q: Question, best: Candidate, cands: list[Candidate], af: dict,
                    vetoed: bool, variants: dict, leader: bool, acts: bool, definition: list[Candidate] | None,
                    placed: set[str], actor: frozenset[str], verb: str, speaker: frozenset[str],
                    shown: list[SentenceRow]) -> str:
    """The status `decide` gave the best candidate, overridden by the rules below, in this order, each seeing the
    status the ones before it left. The arguments are extract()'s: `cands` the candidates best first, `af` the
    abstention features, `vetoed` a guard refused, `leader` a "who runs X?" question, `acts` the actor asked about
    does the act, `definition` the candidates with a definition first, `placed` the ids of sentences placing what
    a where-question asks about, `actor` / `verb` / `speaker` from actor.actor_terms, `shown` the sentences the
    previous answer quoted."""
    # "Who runs X?" answered by a sentence giving someone a title over X: the role is the evidence (the
    # topic check counts the question's verb, which no such sentence holds).
    if leader and not vetoed and (gives_role(lib, q, best) or gives_role(lib, q, best, loose=True)
                                  or led_by(q, respell(lib.articles[best.article_id].text[best.start:best.end], variants))):
        status = ANSWERED
    # ... and a sentence giving no one a title over it, nor any word of running or holding it ("who runs Najaf?"
    # against "US occupation forces have suspended their offensive ... in the city of Najaf") is at best close
    if (status == ANSWERED and leader and not _CONTROL.search(lib.articles[best.article_id].text[best.start:best.end])
            and not (gives_role(lib, q, best) or gives_role(lib, q, best, loose=True)
                     or led_by(q, respell(lib.articles[best.article_id].text[best.start:best.end], variants)))):
        status = UNCERTAIN
    # The person asked about doing what the question asks, or the term's definition: the shape of the
    # sentence is the evidence that it answers, however few of the question's other words it repeats
    # (and that its article is on the question's topic); a veto still refuses.
    # Every name and number of the question must be in its article ("... in 1995?" is not); a rare word
    # may be paraphrased ("the Najaf standoff" / "the crisis").
    # So is a consequence stated for the condition asked about ("what happens to fighters who keep their
    # weapons": "anyone who continues carrying weapons ... will not be part of ..."), or a reason given for the
    # act a why-question asks about ("... ordering an end to the fighting in order to stop Iraqi bloodshed").
    # So is what followed the thing a "did X work?" asks about ("After the cleric's order went out, fighting
    # appeared to have slacked off ...").
    # So is, for "who pushed Sadr to ...?", a sentence doing the act to every name the question gives
    # ("... pushing cleric Muqtada al-Sadr to offer terms"; the doer may be no name: "Shipping firms").
    if (status != ANSWERED and not vetoed and best is cands[0]
            and (acts or definition or states_consequence(lib, q, best) or gives_reason(lib, q, best)
                 or tells_effect(lib, q, best)
                 or does_to_named(lib, q, best, variants) or reacts_to_topic(lib, q, best)
                 or says_how_long(lib, q, best, whole_topic=True) or gives_example(lib, q, best)
                 or best.sentence_id in placed or holds_group_act(lib, q, best))
            and missing_names(q, set(terms(respell(lib.articles[best.article_id].text, variants)))) == 0):
        status = ANSWERED
    # "who is the iraqi defence minister?" against "Iraqi Prime Minister Nouri Al-Maliki ...": not that role
    if status == ANSWERED and q.atype == "person" and not writes_role(
            lib.articles[best.article_id].text[best.start:best.end], role_words(broad_topic(q.text) or "")):
        status = UNCERTAIN
    # "is there a ceasefire in Basra?" against a sentence naming no ceasefire: at best close
    if status == ANSWERED and lacks_thing_there(q, lib.articles[best.article_id].text[best.start:best.end]):
        status = UNCERTAIN
    # "How many were killed in the clashes in Kut?" against a sentence about Basra's clashes, the article
    # naming Kut elsewhere: the sentence is about another place, at best close to the question.
    if status == ANSWERED and af.get("place_elsewhere", 0.0) > 0:
        status = UNCERTAIN
    # "did the government release the prisoners?" against "he asked the government to release Mahdi Army
    # prisoners": the act asked about is only requested there, not done: at best close to the question.
    # ("was an amnesty declared?": the passive's participle is the act)
    # ("are they leaving?": the present participle of a progressive)
    act = (q.verb_word if q.verb_word not in BE_FORMS else None) or next(
        (w for w in reversed(q.sequence) if w not in BE_FORMS and (is_participle(w) or (
            w.endswith("ing") and lexicon.is_verb(w)))), None)
    if (status == ANSWERED and YES_NO.match(q.text) and act
            and only_requested(act, lib.articles[best.article_id].text[best.start:best.end])):
        status = UNCERTAIN
    # ... and "did the strike happen?" against "... was calling for a nationwide strike": the event only asked for
    if status == ANSWERED and event_only_requested(q.text, lib.articles[best.article_id].text[best.start:best.end]):
        status = UNCERTAIN
    # "did the government agree?" against "The cleric agreed to ...": someone else doing the act asked about is
    # no yes or no for the one asked about
    if (status == ANSWERED and YES_NO.match(q.text) and actor and verb and verb not in ("do", "done")
            and not does_as_subject(lib, actor, verb, best.article_id, best.start)
            # (or its passive's agent: "... was greeted ... by the embattled residents")
            and not does_as_agent(lib, actor, verb, best.article_id, best.start)
            # (or undergoes what causes it: "did people die?" against "... 12 people have been killed")
            and not undergoes_as_subject(lib, actor, verb, best.article_id, best.start)
            and not (wordkinds.is_speech_verb(verb) and (speaks_as_subject(lib, actor, best.article_id, best.start)
                                                        or says_as_subject(lib, actor, best.article_id, best.start)))):
        status = UNCERTAIN
    # "how did Sadr respond?" against "The Iraqi government has welcomed Sadr's move": someone else reacting is no
    # answer for the one asked about, who must act in it (or be its passive's agent: "... greeted with cautious
    # relief by the embattled residents")
    if status == ANSWERED and actor and verb and asks_reaction(verb) and not acts_in(lib, actor, best.article_id, best.start):
        status = UNCERTAIN
    # "what did the government ask Sadr to do?" against "In exchange, he asked the government to release ...": the one
    # asked about only has the act done to them there, the converse of the question, at best close to it
    if (status == ANSWERED and actor and verb and not YES_NO.match(q.text)
            and only_undergoes(lib.articles[best.article_id].text[best.start:best.end], actor, verb)):
        status = UNCERTAIN
    # "who runs the green zone?" against "... fire have also slammed into the heavily fortified Green Zone
    # government ...": a who-question's sentence naming no one new and holding nothing standing in for its verb
    if (status == ANSWERED and q.atype == "person" and not best.features["atype"] and not af.get("verb_ok", 1.0)):
        status = UNCERTAIN
    # ... nor "who fired rockets at the green zone?" against "Repeated barrages of mortar and rocket fire have also
    # slammed into the heavily fortified Green Zone ...": a sentence naming no one at all
    if status == ANSWERED and q.atype == "person" and not best.features["atype"] and names_no_one(
            lib.articles[best.article_id].text[best.start:best.end], frozenset(words(q.text.lower()))):
        status = UNCERTAIN
    # ... nor "who took part in the offensive?" against "British troops ... were not taking part in the operation"
    if status == ANSWERED and q.atype == "person" and denies_act(q.verb_word, q.text, lib.articles[best.article_id].text[best.start:best.end]):
        status = UNCERTAIN
    # ... nor "who suffered most (in Najaf)?" against a sentence holding Najaf alone, the topic the rewrite carried
    if status == ANSWERED and holds_only_carried(q, lib.articles[best.article_id].text[best.start:best.end],
                                                 af.get("verb_ok", 1.0)):
        status = UNCERTAIN
    # "who married Cnut the Great?" against "... Emma, who stayed in Normandy after Cnut the Great's conquest", while
    # another sentence read says "married" of others: the act told of elsewhere, not here (in any words: a verb, a
    # noun or a state), the sentence is at best close (told of, though negated: "... urged its members not to attack")
    if status == ANSWERED and lacks_act(lib, q, best) and any(
            holds_act(lib, q, c, exact=True, negated=True) for c in cands[:SPEAKER_WINDOW] if c is not best):
        status = UNCERTAIN
    # "who ordered the offensive?" against "Sadr has ordered his militia off the streets ... for an end to the military
    # offensive": the verb done to something else is another act, at best close to the question
    if status == ANSWERED and misses_object(q.text, lib.articles[best.article_id].text[best.start:best.end]):
        status = UNCERTAIN
    # "where is the green zone?" against "... slammed into the heavily fortified Green Zone government and diplomatic
    # compound": a where-question's sentence naming no place the question does not is at best close
    # (a name opening the sentence is a place too: "Brazil's polarizing presidential race will go to ...")
    if status == ANSWERED and q.atype == "place" and not best.features["atype"] and not _opens_with_name(
            lib.articles[best.article_id].text[best.start:best.end], q):
        status = UNCERTAIN
    # "what was the operation in Najaf dubbed?" against a sentence naming nothing of the kind, its context holding
    # no word for naming (the Basra article's "the operation, dubbed ..." is about another place)
    # ... nor, asked for a name outright ("what is the name of the shrine in najaf"), a sentence giving none
    # (a thing's: a person's name comes with a title, "VOA Correspondent Challiss McDonough", names_it reads none)
    if status == ANSWERED and not definition and (head := named_thing(q.text)) and (
            not af.get("verb_ok", 1.0) or (_NAME_ASKED.match(q.text) and not wordkinds.is_person_noun(head))):
        status = UNCERTAIN
    # "what was the reaction to the curfew?" against "... a citywide curfew in Baghdad is to be lifted": a sentence
    # where no one takes a stand on the thing is no reaction to it
    if status == ANSWERED and reaction_topic(q.text) and not reacts_to_topic(lib, q, best):
        status = UNCERTAIN
    # "was Sadr arrested?" against "... his order ... would in turn stop the raids and arrests of militia members":
    # a yes or no about a name (number, rare word) the sentence and its context hold none of is no yes or no
    # (for other questions that cost right answers: the answer may name them otherwise)
    if status == ANSWERED and af.get("miss_spec_ctx", 0.0) >= 1.0 and YES_NO.match(q.text):
        status = UNCERTAIN
    # "when will the british troops leave?" against "British troops handed control ... in December": a past date is
    # no answer to when something will be; the sentence must look ahead ("is to be lifted early Monday")
    if (status == ANSWERED and _WHEN_WILL.match(q.text)
            and not _AHEAD.search(lib.articles[best.article_id].text[best.start:best.end])):
        status = UNCERTAIN
    # "what else did Senor say?" once all his words were shown: a sentence not naming him (itself, by title, by a
    # pronoun after one that does) is nothing else he said.
    # Nor, for "what did Sistani say about the offensive in Basra?", is "The prime minister issued a statement saying
    # the offensive was targeting ...": what a name said, in a sentence that names them nowhere, is someone else's
    # words (a speaker by a common noun is left to the scorer: "what did Sadr's people promise" is answered by "He
    # said he was ordering ..." after his aide's words)
    if (status == ANSWERED and speaker
            and ((shown and wants_more(q.text)) or speaker <= {t for w in q.names for t in terms(w)})
            and not names_speaker(lib, speaker, best.article_id, best.start)):
        status = UNCERTAIN
    # ... and "what did Maliki say on Monday?" is not answered by "... Al-Maliki went to Basra on Monday ...": a sentence
    # reporting no words at all (no verb of saying, in the wider sense either: "has welcomed", "is threatening")
    if (status == ANSWERED and speaker and not YES_NO.match(q.text)
            and not reports_words(lib, best.article_id, best.start)):
        status = UNCERTAIN
    # "where else is there a curfew?" once the curfews elsewhere were shown: a sentence holding nothing of the
    # question itself (only the sentence before it does) is nothing more on it ("Angry protesters took to ...")
    if shown and wants_more(q.text) and not speaker and not best.features.get("cov", 1.0):
        status = NOT_FOUND
    # "what did Sistani's spokesman say?" against "... those loyal to ... al-Sistani to ask the militia to leave":
    # a speaker named by a kind of person narrowed by a name is not there when the sentence and its context name
    # no such person ("Sadr spokesman Hazem al-Aaraji ..." does)
    role = {t for t in speaker if (w := q.term_words.get(t, "")) and w not in q.names and wordkinds.is_person_noun(w)}
    if (status == ANSWERED and role and speaker - role and not role & set(terms(answer_context(lib, best, variants)[1]))
            and not names_speaker(lib, speaker, best.article_id, best.start)):  # ("He said ... He said ...")
        status = UNCERTAIN
    # "what did Abu Faris say about the US?" against his words naming no American: what someone said about a name
    # the sentence and its context do not hold is not there
    spoke_of = _SAID_ABOUT.search(q.text) if status == ANSWERED and speaker else None
    # (a people's word typed in lower case names them too: "what did Abu Faris say about the british")
    if spoke_of and (named := {t for w in re.findall(r"\b[A-Za-z][\w'\-]*", spoke_of.group(1))
                               if w[:1].isupper() or rewordings.country_names(w.lower()) for t in terms(w)}):
        _, context = answer_context(lib, best, variants)
        if not named <= set(terms(context)):
            status = UNCERTAIN
    # "what weapons did the Mahdi Army use?" against "... the Mahdi Army remained in firm control": a sentence
    # naming nothing of the kind asked for is at best close to the question
    if status == ANSWERED and lacks_kind(q.text, lib.articles[best.article_id].text[best.start:best.end]):
        status = UNCERTAIN
    # "is the Mahdi Army part of the government?" against a sentence saying nothing of belonging
    if status == ANSWERED and lacks_membership(q.text, lib.articles[best.article_id].text[best.start:best.end]):
        status = UNCERTAIN
    # "did anyone die in Najaf?": whoever it was, the sentence itself must tell of the act (or a stand-in:
    # "killed"; not "Najaf siege ends in truce" before it)
    if (status == ANSWERED and asks_whether_any(q.text)
            and not verb_stated(q, words(lib.articles[best.article_id].text[best.start:best.end]))):
        status = UNCERTAIN
    # "did the Mahdi Army use rockets?" against "... the Mahdi Army remained in firm control": a yes or no about an
    # act the sentence and its context do not tell of (nor a word standing in for it) is no yes or no (a question
    # with no verb found, "is the truce holding", is not read here)
    if status == ANSWERED and YES_NO.match(q.text) and q.verb_word and not af.get("verb_ok", 1.0):
        status = UNCERTAIN
    # ... nor is "is the truce fragile?" by a sentence and context saying nothing of the kind ("The truce ... was
    # greeted with cautious relief"), though it names the truce
    if (status == ANSWERED and YES_NO.match(q.text)
            and not says_adjective(q.text, words(answer_context(lib, best, variants)[1]))):
        status = UNCERTAIN
    # ... nor, for "why was Sadr wanted?", a reason given for an act done to someone that the sentence and its
    # context do not tell of ("... said they felt the government is targeting the Sadr organization"; a passive only:
    # "why does the unrest matter" is answered by what it "threatened to undermine", in no word for mattering)
    # ... nor, for "when was Maliki elected?", the date of another act ("On Saturday, Mr. Maliki acknowledged ..."; a
    # passive only: "when did the fighting break out" is answered by "... fought fierce gun battles ... after ...")
    if (status == ANSWERED and (_WHY_PASSIVE.match(q.text) or _WHEN_PASSIVE.match(q.text)) and q.verb_word
            and is_participle(q.verb_word.lower()) and not af.get("verb_ok", 1.0)):
        status = UNCERTAIN
    # "where is Sadr based?" against "... prompted those loyal to Najaf-based senior religious leader ... al-Sistani to
    # ask the militia to leave": a sentence not naming the one a where-question places (nor by a title), nor pointing
    # back to anyone, says nothing of where they are (the name only in the sentence before: "The al-Sadr crisis")
    if status == ANSWERED and (placed_name := _WHERE_IS_NAME.match(q.text)) and _names_none(
            lib, frozenset(terms(placed_name.group(1))), q, best, variants):
        status = UNCERTAIN
    # "why is it called "Charge of the Knights"?" against the sentence giving the name and no reason for it
    if status == ANSWERED and leaves_name_unexplained(q.text, lib.articles[best.article_id].text[best.start:best.end]):
        status = UNCERTAIN
    return status


_WHEN_PASSIVE = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:when|what\s+(?:day|date|year|month|time))\s+"
                           r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s")
_WHY_PASSIVE = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?why\s+(?:is|are|was|were|has\s+been|have\s+been|"
                          r"had\s+been)\s")


_SAID_ABOUT = re.compile(r"(?i)\b(?:about|on|regarding|concerning)\s+(.+?)[\s?.!]*$")
YES_NO = re.compile(r"^\W*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b", re.I)


def does_to_named(lib: Library, q: Question, c: Candidate, variants: dict) -> bool:
    """Does the candidate hold a who-question's act (act.holds_act) and every name of the question?"""
    names = {t for w in q.names for t in terms(w)}
    return (bool(names) and holds_act(lib, q, c)
            and names <= set(terms(respell(lib.articles[c.article_id].text[c.start:c.end], variants))))


_POINTS_BACK = re.compile(r"(?i)\b(?:he|she|his|her|him|they|their|them|it|its)\b")
# "where is Sadr based", "where was Abu Faris": a where-question whose subject is a name
_WHERE_IS_NAME = re.compile(r"^\W*where\s+(?:is|was|are|were|does|did|do)\s+((?:[A-Z][\w'\-]*\s*)+)")


def _names_none(lib: Library, name: frozenset[str], q: Question, c: Candidate, variants: dict) -> bool:
    """Does the candidate hold none of the name's terms (itself, or by a title standing for it) and no pronoun?"""
    text = respell(lib.articles[c.article_id].text, variants)
    sentence = text[c.start:c.end]
    held = with_aliases(q, set(terms(f"{sentence} {named_by_title(text, sentence)}")))
    return bool(name) and not name & held and not _POINTS_BACK.search(sentence)


def _opens_with_name(sentence: str, q: Question) -> bool:
    """Does the sentence open with a name the question does not hold (a word WordNet knows only as a particular or
    first as a country, or none it knows at all)?"""
    first = re.match(r"\W*([A-Z][a-z]+)", sentence)
    word = first.group(1).lower() if first else ""
    return bool(word) and word not in q.words and (wordkinds.is_proper_noun(word) or wordkinds.is_land(word)
                                                   or not known_word(word))
