"""Who said it: "What did Maliki say about Sadr's order?" is answered by what Maliki said.

News quotes many people on one topic. A question about what someone said, announced or demanded is
answered by a sentence that attributes the words to that someone, not by another speaker's sentence
on the same topic that happens to share more words with the question ("Sadr spokesman ... saying he
was ordering an end to the fighting"). The speaker counts as named when the sentence names them, calls
them by a title the article gives them ("the prime minister"), or holds a pronoun right after a sentence
that names them ("In exchange, he asked ...").

This module reads the sentence: who is the subject of a verb in it (does_as_subject, speaks_as_subject, acts_first,
...) and whether it names the speaker (names_speaker). Reading the question (its actor, speaker and verb:
actor_terms, speaker_terms) and whether a sentence holds that verb (does_verb, same_act) is bot/answer/actor.py's.
"""

from __future__ import annotations

import re

from bot.answer import lexicon, rewordings, wordkinds
from bot.answer.actor import same_act
from bot.answer.aliases import named_by_title
from bot.answer.verbs import BE_FORMS, is_participle
from bot.library import Library, sentence_at
from index.terms import stopwords, terms, words

# A pronoun standing for the doer named in the sentence before ("it": a board, a council, a company)
_PRONOUN = re.compile(r"\b(?:He|he|She|she|It|it|They|they)\b")
_OWN_NAME = re.compile(r"\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                       r"April|May|June|July|August|September|October|November|December)\b)[A-Z]")


# "people" asked about as doers ("what are people in Basra saying"): the ones a story names by where they live or what
# they are to it ("Residents of Basra said ...")
_GENERIC_PEOPLE = frozenset(terms("people folks everyone everybody public"))
_ARMED = frozenset(terms("forces troops military soldiers"))
_BODIES = frozenset(terms("officials authorities government police spokesman spokesmen lawmakers officers commanders "
                          "leaders administration ministers militia militias fighters"))
_SOME_PEOPLE = frozenset(terms("residents locals inhabitants citizens civilians villagers townspeople witnesses people "
                               "population"))


def covers(actor: frozenset[str], found: set[str] | frozenset[str], armed: bool = False) -> bool:
    """Does `found` (the terms naming a sentence's doer) name the actor: all its terms, a word for people in
    general standing for any word for the people living there ("people" / "residents")? `armed`: a people's
    armed forces named as the people (only for whose words a sentence reports: names_speaker)."""
    if actor <= found:
        return True
    # "US troops" for "US forces would ...", and for "the US agreed ...": one word for a people's armed forces stands
    # for another, and for the people named alone when no other body of theirs is named ("Iraqi officials say ..."
    # are not Iraqi troops)
    forces = actor & _ARMED if armed else None
    if forces and actor - forces and (actor - forces) <= found and (found & _ARMED or not found & _BODIES):
        return True
    generic = actor & _GENERIC_PEOPLE
    return bool(generic) and (actor - generic) <= found and bool(found & _SOME_PEOPLE)

def does_as_subject(lib: Library, actor: frozenset[str], verb: str, article_id: str, start: int) -> bool:
    """does_verb with the actor as the doer: the sentence names them (itself, by title, or by a pronoun
    after a sentence that does) before a form of the verb (or a stand-in: same_act) that is not an
    infinitive of someone else's act ("prompted those loyal to Sistani *to ask* ..." is not Sistani asking)."""
    return _subject_of_verb(lib, actor, article_id, start, lambda w: same_act(verb, w))


def undergoes_as_subject(lib: Library, actor: frozenset[str], verb: str, article_id: str, start: int) -> bool:
    """The actor the subject of a passive whose verb causes the one asked about (WordNet's cause pointer,
    rewordings.causers): "at least 12 people have been killed" is people dying."""
    causing = set(rewordings.causers(verb))
    return bool(causing) and _subject_of_verb(lib, actor, article_id, start,
                                              lambda w: bool(set(lexicon.base_forms(w, "v")) & causing), passive=True)


