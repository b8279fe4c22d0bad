"""Who a question asks about and what they did: the actor and verb of "What did Sadr demand?" (actor_terms), the
speaker of a question about what someone said (speaker_terms), the source it names ("according to Dan Senor":
source_terms), whether it asks how someone reacted (asks_reaction); and whether a sentence holds that act, as
its verb or one WordNet lets stand in for it (does_verb, says_verb, same_act). Who in a sentence is the subject
of that verb is bot/answer/speaker.py's.
"""

from __future__ import annotations

import re

from bot.answer import lexicon, rewordings, wordkinds
from bot.answer.verbs import split_subject
from bot.library import Library, sentence_at
from index.terms import stopwords, terms, words

_QUALIFIER = re.compile(r"\s(?:in|of|at|from|near|on|for|with|about|over|under|who|which|that)\s", re.I)
# "what did Sadr do", "what has the government done (in Basra)": the subject and "do" as the main verb
_DO = re.compile(r"(?i)^\s*what\s+(?:did|does|do|has|have|had|will|would)\s+(.+?)(?<!\bto)\s+(?:do|done)\b")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "you", "i"})


def speaker_terms(question: str) -> frozenset[str]:
    """The stemmed head word of the subject of a question about what someone said, with the names before
    a common noun ("What did Prime Minister Maliki say ...?" -> {"maliki"}, "... the Sadrist lawmakers
    say" -> {"sadrist", "lawmak"}); empty when the question is not of that shape."""
    actor, verb = actor_terms(question)
    return actor if verb and wordkinds.is_speech_verb(verb) else frozenset()


def actor_terms(question: str) -> tuple[frozenset[str], str]:
    """The person a do-support question asks about and its verb, whatever the verb ("What does Sadr
    want?" -> ({"sadr"}, "want")): the subject's head as in speaker_terms; (empty, "") when the question
    is not of that shape or its subject is no person."""
    # "what did Sadr do?", "what did the government do after Sadr's order": "do" is the verb itself, no
    # auxiliary (split_subject would read "the government do after Sadr's" as the subject of "order")
    bare = _DO.match(question)
    if bare and len(bare.group(1).split()) <= 4:
        return _head_terms(bare.group(1)), "do"
    parts = split_subject(question)
    if not parts:
        return frozenset(), ""
    _, subject, rest = parts
    ws = words(rest)
    verb = next(iter(ws), "")
    if not verb or not lexicon.is_verb(verb):
        return frozenset(), ""
    # "what does the government need to guarantee": the act is the verb after "need to" / "have to" ("He said the
    # Iraqi government must guarantee ..."), not needing (was any act of the government's: "has welcomed ...")
    if verb in _OBLIGED and len(ws) > 2 and ws[1] == "to" and lexicon.is_verb(ws[2]):
        ws = ws[2:]
        verb = ws[0]
    # a phrasal verb is its own act ("did the fighters hand over their weapons": "hand_over", not "hand", one of
    # whose senses is to lead)
    # (not a preposition: "build in Scotland"; "in" / "on" a particle only before a possessive: "turn in their guns")
    after = re.search(rf"(?i)\b{re.escape(verb)}\s+{re.escape(ws[1])}\s+(\S+)", rest) if len(ws) > 1 else None
    nxt = after.group(1) if after else ""
    particle = len(ws) > 1 and ws[1] in _PARTICLES and not nxt[:1].isupper() and (
        ws[1] not in ("in", "on") or nxt.lower() in ("their", "his", "her", "its", "our", "my", "your"))
    phrasal = lexicon.compound(verb, ws[1]) if particle else None
    return _head_terms(subject), phrasal or verb


_OBLIGED = frozenset("need needs needed have has had ought".split())  # "... need to / have to <verb>"
_PARTICLES = frozenset("over off up down out in back away on".split())


# "according to Senor, what will US forces do?", "who was targeted according to the government": the source
_ACCORDING = re.compile(r"(?i)\baccording\s+to\s+((?:[\w'\-]+\s+){0,4}?[\w'\-]+)(?=\s*(?:[,?.!]|$)|\s+(?:who|whom|what|"
                        r"which|when|where|why|how|is|are|was|were|will|would|did|does|do|has|have|had|can)\b)")


def source_terms(question: str) -> frozenset[str]:
    """The head of the person the question names as its source ("according to Dan Senor" -> {"senor"}), else
    empty."""
    m = _ACCORDING.search(question)
    # (a possessor is no part of who speaks: "according to Sadr's spokesman" is the spokesman)
    return _head_terms(re.sub(r"[\w\-]+['\u2019]s\s+", "", m.group(1))) if m else frozenset()


def _head_terms(subject: str) -> frozenset[str]:
    """The stemmed head of a subject that is a person (see speaker_terms), else empty."""
    sw = stopwords()
    # The head comes before any phrase that qualifies it: "the unrest in Basra" is unrest, not Basra.
    subject = _QUALIFIER.split(subject, maxsplit=1)[0]
    content = [w for w in subject.split() if w.lower() not in sw and w.lower() not in _PRONOUNS]
    if not content:
        return frozenset()
    # The head is the subject's last word: the name after the titles, the noun after the modifiers. A
    # speaker is a person: a name, or a word for a kind of person ("commander", "officials").
    head = content[-1]
    name = any(part[:1].isupper() for part in head.split("-"))  # "al-Sadr" is a name too
    # ... or a body of people that speaks and acts as one ("the government", "the police").
    kinds = (head.lower(), *lexicon.base_forms(head.lower(), "n"))
    if not (name or any(wordkinds.is_person_noun(k) or wordkinds.is_group_noun(k) for k in kinds)):
        return frozenset()
    if name:
        return frozenset(terms(head))
    # A kind of person is narrowed by the names before it: "US officials" are not "Sadrist officials".
    return frozenset(terms(" ".join(w for w in content if w[:1].isupper() or w == head)))


