"""The question as the corpus spells it: typos corrected and names capitalised, before anything else.

People type "wht did sadr demnad": every later step (follow-up rewriting, names, BM25) needs "What did Sadr
demand". A word the corpus (or common English) does not know is replaced by the most frequent known word
one edit away (a letter added, dropped, changed, or two swapped; two edits for long words); a lower-case
word the articles almost always capitalise ("sadr", "basra") takes their capitals; a people's word the
articles never use takes their name for its country ("the americans" -> "the US"). Known words, numbers and
anything ambiguous stay as typed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answer import (base_forms, common_words, country_names, is_group_noun, is_participle, is_person_noun,
                        is_place_noun, is_proper_noun, known_word, synset_forms, wordnet_available)
from bot.direct import direct
from bot.tense import simple_tense
from index.terms import edit_distance, stopwords, terms
from index.words import WORD as _TOKEN
from index.words import WordStats

CAPITALISED = 0.8  # share of a word's mid-sentence uses in the corpus that must be capitalised
# Apostrophes people leave out: "whats a reduction" asks "what's a reduction".
CONTRACTIONS = {"whats": "what's", "whos": "who's", "wheres": "where's", "hows": "how's", "whens": "when's",
                "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "wasnt": "wasn't",
                "arent": "aren't", "cant": "can't", "wont": "won't", "thats": "that's", "werent": "weren't",
                "wouldnt": "wouldn't", "couldnt": "couldn't", "shouldnt": "shouldn't", "hasnt": "hasn't",
                "havent": "haven't", "hadnt": "hadn't", "whys": "why's",
                # (not "shed", "wed", "well", "were": words of their own)
                "hed": "he'd", "hes": "he's", "shes": "she's", "theyd": "they'd", "theyre": "they're",
                "theyll": "they'll", "theyve": "they've"}
# Short forms typed in chat: "how many ppl were killed", "what did the govt say".
ABBREVIATIONS = {"ppl": "people", "govt": "government", "gov't": "government", "abt": "about", "bc": "because",
                 "cuz": "because", "coz": "because", "thru": "through", "yrs": "years",
                 "yr": "year", "mins": "minutes", "hrs": "hours", "u": "you",
                 "ur": "your", "r": "are", "pls": "please", "plz": "please", "vs": "versus",
                 "pm": "prime minister", "bout": "about", "tho": "though", "w": "with", "w/": "with",
                 "b4": "before"}  # (not "rn": "right now" or a typo of "run")
# Chat's asides, no part of what is asked: "what did the us do in najaf lol" (was corrected to "ll")
_ASIDES = re.compile(r"(?i)(?:^|\s+)(?:lol|lmao|lmfao|rofl|ha(?:ha)+|he(?:he)+|tbh|imo|imho|btw|fyi|omg|ngl|smh)\b"
                     r"(?=[\s?.!,]|$)")
# "what's Sadr want": the "'s" is "does" when a name or pronoun and then a bare verb of wanting or saying follow
# ("what's the death toll" keeps its "is": "toll" is no such verb; nor after a possessive: "what's Sadr's demand"
# is "what is", the demand a noun).
_DOES = re.compile(r"\b((?i:what|who|where|why|how|when))['’]s\s+((?:he|she|they|it|the\s+[a-z]+|[A-Z][\w'\-]*"
                   r"(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'\-]*)*)(?<!['’]s)\s+(?:want|need|think|say|mean|plan|know|expect|hope|demand|ask|do|"
                   r"believe|feel|propose|offer|suggest|claim)\b)")  # not "like": "what's Najaf like" is "is"
# "who got hurt", "how many people got killed": "got" + a participle is a passive, said plainly with "was"/"were"
_GOT_PASSIVE = re.compile(r"\b(?:got|gotten)\s+(?=([a-z]+)\b)")
# Question words typed fast, that are words of their own too ("wat" is a temple, "wen" a cyst): corrected only
# where a question word goes, its first word.
QUESTION_WORD_TYPOS = {"wat": "what", "wut": "what", "wot": "what", "wats": "what's", "wen": "when", "wher": "where",
                       "whe": "when", "hw": "how", "hwo": "how", "waht": "what", "whay": "what", "wy": "why",
                       "tel": "tell", "tlel": "tell", "y": "why"}  # (and the request opening a question: "tel me about najaf")
QUESTION_WORDS = ("what", "which", "who", "whom", "whose", "when", "where", "why", "how")
_QUESTION_WORD_NEXT = re.compile(rf"\s+(?:{'|'.join(QUESTION_WORDS)})\b", re.I)  # "whith *whom* ..."
_WHERE_NEXT = re.compile(r"\s+(?:did|does|do|is|are|was|can|could|will|would|should|has|have|had)\s+\w", re.I)
HOW_WORDS = ("many", "much", "long", "far", "often", "old", "come")  # what follows "how" in a question
MIN_TYPO_LEN = 4  # shorter unknown words are corrected to function words only ("wht" -> "what")
# Longer "words" are no typos of an English word (pasted strings, hashes): never corrected. Every string one
# edit away is made and looked up, ~450 per letter: a 10,000-letter word took gigabytes.
MAX_TYPO_LEN = 40


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """The words known without the corpus: common English and function words."""
    return common_words() | stopwords()


@lru_cache(maxsize=1)
def _alphabet() -> str:
    """Every letter a known word may hold: the corpus's words are ASCII letters and apostrophes (index/words.py),
    the common and function words may hold others ("café")."""
    letters = set("abcdefghijklmnopqrstuvwxyz'")
    for w in _known():
        letters.update(w)
    return "".join(sorted(letters))


def _edits(word: str) -> set[str]:
    """Every string one edit away from word: a letter dropped, two swapped, one changed or one added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _alphabet()}
    out |= {a + c + b for a, b in splits for c in _alphabet()}
    return out


