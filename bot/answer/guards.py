"""The guards: evidence that a passage says something else than the question asks. A negated question against
a sentence that is not (negation_gap), an opposite (antonym_clash), another name in the question's slot
(name_swap, modifier_swap), the question's place named elsewhere in the article (place_elsewhere). The
abstention (bot/answer/abstain.py) and the answer policy (bot/answer/policy.py) veto on them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from bot.answer import lexicon, rewordings, wordkinds
from index.terms import stopwords, terms, words

if TYPE_CHECKING:
    from bot.answer.question import Question


# Negations; words() keeps "didn't" whole, so the contracted forms are listed too.
NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "neither", "without", "n't", "cannot", "didn't",
                       "doesn't", "don't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't",
                       "couldn't", "can't", "hasn't", "haven't", "hadn't", "shouldn't"})
_OPPOSITE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
# Ordinals are "opposites" in WordNet (first / second, first / last), but a sentence that lists steps holds
# several of them: "the first step Sadr's group called for" is answered by "... a strike, and then ... the
# second step will be ...".
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last next".split())


def negation_gap(q: Question, sentence_words: list[str]) -> float:
    """1 when the question is negated and the sentence is not: "What can *not* be restated as decision
    problems?" against "function problems can be recast as decision problems" asks for what the
    sentence does not say (SQuAD 2.0's negation questions)."""
    # (a negated word's opposite says it: "why weren't shops open?" against "Shops ... were reported to be closed")
    return 1.0 if q.words & NEGATIONS and not set(sentence_words) & NEGATIONS \
        and not _opposite_in(q, sentence_words, negated=True) else 0.0


def antonym_clash(q: Question, context_words: list[str]) -> float:
    """1 when a question word the context lacks has its opposite in the context: a WordNet antonym
    ("simplicity" / "complexity", "qualitative" / "quantitative") or the word with a negative prefix
    ("unconnected" / "connected"). The question then asks about what the passage does not say; but a negated
    question asks about just that ("why weren't shops open": "closed")."""
    return 1.0 if _opposite_in(q, context_words) and not _opposite_in(q, context_words, negated=True) else 0.0


def _opposite_in(q: Question, context_words: list[str], negated: bool = False) -> bool:
    """Has a question word the context lacks its opposite in the context (antonym_clash)? `negated`: only a word
    right after a negation ("weren't open"; not "more specific ... that could not be used")."""
    sw = stopwords()
    ctx = {w for w in context_words if w not in sw}
    others = ctx - q.words  # a word of the question itself is no clash: "Is it abstract or concrete?"
    asked = q.words - ctx - sw - _ORDINALS
    if negated:
        seq = words(q.text)
        asked = {w for i, w in enumerate(seq) if w in asked and (set(seq[max(i - 2, 0):i]) & NEGATIONS
                                                               or any(p.endswith("n't") for p in seq[max(i - 2, 0):i]))}
    for w in asked:
        for c in others:
            if len(c) > 3 and any(w == p + c or c == p + w for p in _OPPOSITE_PREFIXES):
                return True
        # Adjectives only: antonymy between nouns and verbs reaches across senses ("push" / "force", via
        # "pull"; "first" / "end") and fired on answerable gold questions.
        opposite = lexicon.antonyms(w, "a")
        if opposite and any(set(lexicon.base_forms(c, "a")) & opposite for c in others):
            return True
    return False


_SLOT_PREPOSITIONS = frozenset({"in", "of", "at", "from", "for", "by", "on", "to", "with"})
_TOKEN = re.compile(r"[^\W\d_][\w'\-]*")


def _fold(word: str) -> str:
    """Lower case without accents: a question typed "Jumieges" names the article's "Jumièges"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def name_swap(q: Question, sentence: str, preceding: str = "") -> float:
    """1 when the sentence puts another name where the question has one: "the curfew in *Basra*" against
    "a citywide curfew in *Baghdad* is to be lifted", "on behalf of *Dan Senor*" against "on behalf of
    *Sadr*". A noun and preposition of the question, followed by a name the sentence lacks, are followed in
    the sentence by a name the question lacks."""
    qt, st = _TOKEN.findall(q.text), _TOKEN.findall(sentence)
    # (each part of a hyphened word too: "al-Sistani" is Sistani)
    q_low, s_low = {_fold(w) for w in qt}, {p for w in st for p in (_fold(w), *_fold(w).split("-"))}
    sw = stopwords()
    if modifier_swap(q, sentence, preceding):
        return 1.0
    for i in range(len(qt) - 2):
        noun, prep, name = _fold(qt[i]), qt[i + 1].lower(), qt[i + 2]
        if noun in sw or prep not in _SLOT_PREPOSITIONS or not name[0].isupper() or _fold(name) in s_low:
            continue
        for j in range(len(st) - 2):
            if (_fold(st[j]) == noun and st[j + 1].lower() == prep and st[j + 2][0].isupper()
                    and _fold(st[j + 2]) not in q_low):
                return 1.0
    return 0.0


_POSSESSIVE = re.compile(r"['\u2019]s$")
def _a_name(word: str) -> bool:
    """Is a capitalised first word a name: one WordNet knows as a particular, or a people's word ("British"; not
    "Angry", "Tense")?"""
    return bool(rewordings.country_names(word)) or wordkinds.is_proper_noun(word)


_OPENS = re.compile(r"(?:^|[.!?\n])[\s\"'\u201c]*$")  # the text up to a sentence's or a line's first word
_INITIALS = re.compile(r"\b([A-Z])\.(?=[A-Z]\b\.?)")  # "U.S." -> "US.": initials as one word


def modifier_swap(q: Question, sentence: str, preceding: str = "") -> bool:
    """"What will the *US* troops do?" against "*British* troops handed control ...": a name (or a people's
    word) before a noun of the question (not its first word), and in the sentence another name before that
    noun, the question's name nowhere in the sentence. A capitalised first word of the sentence counts as a name
    only when it is one to WordNet or names a people ("British"; not "Angry protesters").
    `preceding`, the article's text before the sentence: "the" before the noun in the sentence points back at its
    last mention there ("what did the *British* prime minister say" against "The prime minister issued a
    statement ...", after "*Iraqi* Prime Minister Nouri Al-Maliki went to Basra ...")."""
    # (a possessive is its name: "the Mahdi Army's stronghold" against "a Mehdi Army stronghold")
    qt, st = ([_POSSESSIVE.sub("", w) for w in _TOKEN.findall(_INITIALS.sub(r"\1", t))] for t in (q.text, sentence))
    sw = stopwords()
    q_low = {_fold(w) for w in qt}
    # every word of the sentence and each part of a hyphened one ("US-led" holds "US")
    s_low = {p for w in st for p in (_fold(w), *_fold(w).split("-"))}
    # noun -> the capitalised words right before it in the sentence (a first word only if WordNet names it)
    before: dict[str, set[str]] = {}
    for j in range(1, len(st)):
        other = st[j - 1]
        if other[0].isupper() and (j > 1 or _a_name(other)):
            before.setdefault(_fold(st[j]), set()).add(_fold(other))
    # noun -> the name before its last mention in the preceding text, for a noun after "the" in the sentence
    pointed = {_fold(st[j]) for j in range(1, len(st)) if st[j - 1].lower() == "the"}
    back: dict[str, str] = {}
    for noun in pointed if preceding else ():
        # (the name and the noun in one sentence: "... direction. Prime Minister ..." names no one "direction")
        # (a heading's or sentence's capitalised first word only if it is a name: "Tense truce" names no one)
        text = _INITIALS.sub(r"\1", preceding)
        last = [m for m in re.finditer(rf"\b([A-Z][\w'\-]*)\s+(?i:{re.escape(noun)})\b", text)
                if m.group(1).lower() not in sw and not (_OPENS.search(text[:m.start()]) and not _a_name(m.group(1)))]
        if last:
            back[noun] = _fold(_POSSESSIVE.sub("", last[-1].group(1)))
    for i in range(1, len(qt) - 1):
        name, noun = qt[i], _fold(qt[i + 1])
        # a name, or a people's word typed in lower case ("the norwegian crews")
        is_name = name[0].isupper() or (name.isalpha() and bool(rewordings.country_names(name)))
        if not is_name or not qt[i + 1].islower() or noun in sw or _fold(name) in s_low:
            continue
        # (the noun a which-question asks for: "which Iraqi district saw protesters ..." is answered by a name before
        # it, "the Sadr City district of Baghdad")
        if qt[i - 1].lower() in ("which", "what"):
            continue
        if before.get(noun, set()) - q_low:
            return True
        if noun not in before and back.get(noun, _fold(name)) not in q_low:
            return True
    return False


_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})


