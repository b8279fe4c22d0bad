"""The question as the corpus spells it: typos corrected and names capitalised, before anything else.

People type "wht did sadr demnad": every later step (follow-up rewriting, names, BM25) needs "What did Sadr
demand". A word the corpus (or common English) does not know is replaced by the most frequent known word
one edit away (a letter added, dropped, changed, or two swapped; two edits for long words); a lower-case
word the articles almost always capitalise ("sadr", "basra") takes their capitals; a people's word the
articles never use takes their name for its country ("the americans" -> "the US"). Known words, numbers and
anything ambiguous stay as typed. Each word's look-ups are bot/corrections.py's; the idioms put plainly (a count
of the dead, a negated auxiliary, "got" and a participle), bot/idioms.py's.
"""

from __future__ import annotations

import re

from bot.answer import base_forms, is_group_noun, is_person_noun, known_word
from bot.corrections import (_capital, _correct, _country, _known, _other_spelling, _singular, _split_name, _variant,
                             _written_capitalised)
from bot.direct import direct, topic_first
from bot.idioms import (_passive, _positive, plain_count, plain_left, plain_name, plain_phrase, plain_stronghold,
                        plain_their)
from bot.tense import simple_tense
from index.terms import edit_distance, stopwords
from index.words import WORD as _TOKEN
from index.words import WordStats

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
# Question words typed fast, that are words of their own too ("wat" is a temple, "wen" a cyst): corrected only
# where a question word goes, its first word.
QUESTION_WORD_TYPOS = {"wat": "what", "wut": "what", "wot": "what", "wats": "what's", "wen": "when", "wher": "where",
                       "whe": "when", "hw": "how", "hwo": "how", "waht": "what", "whay": "what", "wy": "why",
                       "tel": "tell", "tlel": "tell", "y": "why"}  # (and the request opening a question: "tel me about najaf")
QUESTION_WORDS = ("what", "which", "who", "whom", "whose", "when", "where", "why", "how")
_QUESTION_WORD_NEXT = re.compile(rf"\s+(?:{'|'.join(QUESTION_WORDS)})\b", re.I)  # "whith *whom* ..."
_WHERE_NEXT = re.compile(r"\s+(?:did|does|do|is|are|was|can|could|will|would|should|has|have|had)\s+\w", re.I)
HOW_WORDS = ("many", "much", "long", "far", "often", "old", "come")  # what follows "how" in a question
# Longer "words" are no typos of an English word (pasted strings, hashes): never corrected. Every string one
# edit away is made and looked up, ~450 per letter: a 10,000-letter word took gigabytes.
MAX_TYPO_LEN = 40


_LINKS = ("and", "or", "in", "on", "at", "to", "from", "of", "for", "with", "by", "after", "before", "during", "is",
          "was", "are", "were", "do", "did", "does", "has", "had", "have")
_LINK_AFTER = re.compile(rf"\s+(?:{'|'.join(_LINKS)})\b")


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


# "why'd he go", "how'd it start", "whatd he say": a question word's "'d" is "did" (but "would" before "have" / "be":
# "what'd have happened")
_QUESTION_D = re.compile(r"(?i)^(\s*(?:why|how|what|where|when))['\u2019]?d\s+(?!(?:have|be)\b)(?=[a-z])")