def _correct(word: str, corpus: WordStats) -> str | None:
    # The known words one edit away: every such string looked up (in the corpus's words, one query, and in
    # the common and function words), not a scan of the vocabulary.
    near = _edits(word)
    found = (near & _known()) | set(corpus.counts(near))
    swapped: set[str] = set()
    if len(word) < MIN_TYPO_LEN:
        # (else two letters swapped, the word the articles use most: "sya" is "say", "sak" "ask", not "ska")
        swapped = {w for w in found if sorted(w) == sorted(word)}
        found &= stopwords()
    found = {w for w in found if edit_distance(word, w) == 1 and abs(len(w) - len(word)) <= 1}
    if not found and swapped:
        counts = corpus.counts(swapped)
        return max(swapped, key=lambda w: (counts.get(w, 0), w in common_words(), w))
    if not found:
        return None
    counts = corpus.counts(found)
    # Typos keep their first letter ("arest" -> "arrest", not "rest"); then the corpus's own words (most
    # frequent first), then common English, then function words.
    return max(found, key=lambda w: (w[0] == word[0], counts.get(w, 0), w in common_words(), w in stopwords(), w))


def _variant(word: str, corpus: WordStats) -> str | None:
    """The articles' word one edit from `word` that WordNet puts in a synset with it ("negociated" ->
    "negotiated", "bagdad" -> "baghdad"), the most frequent; None when there is none."""
    if len(word) < MIN_TYPO_LEN or not wordnet_available():
        return None
    # the synset's other lemmas in the word's ending, one edit from it (WordNet's few, not every string one edit
    # away looked up in the corpus)
    near = {w for w in synset_forms(word) if edit_distance(word, w) == 1 and w[-2:] == word[-2:]}
    # (another spelling, not another form of one word: "contain" is no variant of "contains"; nor another ending:
    # "slacken" is not "slacked")
    lemmas = {b for p in "nva" for b in base_forms(word, p)}
    counts = corpus.counts({w for w in near if not lemmas & {b for p in "nva" for b in base_forms(w, p)}})
    found = [w for w, n in counts.items() if n]
    return max(found, key=lambda w: (counts[w], w)) if found else None


_LINKS = ("and", "or", "in", "on", "at", "to", "from", "of", "for", "with", "by", "after", "before", "during", "is",
          "was", "are", "were", "do", "did", "does", "has", "had", "have")


def _written_capitalised(corpus: WordStats, low: str) -> str | None:
    """The form the articles write the word in when they nearly always capitalise it mid-sentence, else None."""
    mid, caps, form = corpus.capitalised(low)
    return form if mid and caps / mid >= CAPITALISED else None