_ELSEWHERE = re.compile(r"(?i)\belsewhere\b")
# "In southern Italy, the Normans ...": a sentence opening with the place it tells of
_SCENE = re.compile(r"^\W*(?:In|At|Near|Outside|Inside)\s+(?:the\s+)?(?:[a-z]+\s+)?([A-Z][\w'\-]+)")


def asked_places(question: str) -> frozenset[str]:
    """The terms of the places a question puts itself in ("which compound in Baghdad ..." -> {"baghdad"}): the
    capitalised words after a preposition of place."""
    qt = _TOKEN.findall(question)
    return frozenset(t for prep, name in zip(qt, qt[1:]) if prep.lower() in _LOCATIVE and name[0].isupper()
                     for t in terms(name))


def place_elsewhere(q: Question, context: str, article: str, sentence: str = "") -> float:
    """1 when the question places itself ("the clashes in *Kut*") and the answer's context does not name
    that place while its article names it in passing elsewhere (once or twice: a place the article keeps
    naming is its setting, which its sentences need not repeat): the sentence is about another place
    ("at least 12 people have been killed in the clashes" of Basra, with Kut's clashes in another
    paragraph), or the sentence itself opens with another place ("In southern Italy, the Normans ..." for
    "what did the Normans build in England", England named in the sentence before). Adjectives ("in *Irish*
    surnames") are no places."""
    qt = _TOKEN.findall(q.text)
    ctx = {_fold(w) for w in _TOKEN.findall(context)}
    scene = _SCENE.match(sentence)
    opened = _fold(scene.group(1)) if scene else None  # the place the sentence opens with, if any
    said = {_fold(w) for w in _TOKEN.findall(sentence)}
    counts = None
    for i, (prep, name) in enumerate(zip(qt, qt[1:])):
        # a place typed in lower case counts when WordNet knows the word only as a particular ("in england")
        if prep.lower() not in _LOCATIVE or lexicon.base_forms(name.lower(), "a") or not (
                name[0].isupper() or (name.isalpha() and wordkinds.is_proper_noun(name))):
            continue
        # A place of two words ("in Sadr City", or typed "in Sadr city"): the article's "Sadr City" district
        # is another place than its Sadr, named throughout.
        after = qt[i + 2] if i + 2 < len(qt) else ""
        phrase = f"{name} {after[:1].upper()}{after[1:]}"
        in_phrase = len(re.findall(rf"\b{re.escape(phrase)}\b", article)) if after else 0
        if in_phrase:
            # the name alone stands for the place where the article itself uses it so ("At Fécamp," for
            # "Fécamp Abbey"); "Sadr", the cleric named throughout, is no place "in Sadr"
            locative = "|".join(sorted(_LOCATIVE))
            as_place = re.search(rf"(?i)\b(?:{locative})\s+{re.escape(name)}\b(?!\s+{re.escape(after)})", article)
            named = _fold(phrase) in _fold(context) or (bool(as_place) and _fold(name) in ctx)
            if not named and in_phrase <= 2:
                return 1.0
            continue
        if opened and opened != _fold(name) and _fold(name) not in said:
            return 1.0
        # "Overnight curfews were being imposed elsewhere in central and southern Iraq": elsewhere than the
        # article's setting, which the question asks about ("was there a curfew in Basra")
        if _ELSEWHERE.search(sentence) and _fold(name) not in said:
            return 1.0
        if _fold(name) in ctx:
            continue
        if counts is None:
            counts = Counter(_fold(w) for w in _TOKEN.findall(article))
        if 1 <= counts[_fold(name)] <= 2:
            return 1.0
        # ... or never names it, and it is no country or continent its places may lie in ("killed in Najaf" against
        # the Basra article's "12 people have been killed in the clashes"; not "in Iraq"), nor someone's ("in
        # Robert's army")
        if (counts[_fold(name)] == 0 and name[0].isupper() and not re.search(r"['\u2019]s?$", name)
                and not wordkinds.is_land(name)):
            return 1.0
    return 0.0


