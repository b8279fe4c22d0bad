"""A sentence holding the act asked about and the kind of answer asked goes first: who did it ("who pressured
Sadr?": doer_first), how many or when ("how many died in Basra?": count_of_act_first), since when or for how
long (duration_first), where ("where did Senor speak?": place_first, elsewhere_first). Split from
bot/answer/promote.py, whose promote_first reorders the candidates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer import lexicon, rewordings, wordkinds
from bot.answer.features import has_type
from bot.answer.question import Question
from bot.answer.verbs import BE_FORMS, verb_stated, verb_support
from bot.answer.promote import POLYSEMOUS, SPEAKER_WINDOW, promote_first
from bot.answer.actor import says_verb
from bot.answer.speaker import reports_speech
from bot.library import Library
from index.terms import stopwords, terms, words

if TYPE_CHECKING:  # scoring.py defines Candidate; overrides.py imports this module
    from bot.answer.scoring import Candidate


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
    # A sentence holding the act but nothing else the question names is about another act ("who attacked the
    # green zone": "... instructing his powerful militia not to attack U.S. or Iraqi security forces")
    others = bool(set(q.weights) - {q.verb})

    def on_topic(c: Candidate) -> bool:
        return not others or c.features.get("cov_ctx_nv", 0.0) > 0

    return promote_first(cands, [lambda c: holds_act(lib, q, c, exact=True) and on_topic(c),
                                 lambda c: in_act(lib, q, c) and on_topic(c),
                                 lambda c: holds_act(lib, q, c) and on_topic(c)])


def lacks_act(lib: Library, q: Question, c: Candidate) -> bool:
    """Does the candidate leave out the act a who-question asks the doer of (doer_first's verb), as a verb, a
    word standing in for it, a noun of it, or a state it names? False when the question has no such act."""
    return _doer_verb(q) is not None and not (holds_act(lib, q, c) or names_act(lib, q, c) or in_act(lib, q, c))


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
    # "who wants Sadr arrested", "who wanted the militia to leave": the act is the one wished done, after its object
    wished = re.search(rf"(?i)\b{re.escape(word)}\s+(?:[\w'\-]+\s+){{1,3}}?(?:to\s+([a-z]+)|([a-z]+ed))\b",
                       q.text) if verb in _DESIRING else None
    if wished and lexicon.base_forms(wished.group(1) or wished.group(2), "v"):
        verb = lexicon.base_forms(wished.group(1) or wished.group(2), "v")[0]
    if wordkinds.is_speech_verb(verb) or len(lexicon.synsets(verb, "v")) >= POLYSEMOUS:
        return None
    return verb


_CATENATIVE = frozenset({"help", "try", "attempt", "manage", "seek"})  # verbs whose act is the verb after them
_DESIRING = frozenset({"want", "wish", "need", "expect"})  # ... after their object ("wants Sadr arrested")

# Of the asked verb's senses, the most frequent ones whose words stand in for it: "who is involved" asks who
# takes part, and "interested" (a word for its sixth sense, "engross") is no one doing it.
ACT_SENSES = 3


def holds_act(lib: Library, q: Question, c: Candidate, exact: bool = False, negated: bool = False) -> bool:
    """Does the candidate hold the act of a who-question (doer_first's verb) as a verb: the verb itself or a
    word WordNet lets stand in for it, either way round ("pushing" is a kind of pressing, "pressure" one of the
    words for it)? A word is read as a verb only when it has a verb's -ed / -ing or is no noun ("security
    forces" force nothing); a verb of many senses ("took") stands in for nothing but itself; an act negated ("not
    interested in fighting") is not done. exact: the verb itself only; negated: an act negated counts too (the act
    told of, not done)."""
    verb = _doer_verb(q)
    if verb is None:
        return False
    sw = stopwords()
    ws = words(lib.articles[c.article_id].text[c.start:c.end])
    if lexicon.converses(verb):
        return _holds_converse(verb, ws, exact)
    # (after "to" a noun-or-verb is the verb: "trying to *end* the fighting")
    # (an act negated is not done: "officials say they are not interested in fighting ...")
    return any(w.isalpha() and w not in sw and (negated or not _negated(ws, i)) and any(
        b == verb or (not exact and len(lexicon.synsets(b, "v")) < POLYSEMOUS
                      and (lexicon.related(b, verb) or lexicon.related(verb, b, senses=ACT_SENSES)))
        for b in lexicon.base_forms(w, "v")
        if (b != w and w.endswith(("ed", "ing"))) or not lexicon.base_forms(w, "n") or (i and ws[i - 1] == "to"))
        for i, w in enumerate(ws))


def _negated(ws: list[str], i: int) -> bool:
    """Is the word at i negated by one of the three words before it ("not interested in fighting", "would not
    be turning in", "never attacked")?"""
    return any(w in _NEGATIONS or w.endswith("n't") for w in ws[max(0, i - 3):i])


_NEGATIONS = frozenset({"not", "never", "no", "nor"})


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
    nouns = rewordings.act_nouns(verb) if verb else frozenset()
    ws = words(lib.articles[c.article_id].text[c.start:c.end])
    asked = set(q.words) - stopwords()
    return bool(nouns) and any(
        w.isalpha() and nouns & set(lexicon.base_forms(w, "n")) and ws[i + 1:i + 2] == ["of"]
        and asked & set(ws[i + 2:i + 5]) for i, w in enumerate(ws))


def _begins(verb: str) -> bool:
    """Is the verb one of beginning ("start", "begin", "commence")?"""
    return verb == "begin" or "begin" in rewordings.synonyms(verb)


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
    named = {t for n in q.names for t in terms(n)}

    def counts_act(c: Candidate) -> bool:
        sentence = lib.articles[c.article_id].text[c.start:c.end]
        if not has_type(sentence, q.atype, set(q.words)):
            return False
        if q.atype == "date":
            # a date is in most sentences: the verb itself or a synonym ("start" / "began"), or the act's own
            # noun ("invade" / "after their invasion ... in 1169")
            verb = q.verb_word.split("_")[0]
            nouns = rewordings.act_nouns(verb)
            if _begins(verb) and _since_date(sentence, set(q.words)):
                return True
            # "when did Senor announce it": words said are announced, confirmed, stated ("Dan Senor, said on
            # Thursday ...", which the act's own words do not reach), by the one named
            if (named and named <= set(terms(sentence)) and wordkinds.is_speech_verb(verb)
                    and reports_speech(lib, c.article_id, c.start)):
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


# "Speaking at a press conference in Baghdad": a place after a preposition of place, named or a place noun
_AT_NAMED = re.compile(r"\b(?i:in|at|on|near|inside|outside|across|around|throughout|from|to|into|including)\s+"
                       r"(?:the\s+)?(?:(?:[a-z]+|[A-Z][a-z]+ern)\s+)?"
                       r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                       r"May|June|July|August|September|October|November|December)\b)([A-Z][\w'\-]+)")
# ("to", "into", "from" only before a determiner: "to leave" is no place, "to its sacred sites" is)
_AT_NOUN = re.compile(r"\b(?:(?:in|at|near|inside|outside|on|above|below|beneath|behind|beside|across|along|around|"
                      r"throughout|over|under)\s+(?:the\s+|a\s+|an\s+)?"
                      r"|(?:to|into|from)\s+(?:the|a|an|its|their|his|her)\s+)([a-z]+)(?:\s+([a-z]+))?\b")
PLACE_WINDOW = 2  # how far down the scored candidates a sentence saying where is looked for


_WHICH_PLACE = re.compile(r"(?i)^\W*(?:which|what)\s+([a-z]+)\b")


def says_where(lib: Library, q: Question, c: Candidate) -> bool:
    """Does the candidate place something: a preposition of place before a name the question does not
    hold ("at a press conference in Baghdad") or before a place noun ("stationed on rooftops")?"""
    sentence = lib.articles[c.article_id].text[c.start:c.end]
    # (where words were spoken is no place of another act: "where did the US suspend its offensive" is not "Speaking at
    # a press conference in Baghdad, Senor confirmed US forces would "suspend offensive operations ...")
    # (unless the question asks of the speaking itself: "where did Senor hold his press conference")
    if not (q.verb_word and wordkinds.is_speech_verb(q.verb_word)) and not _OF_SPEAKING & set(q.words):
        sentence = _SPEAKING_AT.sub(" ", sentence)
    if re.search(r"(?i)\belsewhere\b", sentence):
        return True
    # "which province did the British hand over": a sentence naming one ("... control of Basra province ...")
    kind = _WHICH_PLACE.match(q.text)
    if kind and wordkinds.is_place_noun(kind.group(1).lower()) and re.search(
            rf"\b[A-Z][\w'\-]*\s+(?i:{kind.group(1)})s?\b|\b(?i:{kind.group(1)})s?\s+of\s+[A-Z]", sentence):
        return True
    # (the noun or its modifier's noun: "on rooftops", "near the holy shrine")
    # (a people's adjective is no place: "to the Iraqi police")
    return any(m.group(1).lower() not in q.words and not lexicon.base_forms(m.group(1).lower(), "a")
               for m in _AT_NAMED.finditer(sentence)) or any(
        w and wordkinds.is_place_noun(w) and w not in q.words for m in _AT_NOUN.finditer(sentence) for w in m.groups())


def place_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "where did Senor speak?", the next candidate saying where goes before a first one that says no
    place ("... Dan Senor, said on Thursday that ..."): a capitalised word is no place by itself."""
    if q.atype != "place" or not cands or not lexicon.available() or _NATIONALITY.search(q.text):
        return cands
    # ... one holding the act as the first does ("where did the british hand control to": not "Clashes were also
    # reported in the city of Kut" before "British troops handed control of Basra province over to ...")
    def act(c: Candidate) -> bool:  # (or a word standing in for it: "where did Senor say it": "Speaking at ...")
        return bool(q.verb_word) and bool(verb_support(q, words(lib.articles[c.article_id].text[c.start:c.end])))
    acting = act(cands[0])
    placing = says_where(lib, q, cands[0])
    # ... and a first saying where is kept unless it holds no act and another saying where holds it ("where did
    # fighting slow down": "... fighting appeared to have slacked off in some areas, including the Baghdad district of
    # Sadr City", not "... fought fierce gun battles on the streets of Basra ...")
    # (not for where words were said: others' words name places, "... said they felt ... in southern Iraq")
    if placing and (acting or not q.verb_word or q.verb_word.lower() in BE_FORMS | {"am"}
                                         or wordkinds.is_speech_verb(q.verb_word)):
        return cands
    acting = acting or placing
    # ... and one about what is asked: holding a word of the question or its act itself, not only the sentence
    # before it ("where is the green zone": not "Iraqi authorities say a citywide curfew in Baghdad ...", after
    # the Green Zone sentence)
    def about(c: Candidate) -> bool:
        return c.features.get("cov", 1.0) > 0 or act(c)
    return promote_first(cands, [lambda c: says_where(lib, q, c) and (not acting or act(c)) and about(c)],
                         window=PLACE_WINDOW)


_SPEAKING_AT = re.compile(r"(?i)\b(?:speaking|told\s+(?:reporters|journalists))\s+"
                          r"(?:at|in|from|outside|inside)\b[^,.;]*")
_OF_SPEAKING = frozenset({"conference", "briefing", "reporters", "journalists", "speech", "speaking", "spoke"})


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