def _capital(corpus: WordStats, low: str, countable: bool = False, alone: bool = False) -> str | None:
    """The corpus's capitals for a word it nearly always capitalises mid-sentence; common English words keep
    the user's case (a headline's "What Happened" makes no name of "happened"). A word of the vocabulary that
    is no English word but a name ("brennan": no WordNet lemma) is a name,
    unless `countable` (after "a" / "an": "what is a dan" asks about a thing); so is one WordNet knows only as a
    particular ("normandy", "scotland") standing `alone`, no noun after it (the "turing award" is no Turing)."""
    # (a place WordNet knows only as a particular takes them before a noun too: "the baghdad curfew"; a person's
    # name does not: "the turing award" is no Turing; nor the pronoun "us", the country only after "the": _the_us)
    if low in stopwords() or (low in common_words() and (countable or not (
            _no_english_word(low) or (is_proper_noun(low) and (alone or (is_place_noun(low) and low != "us")))))):
        return None
    return _written_capitalised(corpus, low)


def _singular(low: str, corpus: WordStats) -> str | None:
    """The singular the articles use of an irregular plural they do not ("spokesmen" -> "spokesman"), or None."""
    # (a plural the index's stems join to its singular already is left: "cities" / "city" are both "citi")
    held = [b for b in base_forms(low, "n") if b != low and terms(b) != terms(low)]
    counts = corpus.counts(set(held)) if held else {}
    return next((b for b in held if counts.get(b)), None)


MIN_NAME_PART = 3  # letters of each part of a name the articles write in two words ("Ayat" / "Allah")


def _split_name(low: str, corpus: WordStats) -> str | None:
    """A word the articles write as two capitalised words ("ayatollah" -> "Ayat Allah"), or None: each part a
    word they capitalise mid-sentence (whatever else it is: "Allah" is an English word too), the second as
    typed or one edit from it ("ollah")."""
    if len(low) < 2 * MIN_NAME_PART or not low.isalpha():
        return None
    splits = [(low[:i], low[i:]) for i in range(MIN_NAME_PART, len(low) - MIN_NAME_PART + 1)]
    firsts = corpus.counts({a for a, _ in splits})  # every first part's count, at once
    for a, b in splits:
        first = _written_capitalised(corpus, a) if firsts.get(a) else None
        if not first:
            continue
        # the second as typed, then the articles' words one edit from it (one look-up for all)
        held = corpus.counts({b, *(_edits(b) if len(b) > MIN_NAME_PART else ())})
        seconds = [w for w in [b, *sorted(set(held) - {b})] if held.get(w)]
        second = next((f for w in seconds if (f := _written_capitalised(corpus, w))), None)
        if second:
            return f"{first} {second}"
    return None


# American and British endings of one word: "defense" / "defence", "center" / "centre", "color" / "colour",
# "organize" / "organise", "analyze" / "analyse", "catalog" / "catalogue", "traveled" / "travelled"
_SPELLINGS = (("ense", "ence"), ("ence", "ense"), ("ter", "tre"), ("tre", "ter"), ("ber", "bre"), ("bre", "ber"),
              ("or", "our"), ("our", "or"), ("ize", "ise"), ("ise", "ize"), ("yze", "yse"), ("yse", "yze"),
              ("og", "ogue"), ("ogue", "og"))
_ENDINGS = ("", "s", "d", "ed", "ing", "r", "rs", "ation", "ations")


def _other_spelling(low: str, corpus: WordStats) -> str | None:
    """The articles' spelling of a word they only write the other way ("defense" -> "defence"), or None."""
    if len(low) < 5 or not low.isalpha():
        return None
    found = set()
    for ending in _ENDINGS:
        stem = low[:len(low) - len(ending)] if ending else low
        if ending and not low.endswith(ending):
            continue
        for a, b in _SPELLINGS:
            if stem.endswith(a):
                found.add(stem[:-len(a)] + b + ending)
    # "traveled" / "travelled": a doubled l before an ending
    m = re.fullmatch(r"([a-z]+[aeiou])(l|ll)(ed|ing|er|ers)", low)
    if m:
        found.add(m.group(1) + ("ll" if m.group(2) == "l" else "l") + m.group(3))
    counts = corpus.counts(found)
    return max((w for w in found if counts.get(w)), key=lambda w: (counts[w], w), default=None)


def _no_english_word(low: str) -> bool:
    """WordNet knows the word as nothing: a surname ("brennan"). (One it knows as a particular, "turing" or
    "london", stays as typed: measured, the natural set's "did stephen cook win the turing award" was
    answered with a sentence on Cook that names no award.)"""
    # (two letters are a pronoun's or an abbreviation's: "tell us about it" is no question about the US)
    return len(low) > 2 and wordnet_available() and not any(base_forms(low, p) for p in "nva")