# Verbs asking for, aiming at or trying an act: what follows them ("to release ...", "designed to bring ...",
# "trying to end ...") is not done, only wanted.
_REQUESTS = frozenset("ask asked asking asks demand demanded demanding demands urge urged urging urges call called "
                      "calling calls press pressed pressing push pushed pushing want wanted wants wanting "
                      "designed aimed meant intended plan plans planned planning hope hopes hoped hoping "
                      "try tries tried trying attempt attempts attempted attempting seek seeks sought seeking".split())
REQUEST_WINDOW = 6  # words between the request and its "to"


def only_requested(verb_word: str, sentence: str) -> bool:
    """Does the sentence hold the question's verb only as an act someone asks for ("asked the government
    to release ...", "calling for ... to declare"), never as one done? False when it does not hold it."""
    verb = verb_word.split("_")[0]
    bases = set(lexicon.base_forms(verb, "v")) | {verb}
    ws = [w.lower() for w in _TOKEN.findall(sentence)]
    found = [i for i, w in enumerate(ws) if set(lexicon.base_forms(w, "v")) & bases or w == verb]
    return bool(found) and all(_requested(ws, i) for i in found)


def _requested(ws: list[str], i: int) -> bool:
    """Is the verb at i under a request: after "to" (or joined by "and" / "or" to a verb after one: "to release
    ... prisoners and declare an amnesty"), a request verb at most REQUEST_WINDOW words before that "to"?"""
    if i and ws[i - 1] != "to" and ws[i - 1] not in ("and", "or"):
        return False
    to = next((j for j in range(i - 1, max(i - 1 - REQUEST_WINDOW, -1), -1) if ws[j] == "to"), None)
    return to is not None and bool(_REQUESTS & set(ws[max(to - REQUEST_WINDOW, 0):to]))


