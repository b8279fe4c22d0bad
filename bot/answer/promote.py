"""Sentences of the shape a question asks for go first: the person asked about doing the act asked about,
the speaker's own words, the one a title is given to, the term's definition, the thing's name.

The sentence scorer ranks by shared words and meaning; these questions are answered by a sentence's
shape, which shares few words with them ("What did Sadr agree to?" / "The cleric agreed to ...").
Each helper returns the candidates reordered (or extra sentences to score), never drops one. A reason, a
consequence and a state's cause are bot/answer/reasons.py's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.answer import lexicon
from bot.answer.define import asked_thing, defines, named_thing, names_instance, names_it
from bot.answer.features import Question, has_type
from bot.answer.verbs import verb_stated, verb_support
from bot.answer.role import led_by, names_role
from bot.answer.spelling import respell
from bot.answer.speaker import (acts_as_subject, acts_first, asks_reaction, does_verb, names_speaker, reports_speech, says_verb,
                                says_as_subject, speaks_as_subject)
from bot.library import Library, sentence_at
from bot.types import Passage
from index.terms import stopwords, terms, words

if TYPE_CHECKING:  # extract.py defines Candidate and imports this module
    from bot.answer.extract import Candidate


def role_sentences(lib: Library, q: Question, passages: list[Passage], variants: dict | None = None) -> tuple:
    """(SentenceRow, passage rank) of the sentences of the passages' articles that give someone a title
    over what a "Who runs X?" question asks about, or say X is "led by" someone, wherever they are in the
    article (`variants`: the archive's other spellings of the question's names, bot/answer/spelling.py)."""
    out, seen = [], set()
    for rank, p in enumerate(passages):
        if p.article_id in seen:
            continue
        seen.add(p.article_id)
        text, sents = respell(lib.articles[p.article_id].text, variants or {}), lib.sentences[p.article_id]
        out += [(s, rank) for s in sents if names_role(q, text[s.start:s.end], sentence_before(lib, s))
                or led_by(q, text[s.start:s.end])]
    return tuple(out)


def naming_sentences(lib: Library, q: Question, passages: list[Passage]) -> tuple:
    """For "what is the name of X": (SentenceRow, passage rank) of the sentences of the passages' articles
    that give an X a name ("his militia, the Mahdi Army,"), wherever they are in the article."""
    head = named_thing(q.text)
    if not head:
        return ()
    return _article_sentences(lib, passages, lambda s, text: any(
        names_it(text[s.start:s.end], h) for h in (head, *_stand_ins(head))), body_only=False)


def _article_sentences(lib: Library, passages: list[Passage], keep, body_only: bool = True) -> tuple:
    """(SentenceRow, rank of its article's first passage) of the sentences of the passages' articles, each article
    read once, that ``keep(sentence_row, article_text)`` accepts (`body_only`: body sentences only)."""
    out, seen = [], set()
    for rank, p in enumerate(passages):
        if p.article_id not in seen:
            seen.add(p.article_id)
            text = lib.articles[p.article_id].text
            out += [(s, rank) for s in lib.sentences[p.article_id]
                    if (s.kind == "body" or not body_only) and keep(s, text)]
    return tuple(out)


def acting_sentences(lib: Library, actor: frozenset[str], verb: str, passages: list[Passage]) -> tuple:
    """For "what does Sadr want": (SentenceRow, passage rank) of the sentences of the passages' articles whose own
    verb is the act (or a stand-in) with the actor its subject ("In exchange, he asked the government ..."),
    wherever they are in the article: the passage holding it may rank below others naming the actor. None for
    a verb of many senses ("get", "make": almost any act stands in for one of them)."""
    if not lexicon.available() or len(lexicon.synsets(verb, "v")) >= POLYSEMOUS:
        return ()
    return _article_sentences(lib, passages, lambda s, _: acts_as_subject(lib, actor, verb, s.article_id, s.start))


def speaking_sentences(lib: Library, speaker: frozenset[str], passages: list[Passage],
                       about: frozenset[str] = frozenset()) -> tuple:
    """For "what did the US say about Sadr": (SentenceRow, passage rank) of the sentences of the passages' articles
    in which the speaker speaks of all it is `about` ("U.S. and Iraqi officials say they are not interested in
    fighting the overall Sadr organization ..."), wherever they are: the chunk holding one may rank below others
    naming the speaker. None when the question names nothing else."""
    if not about:
        return ()
    return _article_sentences(lib, passages, lambda s, text: about <= set(terms(text[s.start:s.end]))
                              and speaks_as_subject(lib, speaker, s.article_id, s.start))


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


def prefer_actor(lib: Library, actor: frozenset[str], verb: str, speaker: frozenset[str],
                 cands: list[Candidate], topic: frozenset[str] = frozenset(),
                 names: frozenset[str] = frozenset(), acting: frozenset[str] = frozenset()) -> list[Candidate]:
    """For "what did X do ...", the best-scored of the first candidates that names X doing the question's
    verb (or a stand-in: "want" / "demanding") goes first; for "what did X say ...", failing that, the
    best that names X and reports speech, then the best that names X. `acting`: the ids of the sentences whose
    own verb X does (acting_sentences), first wherever they rank."""
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
        tests[:0] = [lambda c: reacts(lib, actor, topic, c), lambda c: reacts(lib, actor, topic, c, after=True)]
        # ... or about the names it gives, in other words ("how did the government respond to Sadr's demands":
        # "The Iraqi government has welcomed Sadr's move")
        if topic & names:
            tests[2:2] = [lambda c: reacts(lib, actor, topic & names, c)]
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
        tests += [lambda c: topic and speaking(c) and holds_topic(c),
                  lambda c: topic and holds_topic(c) and says_as_subject(lib, actor, c.article_id, c.start),
                  speaking,
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


def reacts(lib: Library, actor: frozenset[str], topic: frozenset[str], c: Candidate, after: bool = False) -> bool:
    """The candidate has the actor as its subject and names every other thing the question does (`topic`);
    after: or the sentence before it does ("After the cleric's order went out, ..." + "The government has
    welcomed the move" reacts to the order)."""
    if not acts_first(lib, actor, c.article_id, c.start):
        return False
    text = lib.articles[c.article_id].text[c.start:c.end]
    if after:
        text = sentence_before(lib, sentence_at(lib, c.article_id, c.start)) + text
    return topic <= set(terms(text))


def _acts(lib: Library, actor: frozenset[str], verb: str, c: Candidate, exact: bool = False) -> bool:
    return names_speaker(lib, actor, c.article_id, c.start) and does_verb(lib, verb, c.article_id, c.start, exact)


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
            if any(names_it(text[c.start:c.end], h) for h in heads) and q.names <= words_of(text):
                return [c, *cands[:i], *cands[i + 1:]]
    return None


def _stand_ins(noun: str) -> tuple[str, ...]:
    """The one-word nouns that may stand in for `noun` (lexicon.stand_ins), but itself."""
    return tuple(sorted(w for w in lexicon.stand_ins(noun, "n") if w.isalpha() and w != noun))


COUNT_WINDOW = 4  # how far down the scored candidates a count of the act asked about is looked for
# "... has been in place *since August*": a state's start, what "when did it start / begin" asks
_SINCE = re.compile(r"\bsince\s+((?:early|late|mid|the)?[\s-]*\S+(?:\s+\d{1,4})?)", re.I)


# "... extended the deadline *for 10 days*", "*for the past two years*": a length of time
_FOR_TIME = re.compile(r"\bfor\s+(?:the\s+(?:past|last|next)\s+)?(?:\d[\d,.]*|a|an|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|several|many|a\s+few|few)\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|"
                       r"days?|weeks?|months?|years?|decades?|centuries)\b", re.I)


def duration_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "how long has the ceasefire been in place?", the best of the first candidates naming the topic (or
    after a sentence that does) and saying since when ("in place since August") or for how long ("for 10
    days") goes first, before one that only holds a time word ("... over the last year")."""
    if q.atype != "duration":
        return cands
    return promote_first(cands, [lambda c: says_how_long(lib, q, c)])


# Verbs asking for a length of time and nothing more ("how long has the ceasefire lasted": "in place since August")
_LASTING = frozenset({"last", "continue", "remain", "stay", "persist", "endure", "run", "go_on", "be"})


def says_how_long(lib: Library, q: Question, c: Candidate, whole_topic: bool = False) -> bool:
    """For a how-long question, does the candidate name the topic (or come after a sentence that does) and
    say since when or for how long? whole_topic: every word of the topic, not some, and the question's verb
    (or a stand-in) unless it asks for the length alone ("how long has Sadr been in hiding" is not answered by
    Sadr's ceasefire "in place since August")."""
    if q.atype != "duration":
        return False
    sentence = lib.articles[c.article_id].text[c.start:c.end]
    named = c.features.get("cov_ctx_nv", 0.0)
    if whole_topic and (named < 1.0 or (q.verb_word and not set(lexicon.base_forms(q.verb_word, "v")) & _LASTING
                                        and not verb_stated(q, words(sentence)))):
        return False
    return bool(named) and bool(_FOR_TIME.search(sentence) or _since_date(sentence, set(q.words)))


def doer_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "who pressured Sadr?", the best of the first candidates holding the act (the verb or a word WordNet
    lets stand in for it: "pushing cleric Muqtada al-Sadr to offer terms") goes first, before one that only
    names Sadr ("Sadrist lawmakers ... denounced the offensive"). A verb of many senses counts only as itself;
    "who said ..." is left to the speaker rules."""
    if not cands or _doer_verb(q) is None or holds_act(lib, q, cands[0], exact=True):
        return cands
    # the act itself before a word standing in for it: "who will provide security" is "... will continue to
    # provide security" (Senor), before "pushing cleric Muqtada al-Sadr to offer terms" ("offer" ~ "provide");
    # so before the act named as a thing ("who married Emma": "the marriage of Emma ... and King Ethelred II", not
    # "King Malcolm III of Scotland married Edgar's sister Margaret", further down)
    if holds_act(lib, q, cands[0]) or names_act(lib, q, cands[0]) or in_act(lib, q, cands[0]):
        return promote_first(cands, [lambda c: holds_act(lib, q, c, exact=True)], window=2)
    # ... and so before it someone in the state the act's own noun names ("who controls Najaf": "... the Mahdi Army
    # remained in firm control", not "pushing cleric Muqtada al-Sadr ...")
    return promote_first(cands, [lambda c: holds_act(lib, q, c, exact=True), lambda c: in_act(lib, q, c),
                                 lambda c: holds_act(lib, q, c)])


def in_act(lib: Library, q: Question, c: Candidate) -> bool:
    """Does the candidate put someone in the state a who-question's verb names as a noun ("in firm control",
    "under the command of")?"""
    verb = _doer_verb(q)
    return bool(verb) and bool(re.search(rf"(?i)\b(?:in|under)\s+(?:(?:the|firm|full|overall|total|effective)\s+)?"
                                         rf"{re.escape(verb)}\b", lib.articles[c.article_id].text[c.start:c.end]))


def _doer_verb(q: Question) -> str | None:
    """The base verb of a who-question that doer_first and holds_act look for; None when there is none they
    use (no verb, no WordNet, a speech verb, a verb of many senses)."""
    if q.atype != "person" or not q.verb or not q.verb_word or not lexicon.available():
        return None
    # "who will take over security": a recipient's act, found told from the giver's side too (holds_act)
    if lexicon.converses(q.verb_word):
        return q.verb_word
    word = q.verb_word.split("_")[0]
    verb = next(iter(lexicon.base_forms(word, "v")), word)  # "pressured" -> "pressure"
    # "who helped end the fighting", "who tried to stop it": the act is the verb helped or tried at
    then = re.search(rf"(?i)\b{re.escape(word)}\s+(?:to\s+)?([a-z]+)\b", q.text) if verb in _CATENATIVE else None
    if then and lexicon.base_forms(then.group(1), "v"):
        verb = lexicon.base_forms(then.group(1), "v")[0]
    if lexicon.is_speech_verb(verb) or len(lexicon.synsets(verb, "v")) >= POLYSEMOUS:
        return None
    return verb


_CATENATIVE = frozenset({"help", "try", "attempt", "manage", "seek"})  # verbs whose act is the verb after them

# Of the asked verb's senses, the most frequent ones whose words stand in for it: "who is involved" asks who
# takes part, and "interested" (a word for its sixth sense, "engross") is no one doing it.
ACT_SENSES = 3


def holds_act(lib: Library, q: Question, c: Candidate, exact: bool = False) -> bool:
    """Does the candidate hold the act of a who-question (doer_first's verb) as a verb: the verb itself or a
    word WordNet lets stand in for it, either way round ("pushing" is a kind of pressing, "pressure" one of the
    words for it)? A word is read as a verb only when it has a verb's -ed / -ing or is no noun ("security
    forces" force nothing); a verb of many senses ("took") stands in for nothing but itself. exact: the verb
    itself only."""
    verb = _doer_verb(q)
    if verb is None:
        return False
    sw = stopwords()
    ws = words(lib.articles[c.article_id].text[c.start:c.end])
    if lexicon.converses(verb):
        return _holds_converse(verb, ws, exact)
    # (after "to" a noun-or-verb is the verb: "trying to *end* the fighting")
    return any(w.isalpha() and w not in sw and any(
        b == verb or (not exact and len(lexicon.synsets(b, "v")) < POLYSEMOUS
                      and (lexicon.related(b, verb) or lexicon.related(verb, b, senses=ACT_SENSES)))
        for b in lexicon.base_forms(w, "v")
        if (b != w and w.endswith(("ed", "ing"))) or not lexicon.base_forms(w, "n") or (i and ws[i - 1] == "to"))
        for i, w in enumerate(ws))


def _holds_converse(verb: str, ws: list[str], exact: bool) -> bool:
    """Do the words hold a recipient's act (a phrasal verb: "took over"), or, unless exact, the same act told
    from the giver's side with its recipient after "to" ("hand over responsibility ... to the Iraqi police")?"""
    for i, w in enumerate(ws):
        bases = set(lexicon.base_forms(w, "v"))
        phrasal = {lexicon.compound(w, ws[i + 1])} if i + 1 < len(ws) else set()
        if verb in bases | phrasal:
            return True
        if not exact and (bases | phrasal) & lexicon.converses(verb) and "to" in ws[i + 1:]:
            return True
    return False


def names_act(lib: Library, q: Question, c: Candidate) -> bool:
    """Does the candidate name a who-question's act (doer_first's verb) as a thing done to what the question
    names: a noun WordNet derives from the verb, then "of" and a word of the question ("the marriage of Emma"
    for "who married Emma", "the conquest of Cyprus"; not "generations of assimilation and mixing with ...")?"""
    verb = _doer_verb(q)
    nouns = lexicon.act_nouns(verb) if verb else frozenset()
    ws = words(lib.articles[c.article_id].text[c.start:c.end])
    asked = set(q.words) - stopwords()
    return bool(nouns) and any(
        w.isalpha() and nouns & set(lexicon.base_forms(w, "n")) and ws[i + 1:i + 2] == ["of"]
        and asked & set(ws[i + 2:i + 5]) for i, w in enumerate(ws))


def _begins(verb: str) -> bool:
    """Is the verb one of beginning ("start", "begin", "commence")?"""
    return verb == "begin" or "begin" in lexicon.synonyms(verb)


def _since_date(sentence: str, question_words: set[str]) -> bool:
    return any(has_type(m.group(1), "date", question_words) for m in _SINCE.finditer(sentence))


def count_of_act_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "how many died in Basra?", the best of the first candidates holding a number and the question's
    verb or a stand-in ("12 people have been killed") goes first, before a number of something else
    ("thousands of troops"); so for "when did the offensive start?" a date with the act ("fighting erupted
    Tuesday after the government began ..."), before a date of something else ("On Saturday, Maliki
    acknowledged ..."). A verb of many senses counts only as itself."""
    if q.atype not in ("number", "date") or not q.verb_word or not lexicon.available():
        return cands
    exact = len(lexicon.synsets(q.verb_word.split("_")[0], "v")) >= POLYSEMOUS

    def counts_act(c: Candidate) -> bool:
        sentence = lib.articles[c.article_id].text[c.start:c.end]
        if not has_type(sentence, q.atype, set(q.words)):
            return False
        if q.atype == "date":
            # a date is in most sentences: the verb itself or a synonym ("start" / "began"), or the act's own
            # noun ("invade" / "after their invasion ... in 1169")
            verb = q.verb_word.split("_")[0]
            nouns = lexicon.act_nouns(verb)
            if _begins(verb) and _since_date(sentence, set(q.words)):
                return True
            return says_verb(verb, sentence) or any(
                w in nouns or nouns & set(lexicon.base_forms(w, "n")) for w in words(sentence) if w.isalpha())
        return bool(q.verb) and q.verb in terms(sentence) if exact else verb_support(q, words(sentence)) > 0

    def counts_act_of_topic(c: Candidate) -> bool:
        # "when did the cease-fire start?": the act's date in a sentence naming the topic (or after one that
        # does) goes before the date of another start ("fighting erupted Tuesday after the government began")
        return bool(c.features.get("cov_ctx_nv")) and counts_act(c)

    tests = [counts_act_of_topic, counts_act] if set(q.weights) - {q.verb} else [counts_act]
    # a date is looked for further down: most sentences of a news story hold a day or a year
    return promote_first(cands, tests, window=COUNT_WINDOW if q.atype == "number" else SPEAKER_WINDOW)


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


# "Speaking at a press conference in Baghdad": a place after a preposition of place, named or a place noun
_AT_NAMED = re.compile(r"\b(?i:in|at|on|near|inside|outside|across|around|throughout|from|to|into|including)\s+"
                       r"(?:the\s+)?(?:(?:[a-z]+|[A-Z][a-z]+ern)\s+)?"
                       r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                       r"May|June|July|August|September|October|November|December)\b)([A-Z][\w'\-]+)")
# ("to", "into", "from" only before a determiner: "to leave" is no place, "to its sacred sites" is)
_AT_NOUN = re.compile(r"\b(?:(?:in|at|near|inside|outside|on)\s+(?:the\s+|a\s+|an\s+)?"
                      r"|(?:to|into|from)\s+(?:the|a|an|its|their|his|her)\s+)([a-z]+)(?:\s+([a-z]+))?\b")
PLACE_WINDOW = 2  # how far down the scored candidates a sentence saying where is looked for


_WHICH_PLACE = re.compile(r"(?i)^\W*(?:which|what)\s+([a-z]+)\b")


def says_where(lib: Library, q: Question, c: Candidate) -> bool:
    """Does the candidate place something: a preposition of place before a name the question does not
    hold ("at a press conference in Baghdad") or before a place noun ("stationed on rooftops")?"""
    sentence = lib.articles[c.article_id].text[c.start:c.end]
    if re.search(r"(?i)\belsewhere\b", sentence):
        return True
    # "which province did the British hand over": a sentence naming one ("... control of Basra province ...")
    kind = _WHICH_PLACE.match(q.text)
    if kind and lexicon.is_place_noun(kind.group(1).lower()) and re.search(
            rf"\b[A-Z][\w'\-]*\s+(?i:{kind.group(1)})s?\b|\b(?i:{kind.group(1)})s?\s+of\s+[A-Z]", sentence):
        return True
    # (the noun or its modifier's noun: "on rooftops", "near the holy shrine")
    # (a people's adjective is no place: "to the Iraqi police")
    return any(m.group(1).lower() not in q.words and not lexicon.base_forms(m.group(1).lower(), "a")
               for m in _AT_NAMED.finditer(sentence)) or any(
        w and lexicon.is_place_noun(w) and w not in q.words for m in _AT_NOUN.finditer(sentence) for w in m.groups())


def place_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "where did Senor speak?", the next candidate saying where goes before a first one that says no
    place ("... Dan Senor, said on Thursday that ..."): a capitalised word is no place by itself."""
    if (q.atype != "place" or not cands or says_where(lib, q, cands[0]) or not lexicon.available()
            or _NATIONALITY.search(q.text)):
        return cands
    # ... one holding the act as the first does ("where did the british hand control to": not "Clashes were also
    # reported in the city of Kut" before "British troops handed control of Basra province over to ...")
    def act(c: Candidate) -> bool:  # (or a word standing in for it: "where did Senor say it": "Speaking at ...")
        return bool(q.verb_word) and bool(verb_support(q, words(lib.articles[c.article_id].text[c.start:c.end])))
    acting = act(cands[0])
    # ... and one about what is asked: holding a word of the question or its act itself, not only the sentence
    # before it ("where is the green zone": not "Iraqi authorities say a citywide curfew in Baghdad ...", after
    # the Green Zone sentence)
    def about(c: Candidate) -> bool:
        return c.features.get("cov", 1.0) > 0 or act(c)
    return promote_first(cands, [lambda c: says_where(lib, q, c) and (not acting or act(c)) and about(c)],
                         window=PLACE_WINDOW)


def elsewhere_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "where else are there curfews", a sentence saying it is so elsewhere ("Overnight curfews were being
    imposed elsewhere in central and southern Iraq, ...") goes before one naming the one place ("a citywide
    curfew in Baghdad")."""
    if not _WHERE_ELSE.search(q.text):
        return cands
    return promote_first(cands, [lambda c: bool(_ELSEWHERE.search(lib.articles[c.article_id].text[c.start:c.end]))],
                         window=PLACE_WINDOW)


_WHERE_ELSE = re.compile(r"(?i)\bwhere\s+else\b")
_ELSEWHERE = re.compile(r"(?i)\b(?:elsewhere|other\s+(?:areas|cities|places|provinces|parts|towns|regions|districts)|"
                        r"also\s+(?:reported|seen|imposed|in))\b")


# "which country's troops ...", "what nationality": a people's word answers ("British troops"), not a place
_NATIONALITY = re.compile(r"(?i)\b(?:which|what)\s+(?:country|nation)['\u2019]s\b|\bwhat\s+nationality\b")


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
