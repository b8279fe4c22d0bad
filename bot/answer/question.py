"""What the extractive answerer knows about a question: its terms and their idf weights, the type of answer it
asks for (answer_type), its names, its main verb, what in it is specific (names, numbers, rare words), and the
other terms a text may hold for its words (aliases).

How a candidate sentence measures up against it, as numbers, is bot/answer/features.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.answer import lexicon, rewordings, wordkinds
from bot.answer.reaction import reaction_topic
from bot.answer.verbs import main_verb, main_verb_word
from index.embed import tokenizer_file
from index.terms import query_terms, stopwords, terms, words

# Question word -> expected answer type.
_TYPES = [
    ("date", re.compile(r"\b(when|what (year|date|day|month|time|century|decade)|which (year|day|month|century)|"
                        r"how long ago|since when)\b"
                        # "what's the date of the fighting", "date of the truce?"
                        r"|\bwhat(?:'s|\s+is|\s+was|\s+were)\s+the\s+(?:date|day|year)\s+(?:of|for)\b"
                        r"|^\W*(?:the\s+)?(?:date|day|year)\s+of\b", re.I)),
    # "How long has the ceasefire been in place?": a length of time ("for 10 days") or its start ("since August")
    ("duration", re.compile(r"\bhow long\b", re.I)),
    # "how old is Maliki": an age ("Maliki, 57,", "a 17-year-old", "aged 30"), not any number ("for 10 days")
    ("age", re.compile(r"\bhow old\b|\bwhat age\b", re.I)),
    ("number", re.compile(r"\b(how (many|much|old|far|large|big|often|tall|high)|what (number|percentage|"
                          r"proportion|amount|size)|at least how)\b", re.I)),
    ("person", re.compile(r"\b(who|whom|whose|which (person|man|woman|leader|official|cleric|president))\b", re.I)),
    # (in the plural too: "which places were the raids going after", "what towns did they take")
    ("place", re.compile(r"\b(where|(?:what|which) (city|cities|country|countries|places?|locations?|regions?|"
                         r"provinces?|towns?|states?|districts?))\b", re.I)),
]
TYPED = ("number", "date", "duration", "age")  # answer types a sentence must hold to answer (the require_type guard)
# A proper name: a capitalised word that does not open a sentence (shared with bot/llm/verify.py).
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z\u00C0-\u024F'\-]+")
_WH = re.compile(r"\b(what|whats|when|where|who|whom|whose|which|how|why|since|at least)\b", re.I)


def answer_type(question: str) -> str:
    """The type of answer the question's first question word asks for: "what happens to fighters *who*
    keep their weapons" asks "what", not "who" (a relative pronoun asks for no person)."""
    first = _WH.search(question)
    for name, pattern in _TYPES:
        m = pattern.search(question, first.start() if first else 0)
        if m and (first is None or m.start() == first.start()):
            return name
    return "other"


@dataclass(frozen=True)
class Question:
    text: str
    terms: frozenset[str]
    weights: dict  # term -> idf
    total: float
    atype: str
    words: frozenset[str]
    sequence: tuple[str, ...]  # all words in order (stop words included), for phrase matches
    names: frozenset[str]  # lower-cased proper names of the question (capitalised, not sentence-initial)
    verb: str | None  # the stemmed main verb of a do-support question, if found
    verb_word: str | None  # the main verb as WordNet knows it ("lifted", "take_place"), for verb_support
    specific: frozenset[str]  # stemmed terms of names, numbers and rare words: what a near miss gets wrong
    term_words: dict  # stemmed term -> the word as the question writes it ("slacken"), for WordNet
    unseen: frozenset[str] = frozenset()  # terms no article holds ("britain" where they write "British")
    # term -> other terms a text may hold for it: an adjective's state noun, whose verb says what made it so
    # ("angri" -> "anger": "what made residents angry" / "has angered many residents")
    aliases: tuple[tuple[str, frozenset[str]], ...] = ()