def acts_as_subject(lib: Library, actor: frozenset[str], verb: str, article_id: str, start: int) -> bool:
    """The sentence's own (first) verb is the act (or a stand-in) and the actor its subject, named or as a
    pronoun after a sentence about them: "In exchange, he asked the government ..." after "Sadr said ...", not
    "The cleric's aide ... read a statement on behalf of Sadr, demanding ..." (the aide reads)."""
    text = lib.articles[article_id].text
    s = sentence_at(lib, article_id, start)
    sentence = text[s.start:s.end]
    m = _first_verb(sentence)
    first = m.group().lower() if m else ""
    if not first or not same_act(verb, first):
        return False
    # named before it, a possessor not counting ("Sadr's spokesman said" is the spokesman), or a pronoun
    # opening the sentence after one about them
    if _PRONOUN_OPENS.match(sentence[:m.start()]):
        return _subject_of_verb(lib, actor, article_id, start, lambda w: w == first, first_only=True)
    return acts_first(lib, actor, article_id, start)


_PRONOUN_OPENS = re.compile(r"^(?:[^,]*,\s*)?(?:he|she|they)\s+$", re.I)  # "In exchange, he " before the verb


def speaks_as_subject(lib: Library, speaker: frozenset[str], article_id: str, start: int) -> bool:
    """Is the speaker the one saying something in the sentence at `start`: named (itself, by title, or by a
    pronoun after a sentence whose subject they are) before its first verb of speech ("Sadr said", "He
    repeated his declaration")? Neither "He said ... targeting the government" nor "He said the government
    must guarantee ..." (what someone else said it must do) is the government speaking."""
    return _subject_of_verb(lib, speaker, article_id, start, wordkinds.is_speech_verb, first_only=True)


def says_as_subject(lib: Library, speaker: frozenset[str], article_id: str, start: int) -> bool:
    """speaks_as_subject with a verb of speech in the wider sense (wordkinds.may_say): "Sadr is threatening a
    campaign ...", "The government has welcomed the move"."""
    sentence = lib.articles[article_id].text[start:sentence_at(lib, article_id, start).end]
    verb = _first_verb(sentence)  # the sentence's own verb, its subject the speaker
    return verb is not None and wordkinds.may_say(verb.group().lower()) and acts_first(lib, speaker, article_id, start)


_TITLE_OWNER = re.compile(r"\bthe\s+(?:[a-z\-]+\s+)?[a-z\-]+['\u2019]s\b", re.I)  # "the cleric's", "the prime minister's"
_GOVERNED = re.compile(r"\b(?:of|by|to|with|for|from|between|against|about)\s+(?:the\s+)?"
                       r"(?:[\w'\-]*[A-Z][\w'\-]*\s*)+")  # "on behalf of Sadr", "between al-Sadr"
# "Spokesman for the US-led occupation administration, Dan Senor, said ...": one speaking for a body speaks as it
_SPEAKS_FOR = re.compile(r"(?i)\b(spokes(?:man|woman|person|men|women|people)|representatives?|envoys?)\s+for\s+")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that"})


# Verbs whose infinitive is their subject's own act, done ("agreed to suspend", "began to withdraw")
_OWN_ACT = frozenset("agree decide begin start continue".split())


