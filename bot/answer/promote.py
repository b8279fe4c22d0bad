"""Sentences of the shape a question asks for go first: the person asked about doing the act asked about,
the speaker's own words, the one a title is given to, the term's definition, the thing's name.

The sentence scorer ranks by shared words and meaning; these questions are answered by a sentence's
shape, which shares few words with them ("What did Sadr agree to?" / "The cleric agreed to ...").
Each helper returns the candidates reordered, never drops one. A reason, a consequence and a state's cause
are bot/answer/reasons.py's; the sentences gathered from the whole article to be scored, bot/answer/gather.py's;
who did the act asked about, how many, when, for how long and where, bot/answer/act.py's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.answer import lexicon, wordkinds
from bot.answer.aliases import opens_with_title
from bot.answer.features import CALENDAR
from bot.answer.define import asked_thing, defines, named_thing, names_instance, names_it
from bot.answer.question import Question
from bot.answer.verbs import verb_stated
from bot.answer.role import names_role
from bot.answer.actor import asks_reaction, asks_view, does_verb
from bot.answer.reaction import voices_view
from bot.answer.speaker import acts_first, acts_in, names_speaker, reports_speech, says_as_subject, speaks_as_subject
from bot.library import Library, sentence_at
from index.terms import terms, words

if TYPE_CHECKING:  # scoring.py defines Candidate; extract.py imports this module
    from bot.answer.scoring import Candidate


_CALENDAR_TERMS = frozenset(t for w in CALENDAR for t in terms(w))


def sentence_before(lib: Library, s) -> str:
    """The text of the sentence before s ("" for an article's first), and a space."""
    prev = lib.sentences[s.article_id][s.ordinal - 1] if s.ordinal > 0 else None
    return lib.articles[s.article_id].text[prev.start:prev.end] + " " if prev else " "


@lru_cache(maxsize=256)
def words_of(text: str) -> set[str]:
    """The distinct words of a text (an article: computed once per article)."""
    return set(words(text))


SPEAKER_WINDOW = 8  # how far down the scored candidates a sentence naming the speaker (or role) is looked for


POLYSEMOUS = lexicon.MANY_SENSES  # WordNet verb senses from which a verb's stand-ins say little ("say" has 11)


# a word pointing back at the sentence before (or at the place it names: "... throughout the neighborhood")
_POINTS_BACK = re.compile(r"(?i)\b(?:it|its|this|these|those)\b|\b(?:the|this|that)\s+(?:neighbo(?:u)?rhood|district|"
                          r"city|town|area|province|region|village|quarter)\b")


def prefer_actor(lib: Library, actor: frozenset[str], verb: str, speaker: frozenset[str],
                 cands: list[Candidate], topic: frozenset[str] = frozenset(),
                 names: frozenset[str] = frozenset(), acting: frozenset[str] = frozenset(),
                 carried: frozenset[str] = frozenset()) -> list[Candidate]:
    """For "what did X do ...", the best-scored of the first candidates that names X doing the question's
    verb (or a stand-in: "want" / "demanding") goes first; for "what did X say ...", failing that, the
    best that names X and reports speech, then the best that names X. `acting`: the ids of the sentences whose
    own verb X does (acting_sentences), first wherever they rank. `carried`: the terms of a topic a follow-up's
    rewrite carried over ("(Najaf)")."""
    if not actor:
        return cands
    def named(c): return names_speaker(lib, actor, c.article_id, c.start)  # noqa: E704
    # A verb more particular than "say" ("ask", "demand", "want") asks for that act; "what did X say /
    # tell / announce" for anything X is reported saying.
    # A verb of many senses ("take", "get", "hold") is done only by a form of itself: "what title did
    # Bethencourt take" is answered by "Bethencourt took the title ...", not by "the expedition led by ...
    # Bethencourt" ("lead" is one of the 42 senses of "take").
    if verb in ("do", "done"):
        # "what did Sadr do": any act with X as its subject ("Shi'ite cleric Moqtada al-Sadr has ordered ..."),
        # wherever it ranks, before a sentence only naming X ("The Iraqi government has welcomed Sadr's move")
        return promote_first(cands, [lambda c: acts_first(lib, actor, c.article_id, c.start)], window=len(cands))
    exact = len(lexicon.synsets(verb, "v")) >= POLYSEMOUS if lexicon.available() else False
    tests = [] if lexicon.related("say", verb) else [lambda c: _acts(lib, actor, verb, c, exact)]
    # "How did the government respond (to Sadr)?": whatever it did, as the sentence's subject, about every
    # other thing the question names (`topic`: "Sadr"; "residents of Basra" hearing explosions is no reaction
    # to the truce)
    if asks_reaction(verb):
        view = asks_view(verb)
        # (the actor stirred or a passive's agent, when the question names what they reacted to in its own words:
        # "how did residents react to the militia"; not a topic a follow-up carried, "how did residents react
        # (Najaf)?" after "tell me about the najaf truce", which the truce's "greeted with ... relief by the
        # embattled residents" answers, not "... angered many residents" of a Najaf-based leader)
        stirred = bool(topic - carried)
        tests[:0] = [lambda c: reacts(lib, actor, topic, c, view=view, stirred=stirred),
                     lambda c: reacts(lib, actor, topic, c, after=True, view=view)]
        # ... or about the names it gives, in other words ("how did the government respond to Sadr's demands":
        # "The Iraqi government has welcomed Sadr's move")
        if topic & names:
            tests[2:2] = [lambda c: reacts(lib, actor, topic & names, c, view=view),
                          lambda c: reacts(lib, actor, topic & names, c, after=True, view=view)]
        # ... before any other act of X's standing in for reacting ("how did Maliki react to Sadr's order": "...
        # calling it a step in the right direction" after "... welcomed Sadr's move", not "Mr. Maliki acknowledged
        # that he was caught off guard by the strength of the resistance")
        reacting = first_passing(cands, tests) if acting and topic else None
        if reacting is not None:
            return reacting
    if speaker:
        # X as the one speaking ("The government said ...", "He repeated his declaration" after a sentence
        # about X), then X as the subject of any act about what else the question names ("what did the
        # government say about the move": "The government has welcomed the move"), before a sentence that
        # only names X somewhere ("He said ... targeting the government").
        # "what did the government say", naming nothing else: X speaking, or else doing anything as the subject
        # ("The Iraqi government has welcomed Sadr's move"), wherever it ranks, before others' words that only
        # name X ("Sadrist lawmakers ... said they felt the government is targeting ...")
        def speaking(c): return speaks_as_subject(lib, actor, c.article_id, c.start)  # noqa: E704
        if not topic:
            alone = promote_first(cands, tests + [speaking, lambda c: acts_first(lib, actor, c.article_id, c.start)],
                                  window=len(cands))
            if alone is not cands:
                return alone
        # X speaking of all the question names, in a wide sense of speaking ("what did Sadr say he would do
        # if the crackdown continued": "Sadr is threatening a campaign ... if the crackdown on his militias
        # continues"), goes before X speaking of something else ("Sadr said he was ordering his militia ...");
        # not X doing something else ("Maliki went to Basra ... to supervise the security operation")
        def holds_topic(c): return topic <= set(terms(lib.articles[c.article_id].text[c.start:c.end]))  # noqa: E704
        # ... and X speaking of something else only when the sentence holds some of what the question names:
        # "did Sadr say what the third step is" is not answered by Sadr "instructing his powerful militia ..."
        # (with the sentence before it when it points back at it: "calling it a step ..." after "... welcomed Sadr's
        # move")
        def holds_some(c):
            text = lib.articles[c.article_id].text[c.start:c.end]
            if _POINTS_BACK.search(text):
                text = f"{sentence_before(lib, sentence_at(lib, c.article_id, c.start))} {text}"
            # (or opening with the speaker's title, which goes on from the sentence before as "he" would: "The prime
            # minister issued a statement saying ... "outlaws"" after "... Al-Maliki went to Basra ... the Mehdi
            # Army militia ...", for "what did Maliki say about the militias"; not a day the sentence before gives:
            # "what did Maliki say on Monday" is not told by "... went to Basra on Monday")
            elif opens_with_title(lib.articles[c.article_id].text, c.start, c.end, actor):
                before = set(terms(sentence_before(lib, sentence_at(lib, c.article_id, c.start)))) - _CALENDAR_TERMS
                return not topic or bool(topic & (set(terms(text)) | before))
            return not topic or bool(topic & set(terms(text)))
        tests += [lambda c: topic and speaking(c) and holds_topic(c),
                  lambda c: topic and holds_topic(c) and says_as_subject(lib, actor, c.article_id, c.start),
                  lambda c: speaking(c) and holds_some(c),
                  lambda c: topic and reacts(lib, actor, topic, c)]
        # ... or about its names, in other words, wherever it ranks ("what did the government say about Sadr's
        # order": "The Iraqi government has welcomed Sadr's move"), before a sentence only naming X
        wide = [lambda c: topic & names and reacts(lib, actor, topic & names, c)]
        late = [lambda c: named(c) and reports_speech(lib, c.article_id, c.start), named]
        for group, window in ((tests, SPEAKER_WINDOW), (wide, len(cands)), (late, SPEAKER_WINDOW)):
            out = first_passing(cands, group, window)
            if out is not None:
                return out
        return cands
    if acting:
        # X the subject of the sentence's own verb (`acting`: acting_sentences' ids), wherever it ranks ("what does
        # Sadr want": "In exchange, he asked the government ..."), before X only named doing it ("... read a
        # statement on behalf of Sadr, demanding ...")
        # ... one naming what else the question names first ("what did the Normans build in Scotland": "Normans came
        # into Scotland, building castles ...", before their building castles in Ireland)
        named_too = topic & names

        def names_all(c): return named_too <= set(terms(lib.articles[c.article_id].text[c.start:c.end]))  # noqa: E704
        def holds_all(c): return topic <= set(terms(lib.articles[c.article_id].text[c.start:c.end]))  # noqa: E704
        # (or, among the first, X doing it in a clause of its own: "Normans came into Scotland, building castles")
        subject = (first_passing(cands, [lambda c: c.sentence_id in acting and bool(named_too) and names_all(c)],
                                 window=len(cands))
                   or first_passing(cands, [lambda c, t=t: bool(named_too) and names_all(c) and t(c) for t in tests])
                   # ... or X doing it to every other thing the question names ("why did the US suspend the
                   # warrant": "... the US agreed to suspend the warrant ...", not "US occupation forces have
                   # suspended their offensive")
                   or first_passing(cands, [lambda c, t=t: bool(topic) and holds_all(c) and t(c) for t in tests])
                   or first_passing(cands, [lambda c: c.sentence_id in acting], window=len(cands)))
        if subject is not None:
            return subject
    return promote_first(cands, tests)


def reacts(lib: Library, actor: frozenset[str], topic: frozenset[str], c: Candidate, after: bool = False,
           view: bool = False, stirred: bool = False) -> bool:
    """The candidate has the actor as its subject and names every other thing the question does (`topic`);
    after: or the sentence before it does ("After the cleric's order went out, ..." + "The government has
    welcomed the move" reacts to the order); view: taking a stand or saying something (actor.asks_view);
    stirred: or, not after, the actor as a passive's agent or the one a verb of feeling stirs ("... has angered
    many residents and prompted ... to ask the militia to leave" is the residents reacting to the militia;
    speaker.acts_in)."""
    if not (acts_in if stirred and not after else acts_first)(lib, actor, c.article_id, c.start):
        return False
    text = lib.articles[c.article_id].text[c.start:c.end]
    if view and not voices_view(text):
        return False
    if after:
        text = sentence_before(lib, sentence_at(lib, c.article_id, c.start)) + text
    return topic <= set(terms(text))


def _acts(lib: Library, actor: frozenset[str], verb: str, c: Candidate, exact: bool = False) -> bool:
    return (names_speaker(lib, actor, c.article_id, c.start) and does_verb(lib, verb, c.article_id, c.start, exact)
            and not only_undergoes(lib.articles[c.article_id].text[c.start:c.end], actor, verb))


def only_undergoes(sentence: str, actor: frozenset[str], verb: str) -> bool:
    """Is the actor named in the sentence only right after a form of the verb, as what it is done to ("did the
    government target ...": "... anyone who continues carrying weapons or targeting the government ...")?"""
    ws = words(sentence)
    bases = set(lexicon.base_forms(verb, "v")) or {verb.lower()}
    at = [i for i, w in enumerate(ws) if set(terms(w)) & actor]
    # (a determiner between them: "the invading Normans" are the ones invading)
    return bool(at) and all(i >= 2 and ws[i - 1] in _OWNERS and set(lexicon.base_forms(ws[i - 2], "v")) & bases
                            for i in at)


_OWNERS = frozenset("the a an his her their its".split())


def definition_first(lib: Library, term: str | None, cands: list[Candidate],
                strict_only: bool = False) -> list[Candidate] | None:
    """The candidates with the one defining `term` first, or None when none of them defines it."""
    if not term:
        return None
    def says(c, strict, modified): return defines(lib.articles[c.article_id].text[c.start:c.end], term, strict, modified)  # noqa: E704
    shapes = [(True, False)] if strict_only else [(True, False), (False, False)]
    # ... then, for a term of two words or more, the classic shape with a word before it ("what is complexity
    # theory": "Computational complexity theory is a branch of ..."); one word would be another kind ("a
    # decision problem" is no definition of "problem")
    if len(term.split()) > 1:
        shapes.append((True, True))
    for strict, modified in shapes:
        for i, c in enumerate(cands):
            if says(c, strict, modified):
                return [c, *cands[:i], *cands[i + 1:]]
    return None


def naming_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate] | None:
    """For "what is the name of X", the candidates with the best one that names an X first, or None. Its
    article must name what the question places X by ("the operation in Najaf" is not Basra's)."""
    head = named_thing(q.text)
    if not head:
        return None
    # the thing by its own word first, then by a word WordNet lets stand in for it ("what was the offensive
    # called": "the operation, dubbed "Charge of the Knights"")
    for heads in ((head,), _stand_ins(head)):
        for i, c in enumerate(cands):
            text = lib.articles[c.article_id].text
            # (or, for a thing, one "of" a name holding another word of the question: "... negotiated in the Shi'ite
            # holy city of Najaf"; not a person, "the prime minister of Iraq")
            # ... or, for a place, one going to or being in a place the question does not name ("the city where
            # Maliki went": "... Al-Maliki went to Basra ...")
            if any(names_it(text[c.start:c.end], h) or (not wordkinds.is_person_noun(h) and (names_instance(
                    text[c.start:c.end], h, set(q.words)) or _places_one(q, text[c.start:c.end], h))
                    and _holds_more(q, text[c.start:c.end], h))
                   for h in heads) and q.names <= words_of(text):
                return [c, *cands[:i], *cands[i + 1:]]
    return None


