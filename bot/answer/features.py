"""What the extractive answerer knows about a candidate sentence against the question, as numbers: how
much of the question it covers (alone and with the sentence before it), whether it holds the expected type
of answer, what of the question it lacks. The question itself is analysed in bot/answer/question.py.

The same features drive the sentence scorer and the abstention rule; both are logistic models whose
weights are fitted on data by eval/tune.py (SQuAD 2.0 dev subset + our gold set) and stored in
bot/answer/weights.json.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answer import lexicon, rewordings, wordkinds
from bot.answer.question import NAME, Question, known_word, with_aliases
from bot.answer.verbs import BE_FORMS, is_participle
from index.terms import WORD, stopwords, terms, words

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# The names of the months and the days of the week, in lower case
CALENDAR = frozenset("january february march april may june july august september october november december monday "
                     "tuesday wednesday thursday friday saturday sunday".split())
# A date that names the day, month or year (not "morning", "recently"): what a "when" question wants most.
# (a year stands alone: not the thousands of "US$1,000,000", "30,000 men")
_EXACT = (rf"(?<![\d,.$])\d{{3,4}}s?(?![\d,]\d)|{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
          r"today|yesterday|tomorrow")
_EXACT_DATE = re.compile(rf"\b({_EXACT})\b", re.I)
_DATE = re.compile(rf"\b({_EXACT}|century|centuries|week|month|year|decade|dawn|morning|night|"
                   r"evening|afternoon|overnight|recently|ago|since|until|during|era|period|age)\b", re.I)
# A year after the preposition or month that dates it: "in 1066", "since 2003", "March 2008".
_YEAR = re.compile(rf"\b(?:in|since|by|until|from|during|after|before|of|{_MONTHS})\s+(?:\d{{1,2}},?\s+)?(?:1\d{{3}}|20\d{{2}})$", re.I)
_NUMBER = re.compile(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|"
                     r"billion|dozen|dozens|several|few|half|percent)\b", re.I)
_COMPARED = re.compile(r"\b(less|fewer|more|many)\s+([a-z]+)\b", re.I)
# An age: "17-year-old", "30 years old", "aged 57", "at the age of 40", news's "Maliki, 57, said", "born in 1950"
_AGE = re.compile(r"\b\d{1,3}[-\s]years?[-\s]old\b|\baged?\s+(?:of\s+)?\d{1,3}\b|\bage\s+of\s+\d{1,3}\b|"
                  r"[A-Z][\w'\-]*,\s+\d{1,3},|\bborn\b[^.]*\b\d{4}\b")

FEATURES = ("cov", "cov_ctx", "cov_nv", "cov_ctx_nv", "dense", "chunk_dense", "passage", "atype", "novelty",
            "short", "lead", "phrase2", "phrase3")


# "one of the Millennium Prize Problems", "no one", "the one who": "one" there counts nothing.
_NO_COUNT = re.compile(r"one\s+of\b|one\s+(?:who|that|which)\b", re.I)
_NO_COUNT_BEFORE = re.compile(r"\b(?:no|any|every|some|each|the|this|that)\s+$", re.I)


def _pronoun_one(sentence: str, m: re.Match) -> bool:
    """The number word at m is "one" as a pronoun ("one of the ...", "no one", "the one who"), no count."""
    return m.group().lower() == "one" and bool(
        _NO_COUNT.match(sentence, m.start()) or _NO_COUNT_BEFORE.search(sentence[max(m.start() - 8, 0):m.start()]))


def has_type(sentence: str, atype: str, question_words: set[str]) -> float:
    """1 when the sentence holds something of the expected answer type that the question does not."""
    if atype == "other":
        return 1.0
    if atype == "age":
        return 1.0 if _AGE.search(sentence) else 0.0
    if atype == "duration":
        return max(has_type(sentence, "number", question_words), has_type(sentence, "date", question_words))
    if atype == "date":
        hits = [m.group().lower() for m in _DATE.finditer(sentence)]
    elif atype == "number":
        # A year ("In 1066, ...") is a date, not the count a "how many" question wants.
        hits = [m.group().lower() for m in _NUMBER.finditer(sentence)
                if not _YEAR.search(sentence[max(m.start() - 20, 0):m.end()]) and not _pronoun_one(sentence, m)]
        # "how many militiamen were in the centre?" / "significantly less militiamen": a comparative counting
        # the very noun asked about is the quantity the sentence gives (of how many there are: "how many
        # militiamen were killed" asks how many underwent an act, which it does not tell)
        if not any(is_participle(w) for w in question_words if w not in BE_FORMS):
            hits += [m.group(1).lower() for m in _COMPARED.finditer(sentence) if m.group(2).lower() in question_words]
    else:  # person / place: a capitalised word that is not sentence-initial and not in the question
        # (nor a month or a weekday, "since August", nor a word made from one of the question's, "Sadrist" for
        # "where is Sadr": no other person or place)
        hits = [h for m in NAME.finditer(sentence) if (h := m.group().lower()) not in CALENDAR
                and not any(len(w) > 3 and h.startswith(w) and len(h) - len(w) <= 4 for w in question_words)]
        if atype == "place":  # or a place put in lower case: "stationed on rooftops", "at the entrances of"
            hits += [m.group(1).lower() for m in _PLACE_PHRASE.finditer(sentence) if _a_place(m.group(1))]
    return 1.0 if any(h not in question_words for h in hits) else 0.0


# A preposition of place and its noun (after a determiner): "on rooftops", "near the shrine", "in the centre"
_PLACE_PHRASE = re.compile(r"\b(?:in|on|at|near|inside|outside|behind|beside|across|along|around)\s+"
                           r"(?:(?:the|a|an|their|its|his|her|our|this|that|these|those)\s+)?([a-z]+)\b", re.I)
_NOT_PLACES = frozenset({"place", "addition", "way", "time", "order", "case", "fact"})  # "in place", "in addition"


def _a_place(noun: str) -> bool:
    """A noun whose most frequent sense is a location, a structure or a way ("rooftops", "shrine", "streets")."""
    low = noun.lower()
    return low not in _NOT_PLACES and wordkinds.is_place_noun(low)


def has_exact_type(sentence: str, atype: str, question_words: set[str]) -> float:
    """has_type, a date counting only when it names a day, month or year."""
    if atype != "date":
        return has_type(sentence, atype, question_words)
    return 1.0 if any(m.group().lower() not in question_words for m in _EXACT_DATE.finditer(sentence)) else 0.0


def coverage_without(q: Question, sentence_terms: set[str], skip: str | None) -> float:
    """coverage() without the term `skip` (the main verb), unless it is the question's only term ("how many
    were wounded"): then the verb is all the question says about its topic."""
    if set(q.weights) <= {skip}:
        skip = None
    total = sum(w for t, w in q.weights.items() if t != skip) or 1.0
    return sum(w for t, w in q.weights.items() if t in sentence_terms and t != skip) / total