def _subject_of_verb(lib: Library, actor: frozenset[str], article_id: str, start: int, is_the_verb,
                     first_only: bool = False, passive: bool = False) -> bool:
    """The actor named before a word of the sentence at `start` that ``is_the_verb`` accepts (no infinitive;
    ``first_only``: the first such word; ``passive``: only a passive's participle, its subject the one undergoing
    the act)."""
    text = lib.articles[article_id].text
    s = sentence_at(lib, article_id, start)
    sentence = text[s.start:s.end]
    tokens = list(re.finditer(r"[\w'\-]+", sentence))
    for i, m in enumerate(tokens):
        w = m.group().lower()
        if not w.isalpha() or w in stopwords():
            continue
        # (a phrasal verb the word makes with the next one is the act too: "turning in their guns" hands them over)
        if not is_the_verb(w) and not (i + 1 < len(tokens) and (phrasal := lexicon.compound(w, tokens[i + 1].group()))
                                       and is_the_verb(phrasal)):
            continue
        # (an infinitive is someone else's act, unless the verb before it makes it the subject's own: "the US
        # agreed to suspend the warrant" is the US suspending it)
        if i and tokens[i - 1].group().lower() == "to" and not (
                i > 1 and set(lexicon.base_forms(tokens[i - 2].group().lower(), "v")) & _OWN_ACT):
            continue
        # a noun after a determiner or a possessive ("After the cleric's order went out": no one orders)
        if i and (tokens[i - 1].group().lower() in _DETERMINERS or re.search(r"['\u2019]s$", tokens[i - 1].group())):
            continue
        # a passive's subject is no doer ("The truce struck between al-Sadr and ... was greeted ... by the
        # residents" is not al-Sadr greeting)
        if (i and tokens[i - 1].group().lower() in BE_FORMS and is_participle(w)) != passive:
            continue
        before = sentence[:m.start()]
        # (a title's possessive names its owner, not the doer: "The cleric's aide Hazem Al-Aaraji read ..." is the
        # aide reading)
        # (nor is one named after a preposition: "... read a statement on behalf of Sadr, demanding ..." is the
        # reader demanding)
        doers = _GOVERNED.sub(" ", _SPEAKS_FOR.sub(r"\1 ", before))
        if covers(actor, set(terms(f"{doers} {named_by_title(text, _TITLE_OWNER.sub(' ', doers))}"))):
            return True
        # "he" / "she" / "they" before the verb: the actor when the sentence before has them as its subject
        # (named before its first verb): "He said ... targeting the government" after "He said he was ordering
        # cooperation with the government" is not the government speaking; nor is a pronoun the doer named
        # after the verb in its own sentence
        if (_PRONOUN.search(before) and s.ordinal > 0
                and covers(actor, _subject_of(text, lib.sentences[article_id][s.ordinal - 1]))):
            return True
        if first_only:
            return False
    return False


def acts_first(lib: Library, actor: frozenset[str], article_id: str, start: int) -> bool:
    """Is the actor the subject of the sentence at `start`: named (itself or by title) before its first verb?
    "The Iraqi government has welcomed Sadr's move" is the government acting; "Sadrist lawmakers denounced
    ... the government" is not."""
    text = lib.articles[article_id].text
    s = sentence_at(lib, article_id, start)
    subject = _subject_terms(text, text[s.start:s.end])
    return bool(actor) and subject is not None and covers(actor, subject)


# "... greeted with cautious relief *by the embattled residents*": a passive's agent (up to four words)
_AGENT = re.compile(r"(?i)\bby\s+((?:[\w'\-]+\s+){0,3}[\w'\-]+)")


def acts_in(lib: Library, actor: frozenset[str], article_id: str, start: int) -> bool:
    """acts_first, or the actor named as the agent of a passive ("The truce ... was greeted with cautious relief
    by the embattled residents" is the residents acting), or as the one a verb of feeling stirs ("... has angered
    many residents" is the residents taking it ill)."""
    if acts_first(lib, actor, article_id, start):
        return True
    s = sentence_at(lib, article_id, start)
    sentence = lib.articles[article_id].text[s.start:s.end]
    return bool(actor & set(terms(" ".join(_passive_agents(sentence))))) or feels(actor, sentence)