# Words that frame a question rather than say what it is about ("How *many* ...", "What is the *name* of
# ...", "What *would happen* ..."): no answer sentence is expected to contain them.
QUESTION_FRAME = frozenset(terms("many much name kind type sort color colour new latest current happen happens "
                                 "happened would could might must shall also exactly according else actually really "
                                 "though anyway thing things stuff still yet ever just meant supposed intended "
                                 # "did anyone die": whoever it is, the answer names them ("12 people")
                                 "anyone anybody someone somebody everyone everybody anything something "
                                 # "how many troops were involved": the count is all it asks ("thousands of Iraqi troops")
                                 "involved"))


_HOW_COME = re.compile(r"\bhow\s+come\b", re.I)
# "How *long* has the ceasefire been in place?": the measure asked for is part of the question word, no word
# the answer holds ("since August").
# ... or how good or bad ("how bad was the economy": "The al-Sadr crisis has crippled the economy ...")
_HOW_MEASURE = re.compile(r"\b(how)\s+(?:long|old|far|often|large|big|tall|high|bad|good|serious|severe|intense|"
                          r"heavy|fierce|damaging|widespread)\b", re.I)


# "What *day* did Senor speak?": the unit of the date asked for is part of the question word ("on Thursday")
# ... so is a place's ("which *places* were the raids going after": "... focused on Mahdi Army strongholds")
_WHAT_MEASURE = re.compile(r"\b(what|which)\s+(?:time\s+of\s+(?:the\s+)?(?:day|year)|day|year|month|date|time|century|"
                           r"decade|week|places?|locations?)\b", re.I)


# "people who *keep* carrying weapons": a verb of going on before an -ing verb says how long, not what; the
# answer says "continues carrying" or just "carrying".
_ASPECT = re.compile(r"\b(?:keep|keeps|kept|keeping|continue|continues|continued|continuing)\s+(?=\w+ing\b)", re.I)
# "when is the curfew getting lifted": "get" before a participle is the passive's auxiliary, as "be" is
_GET_PASSIVE = re.compile(r"\b(?:get|gets|got|getting|gotten)\s+(?=[a-z]+(?:ed|en)\b)", re.I)


# "when was the ceasefire first ordered", "when did he last speak": an adverb of which time, before the verb, is
# what "when" asks ("originally ordered in August"), no word the answer must hold
_FIRST_DONE = re.compile(r"(?i)\b(?:first|originally|initially|last)\s+(?=[a-z]+(?:ed|en)\b|(?:speak|meet|see|visit|"
                         r"order|say|start|begin|happen|arrive|come|go)\b)")
# "how many were killed so far", "... to date", "up to now": until the time of writing, what every report tells;
# no word the answer holds
_SO_FAR = re.compile(r"(?i)\s*\b(?:(?:so|thus)\s+far|to\s+date|(?:up\s+)?(?:to|until|till)\s+now|as\s+of\s+(?:now|today))\b")
# "is Sadr going to be arrested", "what's going to happen": "be going to" is the future's "will" (the verb after
# it is the main verb, "going" no word the answer need hold); not "are they going to the shrine" (no verb follows)
_GOING_TO = re.compile(r"(?i)(\b(?:is|are|am|was|were)\b|['\u2019](?:s|re)\b)(\s+(?:[\w'\-]+\s+){0,4}?)"
                       r"(?:going\s+to|gonna)\s+([a-z]+)")


# "how many troops took part in the offensive": in a count, taking part is being involved, a frame ("thousands of
# Iraqi troops"); not "who took part", whose answer must say they did ("were not taking part" says they did not)
_TAKE_PART = re.compile(r"(?i)^(\W*how\s+many\b.*?)\b(?:take|takes|took|taken|taking)\s+part\b(?=\s+in\b|\s*[?.!]*\s*$)")


# "what kind of weapons were used": which things, "used" closing it is the frame's (what was used for something, "what
# was the money used for", keeps it)
_USED = re.compile(r"(?i)^(\W*(?:what|which)\b.*?)\s+(?:were|was|are|is|have\s+been|has\s+been|being)\s+used(?=\s*[?.!]*\s*$)")