def _country(corpus: WordStats, low: str) -> str | None:
    """For a people's word the articles never use ("americans"), the name of their country as the articles
    write it ("US"): people ask about "the americans", news writes "the US"."""
    names = [n for n in country_names(low) if n.isalpha()]  # one-word names: "us", "iraq", not "u.s."
    if not names:
        return None
    forms = set(base_forms(low, "n")) | set(base_forms(low, "a"))
    if any(corpus.counts(forms).values()):
        return None  # "iraqis": the articles say "Iraqi", which the question's terms find
    counts = corpus.counts(set(names))
    found = [n for n in names if counts.get(n)]
    if not found:
        return None
    best = max(found, key=lambda n: (counts[n], n))
    return _written_capitalised(corpus, best) or (best.upper() if len(best) <= 3 else best.capitalize())


# News asks for a count of the dead or hurt with a noun ("the death toll", "casualties") where its articles
# give the count with a verb ("12 people have been killed"): such a question is put as the plain count it asks
# for, which is what the understood question then shows.
_TOLL = r"(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|casualties|fatalities|people\s+killed))"
_TOLL_NOUN = r"(?:casualties|deaths|fatalities|dead)"
_THERE = r"(?:\s+(?:were|are|have|has)\s+(?:there|been)(?:\s+been)?)?"
COUNT_IDIOMS = (
    # "what's the death toll in basra", "what is the number of casualties"
    (re.compile(rf"^\s*(?:what(?:'s|\s+is|\s+was)|whats)\s+the\s+{_TOLL}\b\s*(?:so\s+far\s*)?", re.I), "how many were killed "),
    # "how many casualties were there in basra", "how many dead"
    (re.compile(rf"^\s*how\s+many\s+{_TOLL_NOUN}\b{_THERE}\s*", re.I), "how many were killed "),
    # "how many injuries"
    (re.compile(rf"^\s*how\s+many\s+injuries\b{_THERE}\s*", re.I), "how many were injured "),
    # "were there any casualties in basra", "have there been deaths": whether anyone was
    (re.compile(rf"^\s*(?:were|are|have|has)\s+there\s+(?:been\s+)?(?:any\s+)?{_TOLL_NOUN}\b\s*", re.I), "was anyone killed "),
    (re.compile(r"^\s*(?:were|are|have|has)\s+there\s+(?:been\s+)?(?:any\s+)?injuries\b\s*", re.I), "was anyone hurt "),
    # "injuries in basra", "any injuries?" (no question word)
    (re.compile(r"^\s*(?:any\s+)?injuries\s*(?=[?.!]*\s*$)", re.I), "how many were injured"),
    (re.compile(r"^\s*(?:any\s+)?injuries\s+(?=in\b)", re.I), "how many were injured "),
    # "casualties basra", "deaths in Kut" (a name after the noun: normalize has capitalised it)
    (re.compile(rf"^\s*(?:any\s+)?(?:{_TOLL_NOUN}|[Dd]eath\s+toll)\s+(?:in\s+)?(?P<place>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)\s*(?=[?.!]*\s*$)"),
     "how many were killed in \\g<place>"),
    # "any casualties?", "casualties", "death toll?"
    (re.compile(rf"^\s*(?:any\s+)?(?:{_TOLL_NOUN}|death\s+toll)\s*(?=[?.!]*\s*$)", re.I), "how many were killed"),
    # "death toll in basra", "the number of casualties in kut" (no question word)
    (re.compile(r"^\s*(?:the\s+)?(?:death\s+toll|number\s+of\s+(?:dead|deaths|casualties|fatalities))\b\s*", re.I),
     "how many were killed "),
    # "Basra death toll" (a name: normalize has capitalised it; "civilian casualties" names no place)
    (re.compile(r"^\s*(?P<place>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)\s+(?:[Dd]eath\s+toll|[Cc]asualties)\s*(?=[?.!]*\s*$)"), "how many were killed in \\g<place>"),
)


# ... and inside a question, what was said about it ("what did the officials say about the death toll")
_ABOUT_TOLL = re.compile(r"(?i)\b(about|on|regarding|concerning|of)\s+(?:the\s+)?(?:death\s+toll|casualties|"
                         r"casualty\s+(?:figures?|count|toll)|number\s+of\s+(?:dead|deaths|casualties|fatalities))\b")