def _passive_agents(sentence: str) -> list[str]:
    """The words after each "by" of the sentence (_AGENT) but one closing a verb of its own ("refusing to *abide
    by* Sadr's ceasefire": Sadr is no agent there); after a participle ("killed by") or a noun ("greeted with
    cautious relief by the embattled residents") it is a passive's agent."""
    out = []
    for m in _AGENT.finditer(sentence):
        before = re.findall(r"[\w'\-]+", sentence[:m.start()])[-1:]
        w = before[0].lower() if before else ""
        if w and lexicon.base_forms(w, "v") and not is_participle(w) and not lexicon.base_forms(w, "n"):
            continue
        out.append(m.group(1))
    return out


_QUANTIFIERS = frozenset("the a an many most some all several those these his her their its".split())


def feels(actor: frozenset[str], sentence: str) -> bool:
    """Is the actor the object of a verb of feeling in the sentence, a quantifier or determiner or two between
    ("has angered many residents", "alarmed the residents")?"""
    ws = words(sentence)
    for i, w in enumerate(ws):
        if w.isalpha() and lexicon.base_forms(w, "v") and wordkinds.is_feeling_verb(w):
            j = i + 1
            while j < len(ws) and j <= i + 2 and ws[j] in _QUANTIFIERS:
                j += 1
            if j < len(ws) and actor & set(terms(ws[j])):
                return True
    return False


def does_as_agent(lib: Library, actor: frozenset[str], verb: str, article_id: str, start: int) -> bool:
    """The act (or a stand-in) in the passive, the actor its agent: "The truce ... was greeted with cautious relief
    by the embattled residents" is the residents welcoming it."""
    s = sentence_at(lib, article_id, start)
    sentence = lib.articles[article_id].text[s.start:s.end]
    tokens = list(re.finditer(r"[\w'\-]+", sentence))
    for i, m in enumerate(tokens):
        w = m.group().lower()
        # a participle after a form of "be" (an adverb between: "was quickly greeted")
        if not (is_participle(w) and same_act(verb, w)
                and any(t.group().lower() in BE_FORMS for t in tokens[max(i - 2, 0):i])):
            continue
        agents = " ".join(_AGENT.findall(sentence[m.end():]))
        if covers(actor, set(terms(agents))):
            return True
    return False


def _subject_terms(text: str, sentence: str) -> set[str] | None:
    """The terms the sentence names before its first verb (its subject, titles standing for their names), None
    when no verb is found."""
    m = _first_verb(sentence)
    if m is None:
        return None
    # a possessor is no subject: "The cleric's aide Hazem Al-Aaraji read ..." is the aide acting, not the cleric
    before = _POSSESSOR.sub(" ", sentence[:m.start()])
    return set(terms(f"{before} {named_by_title(text, before)}"))


_POSSESSOR = re.compile(r"(?:\b(?:the|a|an)\s+)?[\w\-]+['\u2019]s\b(?!-)")


def _first_verb(sentence: str) -> re.Match | None:
    """The sentence's first verb form that is no name ("Prime" opens a title), no auxiliary ("has" welcomed)
    and no noun ("the cleric's order went out")."""
    for m in re.finditer(r"[\w'\-]+", sentence):
        w = m.group()
        if w[:1].islower() and w not in stopwords() and lexicon.base_forms(w, "v") and (
                not lexicon.base_forms(w, "n") or _name_then_object(sentence, m)):
            return m
    return None


def _name_then_object(sentence: str, m: re.Match) -> bool:
    """A noun-or-verb between a name and its object is the verb: "Hazem Al-Aaraji *read* a statement"."""
    return bool(re.search(r"[A-Z][\w'\-]*\s+$", sentence[:m.start()])) and bool(_OBJECT.match(sentence, m.end()))


_OBJECT = re.compile(r"\s+(?:a|an|the|his|her|their|its)\s")

# "issued a statement", "made a declaration": a verb whose object says it is speech
_STATEMENT = re.compile(r"\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+)?(?:statement|declaration|announcement|"
                        r"speech|remarks|warning|appeal|call|message)\b", re.I)