_IN_CHARGE = re.compile(r"(?i)\bin\s+charge(?=\s+(?:of|at|in)\b|\s*\??\s*$)")


def _as_will(m: re.Match) -> str:
    """A _GOING_TO match as "will" (its subject kept between), unless no verb follows "going to"."""
    if not lexicon.is_verb(m.group(3)):
        return m.group()
    return f"{' ' if not m.group(1)[0].isalpha() else ''}will{m.group(2) or ' '}{m.group(3)}"


# "what is Najaf's economy like", "what's it like in Basra now": "like" asks for a description, no word of it
_WHAT_LIKE = re.compile(r"(?i)^(\s*what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+.+?)\s+like\b"
                        r"(?=\s*(?:(?:in|at|there|now|today|these\s+days)\b|[?.!]*\s*$))")


# "what's the date of the Basra fighting", "date of the truce": when it was
_DATE_OF = re.compile(r"(?i)^\W*(?:what(?:'s|\s+is|\s+was|\s+were)\s+)?(?:the\s+)?(?:date|day|year)\s+(?:of|for)\s+")


def analyse_question(text: str, idf, seen=None) -> Question:
    """The question's terms, weights, type and shape; `seen(term)`: does any article hold the term (unset:
    every term counts as seen)."""
    # "How come the fighting stopped?" asks why: "come" is no word the answer should hold.
    asked = _HOW_COME.sub("why", text)
    asked = _WHAT_LIKE.sub(r"\1", asked)  # "what is the economy like in Najaf": "like" is the frame's
    asked = _FIRST_DONE.sub("", asked)  # "when was the ceasefire first ordered": "originally ordered in August"
    asked = _GET_PASSIVE.sub("", asked)
    asked = _GOING_TO.sub(_as_will, asked)
    asked = _SO_FAR.sub("", asked)
    asked = _DATE_OF.sub("when was ", asked)  # "what's the date of the fighting": "date" is the frame's
    # "who is in charge of the offensive" asks who leads it: "charge" is no word of its topic ("Charge of the Knights")
    asked = _IN_CHARGE.sub("leading", asked)
    asked = _TAKE_PART.sub(r"\1involved", asked)
    asked = _USED.sub(r"\1", asked)
    # "what was the reaction to the offensive": what was received is the topic, "reaction" the frame's
    asked = reaction_topic(asked) or asked
    ts = frozenset(query_terms(_ASPECT.sub("", _WHAT_MEASURE.sub(r"\1", _HOW_MEASURE.sub(r"\1", asked))))) - QUESTION_FRAME
    # a term that is a stop word ("mostly" -> "most") no indexed text holds: the articles' "Most of the raids" is
    # dropped as a stop word, so the term would only ever count as missing
    ts -= stopwords()
    weights = {t: idf(t) for t in sorted(ts)}  # sorted: float sums in a fixed order, reproducible runs
    names = frozenset(w for m in NAME.finditer(text) for w in words(m.group()))
    sw = stopwords()
    specific = frozenset(t for w in words(text)
                         if w not in sw and (w in names or not w.isalpha() or w not in common_words())
                         for t in terms(w))
    verb = main_verb(asked)
    return Question(text, ts, weights, sum(weights.values()) or 1.0, answer_type(text), frozenset(words(text)),
                    tuple(words(text)), names, verb, main_verb_word(asked), specific,
                    {t: w for w in reversed(words(text)) for t in terms(w)},
                    unseen := frozenset(t for t in ts if seen is not None and not seen(t)), _aliases(text, ts, unseen, verb))


