"""Who runs it: "Who runs the Iraqi government?" is answered by "Iraqi Prime Minister Nouri Al-Maliki ...".

A question asking who leads, runs, heads or commands something wants the person the articles give that
role to, and news gives roles as a title before a name, with what the role is over before the title
("Iraqi Prime Minister Nouri Al-Maliki", "Mahdi Army commander Abu Faris", "UN Secretary-General ...").
No sentence need share the question's verb, so the sentence scorer alone prefers any sentence about
"the Iraqi government"; among the first candidates, the best one that holds such a titled name, preceded
by a word of the question (or, failing that, near one), goes first.
"""

from __future__ import annotations

import re

from bot.answer import lexicon, rewordings, wordkinds
from bot.answer.question import Question
from bot.answer.verbs import PLACE_KINDS
from index.terms import holds_run, stopwords, terms, words

# Verbs of leading something (base forms): the question's verb after "Who".
LEAD_VERBS = frozenset("run lead head govern rule command chair".split())
_WHO = re.compile(r"^\s*who\s+(?:is\s+|currently\s+|now\s+)?([a-z]+)\b", re.I)
# Capitalised title words (the last a kind of person), then a name of one word or more.
_TITLED = re.compile(r"((?:\b[A-Z][\w'\-]*[ \t]+){1,3})((?:[A-Z][a-z]+[ \t]+){1,2}[A-Z][\w'\-]+)")


# "Who is the leader of X?", "who's in charge of X?": the role as a noun.
# ... or owned: "who is the Mahdi Army's leader"
_WHO_NOUN = re.compile(r"^\s*who(?:'s|\s+is|\s+was|\s+are)\s+(?:the\s+)?(?:(leader|head|commander|chief|boss|ruler|"
                       r"in\s+charge)\s+(?:of|at)\b|(?:[\w\-]+\s+){0,3}?[\w\-]+['\u2019]s\s+"
                       r"(leader|head|commander|chief|boss|ruler)\b)", re.I)
# "... the Mehdi Army militia led by Shi'ite cleric Moqtada Al-Sadr": the role given by a participle.
_LED_BY = re.compile(r"\b(?:led|headed|commanded|run|ruled|chaired|controlled)\s+by\s+(?:[\w'\-]+\s+){0,3}?[A-Z]")


def asks_for_leader(question: str) -> bool:
    """Does the question ask who leads / runs / heads something?"""
    if _WHO_NOUN.match(question):
        return True
    m = _WHO.match(question)
    return bool(m) and any(b in LEAD_VERBS for b in lexicon.base_forms(m.group(1).lower(), "v"))


def led_by(q: Question, sentence: str) -> bool:
    """Does the sentence name what the question asks about, then say it is "led by" / "headed by" someone?"""
    m = _LED_BY.search(sentence)
    if not m:
        return False
    before = set(terms(sentence[:m.start()]))
    return all(t in before for t in q.terms if t != q.verb and t not in _verb_terms(q))


def names_role(q: Question, sentence: str, context: str = "") -> bool:
    """Does the sentence give someone a title over what the question asks about? Strictly (no
    `context`): a word of the question right before the title ("Iraqi Prime Minister Nouri Al-Maliki"
    for "the Iraqi government"). Loosely: the sentence opens with a titled name, and it or `context`, the
    sentence before it, holds every term of the question but its verb ("The Iraqi government has
    welcomed ... Prime Minister Nouri Al-Maliki issued ...")."""
    if context:
        held = _over(words(f"{context} {sentence}"))
        if not all(t in held for t in q.terms if t != q.verb and t not in _verb_terms(q)) or not _holds_places(
                q, f"{context} {sentence}"):
            return False
    for m in _TITLED.finditer(sentence):
        if context and sentence[:m.start()].strip():
            continue  # loosely, only a titled name that opens the sentence (its subject)
        title = m.group(1).split()
        for i in range(len(title)):
            # the title's head is a kind of person who leads ("Prime Minister", not "VOA Correspondent")
            if not wordkinds.is_leader_noun(title[i].lower()):
                continue
            # (strictly, the rest of what the question names must be what such a title heads: "Iraqi Prime
            # Minister" heads the Iraqi government, not "the iraqi police")
            over = _over(title[:i])
            if context or (over & q.terms and not (set(q.terms) - over - _verb_terms(q) - {q.verb} - _GOVERNING)):
                return True
    return False


_GOVERNING = frozenset(t for w in "government country state nation administration cabinet regime leadership".split()
                       for t in terms(w))


# A name and the kind of place it names ("Sadr City", "Basra province"): one place, not a name and a city
_NAMED_PLACE = re.compile(rf"\b[A-Z][\w'\-]*\s+(?i:{'|'.join(sorted(PLACE_KINDS))})\b")


def _holds_places(q: Question, text: str) -> bool:
    """Does the text write each place the question names with its kind ("who runs Sadr City") as the question
    does, not its words apart ("the Mehdi Army militia led by ... Al-Sadr" in a sentence about "the city")?"""
    return all(holds_run(text, terms(m.group())) for m in _NAMED_PLACE.finditer(q.text))


def _over(words: list[str]) -> set[str]:
    """The terms of the words before a title, a people's word also as its country's ("Iraqi Prime
    Minister" is over Iraq)."""
    return {t for w in words for n in (w, *rewordings.country_names(w.lower())) for t in terms(n)}


def _verb_terms(q: Question) -> set[str]:
    """The stemmed verb after "Who" ("runs" -> "run"), or the role's noun ("leader", "in charge"), which no
    answer need hold."""
    m = _WHO_NOUN.match(q.text) or _WHO.match(q.text)
    return set(terms(next(g for g in m.groups() if g))) if m else set()


def role_words(topic: str) -> list[str]:
    """The terms of the role a "who is the <role>?" topic names, its head a kind of person and the common word
    right before it that says which ("the iraqi defence minister" -> ["defenc", "minist"]); [] when the topic is no
    role, or its word before the head is a name or a people's word ("the US spokesman", "the Iraqi minister")."""
    ws = re.findall(r"[A-Za-z][\w'\-]*", topic)
    if len(ws) < 2 or ws[-1].lower() in stopwords() or not wordkinds.is_person_first(ws[-1].lower()):
        return []
    before = ws[-2]
    if (before[:1].isupper() or before.lower() in stopwords() or rewordings.country_names(before.lower())
            or not lexicon.base_forms(before.lower(), "n")):
        return []
    return terms(f"{before} {ws[-1]}")


def writes_role(text: str, role: list[str]) -> bool:
    """Does the text write the role's words together ("Defence Minister ...", "defence minister"), not apart
    ("self-defence" in one sentence, "Prime Minister" in another)?"""
    return holds_run(text, role)