# a sentence opening with a clause or a phrase ("After the cleric's order went out, ...") has its subject later
_OPENING_PHRASE = re.compile(r"^\W*(?:after|before|when|while|as|since|if|in|on|at|during|despite|following|"
                             r"with|without|by|for|from|under)\b", re.I)


def speaks_first(lib: Library, speaker: frozenset[str], article_id: str, start: int) -> bool:
    """Is the speaker the subject of the sentence at `start` and speaking its first verb ("Prime Minister
    Nouri Al-Maliki issued a statement calling it ...", "Sadr said ...")?"""
    text = lib.articles[article_id].text
    s = sentence_at(lib, article_id, start)
    sentence = text[s.start:s.end]
    m = _first_verb(sentence)
    if m is None or _OPENING_PHRASE.match(sentence):
        return False
    before = sentence[:m.start()]
    if not (speaker and covers(speaker, set(terms(f"{before} {named_by_title(text, before)}")))):
        return False
    return wordkinds.is_speech_verb(m.group().lower()) or bool(_STATEMENT.match(sentence[m.end():]))


def _subject_of(text: str, s) -> set[str]:
    """_subject_terms of the sentence `s`; the whole sentence's terms when no verb is found."""
    subject = _subject_terms(text, text[s.start:s.end])
    return subject if subject is not None else _named_in(text, s)


def _named_in(text: str, s) -> set[str]:
    """The terms of a sentence with the names the article's titles in it stand for."""
    sentence = text[s.start:s.end]
    return set(terms(f"{sentence} {named_by_title(text, sentence)}"))


def reports_speech(lib: Library, article_id: str, start: int) -> bool:
    """Does the sentence at `start` report what someone said ("issued a statement saying", "acknowledged")?"""
    text = lib.articles[article_id].text
    end = sentence_at(lib, article_id, start).end
    return any(wordkinds.is_speech_verb(w) for w in set(words(text[start:end])) if w.isalpha())


def reports_words(lib: Library, article_id: str, start: int) -> bool:
    """reports_speech, or is the sentence's own verb one whose senses include saying ("The Iraqi government has
    welcomed Sadr's move"; not "... militia led by ...", a rare sense of "lead")?"""
    first = _first_verb(lib.articles[article_id].text[start:sentence_at(lib, article_id, start).end])
    return reports_speech(lib, article_id, start) or bool(first and wordkinds.may_say(first.group().lower()))


PRONOUN_RUN = 4  # sentences opening on a pronoun followed back to the one naming whom it stands for


def names_speaker(lib: Library, speaker: frozenset[str], article_id: str, start: int, as_subject: bool = False) -> bool:
    """Does the sentence at `start` of the article name the speaker (itself, by title, or by a pronoun
    opening it right after a sentence that does)? `as_subject`: only as the subject of each sentence read
    ("He said anyone ... targeting the government" names the government in someone else's words)."""
    text = lib.articles[article_id].text
    sents = lib.sentences[article_id]
    named_in = _subject_of if as_subject else _named_in
    i = sentence_at(lib, article_id, start).ordinal
    said = named_in(text, sents[i])
    # "In exchange, he asked ...": the one the sentence before names; but not in "Shi'ite cleric Moqtada
    # al-Sadr said he ...", where a name of its own comes first (a capital past the first word, not a day's).
    # A run of such sentences ("He said ... He said ...") goes back to the one naming him.
    for j in range(i, max(i - PRONOUN_RUN, 0), -1):
        pronoun = _PRONOUN.search(text, sents[j].start, sents[j].end)
        before = text[sents[j].start:pronoun.start()].split(None, 1)[1:] if pronoun else []
        if not pronoun or (before and _OWN_NAME.search(before[0])):
            break
        said |= named_in(text, sents[j - 1])
        if covers(speaker, said, armed=True):
            break
    return covers(speaker, said, armed=True)