def plain_count(question: str) -> str:
    """The question with a news idiom for a count of the dead put plainly ("basra death toll" -> "how many were
    killed in basra"); other questions unchanged."""
    if _ABOUT_TOLL.search(question) and not any(p.search(question) for p, _ in COUNT_IDIOMS):
        return _ABOUT_TOLL.sub(r"\1 the number killed", question, count=1)
    for pattern, plain in COUNT_IDIOMS:
        if pattern.search(question):
            # (no space left before the question mark: "have there been injuries?" -> "was anyone hurt?")
            return re.sub(r"\s+(?=[?.!]+\s*$)", "", pattern.sub(plain, question, count=1)).rstrip()
    return question


_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


def _spelt_ordinals(question: str, corpus: WordStats) -> str:
    """"whats the 2nd step" -> "whats the second step" where the articles write the ordinal as a word."""
    def spell(m: re.Match) -> str:
        n = int(m.group(1))
        word = _ORDINALS[n] if n < len(_ORDINALS) else None
        return word if word and corpus.counts({word}).get(word) else m.group()
    return _ORDINAL.sub(spell, question)


# "the un", "the eu": after "the", a body or country known by its initials, written as they are
_THE_INITIALS = re.compile(r"\b((?i:the)\s+)(un|eu|uk|usa|nato|cia|fbi|imf|opec|iaea)\b")