def normalize(question: str, lib) -> str:
    """`question` with unknown words corrected and the corpus's names capitalised (lib: a Snapshot)."""
    question = _QUESTION_D.sub(lambda m: f"{m.group(1)} did ", question)
    # "please tell me what maliki said lol" -> "what did maliki say"
    question = direct(_ASIDES.sub("", question).strip() or question)
    corpus = lib.words
    question = _spelt_ordinals(question, corpus)
    question = _THE_INITIALS.sub(lambda m: m.group(1) + m.group(2).upper(), question)
    counts = corpus.counts({m.group().lower() for m in _TOKEN.finditer(question)})  # the question's words, at once
    known = _known()
    lead = len(question) - len(question.lstrip())  # where the first word starts

    def fix(m) -> str:
        w = m.group()
        low = w.lower()
        if low in CONTRACTIONS:
            return CONTRACTIONS[low] if w.islower() else CONTRACTIONS[low].capitalize()
        # a word the articles use is theirs ("bc" may be "BC"); after a number "pm" is the time ("at 3 pm")
        if low in ABBREVIATIONS and low not in counts and not (low == "pm" and _before(_DIGIT_BEFORE, question, m.start())):
            return ABBREVIATIONS[low]
        if low in QUESTION_WORD_TYPOS and m.start() <= lead:
            return QUESTION_WORD_TYPOS[low]
        # "were did maliki go", "wear is the shrine": a word of its own where a question word goes, before a
        # verb no statement puts there, is "where"
        if (low in ("were", "wear", "ware") and m.start() <= lead
                and _WHERE_NEXT.match(question, m.end())):
            return "where" if w.islower() else "Where"
        # "wich city ...": where a question word goes, a word the corpus does not use one edit from exactly one
        # question word is that word (not the commoner "with")
        if (low not in counts and low not in known and not known_word(low) and m.start() <= lead
                and not w[:1].isupper()
                and not _QUESTION_WORD_NEXT.match(question, m.end())):
            near = [h for h in QUESTION_WORDS if edit_distance(low, h) == 1]
            # "whn was ...": one edit from "when", "who" and "why"; before an auxiliary, a letter left out is the
            # commoner slip of a fast typist than one mistyped, so the one word it drops a letter of is meant
            # (never the formal "whom": "whm was the spokesman" is "who"; before a verb, "whn handed control ..."
            # is "who" too, as the general typo rule has it)
            if len(near) > 1 and _WHERE_NEXT.match(question, m.end()):
                near = [h for h in near if len(h) == len(low) + 1 and h != "whom"]
            if len(near) == 1:
                return near[0]
        # "how mny": after "how", a word one edit from "many", "much", "long" ... is that word
        if low not in counts and _before(_HOW_BEFORE, question, m.start()):
            near = [h for h in HOW_WORDS if edit_distance(low, h) == 1]
            if len(near) == 1:
                return near[0]
        # (not the people counted: "how many americans died" asks of people, not of "how many US"; "how many
        # american soldiers" counts soldiers, "US soldiers")
        if low not in counts and "'" not in w and not (low.endswith("s") and _before(_COUNTED, question, m.start())):
            country = _country(corpus, low)
            if country:
                return country
        # "sadrists" where the articles write only "Sadrist": a plural, not a typo ("Sadrists", not "Sadrist");
        # before a noun, a possessive without its apostrophe ("sadrs aide" -> "Sadr's aide")
        cap = (_capital(corpus, low[:-1]) if low not in counts and low.endswith("s") and w.islower()
               and corpus.counts({low[:-1]}).get(low[:-1]) else None)
        # ... and so "shiites", where the articles write "Shi'ite": the singular is their word without its apostrophe
        if (not cap and low not in counts and low.endswith("s") and w.islower() and "'" not in low
                and len(low) <= MAX_TYPO_LEN):
            bare = _correct(low[:-1], corpus)
            cap = _capital(corpus, bare) if bare and bare.replace("'", "") == low[:-1] else None
        if cap:  # (a common word's "weaponss" is a typo, below)
            # a possessive before a noun ("for sadrs arrest"); a plural after "the" or before its verb
            after = _WORD_AFTER.match(question, m.end())
            # ... or after an auxiliary, before a bare verb ("how did sadrists feel", not "did sadrs aide go")
            subject = (after and _before(_AUX_BEFORE, question, m.start()) and after.group(1) in base_forms(after.group(1), "v"))
            owned = (after and base_forms(after.group(1), "n") and after.group(1) not in _VERBS_AFTER_PLURAL
                     and not subject
                     and not _before(_DETERMINER_BEFORE, question, m.start()))
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
        after_name = _before(_WORD_BEFORE, question, m.start())
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
            alone = not _LOWER_AFTER.match(question, m.end()) or bool(_LINK_AFTER.match(question, m.end()))
            return _capital(corpus, low, bool(_before(_AFTER_A, question, m.start())), alone) or w
        return w

    joined = _passive(_join_names(_the_us(_TOKEN.sub(fix, question), corpus), corpus))
    # "basra offensive who started it": the topic typed first put in the question, then as any question (direct)
    topic = topic_first(joined, lambda ws: set(ws) <= set(corpus.counts(set(ws))))
    joined = direct(topic) if topic else joined
    return plain_left(plain_phrase(plain_stronghold(plain_name(_positive(plain_count(simple_tense(plain_their(
        _DOES.sub(lambda m: f"{m.group(1)} does {m.group(2)}", joined))))))), corpus))


# What fix() looks for right before or after a word. Each is searched from the word's own position (never
# in a slice of the text before it: copying and scanning the whole head of a long text for each of its words
# made a 20,000-character turn of a history take seconds).
_DIGIT_BEFORE = re.compile(r"\d\s*$")
_HOW_BEFORE = re.compile(r"(?i)\bhow\s+$")
_AUX_BEFORE = re.compile(r"(?i)\b(?:did|do|does|will|would|can|could|should|might|must)\s+$")
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|these|those|all|many|some)\s+$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'\-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([a-z]+)")
_LOWER_AFTER = re.compile(r"\s+[a-z]")
LOOKBACK = 200  # characters before a word that the *_BEFORE patterns read: a word or two and their spaces


def _before(pattern: re.Pattern, text: str, end: int) -> re.Match | None:
    """pattern, which ends in "$", searched in text[:end] from the last space at least LOOKBACK characters
    back (a space, so that a word it captures is whole; \\b sees the character before the start too)."""
    return pattern.search(text, max(text.rfind(" ", 0, max(end - LOOKBACK, 0)), 0), end)


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