def _places_one(q: Question, sentence: str, head: str) -> bool:
    """For "the name of the <place> where ...", does the sentence put something at or to a place the question does not
    name?"""
    # (a name, not the first part of a hyphened word: "loyal to Najaf-based ...")
    placed = re.finditer(r"\b(?:to|in|at|into|near)\s+(?:the\s+)?([A-Z][\w']+)\b(?!-)", sentence)
    return bool(re.search(r"(?i)\bwhere\b", q.text)) and wordkinds.is_place_noun(head) and any(
        m.group(1).lower() not in q.words for m in placed)


def _holds_more(q: Question, sentence: str, head: str) -> bool:
    """Does the sentence hold a term of the question other than the head of the thing named?"""
    return bool((set(q.terms) - set(terms(head))) & set(terms(sentence)))


NAMING_SENSES = 3  # a noun's most frequent senses whose stand-ins may name it ("offensive": "operation"; not "game": "part")


def _stand_ins(noun: str) -> tuple[str, ...]:
    """The one-word nouns that may stand in for `noun` in its NAMING_SENSES most frequent senses (lexicon.stand_ins),
    but itself ("what's the name of the game" is not answered by "... not taking part in the operation, dubbed ...")."""
    return tuple(sorted(w for w in lexicon.stand_ins(noun, "n", senses=NAMING_SENSES) if w.isalpha() and w != noun))