def normalize(question: str, lib) -> str:
    """`question` with unknown words corrected and the corpus's names capitalised (lib: a Snapshot)."""
    # "please tell me what maliki said lol" -> "what did maliki say"
    question = direct(_ASIDES.sub("", question).strip() or question)
    corpus = lib.words
    question = _spelt_ordinals(question, corpus)
    question = _THE_INITIALS.sub(lambda m: m.group(1) + m.group(2).upper(), question)
    counts = corpus.counts({m.group().lower() for m in _TOKEN.finditer(question)})  # the question's words, at once
    known = _known()

    def fix(m) -> str:
        w = m.group()
        low = w.lower()
        if low in CONTRACTIONS:
            return CONTRACTIONS[low] if w.islower() else CONTRACTIONS[low].capitalize()
        # a word the articles use is theirs ("bc" may be "BC"); after a number "pm" is the time ("at 3 pm")
        if low in ABBREVIATIONS and low not in counts and not (low == "pm" and re.search(r"\d\s*$", question[:m.start()])):
            return ABBREVIATIONS[low]
        if low in QUESTION_WORD_TYPOS and not question[:m.start()].strip():
            return QUESTION_WORD_TYPOS[low]
        # "were did maliki go", "wear is the shrine": a word of its own where a question word goes, before a
        # verb no statement puts there, is "where"
        if (low in ("were", "wear", "ware") and not question[:m.start()].strip()
                and _WHERE_NEXT.match(question, m.end())):
            return "where" if w.islower() else "Where"
        # "wich city ...": where a question word goes, a word the corpus does not use one edit from exactly one
        # question word is that word (not the commoner "with")
        if (low not in counts and low not in known and not known_word(low) and not question[:m.start()].strip()
                and not w[:1].isupper()
                and not _QUESTION_WORD_NEXT.match(question, m.end())):
            near = [h for h in QUESTION_WORDS if edit_distance(low, h) == 1]
            if len(near) == 1:
                return near[0]
        # "how mny": after "how", a word one edit from "many", "much", "long" ... is that word
        if low not in counts and re.search(r"(?i)\bhow\s+$", question[:m.start()]):
            near = [h for h in HOW_WORDS if edit_distance(low, h) == 1]
            if len(near) == 1:
                return near[0]
        # (not the people counted: "how many americans died" asks of people, not of "how many US"; "how many
        # american soldiers" counts soldiers, "US soldiers")
        if low not in counts and "'" not in w and not (low.endswith("s") and _COUNTED.search(question[:m.start()])):
            country = _country(corpus, low)
            if country:
                return country
        # "sadrists" where the articles write only "Sadrist": a plural, not a typo ("Sadrists", not "Sadrist");
        # before a noun, a possessive without its apostrophe ("sadrs aide" -> "Sadr's aide")
        cap = (_capital(corpus, low[:-1]) if low not in counts and low.endswith("s") and w.islower()
               and corpus.counts({low[:-1]}).get(low[:-1]) else None)
        if cap:  # (a common word's "weaponss" is a typo, below)
            # a possessive before a noun ("for sadrs arrest"); a plural after "the" or before its verb
            after = re.match(r"\s+([a-z]+)", question[m.end():])
            # ... or after an auxiliary, before a bare verb ("how did sadrists feel", not "did sadrs aide go")
            subject = (after and re.search(r"(?i)\b(?:did|do|does|will|would|can|could|should|might|must)\s+$",
                                           question[:m.start()]) and after.group(1) in base_forms(after.group(1), "v"))
            owned = (after and base_forms(after.group(1), "n") and after.group(1) not in _VERBS_AFTER_PLURAL
                     and not subject
                     and not re.search(r"(?i)\b(?:the|these|those|all|many|some)\s+$", question[:m.start()]))
            return f"{cap}'s" if owned else f"{cap}s"
        # "najaf's economy": a possessive of a name the articles capitalise, whatever its own count
        owner = re.fullmatch(r"([a-z][a-z\-]*)(['\u2019]s)", w)
        if owner and low not in counts:
            cap = _capital(corpus, owner.group(1))
            if cap:
                return cap + owner.group(2)
        # "ayatollah" where the articles write "Ayat Allah": a name in two words, typed as one
        split = _split_name(low, corpus) if low not in counts and (w.islower() or w.istitle()) else None
        if split:
            return split
        # "self defense" where the articles write "self-defence": the other side of the Atlantic's spelling
        other = _other_spelling(low, corpus) if low not in counts and w.islower() and "'" not in w else None
        if other:
            return other
        # "spokesmen" where the articles write only "spokesman": an irregular plural is searched as its singular
        # (the index's terms are stems, which join "-s" plurals only)
        single = _singular(low, corpus) if low not in counts and w.islower() else None
        if single:
            return single
        # "abu fars" -> "Abu Faris": after a name the articles write, a word they do not, one edit from a name
        # they capitalise, is that name (though WordNet knows "fars")
        after_name = re.search(r"([A-Za-z][\w'\-]*)\s+$", question[:m.start()])
        # (no common English word: "was maliki sad" is not "... Sadr")
        named = (_correct(low, corpus) if low not in counts and w.islower() and after_name and low not in known
                 and _capital(corpus, after_name.group(1).lower()) else None)
        named = _capital(corpus, named) if named else None
        if named:
            return named
        # "negociated", "bagdad": a spelling WordNet lists beside the one the articles use, one edit from it
        variant = _variant(low, corpus) if low not in counts and w.islower() and known_word(low) else None
        if variant:
            low = w = variant
        if (low not in counts and low not in known and not w[0].isupper() and "'" not in w
                and len(low) <= MAX_TYPO_LEN and not known_word(low)):
            low = _correct(low, corpus) or low
            w = low
        if w.islower():
            alone = not re.match(r"\s+[a-z]", question[m.end():]) or bool(re.match(
                rf"\s+(?:{'|'.join(_LINKS)})\b", question[m.end():]))
            return _capital(corpus, low, bool(_AFTER_A.search(question[:m.start()])), alone) or w
        return w

    joined = _passive(_join_names(_the_us(_TOKEN.sub(fix, question), corpus), corpus))
    return _positive(plain_count(simple_tense(_DOES.sub(lambda m: f"{m.group(1)} does {m.group(2)}", joined))))


# "didn't the government welcome the move?" asks what "did the government welcome the move?" does: the
# negation of a yes/no question's opening auxiliary is the asker's expectation, not what is asked ("why didn't
# they ..." does ask about the negative, and keeps it)
_NEGATED_AUX = {"didn't": "did", "doesn't": "does", "don't": "do", "isn't": "is", "wasn't": "was",
                "aren't": "are", "weren't": "were", "hasn't": "has", "haven't": "have", "hadn't": "had",
                "won't": "will", "wouldn't": "would", "can't": "can", "couldn't": "could", "shouldn't": "should"}
# ... inverted: its subject follows ("don't know" is no question)
_NEGATED_OPENING = re.compile(r"^(\W*)([A-Za-z]+)(?:[nN]['\u2019]?[tT])\b(?=\s+(?:(?i:the|a|an|this|that|these|those|there|he|"
                              r"she|it|they|we|you|i|his|her|their|its|any|some|all|most|many)\b|[A-Z]))")