def _aliases(text: str, ts: frozenset[str], unseen: frozenset[str] = frozenset(),
             verb: str | None = None) -> tuple[tuple[str, frozenset[str]], ...]:
    """Question.aliases: for each adjective of the question (one of its terms), the terms of the nouns
    WordNet derives from it that share its root ("angry" -> "anger"), and, for one no article uses (`unseen`),
    of the nouns it pertains to ("economic" -> "economy": the stems differ); for a kind of person no article
    names, the words for it and its kinds ("spokesperson" -> "spokesman"); for any other noun no article uses,
    the verb it names the act of ("extension" -> "extend"); for a follower's word, its leader's name ("Sadrists"
    -> "Sadr")."""
    if not lexicon.available():
        return ()
    out = {}
    named = {x for m in NAME.finditer(text) for x in words(m.group())}  # ("the United Nations" is no kind of person)
    for w in words(text):
        own = terms(w)
        if len(own) == 1 and own[0] in ts and w.isalpha():
            nouns = rewordings.state_nouns(w) | (rewordings.root_nouns(w) if own[0] in unseen else frozenset())
            other = frozenset(t for n in nouns for t in terms(n)) - {own[0]}
            # a follower named after a leader the lexicon does not know ("Sadrists" -> "Sadr"; not "Marxists",
            # an English word)
            if leader := leader_named(w):
                other |= frozenset(terms(leader))
            # (a word no article uses, not part of a name: for a kind of person, the words for it and for its
            # kinds, which they may use instead: "spokesperson" -> "spokesman"; else the verb it names the act of:
            # "how long was the extension" -> "extended the deadline for 10 days"; a person's noun names no act:
            # "governor" is no "govern", which "government" holds)
            if own[0] in unseen and w not in named:
                instead = (rewordings.narrower_nouns(w) if wordkinds.is_person_first(w) else rewordings.act_verbs(w))
                other |= frozenset(t for n in instead for t in terms(n)) - {own[0]}
                # ... and its synonyms (rewordings.plain_synonyms), as keyword search reads it (bot/expand.py; "linked"
                # -> "connected": "... in connection with another cleric's murder"), but for the main verb, which
                # its own stand-ins answer (verbs.verb_support: "tell" is no "say"), and a verb of speech, which may
                # be the request's ("tell me more about Basra": any sentence saying "say" would be about it)
                if own[0] != verb and not wordkinds.is_speech_verb(w):
                    other |= frozenset(t for n in rewordings.plain_synonyms(w) for t in terms(n)) - {own[0]}
            # (one of a group of words standing in for each other: each of the others)
            for group in _KIN:
                if w in group:
                    other |= frozenset(t for v in group for t in terms(v)) - {own[0]}
            if other:
                out[own[0]] = other
    return tuple(sorted(out.items()))


# Words for the people on someone's side: one stands in for another ("the Sistani camp" / "those loyal to ...
# al-Sistani", "Sadr's supporters" / "his followers")
_SIDE = ("camp", "supporters", "followers", "loyalists", "loyal", "backers", "allies", "faction")
# News's words for a drawn-out confrontation, one standing in for another ("the Najaf standoff" / "Najaf siege ends in
# truce", "the al-Sadr crisis"), which WordNet does not relate ("standoff" is a deadlock, "siege" a blockade)
_STANDOFF = ("standoff", "stand-off", "siege", "crisis", "confrontation", "stalemate", "showdown")
_KIN = (_SIDE, _STANDOFF)


def leader_named(word: str) -> str | None:
    """The leader a follower's word is named after, when the lexicon does not know the word ("Sadrists" -> "Sadr";
    not "Marxists", an English word), else None."""
    return re.sub(r"ists?$", "", word) if re.search(r"[a-z]{3}ists?$", word) and not known_word(word) else None


def with_aliases(q: Question, held: set[str]) -> set[str]:
    """The terms `held` and each question term one of whose aliases they hold."""
    return held | {t for t, other in q.aliases if other & held} if q.aliases else held


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Whole words of MiniLM's WordPiece vocabulary (~20k): a corpus-independent sense of "common word".
    A word outside it (Mosul, Nasiriya, Sadr) is specific, whatever a small corpus's idf says."""
    vocab = json.loads(tokenizer_file().read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalpha() and w.islower())


def known_word(word: str) -> bool:
    """An English word: in MiniLM's vocabulary of whole words, or a form of a WordNet lemma ("calmer")."""
    w = word.lower()
    return w in common_words() or (lexicon.available() and any(lexicon.base_forms(w, p) for p in "nva"))
