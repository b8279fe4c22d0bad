"""The question's main verb: the subject it follows ("What did Sadr *demand*"), the word WordNet knows it as, and
whether a context holds it or a word that stands in for it (verb_support, verb_stated). Answer sentences often
paraphrase the verb ("he asked") while they keep its object and modifiers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.answer import lexicon, rewordings
from index.terms import stopwords, terms, words

if TYPE_CHECKING:
    from bot.answer.question import Question

# "What did Sadr *demand* in exchange?": with do-support the main verb follows the subject; answer
# sentences often paraphrase it ("he asked"), while its object and modifiers are kept verbatim.
_DO_SUPPORT = re.compile(r"\b(?:did|does|do|will|would|can|could|should|has|have|had)\s+(.*)$", re.I)
# A place's kind after its name, typed in lower case ("Sadr *city*"): bot/names.py reads it too
PLACE_KINDS = frozenset({"city", "town", "district", "province", "region", "zone", "county", "square"})
_PREPOSITIONS = {"in", "of", "for", "at", "on", "from", "with", "by", "to", "into", "over", "near"}
# A name joined to its particle, typed in lower case: "al-Sadr", "bin-Laden", "de-Gaulle"
_HYPHENED_NAME = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|de|da|di|du|van|von|le|la)-[A-Z]")
_NAME_PARTICLES = {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "ibn", "al",
                   "el", "y"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "he", "she",
                "they", "it", "we", "you", "i"}


def _after_subject(question: str) -> list[str] | None:
    """The words of a do-support question from its main verb on: skip the subject (a pronoun,
    capitalised words, or a determiner and its noun) to the next lower-case word."""
    m = _DO_SUPPORT.search(question)
    if not m:
        return None
    toks = m.group(1).split()
    i = 0
    if i < len(toks) and toks[i].lower() in _DETERMINERS:
        pronoun = toks[i].lower() in {"he", "she", "they", "it", "we", "you", "i"}
        i += 1
        if not pronoun:
            if i < len(toks) and toks[i][:1].isupper():
                # "the British troops demand": capitalised modifiers, then maybe a plural head noun
                while i < len(toks) and toks[i][:1].isupper():
                    i += 1
                # ... or a singular one: "the Iraqi government say" (not a word that is a bare verb itself but before
                # "do": "the British leave Basra", "the Mahdi Army keep control")
                if i + 1 < len(toks) and (re.search(r"[^s]s$", toks[i]) or (
                        toks[i][:1].islower() and toks[i].lower() not in stopwords() and not toks[i].endswith("ly")
                        and lexicon.available() and _noun_before_verb(toks, i)
                        and (not _bare_verb(toks[i]) or toks[i + 1].lower().strip("?.!,") == "do"))):
                    i += 1
            else:
                # "the cleric seek": one lower-case head noun; typed in lower case, a longer noun phrase runs to
                # the bare verb do-support calls for ("the iraqi president say", "the police do")
                i += 1
                perfect = m.group(0).split()[0].lower() in _AUX_BASE | {"has", "had"}
                while i + 1 < len(toks) and toks[i][:1].islower() and not _verb_here(toks, i, perfect):
                    i += 1
    # Lower-case modifiers before a plural head noun ("what did iraqi officials say", "did angry protesters
    # leave"): up to two words that are no bare verb, then the plural noun, then the bare verb (was "iraqi" as
    # the verb, and "british" alone as the subject)
    # ... or a singular head noun that is no verb ("where does norman law survive today": was no subject found)
    if i == 0 and lexicon.available():
        for j in range(1, min(3, len(toks) - 1)):
            head = toks[j]
            singular = head[:1].islower() and not lexicon.is_verb(head) and head.lower() in lexicon.base_forms(
                head.lower(), "n")
            if all(t[:1].islower() and t.lower() not in stopwords() and not _bare_verb(t) for t in toks[:j]) \
                    and (re.search(r"[^s]s$", head) or singular) and _noun_before_verb(toks, j):
                i = j + 1
                break
    # A lower-case name the corpus does not know ("what did iran say", "what did bush say"): a noun before the
    # verb is the subject.
    if (i == 0 and i + 1 < len(toks) and toks[i][:1].islower() and toks[i].lower() not in _DETERMINERS
            and lexicon.available() and (not lexicon.is_verb(toks[i]) or _noun_before_verb(toks, i))
            and lexicon.is_verb(toks[i + 1].rstrip("?.!,"))):
        i += 1
    # A lower-case noun subject before a phrase qualifying it ("why did people in Sadr City stay indoors"): the
    # noun, then the phrase, skipped below (was "people" as the verb)
    if (i == 0 and len(toks) > 2 and toks[0][:1].islower() and toks[1].lower() in _PREPOSITIONS
            and lexicon.available() and lexicon.base_forms(toks[0].lower(), "n")
            # (mostly a noun: "people"; not "will take over security": a verb first)
            and len(lexicon.synsets(toks[0].lower(), "n")) >= len(lexicon.synsets(toks[0].lower(), "v"))):
        i = 1
    # A gerund subject ("When did fighting erupt?") is a noun here: the verb comes after it.
    if i + 1 < len(toks) and toks[i].lower().endswith("ing") and toks[i + 1][:1].islower():
        i += 1
    # Skip a prepositional phrase of the subject ("the curfew in Basra be lifted") and auxiliaries, and the
    # particles inside a name ("Jean de Bethencourt"), and an adverb before the verb ("will the US troops *still*
    # patrol": WordNet's verb "still", to calm, is not the one asked about).
    # ("what did the US do in Najaf": "do" after the subject is its verb, no auxiliary)
    while i < len(toks) and (toks[i].lower() in _PREPOSITIONS or toks[i][:1].isupper()
                             or (toks[i].lower() in _ADVERBS and i + 1 < len(toks))
                             or (toks[i].lower() in stopwords() and not (i and toks[i].lower() == "do"))
                             or _HYPHENED_NAME.match(toks[i])
                             or (toks[i] in _NAME_PARTICLES and i + 1 < len(toks) and toks[i + 1][:1].isupper())
                             # (a place's kind after its name, typed in lower case: "in Sadr city stay")
                             or (i + 1 < len(toks) and toks[i - 1][:1].isupper() and toks[i].lower() in PLACE_KINDS
                                 and any(t.lower() in _PREPOSITIONS for t in toks[:i]))):
        i += 1
    # "what do US officials want", "did Iraqi troops leave": a name modifying a plural noun, then the bare verb
    # (a word that is a bare verb itself heads the subject only before "do")
    if (0 < i < len(toks) - 1 and toks[i - 1][:1].isupper() and not re.search(r"['\u2019]s$", toks[i - 1])
            and re.search(r"[^s]s$", toks[i]) and lexicon.available() and _noun_before_verb(toks, i)
            and (not _bare_verb(toks[i]) or toks[i + 1].lower().strip("?.!,") == "do")):
        i += 1
    # "did Sadr's men hand over ...": a name's possessive is followed by its head noun, then the verb (also
    # "al-Sadr's order work")
    if (0 < i < len(toks) - 1 and (toks[i - 1][:1].isupper() or _HYPHENED_NAME.match(toks[i - 1]))
            and re.search(r"['\u2019]s$", toks[i - 1])
            and toks[i][:1].islower() and lexicon.available() and lexicon.is_verb(toks[i + 1].rstrip("?.!,"))):
        i += 1
    return toks[i:] or None


def _bare_verb(word: str) -> bool:
    """A verb in its base form, as do-support calls for ("say", "do"; not "troops", "said")."""
    w = word.lower().strip("?.!,")
    return w.isalpha() and w in lexicon.base_forms(w, "v")


def _noun_before_verb(toks: list[str], i: int) -> bool:
    """toks[i] heads the subject: it comes right before "do" ("the police do"), or is a noun right before a
    bare verb that is no function word ("bush say", not "... be")."""
    if i + 1 >= len(toks):
        return False
    following = toks[i + 1].lower()
    if following.strip("?.!,") == "do":
        return True
    # (a particle after it is the verb's: "the fighting *slack off*", not a verb "off"; and a word that makes a
    # phrasal verb of WordNet's with the next is that verb: "did the british *take part* in ...", not a subject
    # "the british take")
    return (bool(lexicon.base_forms(toks[i].lower(), "n")) and _bare_verb(following)
            and following not in stopwords() and following not in _AUX_BASE
            and following.strip("?.!,") not in _PARTICLES
            and not lexicon.compound(toks[i].lower(), following.strip("?.!,")))


_AUX_BASE = frozenset({"be", "have"})
_ADVERBS = frozenset("still now already really actually ever also just even finally again yet".split())
_PARTICLES = frozenset("off up out down away back over around".split())  # a phrasal verb's ("slack off")
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})  # "were killed": the passive's auxiliary
_VERB_PARTS = frozenset({"be", "have", "been", "being", "not", "n't", "never"})


def _verb_here(toks: list[str], i: int, perfect: bool = False) -> bool:
    """toks[i] is the main verb of a do-support question: a bare verb not heading the subject; after
    "has" / "have" / "had", a past participle ("what has the crisis *done* to ...")."""
    if perfect:
        w = toks[i].lower().strip("?.!,")
        return _inflected_verb(w, nouns_too=True) or w in _BASE_PARTICIPLES
    return _bare_verb(toks[i]) and not _noun_before_verb(toks, i)


# "How many people *died* ...", "Who *attacked* ...", "Which militia leaders were *arrested*": questions whose
# subject is the question word or its noun phrase, with no do-support; and telegraphic ones ("when started
# the war", as a bare "when?" after "who started the war?" is read).
_WH_SUBJECT = re.compile(r"^\W*(who|what|which|how many|how much|when|where|why)\s+(.*)$", re.I)
_AUXILIARIES = frozenset("is are was were be been being has have had".split())
_PROGRESSIVE = frozenset("is are was were".split())  # before an -ing form: the progressive ("who is fighting")
_MODALS = frozenset("must should shall can could may might will would".split())
_ANYONE = re.compile(r"^\W*(was|were|is|are|has|have|had|did|does|do)\s+(?:anyone|anybody|someone|somebody|everyone|"
                     r"everybody)\s+(.*)$", re.I)
_BASE_PARTICIPLES = lexicon.BASE_FORM_PASTS  # "how many were *hurt*"


def is_participle(word: str) -> bool:
    """A past participle: an inflected verb form that is no -ing or -s form ("killed", "caught"), or one of
    the verbs whose participle is their base ("hurt")."""
    w = word.lower()
    return w in _BASE_PARTICIPLES or (bool(set(lexicon.base_forms(w, "v")) - {w}) and not w.endswith(("ing", "s")))


def _inflected_verb(word: str, nouns_too: bool) -> bool:
    """An inflected verb form ("died", "attacked", "runs"), not a bare word that may be a noun ("people",
    which WordNet also knows as a verb); with nouns_too False, a word with a noun reading ("troops")
    is not one either."""
    w = word.lower()
    if nouns_too and w in _SAME_PAST:  # "who put pressure on Sadr", "what hit the Green Zone"
        return True
    bases = lexicon.base_forms(w, "v")
    return bool(bases) and w not in bases and (nouns_too or not lexicon.base_forms(w, "n"))


# Verbs whose past is their base form: after "who" they are the verb ("who put pressure on ...").
_SAME_PAST = frozenset({"put", "hit", "cut", "set", "let", "shut", "hurt", "quit", "spread", "cast", "beat"})


def asks_whether_any(question: str) -> bool:
    """Is the question whether anyone did or underwent the act ("was anyone hurt", "did anybody die")?"""
    return bool(_ANYONE.search(question))


def _after_wh_subject(question: str) -> list[str] | None:
    """The words of a subject question from its main verb on ("how many people died in basra" -> ["died",
    "in", "basra"]), or None: the verb is the first inflected verb form within the first three words after
    the question word (after an auxiliary: a participle, "were killed")."""
    m = _WH_SUBJECT.search(question)
    # "was anyone hurt", "did anybody die": a question about whoever it was, the verb as after "who"
    anyone = _ANYONE.search(question) if not m else None
    if not (m or anyone) or not lexicon.available():
        return None
    toks = (m or anyone).group(2).split()
    who = bool(anyone) or m.group(1).lower() == "who"
    aux = bool(anyone) and anyone.group(1).lower() in _AUXILIARIES
    modal = False
    for i, tok in enumerate(toks[:4]):
        w = tok.lower().strip("?.!,")
        # "which fighters must leave", "who should pay": a modal's bare verb is the verb
        if w in _MODALS:
            modal = True
            continue
        if modal:
            return toks[i:] if lexicon.is_verb(w) else None
        if w in _AUXILIARIES:
            aux = True
            continue
        if aux:
            # after "was" / "were" / "have": only a participle is the verb ("were killed"; not "is the capital")
            participle = (re.search(r"(ed|en)$", w) and _inflected_verb(w, nouns_too=True)) or w in _BASE_PARTICIPLES
            # ... or after "is" / "was", a progressive's -ing form ("who is fighting in Iraq")
            progressive = (w.endswith("ing") and toks[i - 1].lower() in _PROGRESSIVE
                           and _inflected_verb(w, nouns_too=True))
            return toks[i:] if participle or progressive else None
        # "who runs": the word right after "who" is its verb when it is one; after a noun phrase ("how many
        # people"), a word that is only a verb
        if _inflected_verb(w, nouns_too=who and i == 0):
            return toks[i:]
        if who:
            return None
    return None


def split_subject(question: str) -> tuple[str, str, str] | None:
    """A do-support question cut around its subject: "What did the Sadrist lawmakers say?" -> ("What did",
    "the Sadrist lawmakers", "say?"); None when it has no such shape."""
    m = _DO_SUPPORT.search(question)
    rest = _after_subject(question)
    if not m or not rest:
        return None
    toks = m.group(1).split()
    cut = len(toks) - len(rest)
    # "How did Sadrist lawmakers react": a plural noun after the capitalised words is still the subject.
    if 0 < cut < len(toks) - 1 and lexicon.available() and re.search(r"[^s]s$", toks[cut]) \
            and not lexicon.is_verb(toks[cut]) and lexicon.is_verb(toks[cut + 1].rstrip("?.!,")):
        cut += 1
    # "when will the curfew be lifted": the auxiliaries and negation between the subject and its verb are the
    # verb's, not the subject's ("the curfew", then "be lifted")
    while cut > 1 and toks[cut - 1].lower() in _VERB_PARTS:
        cut -= 1
    subject = " ".join(toks[:cut])
    return (question[:m.start(1)].rstrip(), subject, " ".join(toks[cut:])) if subject else None


# "when was the curfew lifted", "how are the pilgrims affected": a question word, a form of "be", a subject
_PASSIVE = re.compile(r"^\W*(?:what|which|how|where|when|why)\s+(?:is|are|was|were)\s+(.*)$", re.I)
PASSIVE_SUBJECT = 5  # words a passive question's subject may run to before its participle


def _after_passive_subject(question: str) -> list[str] | None:
    """The words of a passive question from its participle on ("why was the warrant issued" -> ["issued"]):
    the first past participle after a subject of at least one word, not after a function word ("what was
    the operation of ..."), or None."""
    m = _PASSIVE.search(question)
    if not m or not lexicon.available():
        return None
    toks = m.group(1).split()
    for i, tok in enumerate(toks[:PASSIVE_SUBJECT + 1]):
        w = tok.lower().strip("?.!,")
        if i and tok[:1].islower() and w not in stopwords() and toks[i - 1].lower() not in stopwords() | _DETERMINERS \
                and re.search(r"(ed|en)$", w) and is_participle(w):
            return toks[i:]
    return None


@lru_cache(maxsize=4096)
def _from_verb(question: str) -> tuple[str, ...]:
    """The question's words from its main verb on, for a do-support, a subject or a passive question (empty
    when none is found); main_verb and main_verb_word both read it, once a question."""
    return tuple(_after_subject(question) or _after_wh_subject(question) or _after_passive_subject(question) or ())


def main_verb(question: str) -> str | None:
    """The stemmed main verb of a do-support question (the first word after the subject), of a subject
    question ("who attacked ...") or of a passive one ("when was the curfew lifted")."""
    rest = _from_verb(question)
    t = terms(rest[0]) if rest else []
    return t[0] if t else None


# "why is the economy bad", "is the truce fragile": a copula, its subject, and an adjective closing the question
_COPULAR = re.compile(r"^\W*(?:(?:why|how\s+come)\s+)?(?:is|are|was|were|isn't|aren't|wasn't|weren't)\s+"
                      r"(?:the\s+|this\s+|that\s+|its\s+|their\s+|his\s+|her\s+)?\w[\w'\-]*(?:\s+\w[\w'\-]*){0,3}?"
                      r"\s+(?:so\s+|very\s+|still\s+|really\s+)?(?P<adj>[a-z]+)"
                      # (a closing word of time: "is sadr city calm now")
                      r"(?:\s+(?:(?:right\s+)?now|today|tonight|yet|anymore|any\s+more|again|still|these\s+days|"
                      r"at\s+the\s+moment))?[\s?.!]*$", re.I)


_DETERMINERS = frozenset({"a", "an", "the", "that", "this", "its", "their", "his", "her"})


def predicate_adjective(question: str) -> str | None:
    """The term of the adjective a copular question asks about its subject ("why is the economy *bad*"):
    what the question asks of its topic, as a main verb is ("bad" is no word the answer need hold: "The
    al-Sadr crisis has crippled the economy ..."). None for any other question."""
    m = _COPULAR.match(question)
    if not m or not lexicon.available():
        return None
    adj = m.group("adj").lower()
    if adj in stopwords() or not lexicon.synsets(adj, "a"):
        return None
    # a word mostly a noun, and no verb, is no adjective asked of the subject ("is Sadr a cleric": no adjective)
    if len(lexicon.synsets(adj, "n")) > len(lexicon.synsets(adj, "a")) and not lexicon.synsets(adj, "v"):
        return None
    # ... nor is a noun after a determiner and maybe an adjective ("is that the final number": not "number", more numb)
    before = m.group().lower().split()[-3:-1]
    if before and (before[-1] in _DETERMINERS or (len(before) == 2 and before[0] in _DETERMINERS
                                                   and lexicon.synsets(before[1], "a"))) \
            and len(lexicon.synsets(adj, "n")) > len(lexicon.synsets(adj, "a")):
        return None
    t = terms(adj)
    return t[0] if t else None


def says_adjective(question: str, context_words: list[str]) -> bool:
    """For a copular question asking an adjective of its subject ("is the truce *fragile*"), does the context hold
    the adjective, a word WordNet lets stand in for it, its opposite (a no: "are shops open" / "closed") or the noun
    of its state ("fragility")? True for any other question."""
    adj = predicate_adjective(question)
    if adj is None:
        return True
    word = _COPULAR.match(question).group("adj").lower()
    kin = {word, *lexicon.antonyms(word, "a"), *rewordings.state_nouns(word)}
    return any(adj in terms(w) or w in kin or lexicon.related(word, w, "a") for w in context_words if w.isalpha())


def main_verb_word(question: str) -> str | None:
    """The main verb as WordNet knows it, for verb_support: among the first three words after the
    subject, the first that is a verb (skipping adverbs: "can also be described" -> "described"), joined
    to the next word when WordNet has the phrasal verb ("take part" -> "take_part"). None when none is."""
    rest = _from_verb(question)
    if not rest or not lexicon.available():
        return None
    toks = [w for tok in rest for w in words(tok)]
    for j, w in enumerate(toks[:3]):
        if w.endswith("ly") or w in stopwords() or not lexicon.is_verb(w):
            continue
        return (lexicon.compound(w, toks[j + 1]) if j + 1 < len(toks) else None) or _light_verb_noun(w, toks[j + 1:]) or w
    return None


# Verbs that say little but with their noun: "put pressure on" is to pressure, "launch an attack on" to attack.
_LIGHT = frozenset({"put", "make", "take", "give", "launch", "carry", "mount", "pay", "stage", "hold"})
_ARTICLES = frozenset({"a", "an", "the", "some", "any", "more", "much"})


def _light_verb_noun(verb: str, after: list[str]) -> str | None:
    """The noun that is the act of a light verb ("put pressure on" -> "pressure", "made an offer" ->
    "offer"), when the noun is a verb too; None otherwise."""
    if not set(lexicon.base_forms(verb, "v")) & _LIGHT:
        return None
    rest = [w for w in after[:3] if w not in _ARTICLES]
    nouns = lexicon.base_forms(rest[0], "n") if rest and rest[0].isalpha() else ()
    # the noun's base form a verb too ("talks" -> "talk")
    return next((n for n in nouns if n in lexicon.base_forms(n, "v")), None)


def verb_support(q: Question, context_words: list[str]) -> float:
    """1 when the context holds the question's main verb or a word WordNet lets stand in for it ("demand"
    -> "asked"; not "lifted" -> "imposed"), or the question has no main verb; else 0. Without WordNet
    installed every verb counts as supported, as before the check existed."""
    if q.verb_word is None:
        return 1.0
    return _holds_verb(q, context_words, _stands_in)


def _stands_in(verb: str, word: str) -> bool:
    """lexicon.related(verb, word), or for a phrasal verb, related to one of its one-word synonyms: an article
    says "go down" in other words than WordNet's pointers from "go_down" reach ("has the violence gone down":
    "fall", then "the reduction of violence")."""
    return lexicon.related(verb, word) or ("_" in verb and any(
        lexicon.related(other, word) for other in rewordings.synonyms(verb)))


def verb_stated(q: Question, context_words: list[str]) -> float:
    """verb_support without the kinds of the act: 1 when the context holds the verb or a word that states it
    (lexicon.states: "asked" for "demand", "killed" for "died"); "did Sadr meet Maliki" is not stated by
    "... calling it a step" ("call", to visit, is a kind of meeting)."""
    if q.verb_word is None or not lexicon.available():
        return 1.0
    return _holds_verb(q, context_words, lexicon.states)


def _holds_verb(q: Question, context_words: list[str], stands_in) -> float:
    """1 when a word of the context (no stop word) is the question's main verb, shares its stem, or
    ``stands_in(verb_word, word)``; else 0."""
    verb = q.verb_word.split("_")[0]
    stem = terms(verb)
    for w in context_words:
        if w in stopwords():
            continue
        if w == verb or (stem and terms(w) == stem) or stands_in(q.verb_word, w):
            return 1.0
    return 0.0