def longest_phrase(q: Question, sentence_words: list[str]) -> int:
    """Length of the longest run of question words found verbatim in the sentence ("in exchange"),
    counting only runs that hold at least one content word."""
    sw = stopwords()
    best = 0
    seq = q.sequence
    text = " " + " ".join(sentence_words) + " "
    for i in range(len(seq)):
        # (whether the run holds a content word, kept as it grows: a question of hundreds of stop words took a
        # minute, each longer run checked word by word)
        content = any(w not in sw for w in seq[i:i + max(best, 1) - 1])
        for j in range(i + max(best, 1), len(seq) + 1):
            content = content or seq[j - 1] not in sw
            # a run not in the sentence is in no longer run either, stop words only or not
            if f" {' '.join(seq[i:j])} " not in text:
                break
            if content:
                best = j - i
    return best


def missing_specific(q: Question, have_terms: set[str], have_words: set[str]) -> int:
    """How many of the question's specific terms (names, numbers, rare words) the text lacks, a term
    counting as present when WordNet lets a word of the text stand in for it ("slacken" / "slacked")."""
    gone = 0
    for t in q.specific:
        if t in have_terms:
            continue
        word = q.term_words.get(t, "")
        if word.isalpha() and any(_stands_in(word, w, pos) for pos in ("v", "n", "a") for w in have_words):
            continue
        gone += 1
    return gone


def missing_names(q: Question, have_terms: set[str]) -> int:
    """How many of the question's names (WordNet's particular places and people among them: "iran"),
    numbers and words no English lexicon knows ("kufa" typed in lower case) the text lacks: what no
    paraphrase can stand in for, unlike a rare word ("standoff" / "crisis")."""
    hard = {t for w in q.sequence for t in terms(w)
            if (t in q.specific and (w in q.names or not w.isalpha() or not known_word(w)))
            or (w.isalpha() and wordkinds.is_proper_noun(w))}  # "iran" typed in lower case is a name too
    return sum(1 for t in hard if t not in have_terms)


def _stands_in(word: str, other: str, pos: str) -> bool:
    """A cheaper lexicon.related(word, other, pos) for scanning a whole article: other (or its base
    form) is a lemma of word's neighbourhood."""
    lemmas = lexicon.stand_ins(word, pos)
    return bool(lemmas) and other.isalpha() and (other in lemmas or any(
        b in lemmas for p in ("v", "n", "a") for b in lexicon.base_forms(other, p)))