def does_verb(lib: Library, verb: str, article_id: str, start: int, exact: bool = False) -> bool:
    """Does the sentence at `start` hold the question's verb or one WordNet lets stand in for it, either
    way round ("want" / "demanding", "ask" / "asked")? With exact, only a form of the verb itself
    ("take" / "took"; not "led", which one sense of "take" stands in for)."""
    text = lib.articles[article_id].text
    end = sentence_at(lib, article_id, start).end
    if _phrasal_in(verb, text[start:end]):
        return True
    if exact:
        lemmas = set(lexicon.base_forms(verb, "v")) or {verb.lower()}
        return any(set(lexicon.base_forms(w, "v")) & lemmas for w in set(words(text[start:end])) if w.isalpha())
    return any(_stands_in(verb, w)
               for w in set(words(text[start:end])) if w.isalpha() and w.lower() not in stopwords())


def _phrasal_in(verb: str, sentence: str) -> bool:
    """A phrasal verb ("take_up", "turn_in") told by a form of its verb with its particle a few words on ("took
    up service", "turning in their guns"; not "calling for" for "call_off")."""
    if "_" not in verb:
        return False
    head, particle = verb.lower().split("_", 1)
    ws = words(sentence)
    return any(head in lexicon.base_forms(w, "v") and particle in ws[i + 1:i + 4] for i, w in enumerate(ws))


def says_verb(verb: str, sentence: str) -> bool:
    """Does the sentence hold a form of the verb, or of one of its synonyms in their most frequent senses
    ("hurt" / "wounded"; not "caught", which a rare sense of "catch" relates to "hurt")?"""
    lemmas = {verb.lower(), *lexicon.base_forms(verb, "v"), *rewordings.synonyms(verb)}
    return any(w in lemmas or lemmas & set(lexicon.base_forms(w, "v")) for w in words(sentence) if w.isalpha())


def same_act(verb: str, w: str) -> bool:
    """Is the word a form of the verb, or one WordNet lets stand in for it either way? A verb of many senses
    stands in only as itself ("calling" a step right is no visit, though to call is to visit)."""
    # (a phrasal verb's own verb: "turning" for "turn_in", the sentence going on "... turning in their guns")
    if set(lexicon.base_forms(w, "v")) & ({verb.lower(), verb.lower().split("_")[0]} | set(lexicon.base_forms(verb, "v"))):
        return True
    # (either way: "did Sadr get it" is no "calling for a nationwide strike", "get" having 36 senses)
    if len(lexicon.synsets(w, "v")) >= lexicon.MANY_SENSES or len(lexicon.synsets(verb, "v")) >= lexicon.MANY_SENSES:
        return False
    return _stands_in(verb, w)


def _stands_in(verb: str, w: str) -> bool:
    """Does the word stand in for the verb, or the verb for it, in their more frequent senses ("demanding" for
    "want"; not "threatening" for "offer", which only its ninth sense, to threaten, relates)?"""
    # (a phrasal verb's own verb without its particle is another act: "calling (for)" is no "call_off")
    if "_" in verb and verb.split("_")[0].lower() in lexicon.base_forms(w, "v"):
        return False
    # (a commitment made: "what did the US promise" / "the US agreed to suspend the warrant", which WordNet does not
    # relate)
    if set(lexicon.base_forms(verb, "v")) & _COMMIT and set(lexicon.base_forms(w, "v")) & _COMMIT:
        return True
    return (lexicon.related(verb, w, senses=lexicon.FREQUENT_SENSES)
            or lexicon.related(w, verb, b_senses=lexicon.FREQUENT_SENSES))


# The verbs of binding oneself to do something
_COMMIT = frozenset({"promise", "pledge", "vow", "agree", "guarantee", "undertake"})  # (not "commit": a crime too)


def asks_reaction(verb: str) -> bool:
    """"How did X react / respond?": any act of X's is the answer ("The government has welcomed the move"),
    whatever its verb."""
    # the verbs themselves: WordNet relates "respond" (as "reply") to "say", which asks for words, not acts
    return bool(set(lexicon.base_forms(verb, "v")) & set(REACTION_VERBS))


REACTION_VERBS = ("react", "respond", "like", "feel", "view", "think")  # "did the government like it?"
VIEW_VERBS = ("like", "feel", "view", "think")  # a view held, no act whatever


def asks_view(verb: str) -> bool:
    """"What does X think of Y?", "how did X feel about Y?": not any act of X's about Y (as for "how did X
    react") but a stand X takes on it, or words ("Maliki went to Basra ... the Mehdi Army militia led by ...
    Sadr" is no view of Sadr)."""
    return bool(set(lexicon.base_forms(verb, "v")) & set(VIEW_VERBS))