# "did the strike happen", "has the amnesty taken place": whether an event came about
_EVENT_HAPPENED = re.compile(r"(?i)^\W*(?:did|has|have|had|was|were|will|is)\s+(?:the\s+|a\s+|an\s+|any\s+)?"
                             r"(?:[a-z][\w\-]*\s+){0,2}?(?P<head>[a-z][\w\-]*)\s+(?:actually\s+|really\s+|ever\s+)?"
                             r"(?:happen|happened|occur|occurred|take\s+place|taken\s+place|go\s+ahead|gone\s+ahead)\b")
# what asks for a thing named right after it ("calling for a nationwide strike", "demanding an end")
_ASKS_FOR = re.compile(r"(?i)\b(?:call(?:s|ed|ing)?\s+for|ask(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|"
                       r"request(?:s|ed|ing)?|threat(?:en|ens|ened|ening)?)\s+(?:(?:a|an|the|of|its|his|their)\s+)?"
                       r"(?:[a-z][\w\-]*\s+){0,2}$")


def event_only_requested(question: str, sentence: str) -> bool:
    """For "did the strike happen?": does the sentence name the event only as something asked for ("... was
    calling for a nationwide strike"), never as come about? False for any other question, or a sentence not
    naming the event."""
    m = _EVENT_HAPPENED.match(question)
    if not m:
        return False
    head = m.group("head").lower()
    at = [w.start() for w in re.finditer(rf"(?i)\b{re.escape(head)}(?:s|es)?\b", sentence)]
    return bool(at) and all(_ASKS_FOR.search(sentence[:i]) for i in at)


# "what weapons did the Mahdi Army use", "which city did Maliki visit": the noun the answer is a kind of
_KIND_ASKED = re.compile(r"^\W*(?:what|which)\s+(?P<head>[a-z]+)\s+(?:did|does|do|is|was|were|are|has|have|had|will|"
                         r"would|can|could)\b", re.I)
# heads the answer states otherwise: a time, a number, a name (see features.has_type), a frame
_KIND_FREE = frozenset("year years day days month months date time times century era period age decade week hour "
                       "percentage percent number amount kind type sort name names part role thing things".split())


def lacks_kind(question: str, sentence: str) -> bool:
    """A "what NOUN ..." question, the noun a physical object, against a sentence naming nothing of that kind: no
    form of the noun, no word whose first sense is a kind of it ("guns" for "weapons"), and, for a kind of thing
    bearing proper names (a city, a person, a building), no name the question does not give."""
    m = _KIND_ASKED.match(question)
    if not m or not lexicon.available():
        return False
    head = m.group("head").lower()
    if head in _KIND_FREE or not wordkinds.is_object_noun(head):
        return False
    asked = {w.lower() for w in re.findall(r"[A-Za-z][\w'\-]*", question)}
    named = [w for i, w in enumerate(re.findall(r"[A-Za-z][\w'\-]*", sentence)) if i > 0 and w[:1].isupper()]
    if wordkinds.is_named_kind(head) and any(w.lower() not in asked for w in named):
        return False
    # (the head itself after a determiner or nothing names no kind: "put away our weapons" says not which;
    # "automatic weapons" does)
    ws = re.findall(r"[A-Za-z][\w\-]*", sentence)
    head_bases = set(lexicon.base_forms(head, "n")) or {head}
    return not any(wordkinds.kind_of(w.lower(), head) and not (
        set(lexicon.base_forms(w.lower(), "n")) & head_bases and (i == 0 or ws[i - 1].lower() in stopwords()))
        for i, w in enumerate(ws) if w.lower() not in stopwords())