INSTANCE_WINDOW = 3  # how far down the scored candidates a sentence naming the thing asked about is looked for


def instance_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "which treaty set up the duchy of normandy", the best of the first candidates that names a treaty
    the question does not ("the treaty of Saint-Clair-sur-Epte") goes first, before one that only uses the
    word ("formed by treaty with the French crown")."""
    if not lexicon.available():
        return cands
    noun = asked_thing(q.text, lambda w: bool(lexicon.base_forms(w, "n")), lexicon.is_verb)
    if not noun:
        return cands
    asked = set(q.words)

    def sentence(c: Candidate) -> str:
        return lib.articles[c.article_id].text[c.start:c.end]

    # the act asked about is kept: when the first candidate holds the question's verb, so must the one going
    # before it ("which districts were targeted": not "the Sadr City district of Baghdad", which targets nothing)
    acting = bool(cands) and q.verb_word is not None and verb_stated(q, words(sentence(cands[0]))) > 0
    return promote_first(cands, [lambda c: names_instance(sentence(c), noun, asked)
                                 and (not acting or verb_stated(q, words(sentence(c))) > 0)],
                         window=INSTANCE_WINDOW)


def promote_first(cands: list[Candidate], tests: list, window: int = SPEAKER_WINDOW) -> list[Candidate]:
    """The best of the first `window` candidates passing the first test that any passes goes first;
    the order is unchanged when none does."""
    return first_passing(cands, tests, window) or cands


def first_passing(cands: list[Candidate], tests: list, window: int = SPEAKER_WINDOW) -> list[Candidate] | None:
    """promote_first, but None when no candidate passes a test."""
    for test in tests:
        for i, c in enumerate(cands[:window]):
            if test(c):
                return [c, *cands[:i], *cands[i + 1:]] if i else cands
    return None


def gives_role(lib: Library, q: Question, c: Candidate, loose: bool = False) -> bool:
    """bot/answer/role.names_role for a candidate (loose: with the sentence before it as context)."""
    before = ""
    if loose:
        before = sentence_before(lib, sentence_at(lib, c.article_id, c.start))
    return names_role(q, lib.articles[c.article_id].text[c.start:c.end], before)
