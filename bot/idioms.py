"""Idioms of a question put plainly, after its words are the articles' (bot/normalize.py): a news idiom for a
count of the dead ("basra death toll" -> "how many were killed in basra"), a yes / no question's negated
auxiliary ("didn't the government welcome the move?" -> "did ..."), "got" and a participle as a passive ("who
got hurt" -> "who was hurt"), "left" after "be" as remaining ("how many militiamen are left" -> "how many
militiamen remain"), a person's full name asked for as who they are ("what's Maliki's full name" -> "who is
Maliki"), where someone is strongest as their strongholds ("where is the militia strongest" -> "where are the
militia's strongholds"), a phrase the articles never write as the one of the same meaning they do ("in return"
-> "in exchange").
"""

from __future__ import annotations

import re

from bot.answer import base_forms, is_participle
from bot.antecedents import possessive

# "who got hurt", "how many people got killed": "got" + a participle is a passive, said plainly with "was"/"were"
_GOT_PASSIVE = re.compile(r"\b(?:got|gotten)\s+(?=([a-z]+)\b)")


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
    # "give me the casualty numbers", "what are the casualty figures in basra", "tell me the death count"
    (re.compile(r"^\s*(?:(?:give|tell|show)\s+me\s+|what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+)?(?:the\s+)?"
                r"(?:casualty|death)\s+(?:numbers?|figures?|counts?|tolls?|totals?)\b\s*", re.I), "how many were killed "),
    # "death toll in basra", "the number of casualties in kut" (no question word)
    (re.compile(r"^\s*(?:the\s+)?(?:death\s+toll|number\s+of\s+(?:dead|deaths|casualties|fatalities))\b\s*", re.I),
     "how many were killed "),
    # "Basra death toll" (a name: normalize has capitalised it; "civilian casualties" names no place)
    # ... "Basra fighting deaths", "Kut clashes casualties" (the events between)
    (re.compile(r"^\s*(?P<place>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)\s+(?:(?:fighting|clashes|violence|offensive|"
                r"attacks?|unrest|battles?)\s+)?(?:[Dd]eath\s+toll|[Cc]asualties|[Dd]eaths|[Ff]atalities)\s*(?=[?.!]*\s*$)"),
     "how many were killed in \\g<place>"),
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


# "what's Maliki's full name", "what is the full name of the prime minister": who the person is, whom the articles
# introduce by the whole name and title ("Prime Minister Nouri Al-Maliki ...")
_FULL_NAME = re.compile(r"(?i)^\s*(?:what(?:'s|\s+is|\s+was)|whats)\s+(?:(?P<pronoun>his|her|their)\s+(?:full|whole|real|"
                        r"complete)\s+names?|(?P<owner>\S.*?)['\u2019]s\s+(?:full|whole|real|complete)\s+name|"
                        r"the\s+(?:full|whole|real|complete)\s+name\s+of\s+(?P<of>\S.*?))\s*(?P<end>[?.!]*)\s*$")
_PERSONAL = {"his": "he", "her": "she", "their": "they"}  # ("what's his full name" -> "who is he", for rewrite)


def plain_name(question: str) -> str:
    """"what's Maliki's full name" -> "who is Maliki"; other questions unchanged."""
    m = _FULL_NAME.match(question)
    if not m:
        return question
    if m.group("pronoun"):
        be = "are" if m.group("pronoun").lower() == "their" else "is"
        return f"who {be} {_PERSONAL[m.group('pronoun').lower()]}{m.group('end')}"
    return f"who is {m.group('owner') or m.group('of')}{m.group('end')}"


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