def held_terms(sentence: str, unseen: frozenset[str]) -> set[str]:
    """The terms a sentence holds for coverage: its own, and of the `unseen` ones (a question's terms no
    article holds) the countries its people's adjectives name: "British troops handed control ..." holds
    Britain for "what did Britain do?" when no article writes "Britain" (where one does, "British" is not
    taken for it: "Iraqi police" is not about Iraq as "Iraq" is)."""
    own = set(terms(sentence))
    return own | (_places_named(sentence) & unseen) if unseen else own


@lru_cache(maxsize=4096)
def _places_named(sentence: str) -> frozenset[str]:
    """The terms of the countries a sentence's capitalised adjectives pertain to ("British" -> "great",
    "britain", "gb"; "French" -> "franc"): WordNet's pertainyms (rewordings.country_names)."""
    if not lexicon.available():
        return frozenset()
    return frozenset(t for w in _CAPITALISED.findall(sentence)
                     for n in rewordings.country_names(w) for t in terms(n.replace("_", " ")))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")  # sentence-initial too: "British troops handed ..."


def coverage(q: Question, sentence_terms: set[str]) -> float:
    """idf-weighted share of the question's terms that the sentence holds."""
    return sum(w for t, w in q.weights.items() if t in sentence_terms) / q.total


def missing_idf(q: Question, context_terms: set[str]) -> float:
    """The rarest question term the context lacks (0 when none is missing): near misses lack one.
    The main verb does not count: answers paraphrase it ("demand" -> "asked")."""
    gone = [w for t, w in q.weights.items() if t not in context_terms and t != q.verb]
    return max(gone, default=0.0)


_PREPOSITIONS = frozenset("for to about in on at with from into onto after of by upon against like".split())
PARTICLE_REACH = 5  # words after a verb its particle may stand ("handed control of Basra province over")


def _head_alone(q: Question, text_words: list[str]) -> bool:
    """Does the text hold the question's phrasal verb ("call off") only as its bare head ("what they call ...")?
    A form of the head verb with the particle within PARTICLE_REACH words after it is the phrasal verb."""
    if not q.verb_word or "_" not in q.verb_word:
        return False
    head, particle = q.verb_word.split("_", 1)
    # (a preposition after the verb adds little: "asked the government to release" is asking for)
    if "_" in particle or particle in _PREPOSITIONS:
        return False
    return not any(head in lexicon.base_forms(w, "v") and particle in text_words[i + 1:i + 1 + PARTICLE_REACH]
                   for i, w in enumerate(text_words))


def named_only(q: Question, text: str) -> bool:
    """Does the text write the question's main verb only as a word of a name ("what was Sadr charged with": the
    operation "dubbed 'Charge of the Knights'"), capitalised past the sentence's first word, where the question
    writes it in lower case?"""
    if not q.verb or not q.verb_word or not q.verb_word.islower():
        return False
    uses = [m for m in WORD.finditer(text) if terms(m.group()) == [q.verb]]
    return bool(uses) and all(m.group()[:1].isupper() and m.start() > 0 for m in uses)


def sentence_features(q: Question, sentence: str, previous: str, dense: float, passage_rank: int,
                      ordinal: int, chunk_dense: float = 0.0) -> dict[str, float]:
    s_terms = with_aliases(q, held_terms(sentence, q.unseen))
    s_words = words(sentence)
    ctx_terms = s_terms | set(terms(previous))
    # "did Sadr call off the fighting": "what they call rogue elements" holds no calling off
    if q.verb in s_terms and _head_alone(q, s_words):
        s_terms.discard(q.verb)
        if q.verb not in terms(previous) or _head_alone(q, words(previous)):
            ctx_terms.discard(q.verb)
    # ... nor does a name ("Charge of the Knights") charging anyone
    if q.verb in s_terms and named_only(q, sentence):
        s_terms.discard(q.verb)
        if q.verb not in terms(previous) or named_only(q, previous):
            ctx_terms.discard(q.verb)
    sw = stopwords()
    content = [w for w in s_words if w not in sw]
    new = [w for w in content if w not in q.words]
    feats = {
        "cov": coverage(q, s_terms),
        "cov_ctx": coverage(q, ctx_terms),
        "cov_nv": coverage_without(q, s_terms, q.verb),
        "cov_ctx_nv": coverage_without(q, ctx_terms, q.verb),
        "dense": dense,
        "chunk_dense": chunk_dense,  # the question against the whole passage: context the sentence lacks
        "passage": 1.0 / (1 + passage_rank),
        "atype": has_type(sentence, q.atype, set(q.words)),
        "novelty": len(new) / max(len(content), 1),
        "short": 1.0 if len(WORD.findall(sentence)) < 5 else 0.0,
        "lead": 1.0 if ordinal == 0 else 0.0,
    }
    # A run of two / three or more question words found verbatim ("in exchange", "Charge of the Knights").
    run = longest_phrase(q, s_words)
    feats["phrase2"] = 1.0 if run >= 2 else 0.0
    feats["phrase3"] = 1.0 if run >= 3 else 0.0
    return feats