def _positive(question: str) -> str:
    m = _NEGATED_OPENING.match(question)
    if not m:
        return question
    typed = question[m.start(2):m.end()].lower().replace("\u2019", "'")
    aux = _NEGATED_AUX.get(typed if "'" in typed else typed[:-2] + "n't")
    if not aux:
        return question
    aux = aux.capitalize() if question[m.start(2)].isupper() else aux
    return question[:m.start(2)] + aux + question[m.end():]


# A word counting the people after it: "how many americans", "two iraqis", "several british"
_COUNTED = re.compile(r"(?i)\b(?:many|few|several|some|any|no|most|all|\d[\d,]*|two|three|four|five|six|seven|eight|"
                      r"nine|ten|dozens\s+of|hundreds\s+of|thousands\s+of)\s+$")
# bare verbs that follow a plural subject and are nouns too ("what do sadrists want")
_VERBS_AFTER_PLURAL = frozenset("do want say think need know have are were demand plan fear hope".split())
_AFTER_A = re.compile(r"(?i)\ban?\s+$")
# A lower-case word right before a capitalised one ("dan Senor"), or right after one ("Senor dan").
_BEFORE_NAME = re.compile(r"\b()([a-z]+)(?=\s+[A-Z])")
# (a question word opening the question is no name: "What happened in Kut?" keeps "happened", which a teaser's
# headline capitalises)
_AFTER_NAME = re.compile(r"(\b(?!(?:What|Who|Whom|Whose|Where|When|Why|How|Which|Is|Are|Was|Were|Did|Does|Do|Has|"
                         r"Have|Had|Can|Could|Will|Would|Should|Tell|Give|Show|The|A|An)\b)[A-Z][\w'\-]*\s+)([a-z]+)\b")


def _the_us(question: str, corpus: WordStats) -> str:
    """"the us" is the country, never the pronoun: "what did the us give in return" asks about the articles'
    "US" (where they write it so); so is "us" before people of some kind or a body of them ("what do us
    officials want", "us forces", "us military"; not "give us help")."""
    if not re.search(r"\bus\b", question):
        return question
    _, _, form = corpus.capitalised("us")
    if not (form and form.isupper()):
        return question
    question = re.sub(r"\b(the\s+)us\b", rf"\g<1>{form}", question)
    return _US_BEFORE.sub(lambda m: form if _people(m.group(1)) else m.group(), question)


_US_BEFORE = re.compile(r"\bus(?=\s+([a-z]+)\b)")


def _people(noun: str) -> bool:
    """A body of people ("military", "army") or people of a kind, in the plural ("officials", "forces")."""
    return is_group_noun(noun) or (is_person_noun(noun) and noun not in base_forms(noun, "n")
                                   and bool(base_forms(noun, "n")))


def _passive(question: str) -> str:
    """"got" + a past participle as "was" / "were" (+ the participle): the question's verb is the participle;
    "did anyone get hurt" as "was anyone hurt"."""
    be = "were" if re.match(r"(?i)\s*how\s+many\b", question) else "was"
    question = _DID_GET.sub(lambda m: f"{'were' if m.group(2).lower() in ('they', 'you', 'we') else 'was'} {m.group(2)} "
                            if is_participle(m.group(3)) else m.group(), question)
    return _GOT_PASSIVE.sub(lambda m: f"{be} " if is_participle(m.group(1)) else m.group(), question)


# "did anyone get hurt": "get" + a participle after "did" and a pronoun is a passive too
_DID_GET = re.compile(r"\b(did)\s+(anyone|anybody|someone|somebody|everyone|everybody|he|she|it|they|you|we)\s+get\s+"
                      r"(?=([a-z]+)\b)", re.I)


def _join_names(question: str, corpus: WordStats) -> str:
    """A common word typed in lower case beside a name, that the articles always capitalise, is part of the
    name: "who is dan Senor" asks about "Dan Senor" (a "dan" is also a rank in judo, so "dan" alone keeps
    the user's case)."""
    def fix(m) -> str:
        low = m.group(2)
        if low in stopwords():
            return m.group()
        form = _written_capitalised(corpus, low)
        return m.group(1) + form if form else m.group()

    return _AFTER_NAME.sub(fix, _BEFORE_NAME.sub(fix, question))