def _passive(question: str) -> str:
    """"got" + a past participle as "was" / "were" (+ the participle): the question's verb is the participle;
    "did anyone get hurt" as "was anyone hurt"."""
    be = "were" if re.match(r"(?i)\s*how\s+many\b", question) else "was"
    question = _DID_GET.sub(lambda m: f"{'were' if m.group(2).lower() in ('they', 'you', 'we') else 'was'} {m.group(2)} "
                            if is_participle(m.group(3)) else m.group(), question)
    # ... and "were" after a plural ("which ones got hit", "the strongholds got raided"; was "which ones was hit")
    def plural_before(at: int) -> bool:
        before = re.search(r"([A-Za-z]+)\s+$", question[:at])
        word = before.group(1) if before and before.group(1).islower() else ""  # (not a name: "Abbas")
        return word in _PLURALS or (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")))
    return _GOT_PASSIVE.sub(lambda m: (f"{'were' if plural_before(m.start()) else be} " if is_participle(m.group(1))
                                       else m.group()), question)


_PLURALS = frozenset({"people", "they", "we", "you", "men", "women", "children", "police"})


# "did anyone get hurt": "get" + a participle after "did" and a pronoun is a passive too
_DID_GET = re.compile(r"\b(did)\s+(anyone|anybody|someone|somebody|everyone|everybody|he|she|it|they|you|we)\s+get\s+"
                      r"(?=([a-z]+)\b)", re.I)


# "where is the Mahdi Army strongest", "where are they most powerful": where its strongholds are, the news word for it
_STRONGEST = re.compile(r"(?i)^\s*where(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?P<who>[\w'\- ]+?)\s+(?:the\s+)?"
                        r"(?:strongest|most\s+powerful)\s*(?P<end>[?.!]*)\s*$")
_OWNER = {**{v: k for k, v in _PERSONAL.items()}, "it": "its"}  # "he" -> "his", ...


def plain_stronghold(question: str) -> str:
    """"where is X strongest" put as "where are X's strongholds"; any other question unchanged."""
    m = _STRONGEST.match(question)
    if not m:
        return question
    who = m.group("who").strip()
    owner = _OWNER.get(who.lower()) or possessive(who)
    return f"where are {owner} strongholds{m.group('end')}"


# Phrases of one meaning: "what does the government have to do in return" is answered by "In exchange, he asked
# the government to ...". (WordNet links neither to the other.)
# ... and "fewer" / "less", which news writes either of ("There were significantly less militiamen ...")
SAME_PHRASES = (("in return", "in exchange"), ("in reply", "in response"), ("fewer", "less"))
# ... and the nouns news uses for one settlement between sides: "is there a deal" is asked of "the truce"
SAME_NOUNS = (("deal", "agreement", "accord", "pact", "truce"),)
# (after a determiner: a noun, not "how did they deal with it")
_DETERMINED = re.compile(r"(?i)\b(a|an|the|this|that|any|their|his|its)\s+([a-z]+)\b")
_WHATS_THE = re.compile(r"(?i)^\W*(?:so\s+|and\s+|ok\s+)?what(?:'s|\u2019s|s|\s+is|\s+was)\s+the\s+$")


def plain_phrase(question: str, corpus) -> str:
    """The question with each phrase of SAME_PHRASES (or noun of SAME_NOUNS after a determiner) no article uses
    (its last word) put as another of its group one does (corpus: the archive's word statistics, index/words.py);
    else unchanged."""
    def used(word: str) -> bool:
        return bool(corpus.counts({word}).get(word))

    for group in SAME_PHRASES:
        for typed in group:
            m = re.search(r"(?i)\b" + r"\s+".join(typed.split()) + r"\b", question)
            if not m or used(typed.split()[-1]):
                continue
            other = next((o for o in group if o != typed and used(o.split()[-1])), None)
            if other:
                question = question[:m.start()] + other + question[m.end():]

    def noun(m: re.Match) -> str:
        group = next((g for g in SAME_NOUNS if m.group(2).lower() in g), None)
        # ("what's the deal with the green zone", "what was the deal in Najaf": what is going on, said casually)
        if not group or used(m.group(2).lower()) or _WHATS_THE.search(question, 0, m.start(2)):
            return m.group()
        other = next((o for o in group if used(o)), None)
        if not other:
            return m.group()
        det = m.group(1)
        if det.lower() in ("a", "an"):  # "a deal" -> "a truce", "an accord"
            det = ("an" if other[0] in "aeiou" else "a") if det.islower() else ("An" if other[0] in "aeiou" else "A")
        return f"{det} {other}"

    return _DETERMINED.sub(noun, question)


# "how many militiamen are left in najaf", "who is still left there": "left" after "be" is what remains, a state, not
# the act of leaving someone undergoes ("how many were killed"), nor "left of" / "left behind" / "left in charge"
_LEFT = re.compile(r"(?i)\b(is|are|was|were)\s+(still\s+)?left\b"
                   r"(?![\w\-]|\s+(?:of|to|behind|out|over|with|for|in\s+charge)\b)")
_REMAIN = {"is": "remains", "are": "remain", "was": "remained", "were": "remained"}


def plain_left(question: str) -> str:
    """"are left" as "remain" (and so on for the other forms of "be"); any other question unchanged."""
    return _LEFT.sub(lambda m: (m.group(2) or "") + _REMAIN[m.group(1).lower()], question)


# "did the fighters give up there weapons": "there" typed for "their", before a plural noun after a verb or a particle
# (not "is there", "were there": a form of "be" before it asks whether there are any)
_THERE_THEIR = re.compile(r"(?i)\b(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)there(?=\s+([a-z]+s)\b)")


def plain_their(question: str) -> str:
    """The question with "there" before a plural noun (whose singular WordNet knows: "weapons", "homes") put as
    "their", after any word but a form of "be"; else unchanged."""
    def their(m: re.Match) -> str:
        noun = m.group(1).lower()
        plural = any(b != noun for b in base_forms(noun, "n"))
        return ("Their" if m.group()[0].isupper() else "their") if plural and m.start() > 0 else m.group()
    return _THERE_THEIR.sub(their, question)
